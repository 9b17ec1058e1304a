//! Negation scope in Dutch and English: a cue word shortly before the match in the same
//! clause ("bevat geen AI", "does not rely on …"), or a denial after it ("AI wordt niet
//! gebruikt"). Scope breakers ("dankzij", "that") stop a cue from reaching further.

use std::collections::HashSet;

use regex::{Regex, RegexBuilder};

use crate::LexiconError;
use crate::lexicon::NegationRules;

/// How far back (bytes) a clause start is searched; clauses are short in practice.
const MAX_CLAUSE_LOOKBACK: usize = 400;
const MAX_CLAUSE_LOOKAHEAD: usize = 300;

#[derive(Debug)]
pub(crate) struct Negation {
    cues: HashSet<String>,
    phrase_cues: Vec<String>,
    not_negating: HashSet<(String, String)>,
    breakers: HashSet<String>,
    window: usize,
    after: Vec<Regex>,
}

impl Negation {
    pub(crate) fn compile(rules: &NegationRules) -> Result<Self, LexiconError> {
        let lower = |v: &[String]| v.iter().map(|s| s.to_lowercase()).collect::<Vec<_>>();
        let mut not_negating = HashSet::new();
        for pair in lower(&rules.not_negating) {
            let mut words = pair.split_whitespace();
            if let (Some(a), Some(b)) = (words.next(), words.next()) {
                not_negating.insert((a.to_owned(), b.to_owned()));
            }
        }
        let mut after = Vec::new();
        for (i, pattern) in rules.after_patterns.iter().enumerate() {
            let regex = RegexBuilder::new(&crate::lexicon::ascii_word_boundaries(pattern))
                .case_insensitive(true)
                .build()
                .map_err(|e| LexiconError::Pattern {
                    id: format!("negation.after_patterns[{i}]"),
                    message: e.to_string(),
                })?;
            after.push(regex);
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
                .any(|r| r.is_match(&folded[end..clause_end]))
    }

    fn cue_before(&self, before: &str) -> bool {
        let words: Vec<&str> = before
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
            .filter(|w| !w.is_empty())
            .collect();
        for (distance, index) in (0..words.len()).rev().enumerate() {
            if distance >= self.window {
                break;
            }
            let word = words[index];
            if self.breakers.contains(word) {
                return false;
            }
            if self.cues.contains(word) || word.ends_with("n't") {
                let next = words.get(index + 1).copied().unwrap_or("");
                if !self
                    .not_negating
                    .contains(&(word.to_owned(), next.to_owned()))
                {
                    return true;
                }
            }
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
