//! Specificity of an answer text: concrete details (numbers, times, versions, names, roles,
//! procedures, standards) against boilerplate that would fit any supplier. Returns a score in
//! 0.0–1.0 with the reasons, so a buyer sees why an answer was judged generic.

use std::sync::{LazyLock, OnceLock};

use regex::Regex;
use regex_automata::Input;

use super::signals::{SIGNAL_SPECS, signal_source};
use crate::automata::counting::{Dfa, count_matches, next_char};
use crate::automata::{ForwardDfa, Use};

/// Texts shorter than this (in words) get no score: too little to judge.
const MIN_WORDS: usize = 8;
/// Matches counted per signal: beyond this, more of the same adds nothing.
const COUNT_LIMIT: usize = 20;
/// Prior weight pulling short texts towards "generic" until evidence accumulates.
const PRIOR: f64 = 2.0;

#[derive(Debug, Clone, PartialEq)]
pub struct Specificity {
    pub score: f64,
    pub reasons: Vec<String>,
}

struct Signal {
    label: &'static str,
    counter: Counter,
    weight: f64,
    concrete: bool,
}

/// Counts non-overlapping leftmost-first matches, as `Regex::find_iter(..).count()` would,
/// with a forward DFA only: a count needs match ends, not starts, so the reverse automaton
/// the regex crate also builds (half the compile time) is never needed.
struct Counter {
    pattern: String,
    dfa: Option<ForwardDfa>,
    /// The regex crate's engine, built only if the DFA fails on some text.
    fallback: OnceLock<Option<Regex>>,
}

impl Counter {
    fn new(pattern: &str) -> Counter {
        let pattern = signal_source(&crate::lexicon::document_dialect(pattern));
        let dfa = ForwardDfa::new(&pattern, Use::Signal).ok();
        Counter {
            pattern,
            dfa,
            fallback: OnceLock::new(),
        }
    }

    /// Matches in `text`, counting at most `limit`.
    fn count(&self, text: &str, limit: usize) -> usize {
        self.count_dfa(text, limit)
            .unwrap_or_else(|| self.count_regex(text, limit))
    }

    fn count_dfa(&self, text: &str, limit: usize) -> Option<usize> {
        self.dfa.as_ref()?.searching(|search| {
            let (mut count, mut at) = (0, 0);
            while count < limit && at <= text.len() {
                match search(&Input::new(text).range(at..)) {
                    Ok(Some(end)) => {
                        count += 1;
                        // The signals never match empty text; step on anyway if one did.
                        at = if end.offset() > at {
                            end.offset()
                        } else {
                            next_char(text, at)
                        };
                    }
                    Ok(None) => break,
                    Err(_) => return None,
                }
            }
            Some(count)
        })
    }

    fn count_regex(&self, text: &str, limit: usize) -> usize {
        self.fallback
            .get_or_init(|| Regex::new(&self.pattern).ok())
            .as_ref()
            .map_or(0, |r| r.find_iter(text).take(limit).count())
    }
}

static SIGNALS: LazyLock<Vec<Signal>> = LazyLock::new(|| {
    SIGNAL_SPECS
        .iter()
        .map(|spec| Signal {
            label: spec.label,
            counter: Counter::new(spec.pattern),
            weight: spec.weight,
            concrete: spec.concrete,
        })
        .collect()
});

/// Compiles the signals now instead of on the first score.
pub(crate) fn warm_up() {
    LazyLock::force(&PRECOMPILED);
}

/// Each signal's matches in `text`, at most `limit`: the build script's DFAs all in one
/// pass over the text (see `automata::counting`), any other signal on its own.
fn signal_counts(text: &str, limit: usize) -> Vec<usize> {
    let mut together = count_matches(&PRECOMPILED, text, limit).into_iter();
    SIGNALS
        .iter()
        .map(|signal| {
            let precompiled = signal.counter.dfa.as_ref().and_then(ForwardDfa::dense);
            precompiled
                .and_then(|_| together.next().flatten())
                .unwrap_or_else(|| signal.counter.count(text, limit))
        })
        .collect()
}

/// The build script's signal DFAs, in signal order: those are counted together.
static PRECOMPILED: LazyLock<Vec<&'static Dfa>> = LazyLock::new(|| {
    SIGNALS
        .iter()
        .filter_map(|s| s.counter.dfa.as_ref().and_then(ForwardDfa::dense))
        .collect()
});

/// Scores `text`; `None` when it is too short to judge.
pub fn assess_specificity(text: &str) -> Option<Specificity> {
    // Only whether there are enough words matters: stop counting there.
    text.split_whitespace().nth(MIN_WORDS - 1)?;
    // Long documents are judged on evidence density; cap counting so a manual does not
    // saturate on page numbers.
    let sample_end = super::negation::floor_char_boundary(text, 20_000);
    let sample = &text[..sample_end];
    let (mut concrete, mut generic) = (0.0, 0.0);
    let mut reasons = Vec::new();
    for (signal, count) in SIGNALS.iter().zip(signal_counts(sample, COUNT_LIMIT)) {
        if count == 0 {
            continue;
        }
        let evidence = signal.weight * (1.0 + (count as f64).ln());
        if signal.concrete {
            concrete += evidence;
            reasons.push(format!("concrete: {} ({count})", signal.label));
        } else {
            generic += evidence * 1.5;
            reasons.push(format!("generic: {} ({count})", signal.label));
        }
    }
    let score = concrete / (concrete + generic + PRIOR);
    Some(Specificity {
        score: (score * 100.0).round() / 100.0,
        reasons,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concrete_answer_scores_higher_than_boilerplate() {
        let concrete = assess_specificity(
            "Bij een storing escaleert de servicedesk binnen 30 minuten naar de functioneel beheerder; \
             firmware 3.2.1 wordt eerst op de testomgeving geïnstalleerd volgens draaiboek DR-12.",
        )
        .expect("long enough");
        let generic = assess_specificity(
            "Wij leveren een innovatieve, robuuste en toekomstbestendige oplossing van de hoogste kwaliteit \
             en nemen uiteraard passende maatregelen conform de geldende wet- en regelgeving.",
        )
        .expect("long enough");
        assert!(concrete.score > 0.6, "{concrete:?}");
        assert!(generic.score < 0.2, "{generic:?}");
    }

    /// The forward-only counting reports what `Regex::find_iter` counts, signal by signal,
    /// on the Algorithm Register texts (when the shared corpus is present) and a few others.
    #[test]
    fn counts_equal_regex_find_iter() {
        let mut texts: Vec<String> = [
            "Versie 3.2.1, release 4.5 en v2.0; 30 minuten, 12:30, 24/7, 5 werkdagen. 50% en € 300, 12 GB.",
            "Op 12-03-2024 en 2024-03-12 en maart 2025: ISO 27001, NEN-7510, BIO, AVG, SOC 2.",
            "De functioneel beheerder en de CISO; stap 1 escalatie, daarna rollback. ChatGPT, IBM, NetApp.",
            "Wij streven naar innovatieve, naadloze, robuuste oplossingen; uiteraard best practices.",
            "Ééntje: ſtap 3 — ESCALATIE naar de ſervicedesk binnen 4 uur; KELVIN 5 \u{212A}m, 10\u{a0}min.",
            "",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        if let Some(json) = grip_test_support::shared_json(
            "corpora/algoritmeregister/algoritmeregister_listing_2026-08-08.json",
            "the register texts",
        ) {
            for entry in json["algoritmes"].as_array().expect("algoritmes") {
                let field = |k: &str| entry[k].as_str().unwrap_or("").to_owned();
                texts.push(format!("{}\n{}\n", field("title"), field("doel")));
            }
            assert!(texts.len() > 1000, "{}", texts.len());
        }
        let all = texts.join("\n\n");
        texts.push(all[..super::super::negation::floor_char_boundary(&all, 20_000)].to_owned());
        for signal in SIGNALS.iter() {
            // The build script precompiled every signal (a lazy DFA would count the same).
            assert!(
                signal
                    .counter
                    .dfa
                    .as_ref()
                    .is_some_and(ForwardDfa::is_precompiled),
                "{}",
                signal.label
            );
            let regex = Regex::new(&signal.counter.pattern).expect("signal regex");
            for text in &texts {
                for limit in [20, usize::MAX] {
                    assert_eq!(
                        signal.counter.count(text, limit),
                        regex.find_iter(text).take(limit).count(),
                        "{}: {text}",
                        signal.label
                    );
                }
            }
        }
        // All signals in one pass count what each counts alone.
        for text in &texts {
            for limit in [0, 1, 20, usize::MAX] {
                let alone: Vec<usize> = SIGNALS
                    .iter()
                    .map(|s| s.counter.count(text, limit))
                    .collect();
                assert_eq!(signal_counts(text, limit), alone, "limit {limit}: {text}");
            }
        }
    }

    proptest::proptest! {
        /// Counting all signals in one pass agrees with the regex crate, signal by signal,
        /// on texts dense with what the signals look for, matches next to each other and
        /// cut off by the limit included.
        #[test]
        fn one_pass_counts_equal_regex_find_iter(
            text in crate::test_texts::concatenations(
                &["versie 3.2", "1.2.3", ".4", "12", "7", " ", ".", "-", "/", ":", "\n",
                    "ISO 27001", "stap 1", "escalatie", "12:30", "€ 5", "%", " min", " uur",
                    "IBM", "NetApp", "ChatGPT", "wij streven", "state-of-the-art", "procedure",
                    "24/7", "maart 2025", "12-03-2024", "é", "fg", "soc 2", "v2.0.1", "x",
                    "we take privacy seriously", "innovatief", "Ab", "2024-03-12", "daarna"],
                200,
            )
        ) {
            static REGEXES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
                SIGNALS
                    .iter()
                    .map(|s| Regex::new(&s.counter.pattern).expect("signal regex"))
                    .collect()
            });
            for limit in [1, 3, 20, usize::MAX] {
                let expected: Vec<usize> = REGEXES
                    .iter()
                    .map(|regex| regex.find_iter(&text).take(limit).count())
                    .collect();
                proptest::prop_assert_eq!(signal_counts(&text, limit), expected, "limit {}", limit);
            }
        }
    }
}
