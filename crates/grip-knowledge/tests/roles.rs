//! The buyer's role: Art. 3(3) own name, and the Art. 25(1) switches that only count for
//! high-risk systems.

mod common;

use common::*;
use grip_knowledge::Role;
use serde_json::json;

#[test]
fn own_name_makes_the_buyer_provider_at_any_tier() {
    let out = run(&[("deployment.under_own_name_or_trademark", json!(true))]);
    assert_eq!(verdict(&out), "minimal");
    assert_eq!(out.classification.role, Role::Provider);
    assert!(has_basis(&out, "Art. 3(3)"));
    assert!(!has_basis(&out, "Art. 25(1)(a)"));
}

#[test]
fn own_name_on_a_high_risk_system_also_cites_art_25_1_a() {
    let out = run(&[
        ("annex_iii_purposes", json!(["6c"])),
        ("deployment.under_own_name_or_trademark", json!(true)),
    ]);
    assert_eq!(out.classification.role, Role::Provider);
    assert!(has_basis(&out, "Art. 3(3)") && has_basis(&out, "Art. 25(1)(a)"));
    assert!(articles(&out).iter().any(|a| a == "Art. 25(4)"));
}

#[test]
fn substantial_modification_and_new_purpose_count_only_for_high_risk() {
    for (fact, article) in [
        ("deployment.substantial_modification", "Art. 25(1)(b)"),
        ("deployment.changes_purpose_to_high_risk", "Art. 25(1)(c)"),
    ] {
        let high = run(&[("annex_iii_purposes", json!(["6c"])), (fact, json!(true))]);
        assert_eq!(high.classification.role, Role::Provider, "{fact}");
        assert!(has_basis(&high, article), "{fact}");

        let low = run(&[(fact, json!(true))]);
        assert_eq!(low.classification.role, Role::Deployer, "{fact}");
        assert!(!has_basis(&low, article), "{fact}");
    }
}

#[test]
fn unknown_switch_is_reported_and_the_buyer_stays_deployer() {
    let out = run(&[
        ("annex_iii_purposes", json!(["6c"])),
        ("deployment.substantial_modification", json!(null)),
    ]);
    assert_eq!(verdict(&out), "high_risk");
    assert_eq!(out.classification.role, Role::Deployer);
    assert!(
        out.classification
            .missing
            .contains(&"deployment.substantial_modification".to_string())
    );
}

#[test]
fn high_risk_switch_unknown_is_irrelevant_for_minimal_systems() {
    let out = run(&[("deployment.changes_purpose_to_high_risk", json!(null))]);
    assert!(out.classification.missing.is_empty());
}
