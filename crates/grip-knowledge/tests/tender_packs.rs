//! The tender packs (`questions`, `clauses`, `roles-phases`) load from the embedded copy
//! and from disk with the same hash, and broken packs fail with messages naming the entry.

use std::path::PathBuf;

use grip_knowledge::tender::{
    ClausesPack, InterestsPack, PHASES, QuestionsPack, ROLES, RolesPhasesPack,
};
use grip_knowledge::{PackFile, PackFiles};

fn dir(id: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../knowledge")
        .join(id)
}

fn edited(files: PackFiles, file: &str, edit: impl Fn(&str) -> String) -> PackFiles {
    let edited: Vec<PackFile> = files
        .files()
        .iter()
        .map(|f| PackFile {
            name: f.name.clone(),
            content: if f.name == file {
                let changed = edit(&f.content);
                assert_ne!(changed, f.content, "edit of {file} changed nothing");
                changed
            } else {
                f.content.clone()
            },
        })
        .collect();
    PackFiles::new(edited)
}

fn questions_problems(file: &str, edit: impl Fn(&str) -> String) -> String {
    let files = edited(QuestionsPack::embedded_files(), file, edit);
    match QuestionsPack::from_files(&files) {
        Ok(_) => panic!("pack must be rejected after editing {file}"),
        Err(error) => error.problems().join("\n"),
    }
}

fn clauses_problems(file: &str, edit: impl Fn(&str) -> String) -> String {
    let files = edited(ClausesPack::embedded_files(), file, edit);
    match ClausesPack::from_files(&files) {
        Ok(_) => panic!("pack must be rejected after editing {file}"),
        Err(error) => error.problems().join("\n"),
    }
}

#[test]
fn embedded_and_directory_packs_agree() {
    let q = QuestionsPack::embedded().expect("questions");
    let c = ClausesPack::embedded().expect("clauses");
    let r = RolesPhasesPack::embedded().expect("roles-phases");
    assert_eq!(
        q.content_hash(),
        QuestionsPack::load_from_dir(&dir("questions"))
            .unwrap()
            .content_hash()
    );
    assert_eq!(
        c.content_hash(),
        ClausesPack::load_from_dir(&dir("clauses"))
            .unwrap()
            .content_hash()
    );
    assert_eq!(
        r.content_hash(),
        RolesPhasesPack::load_from_dir(&dir("roles-phases"))
            .unwrap()
            .content_hash()
    );
    assert_eq!(q.label(), "questions@1.1.0");
}

#[test]
fn every_pack_file_on_disk_is_embedded() {
    for (id, embedded) in [
        ("questions", QuestionsPack::embedded_files()),
        ("clauses", ClausesPack::embedded_files()),
        ("roles-phases", RolesPhasesPack::embedded_files()),
    ] {
        let on_disk = PackFiles::read_dir(&dir(id)).unwrap();
        assert_eq!(
            on_disk, embedded,
            "{id}: files on disk differ from embedded"
        );
    }
}

#[test]
fn disclosure_covers_every_topic_of_the_issue() {
    let q = QuestionsPack::embedded().unwrap();
    let topics: Vec<&str> = q
        .content()
        .disclosure
        .iter()
        .map(|d| d.topic.as_str())
        .collect();
    for topic in [
        "ai-present",
        "components",
        "edge-or-cloud",
        "models",
        "training-data",
        "police-data-training",
        "update-policy",
        "configure-switch-off",
        "logging",
        "accuracy",
        "bias-testing",
        "human-oversight",
        "conformity-documents",
        "ai-act-role",
        "iso-42001",
        "independent-validation",
        "incidents",
        "subcontractors",
        "data-location",
        "exit-escrow",
    ] {
        assert!(topics.contains(&topic), "no disclosure question on {topic}");
    }
}

#[test]
fn scenarios_exist_for_each_named_category() {
    let q = QuestionsPack::embedded().unwrap();
    for category in [
        "voertuigen",
        "camerabewaking",
        "bodycams-en-digitaal-bewijs",
        "tolk-en-vertaaldiensten",
        "toegangscontrole-en-alarm",
        "softwareontwikkeling-en-data-analyse",
        "drones",
        "digitale-dienstverlening-burgers",
    ] {
        assert!(
            q.content()
                .scenario
                .iter()
                .any(|s| s.tags.categories.iter().any(|c| c == category)),
            "no scenario for {category}"
        );
    }
}

#[test]
fn roles_phases_cover_every_phase_and_role() {
    let r = RolesPhasesPack::embedded().unwrap();
    for phase in PHASES {
        for role in ROLES {
            assert!(
                !r.content().checklist(phase, &[role]).is_empty(),
                "{phase} × {role} has no item"
            );
        }
    }
    let mandatory = r.content().checklist("specificatie", &["jurist"]);
    assert!(mandatory[0].mandatory && mandatory[0].legal_basis.is_some());
}

#[test]
fn clauses_have_high_risk_and_light_variants() {
    use grip_knowledge::tender::Variant;
    let c = ClausesPack::embedded().unwrap();
    let variants: Vec<Variant> = c.content().clause.iter().map(|c| c.variant).collect();
    assert!(variants.contains(&Variant::HighRisk));
    assert!(variants.contains(&Variant::NonHighRisk));
}

#[test]
fn unknown_field_is_rejected_with_file_and_location() {
    let problems = questions_problems("disclosure.toml", |c| {
        c.replacen(
            "topic = \"components\"",
            "topic = \"components\"\ncolour = \"red\"",
            1,
        )
    });
    assert!(problems.contains("disclosure.toml"), "{problems}");
    assert!(problems.contains("/disclosure/1"), "{problems}");
    assert!(problems.contains("colour"), "{problems}");
}

#[test]
fn unknown_category_and_verdict_tags_are_named() {
    let problems = questions_problems("scenarios.toml", |c| {
        c.replacen("categories = [\"drones\"]", "categories = [\"ufo\"]", 1)
    });
    assert!(
        problems.contains("scenario[s-drone-flight]: unknown category \"ufo\""),
        "{problems}"
    );
    let problems = clauses_problems("clauses.toml", |c| {
        c.replacen("verdicts = [\"high_risk\"]", "verdicts = [\"scary\"]", 1)
    });
    assert!(problems.contains("unknown verdict \"scary\""), "{problems}");
}

#[test]
fn unknown_slot_and_missing_language_are_named() {
    let problems = questions_problems("scenarios.toml", |c| {
        c.replacen("beladen met {load}", "beladen met {weather}", 1)
    });
    assert!(problems.contains("unknown slot {weather}"), "{problems}");
    assert!(problems.contains("different slots"), "{problems}");
    let problems = questions_problems("probing.toml", |c| {
        c.replacen(
            "claim = { nl = \"Het product bevat geen AI.\"",
            "claim = { nl = \"\"",
            1,
        )
    });
    assert!(
        problems.contains("probing[p-no-ai].claim: Dutch text (nl) is empty"),
        "{problems}"
    );
}

#[test]
fn duplicate_ids_and_contradicting_variants_are_rejected() {
    let problems = clauses_problems("clauses.toml", |c| {
        c.replacen("id = \"c-audit-light\"", "id = \"c-audit\"", 1)
    });
    assert!(problems.contains("duplicate id \"c-audit\""), "{problems}");
    let problems = clauses_problems("clauses.toml", |c| {
        c.replacen(
            "variant = \"non_high_risk\"\nuse = \"award\"",
            "variant = \"non_high_risk\"\nuse = \"award\"\ntags = { verdicts = [\"high_risk\"] }",
            1,
        )
        .replacen(
            "tags = { phases = [\"contractering\", \"contractmanagement\"], roles = [\"auditor\", \"contractmanager\"] }",
            "",
            1,
        )
    });
    assert!(
        problems.contains("c-audit-light]: variant non_high_risk contradicts"),
        "{problems}"
    );
}

#[test]
fn a_role_missing_in_a_phase_is_reported() {
    let files = edited(RolesPhasesPack::embedded_files(), "phase-7-8.toml", |c| {
        c.replace("role = \"auditor\"", "role = \"koning\"")
    });
    let Err(error) = RolesPhasesPack::from_files(&files) else {
        panic!("pack must be rejected");
    };
    let problems = error.problems().join("\n");
    assert!(problems.contains("unknown role \"koning\""), "{problems}");
    assert!(
        problems.contains("contractmanagement: no checklist item for role \"auditor\""),
        "{problems}"
    );
}

#[test]
fn bad_version_is_rejected() {
    let problems = questions_problems("pack.toml", |c| {
        c.replacen("version = \"1.1.0\"", "version = \"one\"", 1)
    });
    assert!(problems.contains("pack.version"), "{problems}");
}

#[test]
fn committed_pack_schemas_are_up_to_date() {
    for (id, schema) in [
        ("questions", QuestionsPack::json_schema()),
        ("clauses", ClausesPack::json_schema()),
        ("roles-phases", RolesPhasesPack::json_schema()),
        ("interests", InterestsPack::json_schema()),
        ("changes", grip_knowledge::ChangesPack::json_schema()),
    ] {
        let path = dir(id).join("pack.schema.json");
        let generated = serde_json::to_string_pretty(&schema).expect("json") + "\n";
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
}

#[test]
fn every_screening_category_has_a_readable_name() {
    let problems = questions_problems("probing.toml", |c| {
        c.replacen("emotion_recognition = ", "emotion_recognitions = ", 1)
    });
    assert!(
        problems.contains("screening category emotion_recognition has no name"),
        "{problems}"
    );
    assert!(
        problems.contains("emotion_recognitions is not a screening category"),
        "{problems}"
    );
}
