//! The generator selects items by category and classification, fills scenario slots, turns
//! screening findings into probing questions, and gives each item a reason; snapshots pin it.

use std::collections::BTreeMap;

use grip_knowledge::tender::{
    ClassificationFacts, DossierFacts, ScreeningFinding, SectionKind, TenderKnowledge,
    TenderPackage, Use, generate,
};
use grip_knowledge::{Route, Verdict};

fn knowledge() -> TenderKnowledge {
    TenderKnowledge::embedded().expect("embedded tender packs load")
}

pub fn patrol_car() -> DossierFacts {
    DossierFacts {
        title: "Surveillancevoertuigen noodhulp 2027".into(),
        category: "voertuigen".into(),
        operational_context: "Noodhulp en achtervolgingen, ook tactisch rijden.".into(),
        classification: ClassificationFacts {
            verdict: Verdict::HighRisk,
            route: Some(Route::AnnexIB),
            annex_iii_points: vec![],
            transparency: vec![],
        },
        slots: BTreeMap::from([
            ("place".to_string(), "op de A12 bij Utrecht".to_string()),
            ("people".to_string(), "twee noodhulpagenten".to_string()),
        ]),
        findings: vec![ScreeningFinding {
            document: "brochure-2026.pdf".into(),
            category: "autonomy_driver_assistance".into(),
            excerpt: "Autonomous Emergency Braking   is always active and cannot be disabled."
                .into(),
            addressee: Some("kordaan".into()),
        }],
    }
}

fn body_camera() -> DossierFacts {
    DossierFacts {
        title: "Bodycams basisteams".into(),
        category: "bodycams-en-digitaal-bewijs".into(),
        operational_context: "Opnamen bij aanhoudingen, gebruik als bewijs.".into(),
        classification: ClassificationFacts {
            verdict: Verdict::HighRisk,
            route: Some(Route::AnnexIii),
            annex_iii_points: vec!["6c".into()],
            transparency: vec![],
        },
        slots: BTreeMap::new(),
        findings: vec![],
    }
}

fn interpreting() -> DossierFacts {
    DossierFacts {
        title: "Tolk- en vertaaldiensten".into(),
        category: "tolk-en-vertaaldiensten".into(),
        operational_context: "Verhoren en vertaling van stukken in strafzaken.".into(),
        classification: ClassificationFacts {
            verdict: Verdict::Transparency,
            route: None,
            annex_iii_points: vec![],
            transparency: vec!["50(2)".into()],
        },
        slots: BTreeMap::from([("time".to_string(), "maandag 09:00 uur".to_string())]),
        findings: vec![],
    }
}

fn ids(package: &TenderPackage, kind: SectionKind) -> Vec<&str> {
    package
        .section(kind)
        .map(|s| s.items.iter().map(|i| i.knowledge_id.as_str()).collect())
        .unwrap_or_default()
}

#[test]
fn patrol_car_package_keeps_the_police_in_control_of_the_vehicle() {
    let package = generate(&knowledge(), &patrol_car());
    let scenario = package
        .section(SectionKind::Scenario)
        .unwrap()
        .items
        .iter()
        .find(|i| i.knowledge_id == "s-vehicle-stopstoot")
        .expect("scenario about forcing a vehicle off the road");
    assert!(scenario.text.en.contains("force it off the road"));
    assert!(scenario.text.nl.contains("stopstoot"));
    assert!(scenario.text.nl.contains("op de A12 bij Utrecht"));
    assert!(
        scenario
            .reason
            .en
            .contains("Filled from the dossier: place, people")
    );

    let requirement = package
        .section(SectionKind::Requirement)
        .unwrap()
        .items
        .iter()
        .find(|i| i.knowledge_id == "r-vehicle-aeb-config")
        .expect("requirement to switch off or configure automatic emergency braking");
    assert_eq!(requirement.use_, Use::KnockOut);
    assert!(
        requirement
            .text
            .en
            .contains("switch off automatic emergency braking")
    );
    assert!(requirement.reason.en.contains("category voertuigen"));

    let clause = package
        .section(SectionKind::Clause)
        .unwrap()
        .items
        .iter()
        .find(|i| i.knowledge_id == "c-vehicle-ota-aeb")
        .expect("clause that over-the-air updates may not silently re-enable it");
    assert!(clause.text.en.contains("over-the-air"));
    assert!(clause.text.en.contains("may not silently re-enable"));
    assert!(clause.text.en.contains("automatic emergency braking"));

    // High-risk route Annex I(b): the high-risk clause variant, not the light one.
    let clauses = ids(&package, SectionKind::Clause);
    assert!(clauses.contains(&"c-risk-management") && clauses.contains(&"c-audit"));
    assert!(!clauses.contains(&"c-light-essentials") && !clauses.contains(&"c-audit-light"));
    let audit = package
        .items()
        .find(|i| i.knowledge_id == "c-audit")
        .unwrap();
    assert!(
        audit.reason.en.contains("route Annex I, section B"),
        "{}",
        audit.reason.en
    );
}

#[test]
fn screening_findings_become_probing_questions_quoting_the_passage() {
    let mut facts = patrol_car();
    facts.findings.push(facts.findings[0].clone());
    let package = generate(&knowledge(), &facts);
    let probes: Vec<_> = package
        .section(SectionKind::Probing)
        .unwrap()
        .items
        .iter()
        .filter(|i| i.knowledge_id == "p-screening-finding")
        .collect();
    assert_eq!(probes.len(), 1, "duplicate findings are merged");
    assert_eq!(probes[0].key, "p-screening-finding#1");
    assert!(
        probes[0]
            .text
            .nl
            .contains("\"Autonomous Emergency Braking is always active and cannot be disabled.\"")
    );
    assert!(probes[0].reason.en.contains("brochure-2026.pdf"));
}

#[test]
fn every_item_has_a_reason_and_unique_key_and_award_weights_add_up() {
    for facts in [patrol_car(), body_camera(), interpreting()] {
        let package = generate(&knowledge(), &facts);
        let mut keys = std::collections::BTreeSet::new();
        for item in package.items() {
            assert!(item.reason.nl.contains(&item.knowledge_id));
            assert!(item.reason.en.contains(&item.knowledge_id));
            assert!(keys.insert(item.key.clone()), "duplicate key {}", item.key);
            assert!(!item.text.nl.contains('{') && !item.text.en.contains('{'));
        }
        let total: u32 = package
            .section(SectionKind::Award)
            .unwrap()
            .items
            .iter()
            .filter_map(|i| i.weight)
            .sum();
        assert_eq!(total, 100, "{}", facts.title);
    }
}

#[test]
fn category_and_verdict_decide_the_selection() {
    let interpreting = generate(&knowledge(), &interpreting());
    assert!(ids(&interpreting, SectionKind::Requirement).contains(&"r-interpreting-human"));
    assert!(ids(&interpreting, SectionKind::Requirement).contains(&"r-ai-disclosure-to-people"));
    assert!(!ids(&interpreting, SectionKind::Requirement).contains(&"r-vehicle-aeb-config"));
    assert!(ids(&interpreting, SectionKind::Clause).contains(&"c-light-essentials"));
    assert!(!ids(&interpreting, SectionKind::Clause).contains(&"c-audit"));
    assert_eq!(
        ids(&interpreting, SectionKind::Scenario),
        ["s-interpreting-interview"]
    );
    let body = generate(&knowledge(), &body_camera());
    assert_eq!(
        ids(&body, SectionKind::Scenario),
        ["s-camera-crowd", "s-bodycam-evidence"]
    );
}

#[test]
fn undetermined_verdict_is_treated_as_high_risk() {
    let mut facts = body_camera();
    facts.classification.verdict = Verdict::Undetermined;
    let package = generate(&knowledge(), &facts);
    let audit = package
        .items()
        .find(|i| i.knowledge_id == "r-accuracy-levels")
        .unwrap();
    assert!(
        audit.reason.en.contains("as a precaution"),
        "{}",
        audit.reason.en
    );
}

#[test]
fn generation_is_deterministic() {
    let k = knowledge();
    assert_eq!(generate(&k, &patrol_car()), generate(&k, &patrol_car()));
}

#[test]
fn snapshot_patrol_car() {
    insta::assert_json_snapshot!(generate(&knowledge(), &patrol_car()));
}

#[test]
fn snapshot_body_camera() {
    insta::assert_json_snapshot!(generate(&knowledge(), &body_camera()));
}

#[test]
fn snapshot_interpreting() {
    insta::assert_json_snapshot!(generate(&knowledge(), &interpreting()));
}

#[test]
fn a_finding_question_names_the_category_in_words_and_goes_to_its_supplier_alone() {
    let mut facts = patrol_car();
    let mut other = facts.findings[0].clone();
    other.addressee = Some("dijkzicht".into());
    other.document = "offerte-dijkzicht.pdf".into();
    facts.findings.push(other);
    let package = generate(&knowledge(), &facts);
    let probes: Vec<_> = package
        .items()
        .filter(|i| i.knowledge_id == "p-screening-finding")
        .collect();
    assert_eq!(probes.len(), 2);
    assert_eq!(probes[0].addressee.as_deref(), Some("kordaan"));
    assert!(
        probes[0]
            .text
            .nl
            .contains("rijassistentie of autonome functies")
    );
    assert!(
        probes[0]
            .text
            .en
            .contains("driver assistance or autonomous functions")
    );
    assert!(
        package
            .items()
            .all(|i| !i.text.nl.contains("autonomy_driver_assistance")),
        "no category code in any question"
    );
    assert_eq!(package.addressees(), vec!["kordaan", "dijkzicht"]);

    // For one supplier: their question only, and none of Grip's reasons.
    let to_kordaan = package.for_addressee(Some("kordaan"));
    let quoted: Vec<_> = to_kordaan
        .items()
        .filter(|i| i.addressee.is_some())
        .collect();
    assert_eq!(quoted.len(), 1);
    assert!(quoted[0].text.nl.contains("brochure-2026.pdf"));
    assert!(
        to_kordaan
            .items()
            .all(|i| i.reason.nl.is_empty() && i.reason.en.is_empty())
    );
    // For every bidder: no one's document is quoted; everything else stays.
    let general = package.for_addressee(None);
    assert!(general.items().all(|i| i.addressee.is_none()));
    assert_eq!(general.items().count(), package.items().count() - 2);
    assert_eq!(general.sections.len(), package.sections.len());
}
