//! Test helpers: the shared contracts and fixtures, schema validation and a fully known
//! baseline profile that individual tests adjust.
#![allow(
    dead_code,
    reason = "each test binary uses its own part of these helpers, so the lint fires in some \
    binaries and not in others, where `expect` would fail"
)]

use std::path::PathBuf;
use std::sync::OnceLock;

use grip_knowledge::{AiActPack, Outcome, SystemProfile, classify, parse_profile_value};
use grip_test_support::Contract;
use jiff::civil::{Date, date};
use serde_json::{Value, json};

pub fn pack_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../knowledge/ai-act")
}

pub fn pack() -> AiActPack {
    AiActPack::embedded().expect("embedded pack loads")
}

pub const FIXTURE_DATE: Date = date(2026, 11, 23);

pub fn read_json(path: PathBuf) -> Value {
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The `grip.classification/1` contract from `../shared`, loaded (and, without it, reported
/// as skipped) once per test binary.
#[track_caller]
pub fn classification_contract() -> &'static Contract {
    static CONTRACT: OnceLock<Contract> = OnceLock::new();
    // Loaded outside `get_or_init` so a skip names the test's file, not a closure's.
    if let Some(contract) = CONTRACT.get() {
        return contract;
    }
    let contract = Contract::classification();
    CONTRACT.get_or_init(|| contract)
}

/// The `grip.system-profile/1` contract, like [`classification_contract`].
#[track_caller]
pub fn profile_contract() -> &'static Contract {
    static CONTRACT: OnceLock<Contract> = OnceLock::new();
    if let Some(contract) = CONTRACT.get() {
        return contract;
    }
    let contract = Contract::system_profile();
    CONTRACT.get_or_init(|| contract)
}

/// Schema violations of `instance`, as readable strings (empty = valid).
pub fn violations(schema: &Value, instance: &Value) -> Vec<String> {
    let validator = jsonschema::validator_for(schema).expect("schema compiles");
    validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// A profile where every fact is known and nothing applies: an AI system with minimal risk.
pub fn baseline_json() -> Value {
    json!({
        "schema": "grip.system-profile/1",
        "name": "Testsysteem",
        "ai_definition": {"machine_based": true, "autonomy": true, "infers_outputs": true, "only_human_defined_rules": false},
        "exclusions": {"military_defence_national_security_only": false, "scientific_research_only": false},
        "gpai": {"is_gpai_model": false, "systemic_risk": false},
        "prohibited_practices": [],
        "realtime_rbi": {"used": false, "objective": "none", "national_law_permits": null, "prior_authorisation": null},
        "annex_i": {"legislation": "none", "safety_component_or_product": false, "third_party_conformity_assessment": false},
        "annex_iii_purposes": [],
        "art6_3": {"narrow_procedural_task": false, "improves_completed_human_activity": false,
                   "detects_patterns_without_replacing_human_assessment": false, "preparatory_task": false,
                   "profiling_natural_persons": false},
        "transparency": {"interacts_directly_with_persons": false, "generates_synthetic_content": false,
                         "emotion_recognition_or_biometric_categorisation": false, "deep_fake": false,
                         "public_interest_text_without_editorial_review": false, "law_enforcement_exception": false},
        "deployment": {"public_authority": true, "law_enforcement": true, "under_own_name_or_trademark": false,
                       "substantial_modification": false, "changes_purpose_to_high_risk": false,
                       "imports_from_outside_union": false, "distributes": false,
                       "integrates_into_own_product": false},
        "open_source": {"free_open_source_licence": false, "monetised": false}
    })
}

/// Set a dotted path (e.g. `deployment.law_enforcement`) in a profile JSON.
pub fn set(profile: &mut Value, path: &str, value: Value) {
    let mut target = profile;
    let parts: Vec<&str> = path.split('.').collect();
    for part in &parts[..parts.len() - 1] {
        target = target.get_mut(*part).expect("section exists");
    }
    target[parts[parts.len() - 1]] = value;
}

pub fn profile_with(changes: &[(&str, Value)]) -> SystemProfile {
    let mut v = baseline_json();
    for (path, value) in changes {
        set(&mut v, path, value.clone());
    }
    parse_profile_value(&v).expect("test profile is valid")
}

#[track_caller]
pub fn run(changes: &[(&str, Value)]) -> Outcome {
    run_at(changes, FIXTURE_DATE)
}

#[track_caller]
pub fn run_at(changes: &[(&str, Value)], as_of: Date) -> Outcome {
    let outcome = classify(&pack(), &profile_with(changes), as_of);
    assert_schema_valid(&outcome);
    outcome
}

/// Both the bare classification and the classification-with-trace must be schema-valid.
#[track_caller]
pub fn assert_schema_valid(outcome: &Outcome) {
    let contract = classification_contract();
    let bare = serde_json::to_value(&outcome.classification).expect("serialises");
    let problems = contract.violations(&bare);
    assert!(
        problems.is_empty(),
        "classification invalid: {problems:?}\n{bare}"
    );
    let with_trace = serde_json::to_value(outcome).expect("serialises");
    let problems = contract.violations(&with_trace);
    assert!(problems.is_empty(), "outcome invalid: {problems:?}");
}

pub fn verdict(outcome: &Outcome) -> String {
    outcome.classification.verdict.as_str().to_string()
}

pub fn articles(outcome: &Outcome) -> Vec<String> {
    outcome
        .classification
        .obligations
        .iter()
        .map(|o| o.article.clone())
        .collect()
}

pub fn obligation_date(outcome: &Outcome, id: &str) -> Option<String> {
    outcome
        .classification
        .obligations
        .iter()
        .find(|o| o.id == id)
        .map(|o| o.applies_from.to_string())
}

pub fn has_basis(outcome: &Outcome, wanted: &str) -> bool {
    let norm = |s: &str| s.replace(' ', "").to_lowercase();
    outcome
        .classification
        .basis
        .iter()
        .any(|b| norm(b) == norm(wanted))
}
