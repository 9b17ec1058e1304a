//! Decisions that cannot go stale, on SQLite and PostgreSQL: a package whose dossier changed
//! since it was generated (a newer classification, new screening findings) is not frozen
//! until it is generated again or the freeze is confirmed with a reason (audited); a new
//! version keeps everything the old one had; provenance decides what a package may quote.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

use std::collections::BTreeMap;

use grip_app::catalogue::SupplierInput;
use grip_app::classification::{self, Submission};
use grip_app::packages::{self, ItemEdit};
use grip_app::testing::user;
use grip_app::{AppError, Paging, Role, dossiers, on_both_backends};
use grip_core::document::ProvenanceInput;
use grip_core::dossier::DossierInput;
use grip_knowledge::Verdict;
use grip_test_support::Fixtures;

const BROCHURE: &[u8] = b"Het systeem gebruikt machine learning en gezichtsherkenning om \
verdachten automatisch te herkennen in camerabeelden van de wijk.";
const MEMO: &[u8] = b"Interne notitie: de teamchef wil de gezichtsherkenning met machine \
learning ook inzetten bij demonstraties op het Malieveld.";

fn high_risk_submission(fixtures: &Fixtures) -> Submission {
    Submission {
        profile: fixtures.json("suspect-profiling-tool")["profile"].clone(),
        answers: [(
            "art6_3.profiling_natural_persons".to_string(),
            "yes".to_string(),
        )]
        .into(),
        justifications: BTreeMap::new(),
        as_of: Some("2026-11-23".parse().unwrap()),
    }
}

async fn last_event(app: &grip_app::App, actor: &grip_app::Actor, id: &str) -> serde_json::Value {
    let page = grip_app::audit::list(app, actor, Some(id), Paging::new(Some(1), Some(1)))
        .await
        .unwrap();
    let event = page.items.into_iter().next().unwrap();
    serde_json::json!({"kind": event.kind, "payload": serde_json::from_str::<serde_json::Value>(&event.payload).unwrap()})
}

on_both_backends!(
    a_package_cannot_freeze_on_a_classification_it_never_saw,
    |db| {
        let Some(fixtures) = Fixtures::open("fixtures/classify", "the whole test") else {
            return;
        };
        let app = &db.app;
        let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
        let input = DossierInput {
            title: "Profileringstool".into(),
            ..Default::default()
        };
        let id = dossiers::create(app, &buyer, &input).await.unwrap();
        let draft = packages::generate(app, &buyer, &id, &BTreeMap::new())
            .await
            .unwrap();
        assert_eq!(draft.package.verdict, Verdict::Undetermined);
        assert!(
            packages::stale_changes(app, &buyer, &id)
                .await
                .unwrap()
                .is_empty()
        );

        // Classified high-risk after the package was made: the package is out of date.
        classification::record(app, &buyer, &id, high_risk_submission(&fixtures))
            .await
            .unwrap();
        let changes = packages::stale_changes(app, &buyer, &id).await.unwrap();
        assert_eq!(changes.len(), 1, "{changes:?}");
        let refused = packages::freeze(app, &buyer, &id, None, None).await;
        let Err(AppError::Conflict(why)) = &refused else {
            panic!("a stale freeze is refused: {refused:?}");
        };
        assert!(why.contains("opnieuw geclassificeerd"), "{why}");
        assert!(why.contains("\u{201c}Nog onbepaald\u{201d}"), "{why}");
        assert!(why.contains("\u{201c}Hoog risico\u{201d}"), "{why}");
        assert!(!why.contains("high_risk"), "no codes: {why}");
        let short = packages::freeze(app, &buyer, &id, None, Some(" x ")).await;
        assert!(matches!(short, Err(AppError::Invalid(_))), "{short:?}");

        // Generated again, the package follows the classification and freezes without a reason.
        let fresh = packages::generate(app, &buyer, &id, &BTreeMap::new())
            .await
            .unwrap();
        assert_eq!(fresh.package.verdict, Verdict::HighRisk);
        assert!(
            packages::stale_changes(app, &buyer, &id)
                .await
                .unwrap()
                .is_empty()
        );
        let frozen = packages::freeze(app, &buyer, &id, None, None)
            .await
            .unwrap();
        assert_eq!(frozen.package.verdict, Verdict::HighRisk);
        let event = last_event(app, &buyer, &id).await;
        assert_eq!(event["kind"], "package.frozen");
        assert!(event["payload"].get("stale").is_none(), "{event}");
    }
);

on_both_backends!(
    new_findings_make_a_revision_stale_until_confirmed_with_a_reason,
    |db| {
        let app = &db.app;
        let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
        let admin = user(app, "beheerder", &[Role::Beheerder]).await;
        let supplier = grip_app::catalogue::create_supplier(
            app,
            &admin,
            &SupplierInput {
                name: "Wijkzicht Camera's B.V.".into(),
                kvk: "12345678".into(),
                city: "Utrecht".into(),
                description: String::new(),
            },
        )
        .await
        .unwrap();
        let input = DossierInput {
            title: "Wijkcamera's".into(),
            ..Default::default()
        };
        let id = dossiers::create(app, &buyer, &input).await.unwrap();
        let slots: BTreeMap<String, String> = [
            ("place".to_string(), "het Malieveld".to_string()),
            ("time".to_string(), "zaterdagnacht".to_string()),
        ]
        .into();
        let draft = packages::generate(app, &buyer, &id, &slots).await.unwrap();
        let key = draft.package.items().next().unwrap().key.clone();
        let edit = ItemEdit {
            text_nl: Some("Beschrijf elke AI-functie in uw aanbod.".into()),
            text_en: None,
            use_: None,
            weight: None,
        };
        packages::edit_item(app, &buyer, &id, &key, &edit)
            .await
            .unwrap();
        let v1 = packages::freeze(app, &buyer, &id, None, None)
            .await
            .unwrap();

        // A new version keeps the scenario situation, the edits and the items of the old one.
        let v2 = packages::revise(app, &buyer, &id).await.unwrap();
        assert_eq!(v2.version, v1.version + 1);
        assert_eq!(v2.slots, slots);
        assert_eq!(v2.package.sections, v1.package.sections);
        let edited = v2.package.items().find(|i| i.key == key).unwrap();
        assert_eq!(edited.text.nl, "Beschrijf elke AI-functie in uw aanbod.");
        assert!(
            edited.original.is_some(),
            "the knowledge item's wording is kept beside it"
        );

        // The supplier's brochure and an internal memo arrive: only the brochure is quoted,
        // and the revision is now out of date.
        documents_arrive(app, &buyer, &id, &supplier).await;
        let changes = packages::stale_changes(app, &buyer, &id).await.unwrap();
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert!(changes[0].nl.contains("brochure.txt"), "{changes:?}");
        assert!(
            !changes[0].nl.contains("notitie.txt"),
            "internal documents are not inputs"
        );
        let refused = packages::freeze(app, &buyer, &id, None, None).await;
        assert!(
            matches!(&refused, Err(AppError::Conflict(m)) if m.contains("nieuwe passages")),
            "{refused:?}"
        );
        let frozen = packages::freeze(
            app,
            &buyer,
            &id,
            None,
            Some("Brochure komt na de publicatie; vragen gaan in de nota van inlichtingen"),
        )
        .await
        .unwrap();
        assert_eq!(frozen.version, v2.version);
        let event = last_event(app, &buyer, &id).await;
        assert_eq!(event["kind"], "package.frozen");
        assert_eq!(
            event["payload"]["stale"]["reason"],
            "Brochure komt na de publicatie; vragen gaan in de nota van inlichtingen"
        );

        // Generated anew, the brochure becomes a question to its supplier alone.
        packages::revise(app, &buyer, &id).await.unwrap();
        let v3 = packages::generate(app, &buyer, &id, &slots).await.unwrap();
        let quoted: Vec<_> = v3
            .package
            .items()
            .filter(|i| i.addressee.is_some())
            .collect();
        assert!(!quoted.is_empty(), "the supplier's brochure is quoted");
        assert!(
            quoted
                .iter()
                .all(|i| i.addressee.as_deref() == Some(supplier.as_str()))
        );
        assert!(quoted.iter().all(|i| i.text.nl.contains("brochure.txt")));
        assert!(v3.package.items().all(|i| !i.text.nl.contains("teamchef")));
        let general = v3.package.for_addressee(None);
        assert!(general.items().all(|i| i.addressee.is_none()));
        assert!(general.items().all(|i| i.reason.nl.is_empty()));
    }
);

async fn documents_arrive(app: &grip_app::App, buyer: &grip_app::Actor, id: &str, supplier: &str) {
    let from_supplier = ProvenanceInput::supplier(supplier, Some("Inschrijving 2027-01"));
    let doc = grip_app::documents::upload(app, buyer, id, "brochure.txt", BROCHURE, &from_supplier)
        .await
        .unwrap();
    assert_eq!(
        doc.provenance.supplier().unwrap().name,
        "Wijkzicht Camera's B.V."
    );
    assert_eq!(doc.provenance.reference(), Some("Inschrijving 2027-01"));
    let memo = grip_app::documents::upload(
        app,
        buyer,
        id,
        "notitie.txt",
        MEMO,
        &ProvenanceInput::internal(Role::Behoeftesteller),
    )
    .await
    .unwrap();
    assert_eq!(memo.provenance.role(), Some(Role::Behoeftesteller));
    // The upload's audit event records where the document came from.
    let event = last_event(app, buyer, id).await;
    assert_eq!(event["kind"], "document.uploaded");
    assert_eq!(event["payload"]["provenance"]["kind"], "internal");
    assert_eq!(event["payload"]["provenance"]["role"], "behoeftesteller");
}

on_both_backends!(an_upload_must_say_where_it_came_from, |db| {
    let app = &db.app;
    let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
    let input = DossierInput {
        title: "Herkomst".into(),
        ..Default::default()
    };
    let id = dossiers::create(app, &buyer, &input).await.unwrap();
    let (buyer, id) = (&buyer, id.as_str());
    let upload = |p: ProvenanceInput| async move {
        grip_app::documents::upload(app, buyer, id, "a.txt", b"tekst", &p).await
    };
    let field = |r: Result<grip_core::document::Document, AppError>| match r {
        Err(AppError::Invalid(errors)) => errors[0].field.to_string(),
        other => panic!("refused as invalid: {other:?}"),
    };
    assert_eq!(
        field(upload(ProvenanceInput::default()).await),
        "provenance"
    );
    assert_eq!(
        field(upload(ProvenanceInput::supplier("", None)).await),
        "supplier_id"
    );
    assert_eq!(
        field(upload(ProvenanceInput::supplier("geen-leverancier", None)).await),
        "supplier_id"
    );
    let no_role = ProvenanceInput {
        kind: Some("internal".into()),
        ..Default::default()
    };
    assert_eq!(field(upload(no_role).await), "role");
    let detail = dossiers::detail(app, buyer, id).await.unwrap();
    assert!(
        detail.documents.is_empty(),
        "nothing is stored on a refusal"
    );
});
