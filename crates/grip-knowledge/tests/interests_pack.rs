//! The `interests` pack: it loads from the embedded copy and from disk with the same stable
//! hash, defines the ten interests and the four-level scale, and broken copies are refused
//! with messages that name the file, entry and field.

use std::path::PathBuf;

use grip_knowledge::tender::{
    EvidenceSource, INTERESTS, InterestsContent, InterestsPack, PackContent, ROLES, Weighing,
};
use grip_knowledge::{Lang, PackFile, PackFiles, check_packs};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../knowledge/interests")
}

fn pack() -> InterestsPack {
    InterestsPack::embedded().expect("the embedded interests pack loads")
}

fn edited(file: &str, edit: impl Fn(&str) -> String) -> PackFiles {
    let files = InterestsPack::embedded_files()
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
    PackFiles::new(files)
}

fn refused(file: &str, edit: impl Fn(&str) -> String) -> String {
    match InterestsPack::from_files(&edited(file, edit)) {
        Ok(_) => panic!("pack must be rejected after editing {file}"),
        Err(error) => error.problems().join("\n"),
    }
}

#[test]
fn the_pack_loads_and_names_itself() {
    let pack = pack();
    assert_eq!(InterestsContent::ID, "interests");
    assert_eq!(pack.label(), "interests@1.0.0");
    let from_dir = InterestsPack::load_from_dir(&dir()).expect("directory pack loads");
    assert_eq!(pack.content_hash(), from_dir.content_hash());
}

#[test]
fn every_pack_file_on_disk_is_embedded() {
    let on_disk = PackFiles::read_dir(&dir()).expect("read");
    assert_eq!(
        on_disk,
        InterestsPack::embedded_files(),
        "add new pack files to InterestsContent::EMBEDDED"
    );
}

#[test]
fn the_ten_interests_are_there_once_in_order_and_found_by_id() {
    let pack = pack();
    let content = pack.content();
    let ids: Vec<&str> = content.interest.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, INTERESTS);
    for id in INTERESTS {
        let interest = content.interest(id).expect("lookup by id");
        assert_eq!(interest.id, *id);
        assert!((3..=5).contains(&interest.questions.len()), "{id}");
        assert!(!interest.evidence.is_empty(), "{id}");
        assert!(!interest.sources.is_empty(), "{id}");
        for role in &interest.signoff_roles {
            assert!(ROLES.contains(&role.as_str()), "{id}: {role}");
        }
    }
    assert!(content.interest("efficiency").is_none());
}

#[test]
fn the_scale_has_four_levels_and_only_unacceptable_blocks_a_go() {
    let pack = pack();
    let content = pack.content();
    let ids: Vec<Weighing> = content.scale.iter().map(|l| l.id).collect();
    assert_eq!(ids, Weighing::ALL);
    let risk = content.level(Weighing::Risk).expect("risk level");
    assert_eq!(risk.label.nl, "Risico");
    assert!(risk.meaning.nl.contains("maatregel"));
    assert!(Weighing::Risk.needs_measure() && !Weighing::Risk.blocks_go());
    assert!(Weighing::Unacceptable.blocks_go());
    assert!(
        !Weighing::Positive.blocks_go()
            && !Weighing::Neutral.blocks_go()
            && !Weighing::Neutral.needs_measure()
    );
}

#[test]
fn every_evidence_source_is_linked_to_some_interest() {
    let pack = pack();
    for source in EvidenceSource::ALL {
        assert!(
            !pack.content().linked_to(source).is_empty(),
            "no interest uses {}",
            source.as_str()
        );
    }
    let dpia: Vec<&str> = pack
        .content()
        .linked_to(EvidenceSource::Dpia)
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert!(dpia.contains(&"privacy"), "{dpia:?}");
}

#[test]
fn references_cite_in_both_languages() {
    let pack = pack();
    let privacy = pack.content().interest("privacy").expect("privacy");
    let wpg = &privacy.sources[0];
    assert_eq!(wpg.citation(Lang::Nl), "Wet politiegegevens (Wpg), art. 3");
    assert_eq!(wpg.citation(Lang::En), "Wet politiegegevens (Wpg), Art. 3");
    let whole_act = pack
        .content()
        .interest("information-security")
        .expect("information-security")
        .sources
        .iter()
        .find(|s| s.article.is_none())
        .expect("BIO is cited as a whole");
    assert_eq!(
        whole_act.citation(Lang::En),
        "Baseline Informatiebeveiliging Overheid (BIO)"
    );
}

#[test]
fn a_duplicate_id_is_refused() {
    let problems = refused("interests.toml", |c| {
        c.replacen("id = \"legality\"", "id = \"privacy\"", 1)
    });
    assert!(
        problems.contains("interest: duplicate id \"privacy\""),
        "{problems}"
    );
    assert!(
        problems.contains("interest: no entry for \"legality\""),
        "{problems}"
    );
}

#[test]
fn an_unknown_interest_id_is_refused() {
    let problems = refused("interests.toml", |c| {
        c.replacen("id = \"sustainability\"", "id = \"efficiency\"", 1)
    });
    assert!(
        problems.contains("interest[efficiency].id: unknown interest"),
        "{problems}"
    );
}

#[test]
fn an_unknown_evidence_source_is_refused_by_the_schema() {
    let problems = refused("interests.toml", |c| {
        c.replacen(
            "evidence_sources = [\"dpia\", \"screening\"",
            "evidence_sources = [\"dossier\", \"screening\"",
            1,
        )
    });
    assert!(problems.contains("interests.toml"), "{problems}");
    assert!(
        problems.contains("/interest/2/evidence_sources/0"),
        "{problems}"
    );
    assert!(problems.contains("\"dossier\""), "{problems}");
}

#[test]
fn an_evidence_source_listed_twice_is_refused() {
    let problems = refused("interests.toml", |c| {
        c.replacen(
            "evidence_sources = [\"scores\", \"contract_clauses\", \"evidence_matrix\"]",
            "evidence_sources = [\"scores\", \"contract_clauses\", \"scores\"]",
            1,
        )
    });
    assert!(
        problems.contains("interest[sustainability].evidence_sources: \"scores\" is listed twice"),
        "{problems}"
    );
}

#[test]
fn an_unknown_role_is_refused() {
    let problems = refused("interests.toml", |c| {
        c.replacen(
            "signoff_roles = [\"security\", \"beheerder\", \"privacy\"]",
            "signoff_roles = [\"security\", \"koning\", \"privacy\"]",
            1,
        )
    });
    assert!(
        problems.contains("interest[information-security].signoff_roles: unknown role \"koning\""),
        "{problems}"
    );
}

#[test]
fn a_missing_dutch_text_is_refused() {
    let question = "nl = \"Welke verbindingen, toegang op afstand en updatekanalen heeft het product, en wie beheert ze?\", ";
    let problems = refused("interests.toml", |c| c.replacen(question, "", 1));
    assert!(problems.contains("interests.toml"), "{problems}");
    assert!(problems.contains("/interest/6/questions/0"), "{problems}");
    assert!(problems.contains("\"nl\""), "{problems}");

    let problems = refused("interests.toml", |c| {
        c.replacen(question, "nl = \"  \", ", 1)
    });
    assert!(
        problems.contains("interest[information-security].questions[0]: Dutch text (nl) is empty"),
        "{problems}"
    );

    let problems = refused("pack.toml", |c| {
        c.replacen("label = { nl = \"Risico\"", "label = { nl = \"\"", 1)
    });
    assert!(
        problems.contains("scale[risk].label: Dutch text (nl) is empty"),
        "{problems}"
    );
}

#[test]
fn too_few_questions_are_refused() {
    let problems = refused("interests.toml", |c| {
        c.replacen(
            "    { nl = \"Is het product te repareren, en wat gebeurt er aan het eind van de levensduur met apparatuur en gegevensdragers?\", en = \"Can the product be repaired, and what happens to equipment and data carriers at the end of their life?\" },\n",
            "",
            1,
        )
        .replacen(
            "    { nl = \"Welke criteria voor maatschappelijk verantwoord inkopen zijn in de aanbesteding gebruikt, en hoe scoort het aanbod daarop?\", en = \"Which criteria for socially responsible procurement were used in the tender, and how does the bid score on them?\" },\n",
            "",
            1,
        )
    });
    assert!(
        problems.contains("interest[sustainability].questions: expected 3 to 5 questions, found 2"),
        "{problems}"
    );
}

#[test]
fn a_scale_level_missing_or_unknown_is_refused() {
    let problems = refused("pack.toml", |c| {
        c.replacen("id = \"neutral\"", "id = \"risk\"", 1)
    });
    assert!(
        problems.contains("scale: duplicate id \"risk\""),
        "{problems}"
    );
    assert!(
        problems.contains("scale: no entry for \"neutral\""),
        "{problems}"
    );

    let problems = refused("pack.toml", |c| {
        c.replacen("id = \"neutral\"", "id = \"meh\"", 1)
    });
    assert!(problems.contains("/scale/1/id"), "{problems}");
}

#[test]
fn an_article_with_its_prefix_or_an_unknown_field_is_refused() {
    let problems = refused("interests.toml", |c| {
        c.replacen("article = \"26(9)\"", "article = \"art. 26(9)\"", 1)
    });
    assert!(
        problems.contains("interest[privacy].sources[5].article: give the number only"),
        "{problems}"
    );
    let problems = refused("interests.toml", |c| {
        c.replacen("id = \"privacy\"", "id = \"privacy\"\nweight = 3", 1)
    });
    assert!(problems.contains("/interest/2"), "{problems}");
    assert!(problems.contains("weight"), "{problems}");
}

#[test]
fn the_content_hash_is_stable() {
    let base = pack().content_hash();
    assert_eq!(base.len(), 64);
    assert!(base.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(base, pack().content_hash(), "loading twice changes nothing");
    assert_eq!(
        base,
        InterestsPack::embedded_files().content_hash(),
        "the hash is that of the files"
    );
    let crlf = edited("interests.toml", |c| c.replace('\n', "\r\n"));
    assert_eq!(
        base,
        InterestsPack::from_files(&crlf)
            .expect("CRLF pack loads")
            .content_hash(),
        "line endings do not change the hash"
    );
    let reordered = PackFiles::new(
        InterestsPack::embedded_files()
            .files()
            .iter()
            .rev()
            .cloned()
            .collect(),
    );
    assert_eq!(base, reordered.content_hash(), "file order does not matter");
    let changed = edited("pack.toml", |c| c.replace("1.0.0", "1.0.1"));
    assert_ne!(
        base,
        InterestsPack::from_files(&changed)
            .expect("a new version loads")
            .content_hash()
    );
}

#[test]
fn knowledge_check_reports_the_pack() {
    let report = check_packs(None)
        .into_iter()
        .find(|r| r.id == "interests")
        .expect("interests is a registered pack");
    assert!(report.is_ok(), "{report}");
    assert_eq!(report.version.as_deref(), Some("1.0.0"));
    assert_eq!(report.content_hash, Some(pack().content_hash()));
}
