//! `grip export register`, `grip import register` and `grip import spend` as a user runs them
//! on the demo: entries valid under the register's definitions, a refused file that changes
//! nothing, the same spend file twice adding nothing, and the unplaced share printed.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

use grip_test_support::RegisterStandard;
use std::path::Path;
use std::process::{Command, Output};

const GRIP: &str = env!("CARGO_BIN_EXE_grip");

fn grip(data: &Path, args: &[&str]) -> Output {
    Command::new(GRIP)
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn the_demo_exports_valid_entries_and_imports_spend_once() {
    let dir = std::env::temp_dir().join(format!("grip-register-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let data = dir.join("data");
    let demo = grip(&data, &["demo", "--no-serve"]);
    assert!(demo.status.success(), "{demo:?}");

    let out = dir.join("register.json");
    let export = grip(
        &data,
        &[
            "export",
            "register",
            "--standard",
            "1.0",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(export.status.success(), "{export:?}");
    let entries: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(
        entries.as_array().unwrap().len(),
        2,
        "the demo's two complete entries"
    );
    if let Some(standard) = RegisterStandard::load() {
        for entry in entries.as_array().unwrap() {
            assert_eq!(standard.violations(entry), Vec::<String>::new());
        }
    }
    let wrong = grip(
        &data,
        &[
            "export",
            "register",
            "--standard",
            "2.0",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(wrong.status.code(), Some(2));

    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"name": "X", "status": "Actief"}"#).unwrap();
    let refused = grip(&data, &["import", "register", bad.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    let said = text(&refused.stderr);
    assert!(
        said.contains("nothing changed") && said.contains("is not a permitted value"),
        "{said}"
    );

    let spend = dir.join("spend.csv");
    std::fs::write(
        &spend,
        "Leverancier;Bedrag;Omschrijving\nAtelier Noordster;1.250,00;Ontwerp\nAtelier Noordster;abc;Fout\n",
    )
    .unwrap();
    let first = grip(&data, &["import", "spend", spend.to_str().unwrap()]);
    assert!(first.status.success(), "{first:?}");
    let said = text(&first.stdout);
    assert!(
        said.contains("read 2 lines, stored 1, already present 0, refused 1"),
        "{said}"
    );
    assert!(said.contains("not placed in a category"), "{said}");
    assert!(text(&first.stderr).contains("line 3: \u{201c}abc\u{201d} is not an amount"));
    let again = grip(&data, &["import", "spend", spend.to_str().unwrap()]);
    assert!(text(&again.stdout).contains("imported before"), "{again:?}");
    let _ = std::fs::remove_dir_all(&dir);
}
