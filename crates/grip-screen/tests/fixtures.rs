//! The shared screening fixtures (`shared/fixtures/screen/cases.json`): each text screened as
//! a `.txt` document must give the expected verdict, categories, hints and contradiction.

mod common;

use grip_screen::{Limits, Verdict, screen_bytes};
use serde_json::Value;

#[test]
fn every_shared_fixture_case_passes() {
    let Some(cases) =
        grip_test_support::shared_json("fixtures/screen/cases.json", "the whole test")
    else {
        return;
    };
    let cases = cases.as_array().expect("cases.json is an array of cases");
    let lexicon = common::lexicon();
    let validator = common::screening_validator();
    let mut failures = Vec::new();
    for case in cases {
        let id = case["id"].as_str().unwrap_or("?");
        let text = case["text"].as_str().expect("text");
        let expect = &case["expect"];
        let screening = screen_bytes(
            &format!("{id}.txt"),
            text.as_bytes(),
            lexicon,
            &Limits::default(),
        );
        let json = serde_json::to_value(&screening).expect("serialise");
        for problem in validator.violations(&json) {
            failures.push(format!("{id}: schema: {problem}"));
        }
        let want_verdict: Verdict =
            serde_json::from_value(expect["verdict"].clone()).expect("verdict");
        if screening.verdict != want_verdict {
            failures.push(format!(
                "{id}: verdict {:?}, want {want_verdict:?}; {}",
                screening.verdict, json
            ));
        }
        for category in expect["categories_include"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let category = category.as_str().unwrap_or_default();
            if !screening.categories.iter().any(|c| c == category) {
                failures.push(format!("{id}: missing category {category}; {json}"));
            }
        }
        for hint in expect["annex_iii_hints_include"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let hint = hint.as_str().unwrap_or_default();
            if !screening.annex_iii_hints.iter().any(|h| h == hint) {
                failures.push(format!("{id}: missing hint {hint}; {json}"));
            }
        }
        if let Some(want) = expect.get("contradiction").and_then(Value::as_bool)
            && screening.contradiction != want
        {
            failures.push(format!(
                "{id}: contradiction {}, want {want}; {json}",
                screening.contradiction
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    eprintln!("{} shared fixture cases pass", cases.len());
}
