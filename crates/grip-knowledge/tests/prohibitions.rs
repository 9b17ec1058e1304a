//! Art. 5: every letter, the 2026 additions (ba)/(bb) around the amendment date, and the
//! real-time remote biometric identification rules of Art. 5(1)(h).

mod common;

use common::*;
use jiff::civil::date;
use serde_json::json;

#[test]
fn every_art5_letter_is_prohibited_with_its_citation() {
    for (code, citation) in [
        ("5.1.a", "Art. 5(1)(a)"),
        ("5.1.b", "Art. 5(1)(b)"),
        ("5.1.ba", "Art. 5(1)(ba)"),
        ("5.1.bb", "Art. 5(1)(bb)"),
        ("5.1.c", "Art. 5(1)(c)"),
        ("5.1.d", "Art. 5(1)(d)"),
        ("5.1.e", "Art. 5(1)(e)"),
        ("5.1.f", "Art. 5(1)(f)"),
        ("5.1.g", "Art. 5(1)(g)"),
    ] {
        let out = run(&[("prohibited_practices", json!([code]))]);
        assert_eq!(verdict(&out), "prohibited", "{code}");
        assert!(
            has_basis(&out, citation),
            "{code}: {:?}",
            out.classification.basis
        );
        assert!(out.classification.high_risk.is_none());
        assert!(
            !out.classification.obligations.is_empty(),
            "{code} yields a do-not-use duty"
        );
    }
}

#[test]
fn prohibition_outranks_high_risk_and_transparency() {
    let out = run(&[
        ("prohibited_practices", json!(["5.1.d"])),
        ("annex_iii_purposes", json!(["6d"])),
        ("transparency.interacts_directly_with_persons", json!(true)),
    ]);
    assert_eq!(verdict(&out), "prohibited");
    // Only the prohibition duty follows; transparency duties do not matter for a banned use.
    assert_eq!(articles(&out), vec!["Art. 5(1)".to_string()]);
    assert_eq!(
        out.classification.transparency_obligations,
        vec!["50(1)".to_string()]
    );
}

#[test]
fn new_prohibitions_do_not_exist_before_the_amendment() {
    let before = run_at(
        &[("prohibited_practices", json!(["5.1.ba"]))],
        date(2026, 7, 1),
    );
    assert_eq!(verdict(&before), "minimal");
    let between = run_at(
        &[("prohibited_practices", json!(["5.1.bb"]))],
        date(2026, 8, 1),
    );
    assert_eq!(verdict(&between), "prohibited");
    assert_eq!(
        obligation_date(&between, "art5-1-bb-no-use").as_deref(),
        Some("2026-12-02")
    );
}

#[test]
fn classic_prohibitions_apply_from_february_2025_under_both_texts() {
    for as_of in [date(2026, 1, 1), date(2026, 11, 23)] {
        let out = run_at(&[("prohibited_practices", json!(["5.1.c"]))], as_of);
        assert_eq!(
            obligation_date(&out, "art5-no-use").as_deref(),
            Some("2025-02-02")
        );
    }
}

#[test]
fn realtime_rbi_without_exception_objective_is_prohibited() {
    let out = run(&[
        ("realtime_rbi.used", json!(true)),
        ("realtime_rbi.objective", json!("none")),
    ]);
    assert_eq!(verdict(&out), "prohibited");
    assert!(has_basis(&out, "Art. 5(1)(h)"));
}

#[test]
fn realtime_rbi_without_national_law_is_prohibited() {
    let out = run(&[
        ("realtime_rbi.used", json!(true)),
        ("realtime_rbi.objective", json!("victim_search")),
        ("realtime_rbi.national_law_permits", json!(false)),
        ("realtime_rbi.prior_authorisation", json!(true)),
    ]);
    assert_eq!(verdict(&out), "prohibited");
}

#[test]
fn realtime_rbi_with_unknown_national_law_is_undetermined() {
    let out = run(&[
        ("realtime_rbi.used", json!(true)),
        ("realtime_rbi.objective", json!("suspect_serious_crime")),
        ("realtime_rbi.national_law_permits", json!(null)),
        ("realtime_rbi.prior_authorisation", json!(true)),
    ]);
    assert_eq!(verdict(&out), "undetermined");
    assert!(
        out.classification
            .missing
            .contains(&"realtime_rbi.national_law_permits".to_string())
    );
}

#[test]
fn realtime_rbi_with_full_exception_is_high_risk_point_1a_with_safeguards() {
    for objective in ["victim_search", "imminent_threat", "suspect_serious_crime"] {
        let out = run(&[
            ("realtime_rbi.used", json!(true)),
            ("realtime_rbi.objective", json!(objective)),
            ("realtime_rbi.national_law_permits", json!(true)),
            ("realtime_rbi.prior_authorisation", json!(true)),
        ]);
        assert_eq!(verdict(&out), "high_risk", "{objective}");
        let hr = out
            .classification
            .high_risk
            .clone()
            .expect("high risk detail");
        assert_eq!(hr.annex_iii_points, vec!["1a".to_string()]);
        let arts = articles(&out);
        for wanted in [
            "Art. 5(2)",
            "Art. 5(3)",
            "Art. 5(4)",
            "Art. 26(10)",
            "Art. 49(4)",
            "Art. 43(1)",
        ] {
            assert!(
                arts.iter().any(|a| a == wanted),
                "{objective}: {wanted} in {arts:?}"
            );
        }
    }
}

#[test]
fn realtime_rbi_use_unknown_keeps_verdict_open() {
    let out = run(&[("realtime_rbi.used", json!(null))]);
    assert_eq!(verdict(&out), "undetermined");
    assert!(
        out.classification
            .missing
            .contains(&"realtime_rbi.used".to_string())
    );
}
