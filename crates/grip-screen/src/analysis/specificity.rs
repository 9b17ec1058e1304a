//! Specificity of an answer text: concrete details (numbers, times, versions, names, roles,
//! procedures, standards) against boilerplate that would fit any supplier. Returns a score in
//! 0.0–1.0 with the reasons, so a buyer sees why an answer was judged generic.

use std::sync::LazyLock;

use regex::Regex;

use super::signals::SIGNAL_SPECS;

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
    /// None only if a built-in signal failed to compile, which a test rules out.
    regex: Option<Regex>,
    weight: f64,
    concrete: bool,
}

static SIGNALS: LazyLock<Vec<Signal>> = LazyLock::new(|| {
    SIGNAL_SPECS
        .iter()
        .map(|spec| Signal {
            label: spec.label,
            regex: Regex::new(&format!(
                "(?i){}",
                crate::lexicon::document_dialect(spec.pattern)
            ))
            .ok(),
            weight: spec.weight,
            concrete: spec.concrete,
        })
        .collect()
});

/// Each signal's matches in `text`, at most `limit`.
fn signal_counts(text: &str, limit: usize) -> Vec<usize> {
    SIGNALS
        .iter()
        .map(|s| {
            s.regex
                .as_ref()
                .map_or(0, |r| r.find_iter(text).take(limit).count())
        })
        .collect()
}

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

    #[test]
    fn every_signal_compiles_and_counts_its_kind_of_detail() {
        assert!(SIGNALS.iter().all(|s| s.regex.is_some()));
        let text = "Versie 3.2.1 op 12-03-2024; stap 1 binnen 30 minuten, ISO 27001. \
                    Wij streven naar innovatieve oplossingen.";
        let counted: Vec<(&str, usize)> = SIGNALS
            .iter()
            .map(|s| s.label)
            .zip(signal_counts(text, COUNT_LIMIT))
            .filter(|(_, n)| *n > 0)
            .collect();
        for label in [
            "version numbers",
            "times and durations",
            "dates",
            "standards and norms",
            "procedures and steps",
            "marketing superlatives",
            "commitments without detail",
        ] {
            assert!(
                counted.iter().any(|(l, _)| *l == label),
                "{label}: {counted:?}"
            );
        }
        assert_eq!(signal_counts(&"12 ".repeat(50), 20)[3], 20);
    }
}
