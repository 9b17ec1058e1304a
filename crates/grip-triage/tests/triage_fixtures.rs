//! The public triage cases of `../shared/fixtures/triage/cases.json`: every case gives the
//! expected impact, triage and categories, and every output keeps to the contract. They are
//! examples; `bench/triage-devset` measures real release notes.

use grip_knowledge::Lang;
use grip_screen::{Lexicon, Limits};
use grip_test_support::{Contract, shared_json};
use grip_triage::{Baseline, ChangeKnowledge, triage_bytes};
use serde_json::Value;

fn strings(value: &Value, key: &str) -> Vec<String> {
    value[key]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn public_cases_get_the_expected_impact_triage_and_categories() {
    let Some(cases) = shared_json("fixtures/triage/cases.json", "the public triage cases") else {
        return;
    };
    let contract = Contract::change_triage();
    let baseline_contract = Contract::contract_baseline();
    let lexicon = Lexicon::embedded().expect("lexicon");
    let knowledge = ChangeKnowledge::embedded().expect("changes pack");
    let mut failures = Vec::new();
    let cases = cases.as_array().expect("a list of cases");
    assert!(cases.len() >= 12, "the public set has twelve cases");
    for case in cases {
        let id = case["id"].as_str().expect("id");
        assert!(
            baseline_contract.is_valid(&case["baseline"]),
            "{id}: baseline"
        );
        let baseline: Baseline =
            Baseline::parse(&case["baseline"].to_string()).expect("baseline parses");
        let notice = case["notice"].as_str().expect("notice");
        let assessment = triage_bytes(
            &format!("{id}.txt"),
            notice.as_bytes(),
            &baseline,
            &lexicon,
            &knowledge,
            &Limits::default(),
        );
        for lang in [Lang::Nl, Lang::En] {
            let out = serde_json::to_value(assessment.to_contract(lang)).expect("json");
            let violations = contract.violations(&out);
            assert!(violations.is_empty(), "{id}: {violations:?}");
        }
        let out = serde_json::to_value(assessment.to_contract(Lang::En)).expect("json");
        let expect = &case["expect"];
        let mut problems = Vec::new();
        if out["impact"] != expect["impact"] {
            problems.push(format!("impact {} != {}", out["impact"], expect["impact"]));
        }
        let triage = out["triage"].as_str().unwrap_or_default().to_owned();
        let allowed = match expect["triage"].as_str() {
            Some(one) => vec![one.to_owned()],
            None => strings(expect, "triage_in"),
        };
        if !allowed.contains(&triage) {
            problems.push(format!("triage {triage} not in {allowed:?}"));
        }
        for (key, field) in [
            ("categories_include", "categories"),
            ("new_categories_include", "new_categories"),
        ] {
            let got = strings(&out, field);
            for want in strings(expect, key) {
                if !got.contains(&want) {
                    problems.push(format!("{field} {got:?} lacks {want}"));
                }
            }
        }
        if !problems.is_empty() {
            failures.push(format!(
                "{id}: {} | reasons: {:?}",
                problems.join("; "),
                out["reasons"]
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
