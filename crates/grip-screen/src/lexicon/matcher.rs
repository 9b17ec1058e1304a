//! Compiled matching: one Aho-Corasick automaton over case-folded text for terms, false
//! friends and the literal prefixes of structured patterns (see [`super::patterns`]), one for
//! case-sensitive abbreviations. False-friend spans suppress any indicator hit they overlap;
//! overlapping hits keep the longest.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::dialect::document_dialect;
use super::fold::{Folded, fold};
use super::pack::PackFile;
use super::patterns::Pattern;
use crate::LexiconError;
use crate::automata::terms::TermAutomaton;

/// One indicator occurrence, as byte offsets into the extracted text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub indicator: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy)]
enum Boundary {
    WordStart,
    WholeWord,
    Anywhere,
}

#[derive(Debug, Clone, Copy)]
enum Target {
    Indicator(usize),
    FalseFriend,
}

#[derive(Debug, Clone, Copy)]
enum Slot {
    Term {
        target: Target,
        boundary: Boundary,
    },
    /// A literal prefix of pattern number `.0`.
    Anchor(usize),
    /// A negation signal (see `analysis::negation::NegationScan`), reported as found.
    Signal,
}

/// What one pass over a document finds: indicator hits and the negation signals' spans.
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub hits: Vec<Hit>,
    pub signals: Vec<(usize, usize)>,
}

#[derive(Debug)]
pub(crate) struct Matcher {
    folded: TermAutomaton,
    folded_slots: Vec<Slot>,
    exact: AhoCorasick,
    exact_slots: Vec<usize>,
    patterns: Vec<Pattern>,
    pattern_targets: Vec<Target>,
}

impl Matcher {
    /// `signals` are folded literals whose every occurrence [`Matcher::find`] reports too.
    pub(crate) fn compile(pack: &PackFile, signals: &[String]) -> Result<Self, LexiconError> {
        let mut folded_terms = Vec::new();
        let mut folded_slots = Vec::new();
        let mut exact_terms = Vec::new();
        let mut exact_slots = Vec::new();
        let mut sources = Vec::new();
        for (index, entry) in pack.indicators.iter().enumerate() {
            let target = Target::Indicator(index);
            for (list, boundary) in [
                (&entry.terms, Boundary::WordStart),
                (&entry.words, Boundary::WholeWord),
                (&entry.infix, Boundary::Anywhere),
            ] {
                for term in list {
                    folded_terms.push(fold(term));
                    folded_slots.push(Slot::Term { target, boundary });
                }
            }
            for term in &entry.exact {
                exact_terms.push(term.clone());
                exact_slots.push(index);
            }
            for pattern in &entry.patterns {
                sources.push((pattern, target, &entry.id));
            }
        }
        for entry in &pack.false_friends {
            for term in &entry.terms {
                folded_terms.push(fold(term));
                folded_slots.push(Slot::Term {
                    target: Target::FalseFriend,
                    boundary: Boundary::WordStart,
                });
            }
            for pattern in &entry.patterns {
                sources.push((pattern, Target::FalseFriend, &entry.id));
            }
        }
        for signal in signals {
            folded_terms.push(signal.clone());
            folded_slots.push(Slot::Signal);
        }
        let mut patterns = Vec::with_capacity(sources.len());
        let mut pattern_targets = Vec::with_capacity(sources.len());
        let mut ids = Vec::with_capacity(sources.len());
        for (source, target, id) in sources {
            let pattern = Pattern::new(&document_dialect(source), id)?;
            ids.push(id);
            for anchor in &pattern.anchors {
                folded_terms.push(anchor.clone());
                folded_slots.push(Slot::Anchor(patterns.len()));
            }
            patterns.push(pattern);
            pattern_targets.push(target);
        }
        // Checking every pattern in full and preparing the term automaton are the two
        // halves of loading a pack; they run side by side.
        let (checked, folded) = std::thread::scope(|scope| {
            let check = scope.spawn(|| {
                patterns
                    .iter()
                    .zip(&ids)
                    .try_for_each(|(pattern, id)| pattern.check(id))
            });
            let folded = TermAutomaton::new(&folded_terms)
                .map_err(|e| LexiconError::Invalid(format!("term automaton: {e}")));
            (check.join(), folded)
        });
        checked.unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        Ok(Matcher {
            folded: folded?,
            folded_slots,
            exact: AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .build(&exact_terms)
                .map_err(|e| LexiconError::Invalid(format!("abbreviation automaton: {e}")))?,
            exact_slots,
            patterns,
            pattern_targets,
        })
    }

    /// Compiles every pattern's automaton now instead of on first use.
    pub(crate) fn warm_up(&self) {
        self.patterns.iter().for_each(Pattern::warm_up);
    }

    /// All indicator hits in `text` (whose folded form is `folded`), sorted by start,
    /// without hits nested in longer ones, and every occurrence of a signal.
    pub(crate) fn find(&self, text: &str, folded: &Folded) -> Found {
        let folded_text = folded.text.as_str();
        let mut hits = Vec::new();
        let mut signals = Vec::new();
        let mut blocked: Vec<(usize, usize)> = Vec::new();
        // per pattern, the start of every occurrence of one of its anchors
        let mut candidates: Vec<Vec<usize>> = vec![Vec::new(); self.patterns.len()];
        self.folded
            .for_each_overlapping(folded_text.as_bytes(), |term, start, end| {
                let (target, boundary) = match self.folded_slots[term] {
                    Slot::Term { target, boundary } => (target, boundary),
                    Slot::Anchor(pattern) => {
                        candidates[pattern].push(start);
                        return;
                    }
                    Slot::Signal => {
                        signals.push((start, end));
                        return;
                    }
                };
                if !boundary_ok(folded_text, start, end, boundary) {
                    return;
                }
                match target {
                    Target::Indicator(indicator) => hits.push(Hit {
                        indicator,
                        start,
                        end,
                    }),
                    Target::FalseFriend => blocked.push((start, end)),
                }
            });
        for m in self.exact.find_overlapping_iter(text) {
            if boundary_ok(text, m.start(), m.end(), Boundary::WholeWord) {
                let indicator = self.exact_slots[m.pattern().as_usize()];
                hits.push(Hit {
                    indicator,
                    start: m.start(),
                    end: m.end(),
                });
            }
        }
        for (index, (pattern, starts)) in self.patterns.iter().zip(&mut candidates).enumerate() {
            if pattern.is_anchored() && starts.is_empty() && !folded.exotic_case {
                continue;
            }
            // Reported in the order of their ends, the starts are nearly sorted already: the
            // stable sort, which follows runs, puts them in order in about one pass.
            starts.sort();
            starts.dedup();
            for (start, end) in pattern.find(folded_text, starts, folded.exotic_case) {
                match self.pattern_targets[index] {
                    Target::Indicator(indicator) => hits.push(Hit {
                        indicator,
                        start,
                        end,
                    }),
                    Target::FalseFriend => blocked.push((start, end)),
                }
            }
        }
        remove_blocked(&mut hits, blocked);
        Found {
            hits: keep_longest(hits),
            signals,
        }
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
/// ("estimate the likelihood" / "likelihood of … crime") and each carries evidence.
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
        if kept.is_empty() || hit.end > covered_to {
            covered_to = covered_to.max(hit.end);
            kept.push(hit);
        }
    }
    kept
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn boundary_ok(text: &str, start: usize, end: usize, boundary: Boundary) -> bool {
    let before_ok = || {
        text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c))
    };
    let after_ok = || text[end..].chars().next().is_none_or(|c| !is_word_char(c));
    match boundary {
        Boundary::Anywhere => true,
        Boundary::WordStart => before_ok(),
        Boundary::WholeWord => before_ok() && after_ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::Lexicon;
    use super::super::fold::fold_text;
    use super::*;

    fn hits(lexicon: &Lexicon, text: &str, force_full_scan: bool) -> Vec<Hit> {
        let mut folded = fold_text(text);
        folded.exotic_case |= force_full_scan;
        lexicon.matcher.find(text, &folded).hits
    }

    /// The anchored prefilter must find exactly what scanning every regex over the whole
    /// text finds, on real register texts and on the shared fixture cases.
    #[test]
    fn anchored_patterns_find_what_full_scans_find() {
        let lexicon = Lexicon::embedded().expect("embedded lexicon");
        let mut texts = crate::test_texts::shared_texts("the shared texts").unwrap_or_default();
        texts.push("Het model wordt elke nacht opnieuw getraind; 500 ml per uur.".to_owned());
        let mut pattern_hits = 0;
        for text in &texts {
            let anchored = hits(&lexicon, text, false);
            assert_eq!(anchored, hits(&lexicon, text, true), "{text}");
            pattern_hits += anchored.len();
        }
        assert!(pattern_hits > 0);
    }

    /// The build script determinised every anchored pattern of the embedded pack; a pattern
    /// of another pack is compiled at run time and finds the same.
    #[test]
    fn embedded_patterns_are_precompiled_and_others_are_not() {
        let lexicon = Lexicon::embedded().expect("embedded lexicon");
        let anchored: Vec<&Pattern> = lexicon
            .matcher
            .patterns
            .iter()
            .filter(|p| p.is_anchored())
            .collect();
        assert!(anchored.len() > 20);
        assert!(anchored.iter().all(|p| p.is_precompiled()));
        let other =
            Pattern::compile(&document_dialect(r"\bvoorspelt\s+\w+"), "t").expect("compiles");
        assert!(!other.is_precompiled());
        let text = "de software voorspelt recidive";
        let embedded = Pattern::compile(&document_dialect(r"\b(voorspelt|voorspellen|voorspeld|voorspelling|voorspellingen|predicts?|predicted|predicting|prediction|predictions|forecasts?|anticipeert|anticipates)\b"), "t").expect("compiles");
        assert!(embedded.is_precompiled());
        assert_eq!(embedded.find(text, &[12], false), vec![(12, 21)]);
        assert_eq!(other.find(text, &[12], false), vec![(12, 30)]);
    }

    /// The build script precompiles the term automaton from a list kept in the repository;
    /// this fails when the pack's terms no longer match it, and rewrites it when asked
    /// (`GRIP_WRITE_TERMS=1`).
    #[test]
    fn embedded_term_list_is_fresh() {
        let lexicon = Lexicon::embedded().expect("embedded lexicon");
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/lexicon/embedded_terms.txt"
        );
        if std::env::var_os("GRIP_WRITE_TERMS").is_some() {
            let mut list = lexicon.matcher.folded.terms().join("\n");
            list.push('\n');
            std::fs::write(path, list).expect("write the term list");
            // This build still carries the old list; the next one is checked.
            return;
        }
        assert!(
            lexicon.matcher.folded.is_precompiled(),
            "the embedded pack's terms changed: refresh {path} with \
             `GRIP_WRITE_TERMS=1 cargo test -p grip-screen embedded_term_list`"
        );
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
