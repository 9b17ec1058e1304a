//! Art. 50: every paragraph, with and without the law-enforcement exception, and how the
//! paragraphs combine with the other tiers.

mod common;

use common::*;
use serde_json::json;

const CASES: &[(&str, &str, &str, &str)] = &[
    (
        "transparency.interacts_directly_with_persons",
        "50(1)",
        "Art. 50(1)",
        "provider-50-1-disclose-interaction",
    ),
    (
        "transparency.generates_synthetic_content",
        "50(2)",
        "Art. 50(2)",
        "provider-50-2-mark-synthetic-output",
    ),
    (
        "transparency.emotion_recognition_or_biometric_categorisation",
        "50(3)",
        "Art. 50(3)",
        "deployer-50-3-inform-exposed-persons",
    ),
    (
        "transparency.deep_fake",
        "50(4)",
        "Art. 50(4)",
        "deployer-50-4-disclose-deep-fake",
    ),
    (
        "transparency.public_interest_text_without_editorial_review",
        "50(4)",
        "Art. 50(4)",
        "deployer-50-4-disclose-public-text",
    ),
];

#[test]
fn every_paragraph_applies_without_the_exception() {
    for (fact, code, article, obligation) in CASES {
        let out = run(&[(fact, json!(true))]);
        assert_eq!(verdict(&out), "transparency", "{fact}");
        assert_eq!(
            out.classification.transparency_obligations,
            vec![code.to_string()],
            "{fact}"
        );
        assert!(has_basis(&out, article), "{fact}");
        assert_eq!(
            obligation_date(&out, obligation).as_deref(),
            Some("2026-08-02"),
            "{fact}"
        );
    }
}

#[test]
fn every_paragraph_is_lifted_by_the_law_enforcement_exception() {
    for (fact, _, _, obligation) in CASES {
        let out = run(&[
            (fact, json!(true)),
            ("transparency.law_enforcement_exception", json!(true)),
        ]);
        assert_eq!(verdict(&out), "minimal", "{fact}");
        assert!(
            out.classification.transparency_obligations.is_empty(),
            "{fact}"
        );
        assert!(obligation_date(&out, obligation).is_none(), "{fact}");
    }
}

#[test]
fn unknown_exception_matters_only_when_a_trigger_holds() {
    let open = run(&[
        ("transparency.interacts_directly_with_persons", json!(true)),
        ("transparency.law_enforcement_exception", json!(null)),
    ]);
    assert_eq!(verdict(&open), "undetermined");
    assert_eq!(
        open.classification.missing,
        vec!["transparency.law_enforcement_exception".to_string()]
    );

    let irrelevant = run(&[("transparency.law_enforcement_exception", json!(null))]);
    assert_eq!(verdict(&irrelevant), "minimal");
    assert!(irrelevant.classification.missing.is_empty());
}

#[test]
fn paragraphs_are_reported_alongside_a_high_risk_verdict() {
    let out = run(&[
        ("annex_iii_purposes", json!(["1c"])),
        (
            "transparency.emotion_recognition_or_biometric_categorisation",
            json!(true),
        ),
    ]);
    assert_eq!(verdict(&out), "high_risk");
    assert_eq!(
        out.classification.transparency_obligations,
        vec!["50(3)".to_string()]
    );
    assert!(obligation_date(&out, "deployer-50-3-inform-exposed-persons").is_some());
}

#[test]
fn deep_fake_and_public_text_share_paragraph_four_once() {
    let out = run(&[
        ("transparency.deep_fake", json!(true)),
        (
            "transparency.public_interest_text_without_editorial_review",
            json!(true),
        ),
    ]);
    assert_eq!(
        out.classification.transparency_obligations,
        vec!["50(4)".to_string()]
    );
    assert!(obligation_date(&out, "deployer-50-4-disclose-deep-fake").is_some());
    assert!(obligation_date(&out, "deployer-50-4-disclose-public-text").is_some());
}

#[test]
fn paragraphs_are_reported_while_the_risk_tier_is_still_open() {
    let out = run(&[
        ("transparency.interacts_directly_with_persons", json!(true)),
        ("annex_iii_purposes", json!(null)),
    ]);
    assert_eq!(verdict(&out), "undetermined");
    assert_eq!(
        out.classification.transparency_obligations,
        vec!["50(1)".to_string()]
    );

    let not_settled = run(&[
        ("transparency.interacts_directly_with_persons", json!(true)),
        ("ai_definition.infers_outputs", json!(null)),
    ]);
    assert!(
        not_settled
            .classification
            .transparency_obligations
            .is_empty()
    );
}
