//! Specificity of an answer text: concrete details (numbers, times, versions, names, roles,
//! procedures, standards) against boilerplate that would fit any supplier. Returns a score in
//! 0.0–1.0 with the reasons, so a buyer sees why an answer was judged generic.

use std::sync::LazyLock;

use regex::Regex;

/// Texts shorter than this (in words) get no score: too little to judge.
const MIN_WORDS: usize = 8;
/// Prior weight pulling short texts towards "generic" until evidence accumulates.
const PRIOR: f64 = 2.0;

#[derive(Debug, Clone, PartialEq)]
pub struct Specificity {
    pub score: f64,
    pub reasons: Vec<String>,
}

struct Signal {
    label: &'static str,
    regex: Regex,
    weight: f64,
    concrete: bool,
}

static SIGNALS: LazyLock<Vec<Signal>> = LazyLock::new(|| {
    let concrete = |label, pattern: &str, weight| Signal {
        label,
        regex: compile(pattern),
        weight,
        concrete: true,
    };
    let generic = |label, pattern: &str, weight| Signal {
        label,
        regex: compile(pattern),
        weight,
        concrete: false,
    };
    vec![
        concrete(
            "version numbers",
            r"\b(v|versie|version|release|firmware)\s*\d+(\.\d+)+\b|\b\d+\.\d+\.\d+\b",
            1.5,
        ),
        concrete(
            "times and durations",
            r"\b\d+([.,]\d+)?\s*(ms|sec|seconden|seconds|s|min|minuten|minutes|uur|uren|hours?|h|dagen|days?|weken|weeks?|maanden|months?|werkdagen|business days)\b|\b\d{1,2}:\d{2}\b|\b24/7\b",
            1.5,
        ),
        concrete(
            "quantities and percentages",
            r"\b\d+([.,]\d+)?\s*(%|procent|percent|gb|tb|mb|fte|euro|eur|€)|€\s*\d",
            1.0,
        ),
        concrete("other numbers", r"\b\d{2,}\b", 0.5),
        concrete(
            "dates",
            r"\b\d{1,2}[-/]\d{1,2}[-/]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|june|july|august|october)\s+\d{4}\b",
            1.0,
        ),
        concrete(
            "standards and norms",
            r"\b(iso|iec|nen|en)\s*[-/]?\s*\d{3,5}\b|\b(bio|avg|gdpr|nis2|soc\s*2|owasp|wcag)\b",
            1.0,
        ),
        concrete(
            "named roles",
            r"\b(functioneel beheerder|applicatiebeheerder|security officer|ciso|privacy officer|functionaris gegevensbescherming|fg|dpo|product owner|servicedesk|service desk|accountmanager|account manager|projectleider|project manager|data scientist|operator|meldkamer|wachtcommandant|teamleider|contactpersoon)\b",
            1.0,
        ),
        concrete(
            "procedures and steps",
            r"\b(stap\s+\d|step\s+\d|escalat\w*|procedure|protocol|runbook|draaiboek|eerst\w*|vervolgens|daarna|then|afterwards|logboek|audit ?log|rollback|terugval\w*|fallback)\b",
            0.8,
        ),
        concrete(
            "named products or parties",
            r"(?-i)\b[A-Z][a-z]+[A-Z]\w*\b|(?-i)\b[A-Z]{2,}[a-z]*\d*\b",
            0.4,
        ),
        generic(
            "marketing superlatives",
            r"\b(state[- ]of[- ]the[- ]art|cutting[- ]edge|industry[- ]leading|world[- ]class|best[- ]in[- ]class|toonaangevend|vooruitstrevend|innovatie(f|ve)|innovative|naadloos|naadloze|seamless(ly)?|robuust|robuuste|robust|next[- ]generation|future[- ]proof|toekomstbestendig\w*|hoogste kwaliteit|highest quality|uitstekend\w*|excellent)\b",
            1.0,
        ),
        generic(
            "commitments without detail",
            r"\b(wij streven|we strive|we are committed|wij zijn toegewijd|wij hechten (groot )?belang|we take \w+ seriously|wij nemen \w+ serieus|uiteraard|of course|vanzelfsprekend|naturally|als geen ander|ontzorgen|klantgericht\w*|customer[- ]centric|holistic\w*|holistisch\w*|op maat|tailored|maatwerk|best practices?|in lijn met|in line with|waar nodig|where necessary|indien nodig|if required|passende maatregelen|appropriate measures)\b",
            1.0,
        ),
        generic(
            "compliance boilerplate",
            r"\b(geldende wet- en regelgeving|applicable (laws|legislation|regulations)|voldoet aan alle|complies with all|fully compliant|volledig compliant|volledig conform)\b",
            1.0,
        ),
    ]
});

fn compile(pattern: &str) -> Regex {
    // The patterns are constants above; a failure is a programming error caught by tests.
    Regex::new(&format!(
        "(?i){}",
        crate::lexicon::ascii_word_boundaries(pattern)
    ))
    .unwrap_or_else(|_| Regex::new("$^").expect("trivial regex"))
}

/// Scores `text`; `None` when it is too short to judge.
pub fn assess_specificity(text: &str) -> Option<Specificity> {
    let words = text.split_whitespace().count();
    if words < MIN_WORDS {
        return None;
    }
    // Long documents are judged on evidence density; cap counting so a manual does not
    // saturate on page numbers.
    let sample_end = super::negation::floor_char_boundary(text, 20_000);
    let sample = &text[..sample_end];
    let (mut concrete, mut generic) = (0.0, 0.0);
    let mut reasons = Vec::new();
    for signal in SIGNALS.iter() {
        let count = signal.regex.find_iter(sample).take(20).count();
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
}
