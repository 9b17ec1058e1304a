//! Tests of the wizard's steps, answers and profile.

use super::*;

fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn every_question_fills_a_known_profile_fact() {
    for q in STEPS.iter().flat_map(|s| s.questions) {
        let steering = q.path.starts_with(WIZARD_ONLY);
        assert!(
            steering || codes::FACT_PATHS.contains(&q.path),
            "{}",
            q.path
        );
    }
}

#[test]
fn the_annex_i_choices_are_the_profile_codes() {
    assert_eq!(ANNEX_I_WITH_NONE[1..], *codes::ANNEX_I_KEYS);
}

#[test]
fn a_system_that_is_not_ai_skips_everything_else() {
    let a = answers(&[("ai_definition.infers_outputs", "no")]);
    assert!(next_step(Some("ai"), &a).is_none());
}

#[test]
fn follow_up_steps_appear_only_when_needed() {
    let a = answers(&[
        ("realtime_rbi.used", "no"),
        ("annex_i.legislation", "none"),
        ("annex_iii_purposes", "none"),
    ]);
    assert_eq!(next_step(Some("prohibited"), &a).unwrap().id, "product");
    assert_eq!(next_step(Some("product"), &a).unwrap().id, "purpose");
    assert_eq!(next_step(Some("purpose"), &a).unwrap().id, "transparency");
    let a = answers(&[("realtime_rbi.used", "yes"), ("annex_iii_purposes", "6e")]);
    assert_eq!(next_step(Some("prohibited"), &a).unwrap().id, "rbi");
    assert_eq!(next_step(Some("purpose"), &a).unwrap().id, "derogation");
    assert_eq!(previous_step("derogation", &a).unwrap().id, "purpose");
}

#[test]
fn answers_normalise_and_become_a_valid_profile() {
    let codes_q = step("purpose").unwrap().questions[0];
    assert_eq!(normalise(&codes_q, &["6e".into(), "1a".into()]), "1a,6e");
    assert_eq!(normalise(&codes_q, &["none".into(), "6e".into()]), "6e");
    assert_eq!(normalise(&codes_q, &["none".into()]), "none");
    assert_eq!(normalise(&codes_q, &[]), "unknown");
    assert_eq!(
        normalise(&codes_q, &["6e".into(), "unknown".into()]),
        "unknown"
    );
    let yes_no_q = step("ai").unwrap().questions[0];
    assert_eq!(normalise(&yes_no_q, &["misschien".into()]), "unknown");

    let a = answers(&[
        ("ai_definition.machine_based", "yes"),
        ("ai_definition.infers_outputs", "unknown"),
        ("annex_iii_purposes", "6e"),
        ("prohibited_practices", "none"),
        ("annex_i.legislation", "none"),
    ]);
    let profile = profile_from_answers("Profileringstool", "", &a);
    assert_eq!(profile["ai_definition"]["machine_based"], json!(true));
    assert_eq!(profile["ai_definition"]["infers_outputs"], Value::Null);
    assert_eq!(profile["annex_iii_purposes"], json!(["6e"]));
    assert_eq!(profile["prohibited_practices"], json!([]));
    grip_knowledge::parse_profile_value(&profile).unwrap();
}

#[test]
fn answers_of_skipped_steps_are_dropped() {
    let a = answers(&[
        ("realtime_rbi.used", "no"),
        ("realtime_rbi.objective", "victim_search"),
    ]);
    assert!(!effective_answers(&a).contains_key("realtime_rbi.objective"));
}

#[test]
fn the_other_roles_are_asked_only_when_they_can_apply() {
    let inside = answers(&[
        (SUPPLIER_OUTSIDE_UNION, "no"),
        ("annex_i.legislation", "none"),
    ]);
    assert_eq!(next_step(Some("supply"), &inside).unwrap().id, "prohibited");
    assert_eq!(next_step(Some("product"), &inside).unwrap().id, "purpose");
    let profile = profile_from_answers("Camera", "", &inside);
    assert_eq!(
        profile["deployment"]["imports_from_outside_union"],
        json!(false),
        "a supplier inside the Union rules out importing"
    );
    assert!(
        profile.get("wizard").is_none(),
        "steering answers stay out of the profile"
    );
    grip_knowledge::parse_profile_value(&profile).unwrap();

    let abroad = answers(&[
        (SUPPLIER_OUTSIDE_UNION, "yes"),
        ("deployment.imports_from_outside_union", "yes"),
        ("annex_i.legislation", "lifts"),
        ("annex_i.safety_component_or_product", "yes"),
        ("deployment.integrates_into_own_product", "yes"),
    ]);
    assert_eq!(next_step(Some("supply"), &abroad).unwrap().id, "import");
    assert_eq!(
        next_step(Some("product_detail"), &abroad).unwrap().id,
        "product_manufacturer"
    );
    let profile = profile_from_answers("Lift", "", &abroad);
    assert_eq!(
        profile["deployment"]["imports_from_outside_union"],
        json!(true)
    );
    assert_eq!(
        profile["deployment"]["integrates_into_own_product"],
        json!(true)
    );

    let no_component = answers(&[
        ("annex_i.legislation", "lifts"),
        ("annex_i.safety_component_or_product", "no"),
    ]);
    assert_eq!(
        next_step(Some("product_detail"), &no_component).unwrap().id,
        "purpose"
    );
}

#[test]
fn the_price_of_open_source_is_asked_only_for_open_source() {
    let closed = answers(&[("open_source.free_open_source_licence", "no")]);
    assert_eq!(
        next_step(Some("open_source"), &closed).unwrap().id,
        "deployment"
    );
    let open = answers(&[
        ("open_source.free_open_source_licence", "yes"),
        ("open_source.monetised", "no"),
    ]);
    assert_eq!(
        next_step(Some("open_source"), &open).unwrap().id,
        "open_source_price"
    );
    let profile = profile_from_answers("Bibliotheek", "", &open);
    assert_eq!(
        profile["open_source"],
        json!({"free_open_source_licence": true, "monetised": false})
    );
}

#[test]
fn a_reassessment_adds_the_areas_of_the_change_to_the_purposes() {
    let last = answers(&[("annex_iii_purposes", "none")]);
    let merged = with_annex_iii_areas(last, &["1a".into(), "no-such".into()]);
    assert_eq!(merged["annex_iii_purposes"], "1a");
    let last = answers(&[("annex_iii_purposes", "6e")]);
    let merged = with_annex_iii_areas(last, &["1a".into(), "6e".into()]);
    assert_eq!(merged["annex_iii_purposes"], "6e,1a");
    let untouched = with_annex_iii_areas(answers(&[]), &[]);
    assert!(untouched.is_empty());
}
