//! `grip triage`: one `grip.change-triage/1` line per notice in input order, an unreadable
//! notice reported on its line with exit code 1, and a bad baseline refused with the reason.

use grip_test_support::Contract;
use std::process::Command;

const GRIP: &str = env!("CARGO_BIN_EXE_grip");

const BASELINE: &str = r#"{"schema": "grip.contract-baseline/1", "system": "Dienstauto",
  "components": [{"name": "Noodremassistent", "ai": true, "categories": ["autonomy_driver_assistance"],
  "switchable": true}]}"#;

#[test]
fn notices_are_triaged_in_order_and_an_unreadable_one_keeps_its_line() {
    let dir = std::env::temp_dir().join(format!("grip-triage-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let baseline = dir.join("baseline.json");
    std::fs::write(&baseline, BASELINE).unwrap();
    let fix = dir.join("a-fix.txt");
    std::fs::write(
        &fix,
        "Versie 2.1 herstelt de weergave van de brandstofmeter.",
    )
    .unwrap();
    let face = dir.join("b-face.txt");
    std::fs::write(
        &face,
        "New: the dashboard camera now recognises faces of known offenders.",
    )
    .unwrap();
    let empty = dir.join("c-empty.txt");
    std::fs::write(&empty, "").unwrap();
    let output = Command::new(GRIP)
        .arg("triage")
        .arg("--baseline")
        .arg(&baseline)
        .args([&fix, &face, &empty])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    let contract = Contract::change_triage();
    for line in &lines {
        assert!(contract.violations(line).is_empty(), "{line}");
    }
    let impacts: Vec<&str> = lines
        .iter()
        .map(|l| l["impact"].as_str().unwrap())
        .collect();
    assert_eq!(impacts, ["no_ai_impact", "adds_ai", "unreadable"]);
    assert_eq!(lines[1]["triage"], "escalate");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_bad_baseline_is_refused_with_the_reason() {
    let dir = std::env::temp_dir().join(format!("grip-triage-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let baseline = dir.join("baseline.json");
    std::fs::write(
        &baseline,
        r#"{"schema": "grip.contract-baseline/1", "components": []}"#,
    )
    .unwrap();
    let notice = dir.join("n.txt");
    std::fs::write(&notice, "Release 2").unwrap();
    let output = Command::new(GRIP)
        .args(["triage", "--baseline"])
        .arg(&baseline)
        .arg(&notice)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("baseline") && stderr.contains("system"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}
