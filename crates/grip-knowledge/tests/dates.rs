//! "As of" evaluation: before 2026-07-27 the original 2024 dates hold; from then on the
//! dates as amended by Regulation (EU) 2026/1744.

mod common;

use common::*;
use jiff::civil::date;
use serde_json::json;

#[test]
fn annex_iii_duties_moved_from_august_2026_to_december_2027() {
    let changes = [
        ("annex_iii_purposes", json!(["6e"])),
        ("art6_3.profiling_natural_persons", json!(true)),
    ];
    let before = run_at(&changes, date(2026, 7, 26));
    let after = run_at(&changes, date(2026, 7, 27));
    for id in [
        "deployer-26-1-use-per-instructions",
        "deployer-27-fria",
        "deployer-49-3-registration",
        "provider-9-risk-management",
        "deployer-86-explanation",
    ] {
        assert_eq!(
            obligation_date(&before, id).as_deref(),
            Some("2026-08-02"),
            "{id}"
        );
        assert_eq!(
            obligation_date(&after, id).as_deref(),
            Some("2027-12-02"),
            "{id}"
        );
    }
}

#[test]
fn unchanged_dates_stay_the_same_on_both_sides() {
    let changes = [
        ("annex_iii_purposes", json!(["4a"])),
        ("transparency.interacts_directly_with_persons", json!(true)),
    ];
    for as_of in [date(2026, 3, 1), date(2026, 11, 23), date(2028, 1, 1)] {
        let out = run_at(&changes, as_of);
        assert_eq!(
            obligation_date(&out, "deployer-4-ai-literacy").as_deref(),
            Some("2025-02-02")
        );
        assert_eq!(
            obligation_date(&out, "provider-50-1-disclose-interaction").as_deref(),
            Some("2026-08-02")
        );
        assert_eq!(
            obligation_date(&out, "deployer-111-2-legacy-public-systems").as_deref(),
            Some("2030-08-02")
        );
    }
}

#[test]
fn as_of_is_echoed_and_the_trace_names_the_text_used() {
    let out = run_at(&[], date(2026, 7, 1));
    assert_eq!(out.classification.as_of.to_string(), "2026-07-01");
    let step = out
        .trace
        .iter()
        .find(|s| s.rule == "obligations-as-of")
        .expect("dates step");
    assert_eq!(step.outcome, grip_knowledge::StepOutcome::DoesNotApply);
    let later = run_at(&[], date(2026, 8, 1));
    let step = later
        .trace
        .iter()
        .find(|s| s.rule == "obligations-as-of")
        .expect("dates step");
    assert_eq!(step.outcome, grip_knowledge::StepOutcome::Applies);
}
