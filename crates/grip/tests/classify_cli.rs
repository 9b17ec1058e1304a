//! `grip classify` and `grip knowledge check` as a user runs them: the built binary on every
//! shared classification fixture, on standard input, and on bad input (exit code 2).
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use grip_test_support::Fixtures;

const GRIP: &str = env!("CARGO_BIN_EXE_grip");
/// The shared classification fixtures; without `../shared` the test is reported as skipped.
#[track_caller]
fn fixtures() -> Option<Fixtures> {
    Fixtures::open("fixtures/classify", "the whole test")
}

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(GRIP)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run grip");
    // grip may exit before reading (bad arguments), closing the pipe: not a test failure.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn classify_stdin(profile: &str, extra: &[&str]) -> Output {
    let mut args = vec!["classify", "-", "--as-of", "2026-11-23"];
    args.extend_from_slice(extra);
    run(&args, profile)
}

#[test]
fn every_shared_fixture_gets_its_expected_verdict() {
    let Some(fixtures) = fixtures() else { return };
    let mut checked = 0;
    for path in fixtures.files() {
        let case = grip_test_support::read_json(&path);
        let out = classify_stdin(&case["profile"].to_string(), &[]);
        assert!(
            out.status.success(),
            "{}: {}",
            path.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert_eq!(stdout.trim_end().lines().count(), 1, "one compact line");
        let result: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        let expect = &case["expect"];
        assert_eq!(result["verdict"], expect["verdict"], "{}", path.display());
        assert_eq!(result["schema"], "grip.classification/1");
        assert_eq!(result["as_of"], "2026-11-23");
        if let Some(route) = expect.get("route") {
            assert_eq!(&result["high_risk"]["route"], route, "{}", path.display());
        }
        for missing in expect["missing_includes"].as_array().into_iter().flatten() {
            assert!(
                result["missing"].as_array().unwrap().contains(missing),
                "{}: {missing}",
                path.display()
            );
        }
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} fixtures found");
}

#[test]
fn a_file_argument_works_and_explain_writes_the_trace_to_stderr() {
    let Some(fixtures) = fixtures() else { return };
    let case = fixtures.json("suspect-profiling-tool");
    let file = std::env::temp_dir().join(format!("grip-profile-{}.json", std::process::id()));
    std::fs::write(&file, case["profile"].to_string()).unwrap();
    let out = run(
        &[
            "classify",
            file.to_str().unwrap(),
            "--explain",
            "--as-of",
            "2026-11-23",
        ],
        "",
    );
    std::fs::remove_file(&file).ok();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("Annex III") && stderr.contains("1. ["),
        "{stderr}"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.contains("trace"), "the trace stays off stdout");
}

#[test]
fn bad_input_exits_2_and_names_the_field() {
    let cases = [
        (
            r#"{"schema": "grip.system-profile/1", "name": "x", "deployment": {"law_enforcement": "ja"}}"#,
            "deployment.law_enforcement",
        ),
        (r#"{"schema": "grip.system-profile/1"}"#, "name"),
        (
            r#"{"schema": "grip.system-profile/1", "name": "x", "annex_iii_purposes": ["9z"]}"#,
            "annex_iii_purposes[0]",
        ),
        (
            r#"{"schema": "grip.system-profile/1", "name": "x", "colour": "red"}"#,
            "colour",
        ),
        ("{not json", "(root)"),
    ];
    for (input, field) in cases {
        let out = classify_stdin(input, &[]);
        assert_eq!(out.status.code(), Some(2), "{input}");
        assert!(out.stdout.is_empty(), "nothing on stdout for {input}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains(field), "{input}: {stderr}");
    }
    let bad_date = run(&["classify", "-", "--as-of", "23-11-2026"], "{}");
    assert_eq!(bad_date.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_date.stderr).contains("YYYY-MM-DD"));
    let no_file = run(&["classify", "/no/such/profile.json"], "");
    assert_eq!(no_file.status.code(), Some(2));
}

#[test]
fn the_date_decides_which_law_applies() {
    let profile = r#"{"schema": "grip.system-profile/1", "name": "x"}"#;
    let out = run(&["classify", "-", "--as-of", "2025-06-01"], profile);
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(result["as_of"], "2025-06-01");
    let today = run(&["classify", "-"], profile);
    let result: serde_json::Value = serde_json::from_slice(&today.stdout).unwrap();
    assert_eq!(
        result["as_of"].as_str().unwrap().len(),
        10,
        "defaults to today"
    );
}

#[test]
fn knowledge_check_passes_for_the_packs_and_fails_for_a_broken_dir() {
    let out = run(&["knowledge", "check"], "");
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("ai-act ") && stdout.contains(" ok"),
        "{stdout}"
    );
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../knowledge");
    assert!(
        run(&["knowledge", "check", "--dir", dir], "")
            .status
            .success()
    );
    let empty = std::env::temp_dir().join(format!("grip-no-packs-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    let out = run(
        &["knowledge", "check", "--dir", empty.to_str().unwrap()],
        "",
    );
    std::fs::remove_dir_all(&empty).ok();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("FAILED"));
}
