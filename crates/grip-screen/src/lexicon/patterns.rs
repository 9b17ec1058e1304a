//! Structured patterns (regexes) run only where they can match. Every match of a pattern
//! begins with one of a few literal prefixes ("voorspelt", "herkent", …); those prefixes join
//! the term automaton, so one pass over the text finds every place worth trying, and the
//! regex is then run anchored at those places only. Scanning the whole text once per regex
//! took 80% of the screening time on 100 KB documents (the case-insensitive alternations
//! defeat the regex crate's own prefilters). Patterns without usable prefixes, and texts the
//! ASCII prefilter cannot see into (see [`super::fold::Folded::exotic_case`]), get a full scan.

use std::sync::OnceLock;

use regex::{Regex, RegexBuilder};
use regex_automata::{Anchored, Input};
use regex_syntax::hir::{Class, ClassUnicode, Hir, HirKind};
use regex_syntax::utf8::Utf8Sequences;

use super::anchors::prefix_anchors;
use crate::LexiconError;
use crate::automata::config::REGEX_SIZE_LIMIT;
use crate::automata::{ForwardDfa, Use};

/// Patterns estimated above this many NFA states are compiled at load (see
/// [`estimated_nfa_states`]); below it they are far inside [`REGEX_SIZE_LIMIT`] (tested).
/// The regex crate's NFAs measured at most ~21 bytes per estimated state (`\d{n}`), so this
/// leaves a margin of about 3× (the test below tries patterns just under it).
pub(crate) const EAGER_CHECK_STATES: usize = REGEX_SIZE_LIMIT / 64;
// `PATTERN_ANCHORS`: (pattern in the document dialect, its prefix anchors), for the
// embedded pack's patterns, written by build.rs with this crate's `prefix_anchors`.
include!(concat!(env!("OUT_DIR"), "/precompiled_anchors.rs"));

/// The build script's anchors for `pattern`, when it is one of the embedded pack's: parsing
/// every pattern again was a third of loading the pack.
fn embedded_anchors(pattern: &str) -> Option<Vec<String>> {
    let (_, anchors) = PATTERN_ANCHORS
        .iter()
        .find(|(source, _)| *source == pattern)?;
    Some(anchors.iter().map(|a| (*a).to_owned()).collect())
}

/// One compiled pattern of the pack.
#[derive(Debug)]
pub(crate) struct Pattern {
    /// Lower-cased literals every match starts with; empty when the pattern scans fully.
    pub anchors: Vec<String>,
    /// Forward lazy DFA for anchored runs (only when `anchors` is not empty), built on first
    /// use: compiling the Unicode-aware NFAs of every pattern was most of the start-up time.
    anchored: OnceLock<Option<AnchoredSearch>>,
    /// The regex as the regex crate runs it, built on first need (full-scan patterns, exotic
    /// texts, or a DFA that had to quit).
    source: String,
    full: OnceLock<Option<Regex>>,
}

/// A pattern's forward DFA, run anchored at candidate starts.
#[derive(Debug)]
struct AnchoredSearch {
    dfa: ForwardDfa,
}

impl Pattern {
    /// Prepares `pattern` (already in the document dialect, case-insensitive): finds the
    /// literal prefixes it is anchored on. The automata are compiled on first use;
    /// [`Pattern::check`] validates it.
    pub(crate) fn new(pattern: &str, id: &str) -> Result<Pattern, LexiconError> {
        let anchors = match embedded_anchors(pattern) {
            Some(anchors) => anchors,
            None => prefix_anchors(pattern).map_err(|message| invalid(id, message))?,
        };
        Ok(Pattern {
            anchors,
            anchored: OnceLock::new(),
            source: pattern.to_owned(),
            full: OnceLock::new(),
        })
    }

    /// Validation stays strict at load: the full syntax is parsed and translated here (bad
    /// syntax, unknown Unicode classes), and a pattern whose estimated NFA size is not
    /// clearly within [`REGEX_SIZE_LIMIT`] is compiled now, so a pack that loads also
    /// compiles later. A pattern the build script precompiled passed all of that already.
    pub(crate) fn check(&self, id: &str) -> Result<(), LexiconError> {
        if self.has_embedded_dfa() {
            // Checked when Grip was built. Its DFA is loaded (and validated) by the first
            // search, so a batch pays only for the patterns its documents give a chance.
            return Ok(());
        }
        let large = check_syntax(&self.source).map_err(|message| invalid(id, message))?;
        if large && !self.anchors.is_empty() {
            let search =
                AnchoredSearch::build(&self.source).map_err(|message| invalid(id, message))?;
            let _ = self.anchored.set(Some(search));
        }
        Ok(())
    }

    /// [`Pattern::new`] and [`Pattern::check`] in one.
    #[cfg(test)]
    pub(crate) fn compile(pattern: &str, id: &str) -> Result<Pattern, LexiconError> {
        let compiled = Pattern::new(pattern, id)?;
        compiled.check(id)?;
        Ok(compiled)
    }

    pub(crate) fn is_anchored(&self) -> bool {
        !self.anchors.is_empty()
    }

    /// Whether the build script determinised its anchored DFA (loaded on first search).
    fn has_embedded_dfa(&self) -> bool {
        self.is_anchored() && ForwardDfa::is_embedded(&self.source, Use::AnchoredPattern)
    }

    /// Whether its anchored DFA came from the build script.
    #[cfg(test)]
    pub(crate) fn is_precompiled(&self) -> bool {
        self.anchored_search()
            .is_some_and(|s| s.dfa.is_precompiled())
    }

    /// Compiles now what the pattern's first search would compile.
    pub(crate) fn warm_up(&self) {
        // An embedded DFA needs no compiling: the first search that needs it loads it.
        if self.has_embedded_dfa() {
            return;
        }
        if self.anchored_search().is_none() {
            self.full.get_or_init(|| build_regex(&self.source).ok());
        }
    }

    fn anchored_search(&self) -> Option<&AnchoredSearch> {
        if self.anchors.is_empty() {
            return None;
        }
        self.anchored
            .get_or_init(|| AnchoredSearch::build(&self.source).ok())
            .as_ref()
    }

    /// Non-empty matches in `folded`, as `find_iter` over the whole text would report them.
    /// `starts` are the sorted, distinct positions where one of the anchors occurs.
    pub(crate) fn find(
        &self,
        folded: &str,
        starts: &[usize],
        exotic_case: bool,
    ) -> Vec<(usize, usize)> {
        if !exotic_case
            && let Some(search) = self.anchored_search()
            && let Some(found) = search.find(folded, starts)
        {
            return found;
        }
        self.full_scan(folded)
    }

    fn full_scan(&self, folded: &str) -> Vec<(usize, usize)> {
        let regex = self.full.get_or_init(|| build_regex(&self.source).ok());
        regex
            .iter()
            .flat_map(|r| r.find_iter(folded))
            .filter(|m| !m.is_empty())
            .map(|m| (m.start(), m.end()))
            .collect()
    }
}

fn invalid(id: &str, message: String) -> LexiconError {
    LexiconError::Pattern {
        id: id.to_owned(),
        message,
    }
}

impl AnchoredSearch {
    fn build(pattern: &str) -> Result<AnchoredSearch, String> {
        // The forward NFA carries the same size limit as the full regex; the reverse half is
        // never needed.
        ForwardDfa::new(pattern, Use::AnchoredPattern).map(|dfa| AnchoredSearch { dfa })
    }

    /// None when the DFA had to quit (e.g. a Unicode word boundary on non-ASCII text).
    fn find(&self, folded: &str, starts: &[usize]) -> Option<Vec<(usize, usize)>> {
        let mut found = Vec::new();
        if starts.is_empty() {
            return Some(found);
        }
        self.dfa.searching(|search| {
            // Leftmost-first, non-overlapping: the match starting at the first candidate
            // that matches is the one an unanchored scan reports; the next one starts after.
            let mut resume = 0;
            for &start in starts {
                if start < resume {
                    continue;
                }
                let input = Input::new(folded).range(start..).anchored(Anchored::Yes);
                match search(&input) {
                    Ok(Some(end)) if end.offset() > start => {
                        found.push((start, end.offset()));
                        resume = end.offset();
                    }
                    Ok(_) => {}
                    Err(_) => return None,
                }
            }
            Some(())
        })?;
        Some(found)
    }
}

/// Parses `pattern` as the case-insensitive regex it will be compiled to; for a pattern too
/// large to be clearly within the size limit, compiles it. Ok(true) when it was compiled.
pub(crate) fn check_syntax(pattern: &str) -> Result<bool, String> {
    let hir = regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .build()
        .parse(pattern)
        .map_err(|e| e.to_string())?;
    if estimated_nfa_states(&hir) <= EAGER_CHECK_STATES {
        return Ok(false);
    }
    build_regex(pattern).map_err(|e| e.to_string())?;
    Ok(true)
}

/// A case-insensitive regex checked at load ([`check_syntax`]) and compiled on first use to
/// a forward lazy DFA: whether it matches needs neither where a match starts nor its groups,
/// and the full regex (its reverse automaton, captures and other engines) cost three times
/// the compile time, at start-up, before the first denial could be checked. The full regex
/// is built only if the DFA cannot decide.
#[derive(Debug)]
pub(crate) struct LazyRegex {
    source: String,
    dfa: OnceLock<Option<Compiled>>,
    regex: OnceLock<Option<Regex>>,
}

/// The DFA of the pattern, or of its REST when it has a counted lead-in (see [`LeadIn`]).
#[derive(Debug)]
pub(crate) struct Compiled {
    lead_in: Option<LeadIn>,
    dfa: ForwardDfa,
}

/// A pattern of the form `^[^…]{0,n}?REST`, tried as REST anchored at each of the first
/// `n + 1` positions that the lead-in can reach: the same matches, while a DFA of the whole
/// counts up to `n` in its states and meets thousands of new ones in a run.
#[derive(Debug)]
struct LeadIn {
    /// Characters the lead-in may pass over.
    allowed: ClassUnicode,
    max_chars: usize,
    /// REST as a regex.
    rest: String,
}

impl LeadIn {
    /// The lead-in of `pattern`, if it has exactly that form: `^`, then a class repeated
    /// between zero and `n` times, then at least one more item, read off one syntax tree
    /// (a flag group or an alternation at the top level has another form).
    fn of(pattern: &str) -> Option<LeadIn> {
        use regex_syntax::ast::{AssertionKind, Ast, RepetitionKind, RepetitionRange};
        let ast = regex_syntax::ast::parse::Parser::new()
            .parse(pattern)
            .ok()?;
        let Ast::Concat(concat) = &ast else {
            return None;
        };
        let [Ast::Assertion(start), Ast::Repetition(lead), rest @ ..] = concat.asts.as_slice()
        else {
            return None;
        };
        let RepetitionKind::Range(RepetitionRange::Bounded(0, max_chars)) = lead.op.kind else {
            return None;
        };
        if start.kind != AssertionKind::StartLine {
            return None;
        }
        let source =
            |from: &Ast, to: &Ast| pattern.get(from.span().start.offset..to.span().end.offset);
        Some(LeadIn {
            allowed: unicode_class(source(&lead.ast, &lead.ast)?)?,
            max_chars: max_chars as usize,
            rest: source(rest.first()?, rest.last()?)?.to_owned(),
        })
    }
}

/// `class` (a pattern of one class) as the case-insensitive set of characters it matches.
fn unicode_class(class: &str) -> Option<ClassUnicode> {
    let hir = regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .build()
        .parse(class)
        .ok()?;
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => Some(class.clone()),
        _ => None,
    }
}

impl LeadIn {
    fn allows(&self, c: char) -> bool {
        let ranges = self.allowed.ranges();
        let at = ranges.partition_point(|r| r.end() < c);
        ranges.get(at).is_some_and(|r| r.start() <= c)
    }

    /// Whether REST matches at a position the lead-in reaches; None if the DFA gave up.
    fn is_match(&self, rest: &ForwardDfa, haystack: &str) -> Option<bool> {
        rest.searching(|search| {
            let positions = haystack
                .char_indices()
                .map(|(at, c)| (at, Some(c)))
                .chain(std::iter::once((haystack.len(), None)));
            for (passed, (at, next)) in positions.enumerate() {
                let input = Input::new(haystack)
                    .range(at..)
                    .anchored(Anchored::Yes)
                    .earliest(true);
                if search(&input).ok()?.is_some() {
                    return Some(true);
                }
                if passed == self.max_chars || !next.is_some_and(|c| self.allows(c)) {
                    break;
                }
            }
            Some(false)
        })
    }
}

impl LazyRegex {
    pub(crate) fn new(pattern: &str) -> Result<LazyRegex, String> {
        check_syntax(pattern)?;
        Ok(LazyRegex {
            source: pattern.to_owned(),
            dfa: OnceLock::new(),
            regex: OnceLock::new(),
        })
    }

    pub(crate) fn is_match(&self, haystack: &str) -> bool {
        let decided = self
            .compiled()
            .and_then(|compiled| match &compiled.lead_in {
                Some(lead_in) => lead_in.is_match(&compiled.dfa, haystack),
                None => compiled
                    .dfa
                    .searching(|search| search(&Input::new(haystack).earliest(true)).ok())
                    .map(|found| found.is_some()),
            });
        decided.unwrap_or_else(|| self.full_regex().is_some_and(|r| r.is_match(haystack)))
    }

    /// The compiled DFA, compiling it on the first call (the lead-in is looked for then
    /// too, not while the pack loads).
    pub(crate) fn compiled(&self) -> Option<&Compiled> {
        self.dfa
            .get_or_init(|| {
                let lead_in = LeadIn::of(&self.source);
                let regex = lead_in.as_ref().map_or(&self.source, |l| &l.rest);
                let dfa = ForwardDfa::new(regex, Use::AnchoredPattern).ok()?;
                Some(Compiled { lead_in, dfa })
            })
            .as_ref()
    }

    fn full_regex(&self) -> Option<&Regex> {
        self.regex
            .get_or_init(|| build_regex(&self.source).ok())
            .as_ref()
    }
}

/// Lower-cased ASCII literals at least one of which occurs in every match of `pattern`
/// (parsed as written, like [`prefix_anchors`]); None when no such set is found. A text
/// without any of them cannot match, except through the case-insensitive equivalents that
/// folding cannot reach (see [`super::fold::Folded::exotic_case`]).
pub(crate) fn required_literals(pattern: &str) -> Option<Vec<String>> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .ok()?;
    let literals = required_in(&hir)?;
    let mut folded = Vec::with_capacity(literals.len());
    for literal in literals {
        if literal.is_empty() || !literal.is_ascii() {
            return None;
        }
        folded.push(String::from_utf8_lossy(&literal).to_ascii_lowercase());
    }
    folded.sort();
    folded.dedup();
    Some(folded)
}

fn required_in(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    match hir.kind() {
        HirKind::Literal(literal) => Some(vec![literal.0.to_vec()]),
        HirKind::Capture(capture) => required_in(&capture.sub),
        HirKind::Repetition(rep) if rep.min > 0 => required_in(&rep.sub),
        // Any part of a concatenation will do: take the one whose shortest literal is longest.
        HirKind::Concat(subs) => subs
            .iter()
            .filter_map(required_in)
            .max_by_key(|set| set.iter().map(Vec::len).min().unwrap_or(0)),
        HirKind::Alternation(subs) => {
            let mut all = Vec::new();
            for sub in subs {
                all.extend(required_in(sub)?);
            }
            Some(all)
        }
        _ => None,
    }
}

/// A generous upper bound on the NFA states `hir` compiles to: every Unicode class counted
/// as its UTF-8 byte-sequence chains without sharing, every bounded repetition unrolled.
/// Patterns above [`EAGER_CHECK_STATES`] are compiled at load to check them against the
/// size limit.
pub(crate) fn estimated_nfa_states(hir: &Hir) -> usize {
    estimate_with(hir, &mut Vec::new())
}

/// `seen` remembers the chain count of each distinct class (`\w` recurs in most patterns).
fn estimate_with<'h>(hir: &'h Hir, seen: &mut Vec<(&'h ClassUnicode, usize)>) -> usize {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => 1,
        HirKind::Literal(literal) => literal.0.len() + 1,
        HirKind::Class(Class::Unicode(class)) => {
            if let Some(&(_, chains)) = seen.iter().find(|(c, _)| *c == class) {
                return chains;
            }
            // Each range compiles to a few UTF-8 byte-sequence chains.
            let chains = class
                .ranges()
                .iter()
                .flat_map(|r| Utf8Sequences::new(r.start(), r.end()))
                .map(|seq| seq.len())
                .sum::<usize>()
                + 1;
            seen.push((class, chains));
            chains
        }
        HirKind::Class(Class::Bytes(class)) => class.ranges().len() + 1,
        HirKind::Repetition(rep) => {
            let copies = rep.max.unwrap_or(rep.min).max(rep.min) as usize + 1;
            copies.saturating_mul(estimate_with(&rep.sub, seen))
        }
        HirKind::Capture(capture) => estimate_with(&capture.sub, seen) + 2,
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs
            .iter()
            .map(|sub| estimate_with(sub, seen))
            .fold(1, usize::saturating_add),
    }
}

fn build_regex(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern)
        .case_insensitive(true)
        .size_limit(REGEX_SIZE_LIMIT)
        .build()
}

#[cfg(test)]
mod tests {
    use super::super::dialect::{document_dialect, word_class};
    use super::super::fold::fold;
    use super::*;
    use std::sync::LazyLock;

    fn bounded(p: &str) -> String {
        document_dialect(p)
    }

    #[test]
    fn dialect_rewrites_word_classes_and_boundaries_outside_brackets_only() {
        assert_eq!(document_dialect(r"\bab\B"), r"(?-u:\b)ab(?-u:\B)");
        assert_eq!(
            document_dialect(r"a\w+"),
            format!("a{}+", word_class(false))
        );
        assert_eq!(document_dialect(r"\W"), word_class(true));
        // Escaped backslashes, classes (with a leading literal `]`) and other escapes stay.
        assert_eq!(document_dialect(r"\\w[\w-]\s\n"), r"\\w[\w-]\s\n");
        assert_eq!(
            document_dialect(r"[]\w]\w"),
            format!(r"[]\w]{}", word_class(false))
        );
        assert_eq!(document_dialect(r"[^]a]\b"), r"[^]a](?-u:\b)");
        assert_eq!(document_dialect("x\\"), "x\\");
        assert_eq!(document_dialect(r"\d+[.,\d]\D"), "[0-9]+[.,0-9][^0-9]");
        assert_eq!(document_dialect(r"[^\D]"), r"[^\D]");
    }

    /// The document word class agrees with Unicode `\w` on the scripts of NL/EN documents,
    /// in both cases, and still rejects punctuation, symbols and spaces.
    #[test]
    fn document_word_class_matches_what_documents_hold() {
        let word = Regex::new(&format!("(?i)^{}$", word_class(false))).unwrap();
        let unicode = Regex::new(r"^\w$").unwrap();
        for c in ('\0'..='\u{52F}').chain('\u{1E00}'..='\u{1EFF}') {
            let s = c.to_string();
            if unicode.is_match(&s) {
                assert!(word.is_match(&s), "{c:?} U+{:04X}", c as u32);
            }
        }
        for s in ["a", "Z", "é", "Ë", "ß", "ſ", "ω", "Ж", "ẞ", "漢", "7", "_"] {
            assert!(word.is_match(s), "{s}");
        }
        for s in [
            " ", ".", "-", "’", "“", "€", "•", "×", "÷", "–", "\u{3000}", "、",
        ] {
            assert!(!word.is_match(s), "{s}");
        }
    }

    #[test]
    fn anchors_are_the_shortest_prefixes() {
        let anchors =
            prefix_anchors(&bounded(r"\b(voorspelt|voorspel|Predicts?|prediction)\b")).unwrap();
        assert_eq!(anchors, ["predict", "voorspel"]);
    }

    #[test]
    fn patterns_without_literal_prefix_scan_fully() {
        assert!(prefix_anchors(&bounded(r"\b\w+ing")).unwrap().is_empty());
        assert!(prefix_anchors(&bounded(r"\b[a-z]\d")).unwrap().is_empty());
        assert!(prefix_anchors(r"(é|ë)xtra").unwrap().is_empty());
    }

    #[test]
    fn quantities_are_anchored_on_their_digits() {
        let pattern = Pattern::compile(&bounded(r"\b\d+([.,]\d+)?\s*ml\b"), "t").unwrap();
        let digits: Vec<String> = ('0'..='9').map(String::from).collect();
        assert_eq!(pattern.anchors, digits);
        let text = "flacon van 2,5 ml en 500ml; model 12 mlp en x9 ml";
        let starts: Vec<usize> = text
            .char_indices()
            .filter(|(_, c)| c.is_ascii_digit())
            .map(|(i, _)| i)
            .collect();
        let anchored = pattern.find(text, &starts, false);
        assert_eq!(anchored, pattern.full_scan(text));
        assert_eq!(anchored, [(11, 17), (21, 26)]);
    }

    /// The anchored search must report exactly what a full scan reports.
    #[test]
    fn anchored_search_equals_full_scan() {
        let pattern = Pattern::compile(
            &bounded(r"\b(herkent|detecteert)\s+(\w+\s+){0,3}?(personen|gezichten)"),
            "t",
        )
        .unwrap();
        assert!(pattern.is_anchored());
        let text = fold(
            "De camera herkent herkent snel personen. Hij detecteert géén gezichten; \
             xherkent personen niet, detecteert gezichten wel.",
        );
        let starts: Vec<usize> = text
            .match_indices("herkent")
            .chain(text.match_indices("detecteert"))
            .map(|(i, _)| i)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let anchored = pattern.find(&text, &starts, false);
        let full = pattern.full_scan(&text);
        assert_eq!(anchored, full);
        assert_eq!(full.len(), 3);
        assert_eq!(pattern.find(&text, &starts, true), full);
    }

    fn estimate(pattern: &str) -> usize {
        let hir = regex_syntax::ParserBuilder::new()
            .case_insensitive(true)
            .build()
            .parse(pattern)
            .unwrap();
        estimated_nfa_states(&hir)
    }

    /// Patterns checked only by syntax at load must compile later: the largest ones under
    /// the eager-check threshold do, within the size limit.
    #[test]
    fn patterns_under_the_eager_threshold_compile_within_the_size_limit() {
        let mut checked = 0;
        for n in 1..200 {
            for pattern in [
                format!(r"ab(\w+\s+){{0,{n}}}?x"),
                format!(r"ab\w{{{n}}}"),
                format!(r"ab.{{{}}}", n * 10),
                format!(r"ab[^a]{{{}}}", n * 10),
                format!(r"ab\p{{Nd}}{{{}}}", n * 10),
                format!(r"ab\s{{{}}}", n * 10),
                format!(r"ab[^.;:!?]{{0,{n}}}?\b(\w+\s+){{0,3}}?z"),
            ] {
                let pattern = bounded(&pattern);
                let estimate = estimate(&pattern);
                if estimate <= EAGER_CHECK_STATES && estimate > EAGER_CHECK_STATES / 2 {
                    if let Err(e) = build_regex(&pattern) {
                        panic!("{pattern} {estimate}: {e}");
                    }
                    assert!(AnchoredSearch::build(&pattern).is_ok(), "{pattern}");
                    checked += 1;
                }
            }
        }
        assert!(checked >= 3, "{checked}");
    }

    /// Too large a pattern is still rejected at load, with the pattern's id.
    #[test]
    fn oversized_pattern_is_rejected_at_load() {
        let err = Pattern::compile(r"ab\w{5000}", "big.one").unwrap_err();
        assert!(err.to_string().contains("big.one"), "{err}");
        let err = Pattern::compile(r"ab(unclosed", "bad.one").unwrap_err();
        assert!(err.to_string().contains("bad.one"), "{err}");
        assert!(Pattern::compile(r"\p{NoSuchClass}x", "bad.class").is_err());
    }

    #[test]
    fn required_literals_of_a_denial_pattern() {
        let pattern =
            bounded(r"^[^.;:!?]{0,40}?\b(gebruiken|Passen|zet)\b\s+(\w+\s+){0,2}?(niet|geen)\b");
        // The alternation whose shortest literal is longest: "niet"/"geen" over "zet".
        assert_eq!(required_literals(&pattern).unwrap(), ["geen", "niet"]);
        assert_eq!(required_literals(&bounded(r"\w+(ab)?")), None);
        assert_eq!(required_literals(r"(é|x)yz").unwrap(), ["yz"]);
        assert_eq!(required_literals(r"(é|xy)"), None);
    }

    /// Every pattern of the embedded pack stays under the eager threshold, so loading it
    /// compiles nothing.
    #[test]
    fn embedded_patterns_are_checked_lazily() {
        let pack: super::super::pack::PackFile = toml::from_str(super::super::EMBEDDED).unwrap();
        let patterns = pack
            .indicators
            .iter()
            .flat_map(|i| &i.patterns)
            .chain(pack.false_friends.iter().flat_map(|f| &f.patterns));
        for pattern in patterns {
            let bounded = bounded(pattern);
            let estimate = estimate(&bounded);
            assert!(estimate <= EAGER_CHECK_STATES, "{pattern}");
        }
    }

    /// The build script's anchors are what the crate's own extraction finds.
    #[test]
    fn embedded_anchors_are_what_prefix_anchors_finds() {
        assert!(PATTERN_ANCHORS.len() > 20);
        for (pattern, anchors) in PATTERN_ANCHORS {
            assert_eq!(
                prefix_anchors(pattern).expect("parses"),
                *anchors,
                "{pattern}"
            );
            assert_eq!(
                embedded_anchors(pattern).as_deref(),
                Some(&prefix_anchors(pattern).expect("parses")[..])
            );
        }
        assert_eq!(embedded_anchors(r"\bnot in the pack\b"), None);
    }

    /// The denial patterns' forward DFA decides as the full regex does, on clauses of the
    /// shared texts and on denials written for the purpose.
    #[test]
    fn lazy_regex_dfa_matches_like_the_full_regex() {
        let lexicon = crate::Lexicon::embedded().expect("embedded pack");
        let mut clauses: Vec<String> = [
            "deze camera wordt niet gebruikt voor gezichtsherkenning",
            "machine learning is not used in this product",
            "we gebruiken de software niet voor profilering",
            "de module werd door ons nooit ingezet",
            "ai is never part of it",
            "één ſysteem wordt écht niet toegepast",
            "",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        // Denials that begin just before, at and just after the lead-ins' limits (60, 40).
        for n in 30..70 {
            let lead = "x".repeat(n);
            clauses.push(format!("{lead} wordt niet gebruikt"));
            clauses.push(format!("{lead} gebruiken we niet"));
            clauses.push(format!("{}é wordt niet gebruikt", &lead[1..]));
        }
        let shared = crate::test_texts::shared_texts("the shared texts");
        for text in shared.unwrap_or_default() {
            let folded = super::super::fold_text(&text).text;
            clauses.extend(folded.split(['.', ';', ':', '!', '?']).map(str::to_owned));
        }
        for pattern in &lexicon.negation().after_patterns {
            let bounded = document_dialect(pattern);
            let lazy = LazyRegex::new(&bounded).expect("pattern");
            let compiled = lazy.compiled().expect("compiled");
            // The embedded denial patterns all start with a counted lead-in.
            assert!(compiled.lead_in.is_some(), "{bounded}");
            let full = build_regex(&bounded).expect("pattern");
            let mut matched = 0;
            for clause in &clauses {
                let expected = full.is_match(clause);
                assert_eq!(lazy.is_match(clause), expected, "{bounded}: {clause}");
                matched += usize::from(expected);
            }
            assert!(matched >= 2, "{bounded}: {matched}");
        }
    }

    /// Only `^[class]{0,n}?REST` has a lead-in; any other shape is compiled whole.
    #[test]
    fn lead_in_is_found_only_in_its_own_form() {
        let lead_in = LeadIn::of(r"^[^.;:!?]{0,60}?\b(is|are)\b\s+not").expect("lead-in");
        assert_eq!(
            (lead_in.max_chars, lead_in.rest.as_str()),
            (60, r"\b(is|are)\b\s+not")
        );
        assert!(lead_in.allows('x') && lead_in.allows('é') && !lead_in.allows(';'));
        for other in [
            r"^[^.]{0,60}?a|b",    // an alternation at the top
            r"(?i)^[^.]{0,60}?ab", // a flag group first: REST would shift by one
            r"^[^.]{1,60}?ab",     // the lead-in must be allowed to be empty
            r"^[^.]{0,}?ab",       // unbounded
            r"^(ab){0,3}ab",       // not a class
            r"^[^.]{0,60}?",       // no REST
            r"[^.]{0,60}?ab",      // not at the start
            r"^[^.]{0,60",         // not a regex
        ] {
            assert!(LeadIn::of(other).is_none(), "{other}");
        }
    }

    proptest::proptest! {
        /// Around the lead-in's limit and its excluded characters, trying REST at each
        /// position the lead-in reaches decides as the whole pattern does.
        #[test]
        fn lead_in_decides_like_the_whole_pattern(
            clause in crate::test_texts::concatenations(
                &["wordt", "is", "niet", "not", "gebruikt", "used", "gebruiken", "geen", "we",
                    " ", "  ", "x", "é", "ſ", ".", ";", "!", "abcdefghij", "\n"],
                40,
            )
        ) {
            static PATTERNS: LazyLock<Vec<(LazyRegex, Regex)>> = LazyLock::new(|| {
                let lexicon = crate::Lexicon::embedded().expect("embedded pack");
                lexicon
                    .negation()
                    .after_patterns
                    .iter()
                    .map(|p| {
                        let bounded = document_dialect(p);
                        (LazyRegex::new(&bounded).unwrap(), build_regex(&bounded).unwrap())
                    })
                    .collect()
            });
            for (lazy, full) in PATTERNS.iter() {
                proptest::prop_assert_eq!(lazy.is_match(&clause), full.is_match(&clause));
            }
        }
    }
}
