//! Compiled matching: one Aho-Corasick automaton over the folded text for the terms and
//! false friends, one over the original text for case-sensitive abbreviations, and one
//! regex per pattern (run on the folded text, see [`super::dialect`]). False-friend spans
//! suppress any indicator hit they overlap; hits nested in longer ones are dropped.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex::Regex;

use super::dialect;
use super::fold::fold;
use super::pack::PackFile;
use crate::LexiconError;

/// One indicator occurrence, as byte offsets into the extracted text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub indicator: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Boundary {
    WordStart,
    WholeWord,
    Anywhere,
}

/// What a term or pattern finds: evidence for an indicator, or a span that is not AI.
#[derive(Debug, Clone, Copy)]
enum Target {
    Indicator(usize),
    FalseFriend,
}

#[derive(Debug)]
pub(crate) struct Matcher {
    folded: AhoCorasick,
    folded_slots: Vec<(Target, Boundary)>,
    exact: AhoCorasick,
    exact_slots: Vec<usize>,
    patterns: Vec<(Regex, Target)>,
}

impl Matcher {
    pub(crate) fn compile(pack: &PackFile) -> Result<Self, LexiconError> {
        let mut folded_terms = Vec::new();
        let mut folded_slots = Vec::new();
        let mut exact_terms = Vec::new();
        let mut exact_slots = Vec::new();
        let mut patterns = Vec::new();
        for (index, entry) in pack.indicators.iter().enumerate() {
            let target = Target::Indicator(index);
            for (list, boundary) in [
                (&entry.terms, Boundary::WordStart),
                (&entry.words, Boundary::WholeWord),
                (&entry.infix, Boundary::Anywhere),
            ] {
                for term in list {
                    folded_terms.push(fold(term));
                    folded_slots.push((target, boundary));
                }
            }
            for term in &entry.exact {
                exact_terms.push(term.clone());
                exact_slots.push(index);
            }
            for pattern in &entry.patterns {
                patterns.push((dialect::compile(pattern, &entry.id)?, target));
            }
        }
        for entry in &pack.false_friends {
            for term in &entry.terms {
                folded_terms.push(fold(term));
                folded_slots.push((Target::FalseFriend, Boundary::WordStart));
            }
            for pattern in &entry.patterns {
                patterns.push((dialect::compile(pattern, &entry.id)?, Target::FalseFriend));
            }
        }
        let automaton = |terms: &[String], what: &str| {
            AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::DFA))
                .match_kind(MatchKind::Standard)
                .build(terms)
                .map_err(|e| LexiconError::Invalid(format!("{what} automaton: {e}")))
        };
        Ok(Matcher {
            folded: automaton(&folded_terms, "term")?,
            folded_slots,
            exact: automaton(&exact_terms, "abbreviation")?,
            exact_slots,
            patterns,
        })
    }

    /// All indicator hits in `text` (whose folded form is `folded`), sorted by start,
    /// without hits nested in longer ones or overlapping a false friend.
    pub(crate) fn find(&self, text: &str, folded: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut blocked = Vec::new();
        let mut record = |target: Target, start: usize, end: usize| match target {
            Target::Indicator(indicator) => hits.push(Hit {
                indicator,
                start,
                end,
            }),
            Target::FalseFriend => blocked.push((start, end)),
        };
        for m in self.folded.find_overlapping_iter(folded) {
            let (target, boundary) = self.folded_slots[m.pattern().as_usize()];
            if boundary_ok(folded, m.start(), m.end(), boundary) {
                record(target, m.start(), m.end());
            }
        }
        for m in self.exact.find_overlapping_iter(text) {
            if boundary_ok(text, m.start(), m.end(), Boundary::WholeWord) {
                let indicator = self.exact_slots[m.pattern().as_usize()];
                record(Target::Indicator(indicator), m.start(), m.end());
            }
        }
        for (regex, target) in &self.patterns {
            for m in regex.find_iter(folded) {
                record(*target, m.start(), m.end());
            }
        }
        remove_blocked(&mut hits, blocked);
        keep_longest(hits)
    }
}

/// Drops hits that overlap a false-friend span. Spans are sorted once and searched with a
/// running maximum of their ends, so long documents with many spans stay linear-ish.
fn remove_blocked(hits: &mut Vec<Hit>, mut blocked: Vec<(usize, usize)>) {
    if blocked.is_empty() {
        return;
    }
    blocked.sort_unstable();
    let mut max_end = Vec::with_capacity(blocked.len());
    let mut running = 0;
    for &(_, end) in &blocked {
        running = running.max(end);
        max_end.push(running);
    }
    hits.retain(|h| {
        // spans starting before the hit ends; one of them overlaps iff it ends after the start
        let before = blocked.partition_point(|&(start, _)| start < h.end);
        before == 0 || max_end[before - 1] <= h.start
    });
}

/// Drops hits lying entirely inside an earlier, longer hit ("learning" inside "machine
/// learning"). Partly overlapping hits both stay: they are usually different indicators
/// ("estimate the likelihood" / "likelihood of … crime") and each carries evidence. So do
/// hits of different indicators over exactly the same words: "chatbot" is conversational
/// language AI and, today, often generative; "gezichtsherkenning" is both a biometric term
/// and a catalogue function whose explanation the buyer reads.
fn keep_longest(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.indicator.cmp(&b.indicator))
    });
    let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
    let mut covered_to = 0usize;
    for hit in hits {
        let same_words = kept.last().is_some_and(|k: &Hit| {
            k.start == hit.start && k.end == hit.end && k.indicator != hit.indicator
        });
        if kept.is_empty() || hit.end > covered_to || same_words {
            covered_to = covered_to.max(hit.end);
            kept.push(hit);
        }
    }
    kept
}

fn boundary_ok(text: &str, start: usize, end: usize, boundary: Boundary) -> bool {
    let before_ok = || {
        text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    };
    let after_ok = || {
        text[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
    };
    match boundary {
        Boundary::Anywhere => true,
        Boundary::WordStart => before_ok(),
        Boundary::WholeWord => before_ok() && after_ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::Lexicon;
    use super::*;

    fn found(text: &str) -> Vec<String> {
        let lexicon = Lexicon::embedded().expect("embedded lexicon");
        lexicon
            .find(text, &fold(text))
            .into_iter()
            .map(|h| lexicon.indicators()[h.indicator].id.clone())
            .collect()
    }

    #[test]
    fn terms_respect_word_boundaries_and_case_rules() {
        assert_eq!(found("Zelflerende software"), ["ml.explicit"]);
        assert!(found("een onzelflerend ding").is_empty());
        assert_eq!(found("uses ML daily"), ["ml.explicit"]);
        assert!(found("500 ml per uur").is_empty());
        assert!(found("Toegang met een smartcard").is_empty());
    }

    #[test]
    fn nested_hits_keep_the_longest() {
        assert_eq!(found("machine learning"), ["ml.explicit"]);
    }

    #[test]
    fn false_friend_spans_block_overlapping_hits_only() {
        let hit = |start, end| Hit {
            indicator: 0,
            start,
            end,
        };
        let mut hits = vec![hit(0, 5), hit(10, 20), hit(30, 35), hit(40, 45)];
        remove_blocked(&mut hits, vec![(12, 14), (25, 31), (0, 2)]);
        assert_eq!(hits, vec![hit(40, 45)]);
        let mut hits = vec![hit(5, 10)];
        remove_blocked(&mut hits, vec![(0, 5), (10, 12)]);
        assert_eq!(hits, vec![hit(5, 10)]);
    }
}
