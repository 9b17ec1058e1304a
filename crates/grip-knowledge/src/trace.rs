//! The explanation trace: which rule looked at which facts and what it concluded, in Dutch
//! and English, plus a plain-text rendering for `grip classify --explain`.

use serde::Serialize;

use crate::common::{Lang, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepOutcome {
    Applies,
    DoesNotApply,
    Unknown,
}

/// A profile fact as the rule saw it (`null` = unknown).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactUsed {
    pub path: String,
    pub value: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TraceStep {
    pub rule: String,
    pub article: String,
    pub facts: Vec<FactUsed>,
    pub outcome: StepOutcome,
    pub text: Text,
    /// Provisions, codes or dates the step found, e.g. `Annex III point 6(e)`.
    pub findings: Vec<String>,
}

/// A readable, numbered explanation of the trace in the chosen language.
pub fn explain_text(trace: &[TraceStep], lang: Lang) -> String {
    let (facts_label, unknown_label) = match lang {
        Lang::Nl => ("feiten", "onbekend"),
        Lang::En => ("facts", "unknown"),
    };
    let mut out = String::new();
    for (i, step) in trace.iter().enumerate() {
        let outcome = outcome_label(step.outcome, lang);
        out.push_str(&format!(
            "{}. [{}] {}: {}\n   {}\n",
            i + 1,
            step.article,
            step.rule,
            outcome,
            step.text.get(lang)
        ));
        if !step.findings.is_empty() {
            out.push_str(&format!("   -> {}\n", step.findings.join("; ")));
        }
        if !step.facts.is_empty() {
            let facts: Vec<String> = step
                .facts
                .iter()
                .map(|f| match &f.value {
                    serde_json::Value::Null => format!("{} = {unknown_label}", f.path),
                    value => format!("{} = {value}", f.path),
                })
                .collect();
            out.push_str(&format!("   {facts_label}: {}\n", facts.join(", ")));
        }
    }
    out
}

fn outcome_label(outcome: StepOutcome, lang: Lang) -> &'static str {
    match (outcome, lang) {
        (StepOutcome::Applies, Lang::Nl) => "van toepassing",
        (StepOutcome::Applies, Lang::En) => "applies",
        (StepOutcome::DoesNotApply, Lang::Nl) => "niet van toepassing",
        (StepOutcome::DoesNotApply, Lang::En) => "does not apply",
        (StepOutcome::Unknown, Lang::Nl) => "onbekend",
        (StepOutcome::Unknown, Lang::En) => "unknown",
    }
}
