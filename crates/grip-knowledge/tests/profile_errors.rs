//! Invalid profiles: each error names the JSON path and what the contract expects there.

mod common;

use common::*;
use grip_knowledge::{ProfileError, parse_profile, parse_profile_value};
use serde_json::json;

fn error_for(changes: &[(&str, serde_json::Value)]) -> ProfileError {
    let mut v = baseline_json();
    for (path, value) in changes {
        set(&mut v, path, value.clone());
    }
    parse_profile_value(&v).expect_err("profile must be rejected")
}

#[test]
fn wrong_type_for_a_fact_names_the_path_and_tri_state() {
    let e = error_for(&[("deployment.law_enforcement", json!("yes"))]);
    assert_eq!(e.path(), "deployment.law_enforcement");
    assert!(
        e.to_string()
            .starts_with("deployment.law_enforcement: expected true, false or null"),
        "{e}"
    );
}

#[test]
fn wrong_types_everywhere_name_their_fields() {
    let cases: &[(&str, serde_json::Value, &str)] = &[
        (
            "ai_definition.infers_outputs",
            json!(1),
            "ai_definition.infers_outputs",
        ),
        ("name", json!(42), "name"),
        ("name", json!(""), "name"),
        (
            "prohibited_practices",
            json!("5.1.a"),
            "prohibited_practices",
        ),
        (
            "prohibited_practices",
            json!(["5.1.z"]),
            "prohibited_practices[0]",
        ),
        (
            "annex_iii_purposes",
            json!(["6e", "9z"]),
            "annex_iii_purposes[1]",
        ),
        (
            "annex_iii_purposes",
            json!(["6e", "6e"]),
            "annex_iii_purposes[1]",
        ),
        (
            "annex_i.legislation",
            json!("spaceships"),
            "annex_i.legislation",
        ),
        (
            "realtime_rbi.objective",
            json!(true),
            "realtime_rbi.objective",
        ),
        ("gpai", json!([]), "gpai"),
        ("art6_3", json!(null), "art6_3"),
        ("description", json!(["x"]), "description"),
    ];
    for (path, value, expected_path) in cases {
        let e = error_for(&[(path, value.clone())]);
        assert_eq!(e.path(), *expected_path, "{path} = {value}: {e}");
        assert!(e.to_string().starts_with(expected_path), "{e}");
        assert!(e.to_string().contains("expected"), "{e}");
    }
}

#[test]
fn unknown_fields_are_rejected_with_their_path() {
    let e = error_for(&[("deployment.colour", json!(true))]);
    assert_eq!(e.path(), "deployment.colour");
    assert!(e.to_string().contains("unknown field"), "{e}");
    let mut v = baseline_json();
    v["extra"] = json!(1);
    let e = parse_profile_value(&v).expect_err("unknown top-level field");
    assert_eq!(e.path(), "extra");
}

#[test]
fn missing_or_wrong_schema_marker_is_an_error() {
    let mut v = baseline_json();
    v.as_object_mut().expect("object").remove("schema");
    let e = parse_profile_value(&v).expect_err("marker required");
    assert_eq!(e.path(), "schema");
    assert!(e.to_string().contains("grip.system-profile/1"), "{e}");

    let e = error_for(&[("schema", json!("grip.system-profile/2"))]);
    assert_eq!(e.path(), "schema");
    assert!(
        e.to_string().contains("expected \"grip.system-profile/1\""),
        "{e}"
    );
}

#[test]
fn missing_name_is_an_error() {
    let mut v = baseline_json();
    v.as_object_mut().expect("object").remove("name");
    let e = parse_profile_value(&v).expect_err("name required");
    assert_eq!(e.path(), "name");
}

#[test]
fn malformed_json_reports_line_and_column() {
    let e = parse_profile("{\"schema\": \"grip.system-profile/1\",\n \"name\": }")
        .expect_err("bad json");
    match &e {
        ProfileError::MalformedJson { line, .. } => assert_eq!(*line, 2),
        other => panic!("unexpected {other:?}"),
    }
    assert!(e.to_string().contains("malformed JSON"), "{e}");
    let e = parse_profile("[1, 2]").expect_err("not an object");
    assert!(
        e.to_string().starts_with("(root): expected a JSON object"),
        "{e}"
    );
}

#[test]
fn absent_sections_and_nulls_are_unknown_not_errors() {
    let p = parse_profile(
        r#"{"schema":"grip.system-profile/1","name":"x","deployment":{"law_enforcement":null}}"#,
    )
    .expect("valid");
    assert_eq!(p.deployment.law_enforcement, None);
    assert_eq!(p.annex_iii_purposes, None);
    assert_eq!(p.gpai.is_gpai_model, None);
}
