//! Every shared classification fixture, checked as the fixtures README describes,
//! evaluated as of 2026-11-23.

mod common;

use std::collections::BTreeSet;

use common::*;
use grip_knowledge::{classify, parse_profile_value};
use serde_json::Value;

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

fn check_fixture(name: &str, fixture: &Value) -> Vec<String> {
    let mut failures = Vec::new();
    let profile = parse_profile_value(&fixture["profile"]).expect("fixture profile parses");
    let outcome = classify(&pack(), &profile, FIXTURE_DATE);
    assert_schema_valid(&outcome);
    let out = serde_json::to_value(&outcome.classification).expect("serialises");
    let expect = &fixture["expect"];
    let mut fail = |what: String| failures.push(format!("{name}: {what}\n  got {out}"));
    if let Some(v) = expect.get("verdict")
        && &out["verdict"] != v
    {
        fail(format!("verdict {} != {}", out["verdict"], v));
    }
    if let Some(v) = expect.get("route")
        && &out["high_risk"]["route"] != v
    {
        fail(format!("route {} != {}", out["high_risk"]["route"], v));
    }
    if let Some(v) = expect.get("points") {
        let got: BTreeSet<String> = strings(&out["high_risk"]["annex_iii_points"])
            .into_iter()
            .collect();
        let want: BTreeSet<String> = strings(v).into_iter().collect();
        if got != want {
            fail(format!("points {got:?} != {want:?}"));
        }
    }
    if let Some(v) = expect.get("transparency") {
        let got: BTreeSet<String> = strings(&out["transparency_obligations"])
            .into_iter()
            .collect();
        let want: BTreeSet<String> = strings(v).into_iter().collect();
        if got != want {
            fail(format!("transparency {got:?} != {want:?}"));
        }
    }
    if let Some(v) = expect.get("role")
        && &out["role"] != v
    {
        fail(format!("role {} != {}", out["role"], v));
    }
    for wanted in expect
        .get("basis_includes")
        .map(strings)
        .unwrap_or_default()
    {
        if !has_basis(&outcome, &wanted) {
            fail(format!("basis lacks {wanted}"));
        }
    }
    for wanted in expect
        .get("obligation_articles_include")
        .map(strings)
        .unwrap_or_default()
    {
        if !articles(&outcome).iter().any(|a| a.starts_with(&wanted)) {
            fail(format!("no obligation article starting with {wanted}"));
        }
    }
    for wanted in expect
        .get("missing_includes")
        .map(strings)
        .unwrap_or_default()
    {
        if !outcome.classification.missing.contains(&wanted) {
            fail(format!("missing lacks {wanted}"));
        }
    }
    failures
}

#[test]
fn every_shared_fixture_passes() {
    let Some(entries) = grip_test_support::shared_json_files("fixtures/classify", "the whole test")
    else {
        return;
    };
    assert!(
        entries.len() >= 10,
        "expected the shared fixtures, found {}",
        entries.len()
    );
    let mut failures = Vec::new();
    for path in entries {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        failures.extend(check_fixture(&name, &read_json(path)));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn fixture_profiles_are_valid_against_the_profile_contract() {
    let Some(entries) = grip_test_support::shared_json_files("fixtures/classify", "the whole test")
    else {
        return;
    };
    let contract = profile_contract();
    assert!(
        contract.is_checked(),
        "../shared has the fixtures but not the contracts"
    );
    for path in entries {
        let fixture = read_json(path.clone());
        let problems = contract.violations(&fixture["profile"]);
        assert!(problems.is_empty(), "{}: {problems:?}", path.display());
        // And our own serialisation of the parsed profile stays valid too.
        let parsed = parse_profile_value(&fixture["profile"]).expect("parses");
        let problems = contract.violations(&parsed.to_json());
        assert!(
            problems.is_empty(),
            "{} re-serialised: {problems:?}",
            path.display()
        );
    }
}
