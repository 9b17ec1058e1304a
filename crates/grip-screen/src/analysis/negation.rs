//! Negation scope in Dutch and English: a cue word shortly before the match in the same
//! clause ("bevat geen AI", "does not rely on …"), or a denial after it ("AI wordt niet
//! gebruikt"). Scope breakers ("dankzij", "that") stop a cue from reaching further.

use std::collections::{HashMap, HashSet};

use crate::LexiconError;
use aho_corasick::AhoCorasick;

use crate::lexicon::{LazyRegex, NegationRules, required_literals};

/// How far back (bytes) a clause start is searched; clauses are short in practice.
const MAX_CLAUSE_LOOKBACK: usize = 400;
const MAX_CLAUSE_LOOKAHEAD: usize = 300;

#[derive(Debug)]
pub(crate) struct Negation {
    cues: HashSet<String>,
    phrase_cues: Vec<String>,
    /// Cue → next words that cancel it ("not" → "only"), looked up without allocating.
    not_negating: HashMap<String, Vec<String>>,
    breakers: HashSet<String>,
    window: usize,
    after: Vec<AfterPattern>,
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
        let mut not_negating: HashMap<String, Vec<String>> = HashMap::new();
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
        for (i, pattern) in rules.after_patterns.iter().enumerate() {
            let bounded = crate::lexicon::document_dialect(pattern);
            let regex = LazyRegex::new(&bounded).map_err(|message| LexiconError::Pattern {
                id: format!("negation.after_patterns[{i}]"),
                message,
            })?;
            let required = required_literals(&bounded).and_then(|mut literals| {
                literals.extend(["\u{17F}".to_owned(), "\u{212A}".to_owned()]);
                AhoCorasick::new(&literals).ok()
            });
            after.push(AfterPattern { required, regex });
        }
        Ok(Negation {
            cues: lower(&rules.cues).into_iter().collect(),
            phrase_cues: lower(&rules.phrase_cues),
            not_negating,
            breakers: lower(&rules.scope_breakers).into_iter().collect(),
            window: rules.window_words,
            after,
        })
    }

    /// Whether the match at `start..end` of `folded` (lower-cased text) is denied.
    pub(crate) fn is_negated(
        &self,
        folded: &str,
        original: &str,
        start: usize,
        end: usize,
    ) -> bool {
        let clause_start = clause_start(original, start);
        let clause_end = clause_end(original, end);
        let before = &folded[clause_start..start];
        self.cue_before(before)
            || self
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

fn is_clause_end(text: &str, index: usize, c: char) -> bool {
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

fn clause_start(text: &str, start: usize) -> usize {
    let from = floor_char_boundary(text, start.saturating_sub(MAX_CLAUSE_LOOKBACK));
    text[from..start]
        .char_indices()
        .rev()
        .find(|&(i, c)| is_clause_end(text, from + i, c))
        .map_or(from, |(i, c)| from + i + c.len_utf8())
}

fn clause_end(text: &str, end: usize) -> usize {
    let to = floor_char_boundary(text, (end + MAX_CLAUSE_LOOKAHEAD).min(text.len()));
    text[end..to]
        .char_indices()
        .find(|&(i, c)| is_clause_end(text, end + i, c))
        .map_or(to, |(i, _)| end + i)
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
    use crate::lexicon::{Lexicon, fold_text};

    fn negated(text: &str, term: &str) -> bool {
        let lexicon = Lexicon::embedded().expect("embedded lexicon");
        let start = text.find(term).expect("term in text");
        let folded = fold_text(text);
        lexicon
            .negation_rules()
            .is_negated(&folded.text, text, start, start + term.len())
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
