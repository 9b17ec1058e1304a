//! The term automaton: every occurrence of every folded term, overlapping ones included.
//! For the embedded pack it is a dense DFA the build script determinised from
//! `src/lexicon/embedded_terms.txt` (start-up only validates it); any other term list (a
//! pack loaded from a folder, or an embedded pack whose list file is stale) gets an
//! Aho-Corasick DFA built at load, which was a third of loading the embedded pack.

use aho_corasick::automaton::Automaton as _;
use aho_corasick::{Anchored, MatchKind, dfa};
use regex_automata::dfa::Automaton as _;
use regex_automata::dfa::dense;

use super::Aligned;

// `EMBEDDED_TERMS` (the list, one term per line) and `EMBEDDED_TERMS_DFA`, from build.rs.
include!(concat!(env!("OUT_DIR"), "/precompiled_terms.rs"));

#[derive(Debug)]
pub(crate) struct TermAutomaton {
    engine: Engine,
    /// The terms by number (a match state only says where a term ends, not its length).
    terms: Vec<String>,
}

#[derive(Debug)]
enum Engine {
    Precompiled(Box<dense::DFA<&'static [u32]>>),
    Built(Box<dfa::DFA>),
}

impl TermAutomaton {
    pub(crate) fn new(terms: &[String]) -> Result<TermAutomaton, String> {
        let engine = match precompiled(terms) {
            Some(dfa) => Engine::Precompiled(Box::new(dfa)),
            None => Engine::Built(Box::new(
                dfa::DFA::builder()
                    .match_kind(MatchKind::Standard)
                    // No prefilter: with this many terms it would not skip, only slow the loop.
                    .prefilter(false)
                    .build(terms)
                    .map_err(|e| e.to_string())?,
            )),
        };
        Ok(TermAutomaton {
            engine,
            terms: terms.to_vec(),
        })
    }

    #[cfg(test)]
    pub(crate) fn is_precompiled(&self) -> bool {
        matches!(self.engine, Engine::Precompiled(_))
    }

    #[cfg(test)]
    pub(crate) fn terms(&self) -> &[String] {
        &self.terms
    }

    /// Calls `on_match(term, start, end)` for every occurrence of every term in `haystack`,
    /// overlapping ones included, in order of their ends. Both loops keep their state in
    /// registers (the crates' overlapping iterators re-enter their search for each match,
    /// and were a sixth of the screening time).
    pub(crate) fn for_each_overlapping(
        &self,
        haystack: &[u8],
        mut on_match: impl FnMut(usize, usize, usize),
    ) {
        let mut report =
            |term: usize, end: usize| on_match(term, end - self.terms[term].len(), end);
        match &self.engine {
            Engine::Precompiled(dfa) => dense_overlapping(dfa, haystack, &mut report),
            Engine::Built(dfa) => aho_corasick_overlapping(dfa, haystack, &mut report),
        }
    }
}

/// The build script's DFA, when it was made from exactly these terms.
fn precompiled(terms: &[String]) -> Option<dense::DFA<&'static [u32]>> {
    if !EMBEDDED_TERMS.lines().eq(terms.iter().map(String::as_str)) {
        return None;
    }
    dense::DFA::from_bytes(&EMBEDDED_TERMS_DFA.0)
        .ok()
        .map(|(dfa, _)| dfa)
}

/// A dense DFA reports a match one byte late: the state entered on the byte at `at` holds
/// the terms ending just before it, and the end-of-input transition those ending last.
fn dense_overlapping(
    dfa: &dense::DFA<&'static [u32]>,
    haystack: &[u8],
    report: &mut impl FnMut(usize, usize),
) {
    let Some(mut state) = dfa.universal_start_state(regex_automata::Anchored::No) else {
        return;
    };
    let mut report_state = |state, end| {
        for index in 0..dfa.match_len(state) {
            report(dfa.match_pattern(state, index).as_usize(), end);
        }
    };
    for (at, &byte) in haystack.iter().enumerate() {
        state = dfa.next_state(state, byte);
        // Unanchored, without quit bytes or a prefilter: only match states are special.
        if dfa.is_special_state(state) && dfa.is_match_state(state) {
            report_state(state, at);
        }
    }
    state = dfa.next_eoi_state(state);
    if dfa.is_match_state(state) {
        report_state(state, haystack.len());
    }
}

fn aho_corasick_overlapping(
    dfa: &dfa::DFA,
    haystack: &[u8],
    report: &mut impl FnMut(usize, usize),
) {
    let Ok(mut state) = dfa.start_state(Anchored::No) else {
        return;
    };
    for (at, &byte) in haystack.iter().enumerate() {
        state = dfa.next_state(Anchored::No, state, byte);
        // Without a prefilter, only match states (and the dead state, which an unanchored
        // search never enters) are special.
        if dfa.is_special(state) && dfa.is_match(state) {
            for index in 0..dfa.match_len(state) {
                report(dfa.match_pattern(state, index).as_usize(), at + 1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn occurrences(automaton: &TermAutomaton, text: &str) -> Vec<(usize, usize, usize)> {
        let mut found = Vec::new();
        automaton.for_each_overlapping(text.as_bytes(), |t, s, e| found.push((t, s, e)));
        found.sort_unstable();
        found
    }

    /// The precompiled DFA finds every occurrence the Aho-Corasick automaton finds, at
    /// the ends of texts too, on the register texts.
    #[test]
    fn precompiled_and_built_automata_find_the_same() {
        let terms: Vec<String> = EMBEDDED_TERMS.lines().map(str::to_owned).collect();
        assert!(terms.len() > 500);
        let precompiled = TermAutomaton::new(&terms).unwrap();
        assert!(precompiled.is_precompiled());
        let built = TermAutomaton {
            engine: Engine::Built(Box::new(dfa::DFA::new(&terms).unwrap())),
            terms: terms.clone(),
        };
        let mut texts = crate::test_texts::shared_texts();
        texts.extend(terms.iter().take(50).cloned());
        let mut total = 0;
        for text in &texts {
            let text = crate::lexicon::fold_text(text).text;
            let found = occurrences(&precompiled, &text);
            assert_eq!(found, occurrences(&built, &text), "{text}");
            total += found.len();
        }
        assert!(total > 1000, "{total}");
    }

    #[test]
    fn another_term_list_is_built_at_load() {
        let terms = vec![
            "ai".to_owned(),
            "machine learning".to_owned(),
            "learning".to_owned(),
        ];
        let automaton = TermAutomaton::new(&terms).unwrap();
        assert!(!automaton.is_precompiled());
        assert_eq!(
            occurrences(&automaton, "ai and machine learning"),
            [(0, 0, 2), (1, 7, 23), (2, 15, 23)]
        );
    }
}
