//! The explanation trace: every step names its rule, article and facts, carries both
//! languages, and renders to readable text.

mod common;

use common::*;
use grip_knowledge::{Lang, StepOutcome, explain_text};
use serde_json::json;

#[test]
fn trace_covers_every_gate_with_facts_and_both_languages() {
    let out = run(&[
        ("annex_iii_purposes", json!(["6e"])),
        ("art6_3.profiling_natural_persons", json!(true)),
    ]);
    let rules: Vec<&str> = out.trace.iter().map(|s| s.rule.as_str()).collect();
    for wanted in [
        "obligations-as-of",
        "gpai-model",
        "ai-definition",
        "scope-exclusions",
        "prohibited-practices",
        "annex-i-product",
        "annex-iii-purpose",
        "derogation",
        "transparency",
        "provider-role",
        "verdict",
    ] {
        assert!(rules.contains(&wanted), "{wanted} in {rules:?}");
    }
    for step in &out.trace {
        assert!(
            !step.text.nl.is_empty() && !step.text.en.is_empty(),
            "{}",
            step.rule
        );
        assert!(!step.article.is_empty(), "{}", step.rule);
    }
    let derogation = out
        .trace
        .iter()
        .find(|s| s.rule == "derogation")
        .expect("derogation step");
    assert_eq!(derogation.outcome, StepOutcome::DoesNotApply);
    assert!(
        derogation
            .facts
            .iter()
            .any(|f| f.path == "art6_3.profiling_natural_persons" && f.value == json!(true))
    );
}

#[test]
fn explain_text_is_readable_in_both_languages() {
    let out = run(&[("ai_definition.infers_outputs", json!(null))]);
    let nl = explain_text(&out.trace, Lang::Nl);
    let en = explain_text(&out.trace, Lang::En);
    assert!(nl.contains("[Art. 3(1)] ai-definition: onbekend"), "{nl}");
    assert!(
        nl.contains("ai_definition.infers_outputs = onbekend"),
        "{nl}"
    );
    assert!(en.contains("[Art. 3(1)] ai-definition: unknown"), "{en}");
    assert!(
        en.contains("ai_definition.infers_outputs = unknown"),
        "{en}"
    );
    assert!(en.lines().next().is_some_and(|l| l.starts_with("1. ")));
}

#[test]
fn outcome_serialises_with_a_trace_member() {
    let out = run(&[]);
    let v = serde_json::to_value(&out).expect("serialises");
    assert!(v["trace"].is_array());
    assert_eq!(v["schema"], json!("grip.classification/1"));
    assert_eq!(v["rulepack"], json!("ai-act@1.0.0"));
    let bare = serde_json::to_value(&out.classification).expect("serialises");
    assert!(bare.get("trace").is_none());
}
