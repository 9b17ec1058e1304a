//! Negation scope in Dutch and English: a cue word shortly before the match in the same
//! clause ("bevat geen AI", "does not rely on …"), or a denial after it ("AI wordt niet
//! gebruikt"). Scope breakers ("dankzij", "that") stop a cue from reaching further.

use std::collections::{HashMap, HashSet};

use regex::Regex;

use super::sentences::Boundaries;
use crate::LexiconError;
use crate::lexicon::{NegationRules, compile_pattern};

/// How far back (bytes) a clause start is searched; clauses are short in practice.
const MAX_CLAUSE_LOOKBACK: usize = 400;
const MAX_CLAUSE_LOOKAHEAD: usize = 300;

#[derive(Debug)]
pub(crate) struct Negation {
    cues: HashSet<String>,
    phrase_cues: Vec<String>,
    /// Cue → next words that cancel it ("not" → "only").
    not_negating: HashMap<String, Vec<String>>,
    breakers: HashSet<String>,
    window: usize,
    /// Denials tried on the rest of the clause after a match.
    after: Vec<Regex>,
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
        let after = rules
            .after_patterns
            .iter()
            .enumerate()
            .map(|(i, p)| compile_pattern(p, &format!("negation.after_patterns[{i}]")))
            .collect::<Result<_, _>>()?;
        Ok(Negation {
            cues: lower(&rules.cues).into_iter().collect(),
            phrase_cues: lower(&rules.phrase_cues),
            not_negating,
            breakers: lower(&rules.scope_breakers).into_iter().collect(),
            window: rules.window_words,
            after,
        })
    }

    /// Whether the match at `start..end` of `folded` (lower-cased `original`) is denied.
    pub(crate) fn is_negated(
        &self,
        bounds: &Boundaries,
        folded: &str,
        original: &str,
        start: usize,
        end: usize,
    ) -> bool {
        let clause_start = clause_start(original, bounds, start);
        // A cue inside a verb-object match denies it too ("herkent geen gezichten").
        if self.cue_before(&folded[clause_start..start]) || self.cue_before(&folded[start..end]) {
            return true;
        }
        let clause_end = clause_end(original, bounds, end);
        self.after
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
    use crate::lexicon::{Lexicon, fold};

    fn negated(text: &str, term: &str) -> bool {
        let lexicon = Lexicon::embedded().expect("embedded lexicon");
        let start = text.find(term).expect("term in text");
        let bounds = Boundaries::of(text);
        lexicon
            .negation_rules()
            .is_negated(&bounds, &fold(text), text, start, start + term.len())
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
        assert!(!negated("Geen wachttijd. AI plant de routes.", "AI"));
    }

    #[test]
    fn denials_after_the_match() {
        assert!(negated("AI wordt in deze versie niet gebruikt.", "AI"));
        assert!(negated("AI wordt in deze versie niet GEBRUIKT.", "AI"));
        assert!(negated(
            "Machine learning is not used in production.",
            "learning"
        ));
        assert!(negated(
            "Gezichtsherkenning gebruiken wij niet.",
            "Gezichtsherkenning"
        ));
        assert!(!negated("AI wordt in deze versie niet vaak.", "AI"));
        assert!(!negated("AI is used daily. It is not slow.", "AI"));
    }

    #[test]
    fn a_denial_inside_the_match() {
        assert!(negated(
            "De camera herkent geen gezichten.",
            "herkent geen gezichten"
        ));
        assert!(negated(
            "It does not recognise faces.",
            "not recognise faces"
        ));
        assert!(!negated(
            "De camera herkent alle gezichten.",
            "herkent alle gezichten"
        ));
    }
}
