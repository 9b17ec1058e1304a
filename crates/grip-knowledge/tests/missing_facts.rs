//! Unknown facts at each step: which are reported, and when they make the verdict
//! undetermined versus when a settled earlier step makes them irrelevant.

mod common;

use common::*;
use grip_knowledge::{classify, parse_profile};
use serde_json::json;

fn missing(out: &grip_knowledge::Outcome) -> Vec<String> {
    out.classification.missing.clone()
}

#[test]
fn each_unknown_gating_fact_is_reported_on_its_own() {
    let cases: &[(&str, serde_json::Value)] = &[
        ("gpai.is_gpai_model", json!(null)),
        ("ai_definition.machine_based", json!(null)),
        ("ai_definition.autonomy", json!(null)),
        ("ai_definition.infers_outputs", json!(null)),
        ("ai_definition.only_human_defined_rules", json!(null)),
        (
            "exclusions.military_defence_national_security_only",
            json!(null),
        ),
        ("exclusions.scientific_research_only", json!(null)),
        ("prohibited_practices", json!(null)),
        ("realtime_rbi.used", json!(null)),
        ("annex_iii_purposes", json!(null)),
    ];
    for (path, value) in cases {
        let out = run(&[(path, value.clone())]);
        assert_eq!(verdict(&out), "undetermined", "{path}");
        assert_eq!(missing(&out), vec![path.to_string()], "{path}");
    }
}

#[test]
fn unknown_legislation_matters_only_for_a_third_party_assessed_safety_component() {
    let open = run(&[
        ("annex_i.legislation", json!(null)),
        ("annex_i.safety_component_or_product", json!(true)),
        ("annex_i.third_party_conformity_assessment", json!(true)),
    ]);
    assert_eq!(verdict(&open), "undetermined");
    assert_eq!(missing(&open), vec!["annex_i.legislation".to_string()]);
    let settled = run(&[("annex_i.legislation", json!(null))]);
    assert_eq!(verdict(&settled), "minimal");
}

#[test]
fn unknown_annex_i_details_only_matter_for_listed_legislation() {
    let out = run(&[
        ("annex_i.legislation", json!("medical_devices")),
        ("annex_i.third_party_conformity_assessment", json!(null)),
        ("annex_i.safety_component_or_product", json!(true)),
    ]);
    assert_eq!(verdict(&out), "undetermined");
    assert_eq!(
        missing(&out),
        vec!["annex_i.third_party_conformity_assessment".to_string()]
    );
    let none = run(&[("annex_i.third_party_conformity_assessment", json!(null))]);
    assert_eq!(verdict(&none), "minimal");
}

#[test]
fn a_definite_non_ai_answer_ignores_later_unknowns() {
    let out = run(&[
        ("ai_definition.infers_outputs", json!(false)),
        ("annex_iii_purposes", json!(null)),
        ("prohibited_practices", json!(null)),
    ]);
    assert_eq!(verdict(&out), "not_ai_system");
    assert!(missing(&out).is_empty());
    assert!(has_basis(&out, "Art. 3(1)"));
    assert!(out.classification.obligations.is_empty());
}

#[test]
fn out_of_scope_and_gpai_verdicts() {
    let military = run(&[(
        "exclusions.military_defence_national_security_only",
        json!(true),
    )]);
    assert_eq!(verdict(&military), "out_of_scope");
    assert!(has_basis(&military, "Art. 2(3)"));
    let research = run(&[("exclusions.scientific_research_only", json!(true))]);
    assert!(has_basis(&research, "Art. 2(6)"));

    let model = run(&[
        ("gpai.is_gpai_model", json!(true)),
        ("gpai.systemic_risk", json!(true)),
    ]);
    assert_eq!(verdict(&model), "gpai_model");
    assert!(has_basis(&model, "Art. 51"));
    let arts = articles(&model);
    assert!(arts.contains(&"Art. 53".to_string()) && arts.contains(&"Art. 55".to_string()));

    let open = run(&[
        ("gpai.is_gpai_model", json!(true)),
        ("gpai.systemic_risk", json!(null)),
    ]);
    assert_eq!(verdict(&open), "gpai_model");
    assert!(missing(&open).contains(&"gpai.systemic_risk".to_string()));
}

#[test]
fn unknown_deployment_facts_that_select_obligations_are_reported() {
    let out = run(&[
        ("annex_iii_purposes", json!(["6a"])),
        ("deployment.public_authority", json!(null)),
        ("deployment.law_enforcement", json!(null)),
    ]);
    assert_eq!(verdict(&out), "high_risk");
    let m = missing(&out);
    assert!(
        m.contains(&"deployment.public_authority".to_string()),
        "{m:?}"
    );
    assert!(
        m.contains(&"deployment.law_enforcement".to_string()),
        "{m:?}"
    );
    assert!(obligation_date(&out, "deployer-27-fria").is_none());
}

#[test]
fn an_empty_profile_lists_what_the_first_open_steps_need() {
    let profile =
        parse_profile(r#"{"schema":"grip.system-profile/1","name":"Onbekend"}"#).expect("valid");
    let out = classify(&pack(), &profile, FIXTURE_DATE);
    assert_schema_valid(&out);
    assert_eq!(verdict(&out), "undetermined");
    for path in [
        "gpai.is_gpai_model",
        "ai_definition.infers_outputs",
        "prohibited_practices",
        "annex_iii_purposes",
    ] {
        assert!(
            out.classification.missing.contains(&path.to_string()),
            "{path}"
        );
    }
    assert!(!out.classification.basis.is_empty());
}

#[test]
fn a_later_yes_does_not_settle_an_earlier_open_step() {
    let out = run(&[
        ("ai_definition.autonomy", json!(null)),
        ("prohibited_practices", json!(["5.1.c"])),
        ("annex_iii_purposes", json!(null)),
    ]);
    assert_eq!(verdict(&out), "undetermined");
    // The Annex III list is irrelevant: if it is an AI system, it is prohibited anyway.
    assert_eq!(missing(&out), vec!["ai_definition.autonomy".to_string()]);
}
