//! The pack loads from the embedded copy and from disk with the same hash, exposes its
//! schema, and broken packs fail with messages that name the file and entry.

mod common;

use common::*;
use grip_knowledge::{
    AiActPack, PackFile, PackFiles, check_packs, embedded_files, pack_json_schema,
};

fn edited(file: &str, edit: impl Fn(&str) -> String) -> PackFiles {
    let files = embedded_files()
        .files()
        .iter()
        .map(|f| PackFile {
            name: f.name.clone(),
            content: if f.name == file {
                edit(&f.content)
            } else {
                f.content.clone()
            },
        })
        .collect();
    PackFiles::new(files)
}

fn problems_of(files: &PackFiles) -> String {
    AiActPack::from_files(files)
        .expect_err("pack must be rejected")
        .problems()
        .join("\n")
}

#[test]
fn embedded_and_directory_packs_agree() {
    let embedded = pack();
    let from_dir = AiActPack::load_from_dir(&pack_dir()).expect("directory pack loads");
    assert_eq!(embedded.version(), from_dir.version());
    assert_eq!(embedded.content_hash(), from_dir.content_hash());
    assert_eq!(embedded.content_hash().len(), 64);
    assert!(
        embedded
            .content_hash()
            .chars()
            .all(|c| c.is_ascii_hexdigit())
    );
}

#[test]
fn every_pack_file_on_disk_is_embedded() {
    let on_disk = PackFiles::read_dir(&pack_dir()).expect("read");
    assert_eq!(
        on_disk,
        embedded_files(),
        "add new pack files to EMBEDDED_FILES"
    );
}

#[test]
fn hash_changes_with_content_and_ignores_line_endings() {
    let base = embedded_files().content_hash();
    let changed = edited("pack.toml", |c| c.replace("1.0.0", "1.0.1")).content_hash();
    assert_ne!(base, changed);
    let crlf = edited("rules.toml", |c| c.replace('\n', "\r\n")).content_hash();
    assert_eq!(base, crlf);
}

#[test]
fn check_packs_reports_embedded_and_directory_packs() {
    let reports = check_packs(None);
    assert_eq!(reports.len(), 6);
    for report in &reports {
        assert!(report.is_ok(), "{report}");
    }
    assert_eq!(reports[0].id, "ai-act");
    assert!(reports[0].to_string().contains(" ok"));
    let root = pack_dir().join("..");
    let from_dir = check_packs(Some(&root));
    for (dir_report, embedded) in from_dir.iter().zip(&reports) {
        assert!(dir_report.is_ok(), "{dir_report}");
        assert_eq!(dir_report.content_hash, embedded.content_hash);
    }
    let nowhere = check_packs(Some(&root.join("does-not-exist")));
    assert!(!nowhere[0].is_ok());
}

#[test]
fn unknown_field_is_rejected_with_file_and_location() {
    let files = edited("obligations.toml", |c| {
        c.replacen(
            "holder = \"deployer\"",
            "holder = \"deployer\"\ncolour = \"red\"",
            1,
        )
    });
    let problems = problems_of(&files);
    assert!(problems.contains("obligations.toml"), "{problems}");
    assert!(problems.contains("/obligations/0"), "{problems}");
    assert!(problems.contains("colour"), "{problems}");
}

#[test]
fn duplicate_id_is_rejected() {
    let files = edited("obligations.toml", |c| {
        c.replace(
            "id = \"provider-10-data-governance\"",
            "id = \"provider-9-risk-management\"",
        )
    });
    let problems = problems_of(&files);
    assert!(
        problems.contains("duplicate id \"provider-9-risk-management\""),
        "{problems}"
    );
}

#[test]
fn missing_language_is_rejected() {
    let files = edited("annex-iii.toml", |c| {
        c.replacen(
            "title = { nl = \"Emotieherkenning\", en = \"Emotion recognition\" }",
            "title = { nl = \"Emotieherkenning\" }",
            1,
        )
    });
    let problems = problems_of(&files);
    assert!(problems.contains("annex-iii.toml"), "{problems}");
    assert!(problems.contains("\"en\""), "{problems}");

    let files = edited("annex-iii.toml", |c| {
        c.replacen("en = \"Emotion recognition\"", "en = \"  \"", 1)
    });
    let problems = problems_of(&files);
    assert!(
        problems.contains("annex_iii[1c].title: English text (en) is empty"),
        "{problems}"
    );
}

#[test]
fn dangling_references_and_bad_dates_are_rejected() {
    let files = edited("prohibitions.toml", |c| {
        c.replacen(
            "obligations = [\"art5-no-use\"]",
            "obligations = [\"no-such-duty\"]",
            1,
        )
    });
    assert!(problems_of(&files).contains("unknown obligation \"no-such-duty\""));

    let files = edited("pack.toml", |c| {
        c.replace("review_by = \"2027-06-30\"", "review_by = \"2027-02-30\"")
    });
    let problems = problems_of(&files);
    assert!(problems.contains("pack.toml: "), "{problems}");
    assert!(problems.contains("pack.review_by"), "{problems}");

    let files = edited("obligations.toml", |c| {
        c.replacen("amended = \"2027-12-02\"", "amended = \"2025-01-01\"", 1)
    });
    assert!(problems_of(&files).contains("is before the original date"));
}

#[test]
fn a_section_defined_twice_is_rejected() {
    let files = edited("rules.toml", |c| {
        format!("{c}\n[amendment]\nsource = \"x\"\n")
    });
    let problems = problems_of(&files);
    assert!(problems.contains("`amendment`"), "{problems}");
}

#[test]
fn missing_coverage_is_rejected() {
    let files = edited("annex-iii.toml", |c| {
        c.replace("code = \"8b\"", "code = \"8c\"")
    });
    let problems = problems_of(&files);
    assert!(
        problems.contains("annex_iii: no entry for \"8b\""),
        "{problems}"
    );
}

#[test]
fn the_pack_schema_denies_unknown_fields_and_accepts_the_pack() {
    let schema = pack_json_schema();
    assert_eq!(
        schema["additionalProperties"],
        serde_json::Value::Bool(false)
    );
    let table: toml::Table = {
        let mut merged = toml::Table::new();
        for f in embedded_files().files() {
            let t: toml::Table = toml::from_str(&f.content).expect("toml");
            merged.extend(t);
        }
        merged
    };
    let as_json = serde_json::to_value(table).expect("json");
    assert!(violations(&schema, &as_json).is_empty());
}

#[test]
fn unverified_facts_are_marked_in_the_pack() {
    let pack = pack();
    let content = pack.content();
    let unverified = grip_knowledge::Confidence::Unverified;
    assert_eq!(content.realtime_rbi.national_law_confidence, unverified);
    assert!(
        content
            .annex_i
            .iter()
            .any(|a| a.note_confidence == Some(unverified))
    );
    let legacy = pack
        .obligation("deployer-111-2-legacy-public-systems")
        .expect("legacy duty");
    assert_eq!(legacy.applies_from.confidence, unverified);
}

/// The committed schema (for editors and CI diffing) must match the generated one.
/// Regenerate with `GRIP_UPDATE_SCHEMA=1 cargo test -p grip-knowledge --test pack_validation`.
#[test]
fn committed_pack_schema_is_up_to_date() {
    let path = pack_dir().join("pack.schema.json");
    let generated = serde_json::to_string_pretty(&pack_json_schema()).expect("json") + "\n";
    if std::env::var_os("GRIP_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).expect("write schema");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is stale; regenerate with GRIP_UPDATE_SCHEMA=1",
        path.display()
    );
}
