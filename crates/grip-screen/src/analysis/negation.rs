//! Negation scope in Dutch and English: a cue word shortly before the match in the same
//! clause ("bevat geen AI", "does not rely on …"), or a denial after it ("AI wordt niet
//! gebruikt"). Scope breakers ("dankzij", "that") stop a cue from reaching further.
//!
//! A document is first scanned once for everything a denial needs ([`NegationScan`]: the
//! cues and the after-patterns' literals); a finding whose clause holds none of them is
//! settled without reading the clause again, which most findings are.

use std::collections::{HashMap, HashSet};

use foldhash::fast::RandomState;

use crate::LexiconError;
use aho_corasick::AhoCorasick;

use super::sentences::Boundaries;
use crate::lexicon::{LazyRegex, NegationRules, required_literals};

/// How far back (bytes) a clause start is searched; clauses are short in practice.
const MAX_CLAUSE_LOOKBACK: usize = 400;
const MAX_CLAUSE_LOOKAHEAD: usize = 300;

#[derive(Debug)]
pub(crate) struct Negation {
    /// Every cue, phrase cue and "n't", and each after-pattern's required literals: what
    /// the term automaton also reports, for [`NegationScan`]. None when some signal is not
    /// ASCII (folding may then not meet it byte for byte) or a pattern has no required
    /// literals: every finding then reads its clauses.
    signals: Option<Vec<String>>,
    /// Word sets are looked up for every word before a finding: hashed with foldhash,
    /// several times cheaper than the standard SipHash for such short keys.
    cues: HashSet<String, RandomState>,
    phrase_cues: Vec<String>,
    /// Cue → next words that cancel it ("not" → "only"), looked up without allocating.
    not_negating: HashMap<String, Vec<String>, RandomState>,
    breakers: HashSet<String, RandomState>,
    window: usize,
    after: Vec<AfterPattern>,
}

/// Where one document's negation signals occur: the (start, end) byte spans of every
/// occurrence in its folded text, sorted by start. A finding whose clause holds none of
/// them is neither preceded by a cue nor followed by a denial.
#[derive(Debug, Default)]
pub(crate) struct NegationScan {
    spans: Option<Vec<(usize, usize)>>,
}

impl NegationScan {
    /// Whether a signal lies within `from..to`; true when nothing was scanned, so that the
    /// full check runs.
    fn holds_signal(&self, from: usize, to: usize) -> bool {
        let Some(spans) = &self.spans else {
            return true;
        };
        let first = spans.partition_point(|&(start, _)| start < from);
        spans[first..]
            .iter()
            .take_while(|&&(start, _)| start < to)
            .any(|&(_, end)| end <= to)
    }
}

/// A denial pattern tried after a match, with the literals one of which it needs: most
/// clauses contain none, and the regex (with a counted lead-in the lazy DFA finds costly)
/// is then not run at all.
#[derive(Debug)]
struct AfterPattern {
    /// Required literals plus the characters folding leaves as case-insensitive ASCII
    /// letters (`ſ`, Kelvin sign); None when the pattern has no required literals.
    required: Option<AhoCorasick>,
    regex: LazyRegex,
}

impl AfterPattern {
    fn is_match(&self, folded: &str) -> bool {
        self.required.as_ref().is_none_or(|ac| ac.is_match(folded)) && self.regex.is_match(folded)
    }
}

impl Negation {
    pub(crate) fn compile(rules: &NegationRules) -> Result<Self, LexiconError> {
        let lower = |v: &[String]| v.iter().map(|s| s.to_lowercase()).collect::<Vec<_>>();
        let mut not_negating: HashMap<String, Vec<String>, RandomState> = HashMap::default();
        for pair in lower(&rules.not_negating) {
            let mut words = pair.split_whitespace();
            if let (Some(a), Some(b)) = (words.next(), words.next()) {
                not_negating
                    .entry(a.to_owned())
                    .or_default()
                    .push(b.to_owned());
            }
        }
        let mut after = Vec::new();
        let mut signals: Vec<String> = lower(&rules.cues);
        signals.extend(lower(&rules.phrase_cues));
        signals.push("n't".to_owned());
        let mut every_pattern_has_literals = true;
        for (i, pattern) in rules.after_patterns.iter().enumerate() {
            let bounded = crate::lexicon::document_dialect(pattern);
            let regex = LazyRegex::new(&bounded).map_err(|message| LexiconError::Pattern {
                id: format!("negation.after_patterns[{i}]"),
                message,
            })?;
            let literals = required_literals(&bounded).map(|mut literals| {
                literals.extend(["\u{17F}".to_owned(), "\u{212A}".to_owned()]);
                literals
            });
            let required = literals.as_ref().and_then(|l| AhoCorasick::new(l).ok());
            every_pattern_has_literals &= required.is_some();
            signals.extend(literals.into_iter().flatten());
            after.push(AfterPattern { required, regex });
        }
        let usable = every_pattern_has_literals
            && signals
                .iter()
                .all(|s| s.is_ascii() || s == "\u{17F}" || s == "\u{212A}");
        let signals = usable.then_some(signals);
        Ok(Negation {
            signals,
            cues: lower(&rules.cues).into_iter().collect(),
            phrase_cues: lower(&rules.phrase_cues),
            not_negating,
            breakers: lower(&rules.scope_breakers).into_iter().collect(),
            window: rules.window_words,
            after,
        })
    }

    /// Compiles the denial patterns now instead of on first use.
    pub(crate) fn warm_up(&self) {
        for after in &self.after {
            after.regex.compiled();
        }
    }

    /// Literals whose occurrences a [`NegationScan`] is made of (None: scans are not used).
    pub(crate) fn signals(&self) -> Option<&[String]> {
        self.signals.as_deref()
    }

    /// The scan of a document from every occurrence of [`Negation::signals`] in its folded
    /// text, in any order.
    pub(crate) fn scan(&self, mut spans: Vec<(usize, usize)>) -> NegationScan {
        if self.signals.is_none() {
            return NegationScan::default();
        }
        // Found in the order of their ends, nearly sorted: the stable sort follows the runs.
        spans.sort();
        NegationScan { spans: Some(spans) }
    }

    /// Whether the match at `start..end` of `folded` (lower-cased text) is denied; `scan`
    /// is [`Negation::scan`] of `folded`.
    pub(crate) fn is_negated(
        &self,
        scan: &NegationScan,
        bounds: &Boundaries,
        folded: &str,
        original: &str,
        start: usize,
        end: usize,
    ) -> bool {
        let clause_start = clause_start(original, bounds, start);
        if scan.holds_signal(clause_start, start) && self.cue_before(&folded[clause_start..start]) {
            return true;
        }
        let clause_end = clause_end(original, bounds, end);
        scan.holds_signal(end, clause_end)
            && self
                .after
                .iter()
                .any(|a| a.is_match(&folded[end..clause_end]))
    }

    fn cue_before(&self, before: &str) -> bool {
        // Words from the match backwards; `next` is the word after the current one.
        let words = before
            .rsplit(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
            .filter(|w| !w.is_empty());
        let mut next = "";
        for word in words.take(self.window) {
            if self.breakers.contains(word) {
                return false;
            }
            if self.cues.contains(word) || word.ends_with("n't") {
                let cancelled = self
                    .not_negating
                    .get(word)
                    .is_some_and(|nexts| nexts.iter().any(|n| n == next));
                if !cancelled {
                    return true;
                }
            }
            next = word;
        }
        let tail_start = floor_char_boundary(before, before.len().saturating_sub(80));
        let tail = &before[tail_start..];
        self.phrase_cues.iter().any(|p| tail.contains(p.as_str()))
    }
}

/// A clause ends at `c` (at `index`): the definition `sentences::Boundaries` implements.
#[cfg(test)]
pub(crate) fn is_clause_end(text: &str, index: usize, c: char) -> bool {
    match c {
        ';' | '!' | '?' | '(' | ')' | '•' => true,
        // A single line break is only layout (PDF lines, re-wrapped text); a blank line ends.
        '\n' => text[index + 1..]
            .trim_start_matches([' ', '\t', '\r'])
            .starts_with('\n'),
        '.' | ':' => text[index + 1..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace),
        _ => false,
    }
}

fn clause_start(text: &str, bounds: &Boundaries, start: usize) -> usize {
    let from = floor_char_boundary(text, start.saturating_sub(MAX_CLAUSE_LOOKBACK));
    bounds.last_clause_end(from, start).unwrap_or(from)
}

fn clause_end(text: &str, bounds: &Boundaries, end: usize) -> usize {
    let to = floor_char_boundary(text, (end + MAX_CLAUSE_LOOKAHEAD).min(text.len()));
    bounds.first_clause_end(end, to).unwrap_or(to)
}

pub(crate) fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

#[cfg(test)]
mod tests {
    use super::super::sentences::Boundaries;
    use crate::lexicon::{Lexicon, fold_text};

    fn negated(text: &str, term: &str) -> bool {
        let lexicon = Lexicon::embedded().expect("embedded lexicon");
        let start = text.find(term).expect("term in text");
        let folded = fold_text(text);
        let rules = lexicon.negation_rules();
        let bounds = Boundaries::of(text);
        let scanned = rules.is_negated(
            &rules.scan(lexicon.find(text, &folded).signals),
            &bounds,
            &folded.text,
            text,
            start,
            start + term.len(),
        );
        // The scan only saves work: without it every clause is read, with the same answer.
        let unscanned = rules.is_negated(
            &super::NegationScan::default(),
            &bounds,
            &folded.text,
            text,
            start,
            start + term.len(),
        );
        assert_eq!(scanned, unscanned, "{text}");
        scanned
    }

    #[test]
    fn cue_scope_window_breakers_and_cancelling_pairs() {
        assert!(negated("Het product bevat geen AI.", "AI"));
        assert!(negated("We don't use AI anywhere.", "AI"));
        assert!(!negated("Not only AI but also rules.", "AI"));
        assert!(!negated("Niet alleen AI, ook regels.", "AI"));
        assert!(!negated("Geen wachttijd dankzij AI.", "AI"));
        assert!(!negated(
            "Geen een twee drie vier vijf zes zeven acht negen AI.",
            "AI"
        ));
        assert!(negated("Geen een twee drie vier vijf zes zeven AI.", "AI"));
        assert!(negated("AI wordt in deze versie niet gebruikt.", "AI"));
        assert!(negated("AI wordt in deze versie niet GEBRUIKT.", "AI"));
        assert!(negated("AI is not uſed here.", "AI"));
        assert!(!negated("AI wordt in deze versie niet vaak.", "AI"));
    }

    /// On real texts (the Algorithm Register and the public screening cases, when present)
    /// the scan changes no finding's negation.
    #[test]
    fn scan_decides_like_reading_every_clause() {
        let lexicon = Lexicon::embedded().expect("embedded lexicon");
        let rules = lexicon.negation_rules();
        let mut texts = vec![
            "Het product bevat geen AI. De camera herkent wel gezichten; AI wordt niet \
             gebruikt in versie 2, maar machine learning wel."
                .to_owned(),
        ];
        // Joined, so clauses and look-backs cross text borders too.
        let shared = crate::test_texts::shared_texts("the shared texts").unwrap_or_default();
        texts.extend(shared.chunks(40).map(|c| c.join("\n")));
        let (mut checked, mut negated) = (0, 0);
        for text in &texts {
            let folded = fold_text(text);
            let found = lexicon.find(text, &folded);
            let scan = rules.scan(found.signals);
            let bounds = Boundaries::of(text);
            for hit in found.hits {
                let with_scan =
                    rules.is_negated(&scan, &bounds, &folded.text, text, hit.start, hit.end);
                let without = rules.is_negated(
                    &super::NegationScan::default(),
                    &bounds,
                    &folded.text,
                    text,
                    hit.start,
                    hit.end,
                );
                assert_eq!(with_scan, without, "{}", &text[hit.start..hit.end]);
                checked += 1;
                negated += usize::from(with_scan);
            }
        }
        assert!(checked > 0 && negated > 0, "{checked} {negated}");
    }

    /// The literal pre-check never hides a match of a denial pattern.
    #[test]
    fn after_pattern_precheck_keeps_every_match() {
        let lexicon = Lexicon::embedded().expect("embedded lexicon");
        let clauses = [
            " wordt in deze versie niet gebruikt",
            " is not used in production",
            " was never deployed",
            " worden nooit ingezet",
            " is niet aanwezig",
            " gebruiken wij niet",
            " passen we nooit toe",
            " zetten wij niet in",
            " is not uſed",
            " wordt gebruikt",
            " is used daily",
            "",
        ];
        let mut matched = 0;
        for clause in clauses {
            let folded = fold_text(clause).text;
            for after in &lexicon.negation_rules().after {
                let full = after.regex.is_match(&folded);
                assert_eq!(after.is_match(&folded), full, "{clause}");
                matched += usize::from(full);
            }
            assert!(
                lexicon
                    .negation_rules()
                    .after
                    .iter()
                    .all(|a| a.required.is_some())
            );
        }
        assert!(matched >= 8, "{matched}");
    }
}
