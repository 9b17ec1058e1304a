//! High risk: every Annex III point, the Art. 6(3) derogation with and without profiling,
//! both Annex I sections, and the obligations that depend on point and deployer.

mod common;

use common::*;
use grip_knowledge::Route;
use grip_knowledge::profile::codes::{ANNEX_I_KEYS, ANNEX_III_CODES};
use jiff::civil::date;
use serde_json::json;

fn citation(code: &str) -> String {
    let (point, letter) = code.split_at(1);
    if letter.is_empty() {
        format!("Annex III point {point}")
    } else {
        format!("Annex III point {point}({letter})")
    }
}

#[test]
fn every_annex_iii_point_is_high_risk_without_derogation() {
    for code in ANNEX_III_CODES {
        let out = run(&[("annex_iii_purposes", json!([code]))]);
        assert_eq!(verdict(&out), "high_risk", "{code}");
        let hr = out.classification.high_risk.clone().expect("detail");
        assert_eq!(hr.route, Route::AnnexIii);
        assert_eq!(hr.annex_iii_points, vec![code.to_string()]);
        assert!(has_basis(&out, "Art. 6(2)"), "{code}");
        assert!(
            has_basis(&out, &citation(code)),
            "{code}: {:?}",
            out.classification.basis
        );
        let arts = articles(&out);
        assert!(arts.iter().any(|a| a == "Art. 26(1)"), "{code}");
        // Point 2 (critical infrastructure) is exempt from the FRIA, EU registration and Art. 86.
        let has_fria = arts.iter().any(|a| a == "Art. 27");
        assert_eq!(has_fria, *code != "2", "{code}: FRIA");
        assert_eq!(
            arts.iter().any(|a| a == "Art. 49(3)"),
            *code != "2",
            "{code}: 49(3)"
        );
    }
}

#[test]
fn each_derogation_condition_lifts_high_risk_without_profiling() {
    for key in [
        "art6_3.narrow_procedural_task",
        "art6_3.improves_completed_human_activity",
        "art6_3.detects_patterns_without_replacing_human_assessment",
        "art6_3.preparatory_task",
    ] {
        let out = run(&[("annex_iii_purposes", json!(["4a"])), (key, json!(true))]);
        assert_eq!(verdict(&out), "minimal", "{key}");
        assert!(has_basis(&out, "Art. 6(3)"), "{key}");
        let arts = articles(&out);
        assert!(
            arts.iter().any(|a| a == "Art. 6(4)"),
            "{key}: ask for 6(4) documentation"
        );
        assert!(arts.iter().any(|a| a == "Art. 49(2)"), "{key}");
    }
}

#[test]
fn each_derogation_condition_is_overridden_by_profiling() {
    for key in [
        "art6_3.narrow_procedural_task",
        "art6_3.improves_completed_human_activity",
        "art6_3.detects_patterns_without_replacing_human_assessment",
        "art6_3.preparatory_task",
    ] {
        let out = run(&[
            ("annex_iii_purposes", json!(["6d"])),
            (key, json!(true)),
            ("art6_3.profiling_natural_persons", json!(true)),
        ]);
        assert_eq!(verdict(&out), "high_risk", "{key}");
        let reason = out
            .classification
            .high_risk
            .clone()
            .and_then(|h| h.derogation_rejected_because);
        assert!(reason.is_some_and(|r| r.contains("profiles")), "{key}");
    }
}

#[test]
fn derogation_with_unknown_profiling_is_undetermined() {
    let out = run(&[
        ("annex_iii_purposes", json!(["5d"])),
        ("art6_3.preparatory_task", json!(true)),
        ("art6_3.profiling_natural_persons", json!(null)),
    ]);
    assert_eq!(verdict(&out), "undetermined");
    assert_eq!(
        out.classification.missing,
        vec!["art6_3.profiling_natural_persons".to_string()]
    );
}

#[test]
fn unknown_profiling_does_not_matter_when_no_condition_holds() {
    let out = run(&[
        ("annex_iii_purposes", json!(["5d"])),
        ("art6_3.profiling_natural_persons", json!(null)),
    ]);
    assert_eq!(verdict(&out), "high_risk");
    assert!(out.classification.missing.is_empty());
}

#[test]
fn every_annex_i_entry_routes_to_its_section() {
    let section_b = [
        "civil_aviation_security",
        "two_three_wheel_vehicles",
        "agricultural_vehicles",
        "marine_equipment",
        "rail",
        "motor_vehicles",
        "civil_aviation",
    ];
    for key in ANNEX_I_KEYS {
        let out = run(&[
            ("annex_i.legislation", json!(key)),
            ("annex_i.safety_component_or_product", json!(true)),
            ("annex_i.third_party_conformity_assessment", json!(true)),
        ]);
        assert_eq!(verdict(&out), "high_risk", "{key}");
        // Machinery moved to the delegated-act route with the amendment (secondary source).
        let expect_b = section_b.contains(key) || *key == "machinery";
        let route = out.classification.high_risk.clone().map(|h| h.route);
        let expected = if expect_b {
            Route::AnnexIB
        } else {
            Route::AnnexIA
        };
        assert_eq!(route, Some(expected), "{key}");
        assert!(has_basis(&out, "Art. 6(1)"), "{key}");
        let section = if expect_b {
            "Annex I Section B"
        } else {
            "Annex I Section A"
        };
        assert!(has_basis(&out, section), "{key}");
    }
}

#[test]
fn annex_i_without_third_party_assessment_is_not_high_risk() {
    let out = run(&[
        ("annex_i.legislation", json!("radio_equipment")),
        ("annex_i.safety_component_or_product", json!(true)),
        ("annex_i.third_party_conformity_assessment", json!(false)),
    ]);
    assert_eq!(verdict(&out), "minimal");
}

#[test]
fn section_a_obligations_use_the_product_dates() {
    let out = run(&[
        ("annex_i.legislation", json!("lifts")),
        ("annex_i.safety_component_or_product", json!(true)),
        ("annex_i.third_party_conformity_assessment", json!(true)),
    ]);
    assert_eq!(
        obligation_date(&out, "deployer-26-1-use-per-instructions").as_deref(),
        Some("2028-08-02")
    );
    assert_eq!(
        obligation_date(&out, "provider-9-risk-management").as_deref(),
        Some("2028-08-02")
    );
    // Annex III-only duties do not follow from the product route.
    assert!(obligation_date(&out, "deployer-27-fria").is_none());
    let before = run_at(
        &[
            ("annex_i.legislation", json!("lifts")),
            ("annex_i.safety_component_or_product", json!(true)),
            ("annex_i.third_party_conformity_assessment", json!(true)),
        ],
        date(2026, 5, 1),
    );
    assert_eq!(
        obligation_date(&before, "provider-9-risk-management").as_deref(),
        Some("2027-08-02")
    );
}

#[test]
fn section_b_limits_duties_to_type_approval_and_drops_art50() {
    let out = run(&[
        ("annex_i.legislation", json!("motor_vehicles")),
        ("annex_i.safety_component_or_product", json!(true)),
        ("annex_i.third_party_conformity_assessment", json!(true)),
        ("transparency.interacts_directly_with_persons", json!(true)),
    ]);
    assert_eq!(verdict(&out), "high_risk");
    assert!(has_basis(&out, "Art. 2(2)"));
    assert!(out.classification.transparency_obligations.is_empty());
    assert_eq!(articles(&out), vec!["Art. 2(2)".to_string()]);
    assert_eq!(
        obligation_date(&out, "provider-2-2-type-approval").as_deref(),
        Some("2028-08-02")
    );
}

#[test]
fn machinery_was_section_a_before_the_amendment() {
    let changes = [
        ("annex_i.legislation", json!("machinery")),
        ("annex_i.safety_component_or_product", json!(true)),
        ("annex_i.third_party_conformity_assessment", json!(true)),
    ];
    let before = run_at(&changes, date(2026, 7, 26));
    assert_eq!(
        before.classification.high_risk.map(|h| h.route),
        Some(Route::AnnexIA)
    );
    let after = run_at(&changes, date(2026, 7, 27));
    assert_eq!(
        after.classification.high_risk.map(|h| h.route),
        Some(Route::AnnexIB)
    );
}

#[test]
fn annex_iii_wins_the_route_when_both_apply() {
    let out = run(&[
        ("annex_i.legislation", json!("motor_vehicles")),
        ("annex_i.safety_component_or_product", json!(true)),
        ("annex_i.third_party_conformity_assessment", json!(true)),
        ("annex_iii_purposes", json!(["2"])),
    ]);
    let hr = out.classification.high_risk.clone().expect("detail");
    assert_eq!(hr.route, Route::AnnexIii);
    assert!(has_basis(&out, "Art. 6(1)") && has_basis(&out, "Art. 6(2)"));
    assert!(articles(&out).iter().any(|a| a == "Art. 26(1)"));
}

#[test]
fn law_enforcement_deployers_get_the_police_specific_duties() {
    let police = run(&[("annex_iii_purposes", json!(["1a"]))]);
    let arts = articles(&police);
    for wanted in [
        "Art. 26(10)",
        "Art. 49(4)",
        "Art. 43(1)",
        "Art. 14(5)",
        "Art. 26(8)",
        "Art. 27",
        "Art. 86",
    ] {
        assert!(arts.iter().any(|a| a == wanted), "{wanted} in {arts:?}");
    }
    assert!(obligation_date(&police, "deployer-26-11-led-information").is_some());
    assert!(obligation_date(&police, "deployer-26-11-inform-affected-persons").is_none());

    let civil = run(&[
        ("annex_iii_purposes", json!(["4b"])),
        ("deployment.law_enforcement", json!(false)),
    ]);
    let arts = articles(&civil);
    assert!(!arts.iter().any(|a| a == "Art. 26(10)" || a == "Art. 49(4)"));
    assert!(obligation_date(&civil, "deployer-26-11-inform-affected-persons").is_some());
}

#[test]
fn fria_for_private_deployers_only_for_credit_and_insurance() {
    let private = |point: &str| {
        run(&[
            ("annex_iii_purposes", json!([point])),
            ("deployment.public_authority", json!(false)),
            ("deployment.law_enforcement", json!(false)),
        ])
    };
    assert!(obligation_date(&private("5b"), "deployer-27-fria").is_some());
    assert!(obligation_date(&private("5c"), "deployer-27-fria").is_some());
    assert!(obligation_date(&private("4a"), "deployer-27-fria").is_none());
    assert!(obligation_date(&private("4a"), "deployer-49-3-registration").is_none());
}
