//! `grip screen` from outside: JSON Lines in input order (directories walked), unreadable
//! documents reported with an error and exit code 1, standard input, and the text report.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn grip() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_grip"));
    cmd.env_remove("GRIP_DATABASE_URL").env("GRIP_LOG", "error");
    cmd
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("grip-screen-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn lines(output: &Output) -> Vec<serde_json::Value> {
    json_lines(&output.stdout)
}

fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    std::str::from_utf8(stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect()
}

const AI: &str = "De camera gebruikt gezichtsherkenning om bezoekers te vergelijken met een lijst.";
const PLAIN: &str = "Wij leveren stevige bureaustoelen met verstelbare armleuningen.";

#[test]
fn several_files_and_a_directory_come_out_in_input_order() {
    let dir = temp_dir("order");
    std::fs::write(dir.join("first.txt"), AI).unwrap();
    let sub = dir.join("map");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(sub.join("b.txt"), PLAIN).unwrap();
    std::fs::write(sub.join("a.md"), AI).unwrap();
    std::fs::write(dir.join("last.txt"), PLAIN).unwrap();
    let output = grip()
        .arg("screen")
        .arg(dir.join("first.txt"))
        .arg(&sub)
        .arg(dir.join("last.txt"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let results = lines(&output);
    let names: Vec<&str> = results
        .iter()
        .map(|r| r["document"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 4);
    assert!(names[0].ends_with("first.txt"));
    assert!(
        names[1].ends_with("a.md"),
        "directories are walked in name order"
    );
    assert!(names[2].ends_with("b.txt"));
    assert!(names[3].ends_with("last.txt"));
    let verdicts: Vec<&str> = results
        .iter()
        .map(|r| r["verdict"].as_str().unwrap())
        .collect();
    assert_eq!(
        verdicts,
        [
            "ai_indicated",
            "ai_indicated",
            "no_ai_indicated",
            "no_ai_indicated"
        ]
    );
    assert!(results.iter().all(|r| r["schema"] == "grip.screening/1"));
    assert!(
        results[0]["categories"]
            .as_array()
            .unwrap()
            .contains(&"biometric".into())
    );
}

/// Screening on several cores prints exactly what one core prints, in input order, with
/// unreadable documents in their place and the exit code saying so.
#[test]
fn parallel_screening_keeps_input_order_and_output() {
    let dir = temp_dir("parallel");
    let mut names = Vec::new();
    for i in 0..300 {
        let name = format!("doc-{i:03}.txt");
        let content: &[u8] = match i % 7 {
            0 => b"\x00\x01\x02\x03 binary",
            3 => AI.as_bytes(),
            _ => PLAIN.as_bytes(),
        };
        std::fs::write(dir.join(&name), content).unwrap();
        names.push(name);
    }
    let run = |jobs: &str| {
        let output = grip()
            .args(["screen", "--jobs", jobs])
            .arg(&dir)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{output:?}");
        output.stdout
    };
    let one = run("1");
    assert_eq!(run("3"), one);
    assert_eq!(run("2"), one);
    let results = json_lines(&one);
    assert_eq!(results.len(), 300);
    for (i, (result, name)) in results.iter().zip(&names).enumerate() {
        assert!(
            result["document"]["name"]
                .as_str()
                .unwrap()
                .ends_with(name.as_str())
        );
        let expected = match i % 7 {
            0 => "unreadable",
            3 => "ai_indicated",
            _ => "no_ai_indicated",
        };
        assert_eq!(result["verdict"], expected, "{name}");
    }
    let zero = grip()
        .args(["screen", "--jobs", "0"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(zero.status.code(), Some(2), "{zero:?}");
    assert!(zero.stdout.is_empty());
}

/// One document of every supported format and the usual broken ones, screened from a
/// directory: every line fits the contract, each document gets the verdict it should.
#[test]
fn every_format_and_broken_file_gives_a_contract_line() {
    let dir = temp_dir("formats");
    let samples = grip_screen::samples::every_format();
    for (i, sample) in samples.iter().enumerate() {
        // Numbered so the directory walk keeps the samples' order.
        std::fs::write(dir.join(format!("{i:02}-{}", sample.name)), &sample.bytes).unwrap();
    }
    let output = grip().arg("screen").arg(&dir).output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "broken files make the exit code 1"
    );
    let validator = grip_test_support::Contract::screening();
    let results = lines(&output);
    assert_eq!(results.len(), samples.len());
    for (result, sample) in results.iter().zip(&samples) {
        sample.assert_screened(result, |r| validator.is_valid(r));
    }
}

/// A file above the size limit is refused from its size, without being read into memory
/// (a sparse 60 MB file takes no disk), and the run goes on.
#[test]
fn oversized_files_are_refused_unread() {
    let dir = temp_dir("huge");
    let huge = std::fs::File::create(dir.join("huge.pdf")).unwrap();
    huge.set_len(60 * 1024 * 1024).unwrap();
    std::fs::write(dir.join("ok.txt"), AI).unwrap();
    let output = grip()
        .arg("screen")
        .arg(dir.join("huge.pdf"))
        .arg(dir.join("ok.txt"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let results = lines(&output);
    assert_eq!(results[0]["verdict"], "unreadable");
    let error = results[0]["error"].as_str().unwrap();
    assert!(error.contains("62914560 bytes, above the limit"), "{error}");
    assert_eq!(results[1]["verdict"], "ai_indicated");
}

#[test]
fn missing_and_garbage_files_are_unreadable_and_the_run_goes_on() {
    let dir = temp_dir("bad");
    std::fs::write(dir.join("kapot.pdf"), b"%PDF-1.7\n\x00\x01\x02 garbage").unwrap();
    std::fs::write(dir.join("ok.txt"), AI).unwrap();
    let output = grip()
        .arg("screen")
        .arg(dir.join("bestaat-niet.docx"))
        .arg(dir.join("kapot.pdf"))
        .arg(dir.join("ok.txt"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let results = lines(&output);
    assert_eq!(results.len(), 3);
    for bad in &results[..2] {
        assert_eq!(bad["verdict"], "unreadable");
        assert!(!bad["error"].as_str().unwrap().is_empty());
        assert_eq!(bad["findings"].as_array().unwrap().len(), 0);
    }
    assert_eq!(results[2]["verdict"], "ai_indicated");
}

/// `grip screen -` with piped standard input and output.
fn screen_standard_input() -> std::process::Child {
    grip()
        .args(["screen", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Standard input has no size to check first: it is refused once it passes the limit.
#[test]
fn oversized_standard_input_is_refused() {
    let mut child = screen_standard_input();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let chunk = vec![b'a'; 1024 * 1024];
        // Past 50 MB grip stops reading; the broken pipe that follows is expected.
        for _ in 0..60 {
            if stdin.write_all(&chunk).is_err() {
                break;
            }
        }
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let results = lines(&output);
    assert_eq!(results[0]["verdict"], "unreadable");
    let error = results[0]["error"].as_str().unwrap();
    assert!(error.contains("above the limit"), "{error}");
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let mut child = screen_standard_input();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"The product does not use AI. It relies on machine learning to rank alerts.")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{output:?}");
    let results = lines(&output);
    assert_eq!(results.len(), 1);
    assert_eq!(results[0]["document"]["name"], "-");
    assert_eq!(results[0]["verdict"], "ai_indicated");
    assert_eq!(results[0]["contradiction"], true);
}

#[test]
fn the_text_report_names_verdict_and_evidence() {
    let dir = temp_dir("text");
    std::fs::write(dir.join("offerte.txt"), AI).unwrap();
    let output = grip()
        .args(["screen", "--format", "text"])
        .arg(dir.join("offerte.txt"))
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("verdict: AI INDICATED"), "{text}");
    assert!(text.contains("biometric"), "{text}");
    assert!(text.contains("gezichtsherkenning"), "{text}");
}

#[test]
fn knowledge_check_reports_every_pack() {
    let output = grip().args(["knowledge", "check"]).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(output.status.success(), "{text}");
    for id in ["ai-act", "indicators", "portfolio"] {
        assert!(
            text.lines().any(|l| l.starts_with(id) && l.ends_with("ok")),
            "{id} missing in {text}"
        );
    }
    let dir = temp_dir("packs");
    std::fs::create_dir_all(dir.join("portfolio")).unwrap();
    std::fs::write(dir.join("portfolio/portfolio.toml"), "[pack]\nid = 1").unwrap();
    let output = grip()
        .args(["knowledge", "check", "--dir"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("portfolio") && text.contains("FAILED"),
        "{text}"
    );
}
