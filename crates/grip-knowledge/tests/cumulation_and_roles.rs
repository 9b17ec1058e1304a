//! Issue 26 in the classifier: Art. 50 duties on top of a high-risk verdict (Art. 50(6)),
//! the open-source exclusion (Art. 2(12)) and its counterpart for GPAI models (Art. 53(2)),
//! and the importer, distributor and product-manufacturer roles.

mod common;

use common::*;
use grip_knowledge::{OtherRole, Role};
use serde_json::json;

fn has_obligation(out: &grip_knowledge::Outcome, id: &str) -> bool {
    out.classification.obligations.iter().any(|o| o.id == id)
}

fn traced(out: &grip_knowledge::Outcome, rule: &str) -> bool {
    out.trace.iter().any(|s| s.rule == rule)
}

#[test]
fn emotion_recognition_under_annex_iii_keeps_its_art_50_3_duty() {
    let out = run(&[
        ("annex_iii_purposes", json!(["1c"])),
        ("art6_3.profiling_natural_persons", json!(true)),
        (
            "transparency.emotion_recognition_or_biometric_categorisation",
            json!(true),
        ),
        ("deployment.law_enforcement", json!(false)),
    ]);
    assert_eq!(verdict(&out), "high_risk");
    assert_eq!(out.classification.transparency_obligations, ["50(3)"]);
    assert!(has_obligation(&out, "deployer-50-3-inform-exposed-persons"));
    assert!(has_basis(&out, "Art. 50(3)") && has_basis(&out, "Art. 50(6)"));
    assert!(traced(&out, "transparency-cumulation"));
}

#[test]
fn a_high_risk_system_without_art_50_triggers_states_no_cumulation() {
    let out = run(&[
        ("annex_iii_purposes", json!(["6e"])),
        ("art6_3.profiling_natural_persons", json!(true)),
    ]);
    assert_eq!(verdict(&out), "high_risk");
    assert!(!has_basis(&out, "Art. 50(6)"));
    assert!(!traced(&out, "transparency-cumulation"));
}

#[test]
fn the_open_source_exclusion_needs_both_facts_and_no_other_tier() {
    let free = json!({"free_open_source_licence": true, "monetised": false});
    let out = run(&[("open_source", free.clone())]);
    assert_eq!(verdict(&out), "out_of_scope");
    assert_eq!(out.classification.basis, ["Art. 2(12)"]);
    assert!(out.classification.obligations.is_empty());

    let open_price = run(&[(
        "open_source",
        json!({"free_open_source_licence": true, "monetised": null}),
    )]);
    assert_eq!(
        verdict(&open_price),
        "minimal",
        "an unproven exclusion is not applied"
    );
    assert_eq!(open_price.classification.missing, ["open_source.monetised"]);

    let unknown = run(&[("open_source", json!(null))]);
    assert_eq!(verdict(&unknown), "minimal");
    assert_eq!(
        unknown.classification.missing,
        ["open_source.free_open_source_licence"]
    );

    let chat = run(&[
        ("open_source", free.clone()),
        ("transparency.interacts_directly_with_persons", json!(true)),
    ]);
    assert_eq!(verdict(&chat), "transparency", "Art. 50 systems stay in");
    assert!(has_basis(&chat, "Art. 2(12)"));
    let prohibited = run(&[
        ("open_source", free),
        ("prohibited_practices", json!(["5.1.c"])),
    ]);
    assert_eq!(verdict(&prohibited), "prohibited");
}

#[test]
fn an_open_source_gpai_model_without_systemic_risk_has_the_lighter_duties() {
    let model = |systemic: bool, monetised: bool| {
        run(&[
            ("gpai.is_gpai_model", json!(true)),
            ("gpai.systemic_risk", json!(systemic)),
            (
                "open_source",
                json!({"free_open_source_licence": true, "monetised": monetised}),
            ),
        ])
    };
    let light = model(false, false);
    assert_eq!(verdict(&light), "gpai_model");
    assert!(has_obligation(&light, "provider-53-2-open-source-model"));
    assert!(!has_obligation(&light, "provider-53-gpai-model-duties"));
    for out in [model(true, false), model(false, true)] {
        assert!(has_obligation(&out, "provider-53-gpai-model-duties"));
        assert!(!has_obligation(&out, "provider-53-2-open-source-model"));
    }
}

#[test]
fn importer_and_distributor_duties_follow_a_high_risk_system_only() {
    let high = [
        ("annex_iii_purposes", json!(["6e"])),
        ("art6_3.profiling_natural_persons", json!(true)),
    ];
    let mut imported = high.to_vec();
    imported.push(("deployment.imports_from_outside_union", json!(true)));
    imported.push(("deployment.distributes", json!(true)));
    let out = run(&imported);
    assert_eq!(
        out.classification.other_roles,
        [OtherRole::Importer, OtherRole::Distributor]
    );
    assert_eq!(out.classification.role, Role::Deployer);
    for id in [
        "importer-23-verify-before-placing",
        "importer-23-name-records-cooperation",
        "distributor-24-verify-before-supplying",
        "distributor-24-storage-corrective-cooperation",
    ] {
        let duty = out.classification.obligations.iter().find(|o| o.id == id);
        assert!(duty.is_some_and(|o| o.held_as.is_some()), "{id}");
    }
    assert!(has_basis(&out, "Art. 23") && has_basis(&out, "Art. 24"));

    let minimal = run(&[("deployment.imports_from_outside_union", json!(true))]);
    assert_eq!(verdict(&minimal), "minimal");
    assert_eq!(minimal.classification.other_roles, [OtherRole::Importer]);
    assert!(
        !minimal
            .classification
            .obligations
            .iter()
            .any(|o| o.held_as.is_some())
    );

    let mut open = high.to_vec();
    open.push(("deployment.imports_from_outside_union", json!(null)));
    let unknown = run(&open);
    assert_eq!(
        unknown.classification.missing,
        ["deployment.imports_from_outside_union"]
    );
    assert!(unknown.classification.other_roles.is_empty());
}

#[test]
fn a_product_manufacturer_is_the_provider_only_for_a_section_a_high_risk_product() {
    let lift = [
        ("annex_i.legislation", json!("lifts")),
        ("annex_i.safety_component_or_product", json!(true)),
        ("annex_i.third_party_conformity_assessment", json!(true)),
        ("deployment.integrates_into_own_product", json!(true)),
    ];
    let out = run(&lift);
    assert_eq!(verdict(&out), "high_risk");
    assert_eq!(out.classification.role, Role::Provider);
    assert_eq!(
        out.classification.other_roles,
        [OtherRole::ProductManufacturer]
    );
    assert!(has_basis(&out, "Art. 25(3)"));
    assert!(has_obligation(&out, "product-manufacturer-25-3-provider"));
    assert!(has_obligation(&out, "provider-16-provider-duties"));

    let mut no_assessment = lift.to_vec();
    no_assessment[2].1 = json!(false);
    let out = run(&no_assessment);
    assert_eq!(verdict(&out), "minimal");
    assert_eq!(out.classification.role, Role::Deployer);
    assert!(!has_obligation(&out, "product-manufacturer-25-3-provider"));
}

#[test]
fn a_gpai_model_and_a_system_outside_the_act_have_no_other_roles() {
    let model = run(&[
        ("gpai.is_gpai_model", json!(true)),
        ("deployment.imports_from_outside_union", json!(true)),
    ]);
    assert_eq!(verdict(&model), "gpai_model");
    assert!(model.classification.other_roles.is_empty());
    let excluded = run(&[
        (
            "exclusions.military_defence_national_security_only",
            json!(true),
        ),
        ("deployment.distributes", json!(true)),
    ]);
    assert_eq!(verdict(&excluded), "out_of_scope");
    assert!(excluded.classification.other_roles.is_empty());
}
