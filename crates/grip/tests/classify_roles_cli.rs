//! `grip classify` on the cases of issue 26: Art. 50 duties on top of high risk, the
//! open-source exclusion of Art. 2(12), and the importer, distributor and product-manufacturer
//! roles, as a user runs the built binary.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::{Value, json};

const GRIP: &str = env!("CARGO_BIN_EXE_grip");

/// A known AI system that is high-risk under Annex III point 6(e) (profiling), nothing else.
fn high_risk() -> Value {
    json!({
        "schema": "grip.system-profile/1",
        "name": "Profileringstool",
        "ai_definition": {"machine_based": true, "autonomy": true, "infers_outputs": true, "only_human_defined_rules": false},
        "exclusions": {"military_defence_national_security_only": false, "scientific_research_only": false},
        "gpai": {"is_gpai_model": false},
        "prohibited_practices": [],
        "realtime_rbi": {"used": false},
        "annex_i": {"legislation": "none"},
        "annex_iii_purposes": ["6e"],
        "art6_3": {"profiling_natural_persons": true},
        "transparency": {"interacts_directly_with_persons": false, "generates_synthetic_content": false,
                         "emotion_recognition_or_biometric_categorisation": false, "deep_fake": false,
                         "public_interest_text_without_editorial_review": false, "law_enforcement_exception": false},
        "deployment": {"public_authority": true, "law_enforcement": true, "under_own_name_or_trademark": false,
                       "substantial_modification": false, "changes_purpose_to_high_risk": false,
                       "imports_from_outside_union": false, "distributes": false}
    })
}

fn classify(profile: &Value) -> Value {
    let mut child = Command::new(GRIP)
        .args(["classify", "-", "--as-of", "2026-11-23"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(profile.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .map(|items| items.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn obligation<'a>(result: &'a Value, id: &str) -> Option<&'a Value> {
    result["obligations"]
        .as_array()
        .and_then(|items| items.iter().find(|o| o["id"] == id))
}

#[test]
fn a_providers_high_risk_chatbot_keeps_its_art_50_duty() {
    let mut profile = high_risk();
    profile["transparency"]["interacts_directly_with_persons"] = json!(true);
    profile["deployment"]["under_own_name_or_trademark"] = json!(true);
    let result = classify(&profile);
    assert_eq!(result["verdict"], "high_risk");
    assert_eq!(result["role"], "provider");
    assert_eq!(strings(&result["transparency_obligations"]), ["50(1)"]);
    let basis = strings(&result["basis"]);
    assert!(
        basis.contains(&"Art. 50(1)") && basis.contains(&"Art. 50(6)"),
        "{basis:?}"
    );
    assert!(obligation(&result, "provider-50-1-disclose-interaction").is_some());
    assert!(obligation(&result, "provider-16-provider-duties").is_some());
}

#[test]
fn open_source_is_out_of_scope_only_when_nothing_else_applies() {
    let mut minimal = high_risk();
    minimal["annex_iii_purposes"] = json!([]);
    minimal["open_source"] = json!({"free_open_source_licence": true, "monetised": false});
    let result = classify(&minimal);
    assert_eq!(result["verdict"], "out_of_scope");
    assert_eq!(strings(&result["basis"]), ["Art. 2(12)"]);
    assert_eq!(result["obligations"], json!([]));

    minimal["open_source"]["monetised"] = json!(true);
    assert_eq!(
        classify(&minimal)["verdict"],
        "minimal",
        "a paid licence is not excluded"
    );
    minimal["open_source"] = Value::Null;
    let unknown = classify(&minimal);
    assert_eq!(unknown["verdict"], "minimal");
    assert!(strings(&unknown["missing"]).contains(&"open_source.free_open_source_licence"));

    let mut high = high_risk();
    high["open_source"] = json!({"free_open_source_licence": true, "monetised": false});
    let result = classify(&high);
    assert_eq!(
        result["verdict"], "high_risk",
        "Art. 2(12) does not cover high risk"
    );
    assert!(strings(&result["basis"]).contains(&"Art. 2(12)"));
}

#[test]
fn an_imported_high_risk_system_brings_the_importers_duties() {
    let mut profile = high_risk();
    profile["deployment"]["imports_from_outside_union"] = json!(true);
    let result = classify(&profile);
    assert_eq!(result["verdict"], "high_risk");
    assert_eq!(result["role"], "deployer");
    assert_eq!(result["other_roles"], json!(["importer"]));
    let duty = obligation(&result, "importer-23-verify-before-placing").unwrap();
    assert_eq!(duty["article"], "Art. 23(1)");
    assert_eq!(duty["held_as"], "importer");
    assert_eq!(duty["applies_from"], "2027-12-02");
    assert!(strings(&result["basis"]).contains(&"Art. 23"));

    // A buyer that neither imports nor passes the system on carries no such duty, and the
    // optional `other_roles` is left out.
    let plain = classify(&high_risk());
    assert!(plain.get("other_roles").is_none(), "{plain}");
    assert!(obligation(&plain, "importer-23-verify-before-placing").is_none());
}

#[test]
fn a_product_manufacturer_of_a_section_a_product_is_its_provider() {
    let mut profile = high_risk();
    profile["annex_iii_purposes"] = json!([]);
    profile["annex_i"] = json!({"legislation": "lifts", "safety_component_or_product": true,
                                "third_party_conformity_assessment": true});
    profile["deployment"]["integrates_into_own_product"] = json!(true);
    profile["deployment"]["distributes"] = json!(true);
    let result = classify(&profile);
    assert_eq!(result["verdict"], "high_risk");
    assert_eq!(result["role"], "provider");
    assert_eq!(
        result["other_roles"],
        json!(["distributor", "product_manufacturer"])
    );
    assert!(strings(&result["basis"]).contains(&"Art. 25(3)"));
    let duty = obligation(&result, "product-manufacturer-25-3-provider").unwrap();
    assert_eq!(duty["holder"], "provider");
    assert_eq!(duty["applies_from"], "2028-08-02", "the Annex I schedule");
    assert!(obligation(&result, "distributor-24-verify-before-supplying").is_some());
}
