//! `grip export package` from outside: every format of the demo's patrol-car package is
//! written and reads back; a bad format, language or dossier is a clear error.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

use std::path::PathBuf;
use std::process::{Command, Output};

fn grip() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_grip"));
    cmd.env_remove("GRIP_DATABASE_URL").env("GRIP_LOG", "error");
    cmd
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

async fn patrol_car_id(dir: &std::path::Path) -> String {
    sqlx::any::install_default_drivers();
    let url = format!(
        "sqlite://{}/grip.sqlite",
        dir.canonicalize().unwrap().display()
    );
    let pool = sqlx::AnyPool::connect(&url).await.unwrap();
    let (id,): (String,) =
        sqlx::query_as("select id from dossier where title like 'Basispolitievoertuigen%'")
            .fetch_one(&pool)
            .await
            .unwrap();
    pool.close().await;
    id
}

#[tokio::test]
async fn the_package_exports_in_every_format() {
    let dir: PathBuf = std::env::temp_dir().join(format!("grip-cli-export-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let data = dir.to_str().unwrap().to_string();
    let demo = grip()
        .args(["demo", "--no-serve", "--data-dir", &data])
        .output()
        .unwrap();
    assert!(demo.status.success(), "{}", text(&demo));
    let id = patrol_car_id(&dir).await;
    let export = |format: &str, extra: &[&str]| {
        let out = dir.join(format!("pakket.{format}"));
        let result = grip()
            .args([
                "export",
                "package",
                "--data-dir",
                &data,
                "--dossier",
                &id,
                "--format",
                format,
            ])
            .args(["--out", out.to_str().unwrap()])
            .args(extra)
            .output()
            .unwrap();
        (result, out)
    };

    let (result, out) = export("md", &[]);
    assert!(result.status.success(), "{}", text(&result));
    let md = std::fs::read_to_string(out).unwrap();
    assert!(md.contains("Politie Intern"), "the label is on the export");
    assert!(
        md.contains("A12"),
        "the scenario is filled from the dossier"
    );
    assert!(
        !md.contains("Waarom"),
        "exports go to suppliers: no internal reasons"
    );

    let (result, out) = export("json", &["--lang", "en"]);
    assert!(result.status.success(), "{}", text(&result));
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(out).unwrap()).unwrap();
    assert_eq!(json["schema"], "grip.tender-package/1");
    assert_eq!(
        json["sections"][0]["items"][0]["reason"]["en"], "",
        "the shape is kept, the internal reason is not sent"
    );
    let (result, _) = export("md", &["--supplier", "geen-leverancier"]);
    assert_eq!(result.status.code(), Some(1), "{}", text(&result));

    let (result, out) = export("docx", &[]);
    assert!(result.status.success(), "{}", text(&result));
    let docx = std::fs::read(out).unwrap();
    assert!(docx.starts_with(b"PK"), "a DOCX is a ZIP package");
    assert!(docx.windows(17).any(|w| w == b"word/document.xml"));

    let (result, out) = export("pdf", &[]);
    assert!(result.status.success(), "{}", text(&result));
    let pdf = std::fs::read(out).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(pdf.len() > 10_000, "{} bytes", pdf.len());

    let (result, _) = export("odt", &[]);
    assert_eq!(result.status.code(), Some(2), "{}", text(&result));
    assert!(text(&result).contains("unknown format"));
    let (result, _) = export("md", &["--lang", "fr"]);
    assert_eq!(result.status.code(), Some(2));
    let missing = grip()
        .args([
            "export",
            "package",
            "--data-dir",
            &data,
            "--dossier",
            "nope",
            "--format",
            "md",
        ])
        .args(["--out", dir.join("x.md").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing).contains("not found"), "{}", text(&missing));
    assert!(!dir.join("x.md").exists(), "nothing is written on failure");
    let _ = std::fs::remove_dir_all(dir);
}
