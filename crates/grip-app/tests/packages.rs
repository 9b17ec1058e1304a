//! Tender packages through the use cases on SQLite and PostgreSQL: the demo's packages, edits
//! that keep the link to the knowledge item, the award-weight rule, freezing (immutable, with
//! a content hash), revisions, exports, rights, and the audit event of every change.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

use grip_app::packages::{self, Direction, ExportFormat, ItemEdit, NewItem, SectionKind, Use};
use grip_app::testing::{demo_actor, user};
use grip_app::{AppError, Paging, Role, on_both_backends};
use grip_knowledge::Lang;

const PATROL_CAR: &str = "Basispolitievoertuigen 2027-2031: rijassistentie en noodremsystemen";

async fn dossier_id(app: &grip_app::App, actor: &grip_app::Actor, title: &str) -> String {
    let filter = grip_core::dossier::DossierFilter::default();
    let all = grip_app::dossiers::list(app, actor, &filter, Paging::new(Some(1), Some(100)))
        .await
        .unwrap();
    all.items
        .into_iter()
        .find(|d| d.title == title)
        .expect("demo dossier")
        .id
        .into_string()
}

async fn kinds(app: &grip_app::App, actor: &grip_app::Actor, id: &str) -> Vec<String> {
    grip_app::audit::list(app, actor, Some(id), Paging::new(Some(1), Some(200)))
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|e| e.kind)
        .collect()
}

on_both_backends!(demo_dossiers_get_explained_packages, |db| {
    let app = &db.app;
    grip_app::demo::load(app, "demo-password", None)
        .await
        .unwrap();
    let buyer = demo_actor(app, "inkoper", Role::Inkoper).await;
    let filter = grip_core::dossier::DossierFilter::default();
    let all = grip_app::dossiers::list(app, &buyer, &filter, Paging::new(Some(1), Some(100)))
        .await
        .unwrap();
    let mut with_package = 0;
    for d in &all.items {
        let phase = d.phase;
        let stored = packages::current(app, &buyer, &d.id).await.unwrap();
        if phase < grip_app::Phase::Specificatie {
            assert!(stored.is_none(), "{}", d.title);
            continue;
        }
        let stored = stored.unwrap_or_else(|| panic!("no package for {}", d.title));
        with_package += 1;
        assert_eq!(
            stored.is_draft(),
            phase == grip_app::Phase::Specificatie,
            "{}",
            d.title
        );
        assert!(stored.package.items().count() > 10, "{}", d.title);
        for item in stored.package.items() {
            assert!(
                item.reason.nl.len() > 20 && item.reason.en.len() > 20,
                "{}",
                item.key
            );
        }
        if !stored.is_draft() {
            assert_eq!(
                stored.content_hash,
                Some(packages::content_hash(&stored.package))
            );
        }
    }
    assert!(with_package >= 8, "{with_package}");

    let id = dossier_id(app, &buyer, PATROL_CAR).await;
    let stored = packages::current(app, &buyer, &id).await.unwrap().unwrap();
    let scenario = stored.package.section(SectionKind::Scenario).unwrap();
    assert!(
        scenario
            .items
            .iter()
            .any(|i| i.text.nl.contains("A12") && i.reason.nl.contains("Ingevuld uit het dossier")),
        "the scenario is filled from the dossier"
    );
    let probing = stored.package.section(SectionKind::Probing).unwrap();
    assert!(
        probing
            .items
            .iter()
            .any(|i| i.knowledge_id.contains("finding") || i.reason.nl.contains("screening")),
        "a screening finding becomes a probing question"
    );
});

on_both_backends!(edits_keep_the_knowledge_link_and_are_audited, |db| {
    let app = &db.app;
    grip_app::demo::load(app, "demo-password", None)
        .await
        .unwrap();
    let buyer = demo_actor(app, "inkoper", Role::Inkoper).await;
    let jurist = demo_actor(app, "jurist", Role::Jurist).await;
    let id = dossier_id(app, &buyer, PATROL_CAR).await;
    let before = packages::current(app, &buyer, &id).await.unwrap().unwrap();
    let first = before
        .package
        .section(SectionKind::Disclosure)
        .unwrap()
        .items[0]
        .clone();
    let second = before
        .package
        .section(SectionKind::Disclosure)
        .unwrap()
        .items[1]
        .clone();

    // Reword as the jurist (a member who may edit but not freeze).
    let edit = ItemEdit {
        text_nl: Some("Bevat het voertuig software die zelf beslist over remmen of sturen?".into()),
        use_: Some(Use::KnockOut),
        ..Default::default()
    };
    packages::edit_item(app, &jurist, &id, &first.key, &edit)
        .await
        .unwrap();
    let after = packages::current(app, &buyer, &id).await.unwrap().unwrap();
    let item = after.package.items().find(|i| i.key == first.key).unwrap();
    assert_eq!(
        item.text.nl,
        "Bevat het voertuig software die zelf beslist over remmen of sturen?"
    );
    assert_eq!(item.use_, Use::KnockOut);
    assert_eq!(item.knowledge_id, first.knowledge_id);
    assert_eq!(
        item.original.as_ref().unwrap().nl,
        first.text.nl,
        "the original wording is kept"
    );
    assert_eq!(item.text.en, first.text.en, "English untouched");

    // Bad input changes nothing.
    let bad = ItemEdit {
        text_nl: Some("   ".into()),
        weight: Some(Some(140)),
        ..Default::default()
    };
    match packages::edit_item(app, &jurist, &id, &first.key, &bad).await {
        Err(AppError::Invalid(errors)) => assert_eq!(errors.len(), 2),
        other => panic!("{other:?}"),
    }
    let unknown = packages::edit_item(app, &jurist, &id, "no-such-item", &edit).await;
    assert!(matches!(unknown, Err(AppError::NotFound(_))), "{unknown:?}");
    assert_eq!(
        packages::current(app, &buyer, &id)
            .await
            .unwrap()
            .unwrap()
            .package,
        after.package
    );

    // Move the second item up, remove it, put it back, add an own item.
    packages::move_item(app, &buyer, &id, &second.key, Direction::Up)
        .await
        .unwrap();
    let moved = packages::current(app, &buyer, &id).await.unwrap().unwrap();
    assert_eq!(
        moved
            .package
            .section(SectionKind::Disclosure)
            .unwrap()
            .items[0]
            .key,
        second.key
    );
    packages::remove_item(app, &buyer, &id, &second.key)
        .await
        .unwrap();
    assert!(
        packages::current(app, &buyer, &id)
            .await
            .unwrap()
            .unwrap()
            .package
            .items()
            .all(|i| i.key != second.key)
    );
    packages::add_item(
        app,
        &buyer,
        &id,
        &NewItem::Knowledge {
            key: second.key.clone(),
        },
    )
    .await
    .unwrap();
    let again = packages::add_item(
        app,
        &buyer,
        &id,
        &NewItem::Knowledge {
            key: second.key.clone(),
        },
    )
    .await;
    assert!(matches!(again, Err(AppError::Conflict(_))), "{again:?}");
    let own = NewItem::Own {
        section: SectionKind::Requirement,
        text_nl: "De leverancier levert per voertuig een schakelschema van de noodremassistent."
            .into(),
        text_en: String::new(),
        use_: Use::KnockOut,
    };
    let own_key = packages::add_item(app, &buyer, &id, &own).await.unwrap();
    let now = packages::current(app, &buyer, &id).await.unwrap().unwrap();
    let added = now.package.items().find(|i| i.key == own_key).unwrap();
    assert_eq!(added.knowledge_id, "eigen");
    assert!(added.reason.nl.contains("inkoper"));

    // Rights: the auditor reads only; a buyer who is not a member cannot edit.
    let auditor = demo_actor(app, "auditor", Role::Auditor).await;
    assert!(matches!(
        packages::remove_item(app, &auditor, &id, &own_key).await,
        Err(AppError::Forbidden)
    ));
    let outsider = user(app, "buitenstaander", &[Role::Inkoper]).await;
    assert!(matches!(
        packages::generate(app, &outsider, &id, &Default::default()).await,
        Err(AppError::Forbidden)
    ));
    assert!(matches!(
        packages::freeze(app, &jurist, &id, None, None).await,
        Err(AppError::Forbidden)
    ));

    let history = kinds(app, &buyer, &id).await;
    for kind in [
        "package.item_edited",
        "package.item_moved",
        "package.item_removed",
        "package.item_added",
    ] {
        assert!(history.iter().any(|k| k == kind), "{kind} in {history:?}");
    }
});

on_both_backends!(freezing_needs_balanced_weights_and_is_final, |db| {
    let app = &db.app;
    grip_app::demo::load(app, "demo-password", None)
        .await
        .unwrap();
    let buyer = demo_actor(app, "inkoper", Role::Inkoper).await;
    let id = dossier_id(app, &buyer, PATROL_CAR).await;
    let draft = packages::current(app, &buyer, &id).await.unwrap().unwrap();
    assert!(
        draft.unbalanced.is_empty(),
        "generated weights add up: {:?}",
        draft.unbalanced
    );
    let award = draft
        .package
        .section(SectionKind::Award)
        .unwrap()
        .items
        .clone();
    assert!(award.len() >= 2);
    let weight = award[0].weight.unwrap();
    let skewed = ItemEdit {
        weight: Some(Some(i64::from(weight) + 5)),
        ..Default::default()
    };
    packages::edit_item(app, &buyer, &id, &award[0].key, &skewed)
        .await
        .unwrap();
    let refused = packages::freeze(app, &buyer, &id, Some(draft.version), None).await;
    assert!(
        matches!(&refused, Err(AppError::Invalid(e)) if e[0].code == "weights_not_100"),
        "{refused:?}"
    );
    assert!(
        packages::current(app, &buyer, &id)
            .await
            .unwrap()
            .unwrap()
            .is_draft()
    );

    let fix = ItemEdit {
        weight: Some(Some(i64::from(award[1].weight.unwrap()) - 5)),
        ..Default::default()
    };
    packages::edit_item(app, &buyer, &id, &award[1].key, &fix)
        .await
        .unwrap();
    let stale = packages::freeze(app, &buyer, &id, Some(draft.version + 1), None).await;
    assert!(matches!(stale, Err(AppError::Conflict(_))));
    let frozen = packages::freeze(app, &buyer, &id, Some(draft.version), None)
        .await
        .unwrap();
    assert!(!frozen.is_draft());
    assert_eq!(
        frozen.content_hash,
        Some(packages::content_hash(&frozen.package))
    );
    assert_eq!(frozen.frozen_by.as_deref(), Some("inkoper"));

    // A frozen version never changes.
    let key = frozen.package.items().next().unwrap().key.clone();
    let edit = ItemEdit {
        text_nl: Some("Gewijzigd na bevriezen".into()),
        ..Default::default()
    };
    assert!(matches!(
        packages::edit_item(app, &buyer, &id, &key, &edit).await,
        Err(AppError::Conflict(_))
    ));
    assert!(matches!(
        packages::remove_item(app, &buyer, &id, &key).await,
        Err(AppError::Conflict(_))
    ));
    assert!(matches!(
        packages::freeze(app, &buyer, &id, None, None).await,
        Err(AppError::Conflict(_))
    ));
    let still = packages::get(app, &buyer, &id, Some(frozen.version))
        .await
        .unwrap();
    assert_eq!(still.package, frozen.package);

    // A revision starts from the frozen text; regenerating after that replaces only the draft.
    let revision = packages::revise(app, &buyer, &id).await.unwrap();
    assert_eq!(revision.version, frozen.version + 1);
    assert!(revision.is_draft());
    assert_eq!(revision.package.sections, frozen.package.sections);
    packages::edit_item(app, &buyer, &id, &key, &edit)
        .await
        .unwrap();
    assert_eq!(
        packages::get(app, &buyer, &id, Some(frozen.version))
            .await
            .unwrap()
            .package,
        frozen.package
    );
    let regenerated = packages::generate(app, &buyer, &id, &Default::default())
        .await
        .unwrap();
    assert_eq!(regenerated.version, revision.version);
    assert_eq!(packages::versions(app, &buyer, &id).await.unwrap().len(), 2);

    let history = kinds(app, &buyer, &id).await;
    assert!(history.iter().any(|k| k == "package.frozen"));
    assert!(history.iter().any(|k| k == "package.revised"));
    let verified = grip_app::audit::verify(app, None).await.unwrap();
    assert!(matches!(
        verified,
        grip_core::audit::Verification::Intact { .. }
    ));
});

on_both_backends!(exports_carry_the_reasons_and_the_label, |db| {
    let app = &db.app;
    grip_app::demo::load(app, "demo-password", None)
        .await
        .unwrap();
    let buyer = demo_actor(app, "inkoper", Role::Inkoper).await;
    let id = dossier_id(app, &buyer, PATROL_CAR).await;
    let json = packages::export(app, &buyer, &id, None, ExportFormat::Json, Lang::Nl, None)
        .await
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&json.bytes).unwrap();
    assert_eq!(value["schema"], "grip.tender-package/1");
    let items: Vec<&serde_json::Value> = value["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["items"].as_array().unwrap())
        .collect();
    assert!(!items.is_empty());
    assert!(
        items.iter().all(|i| i["reason"]["nl"].as_str() == Some("")),
        "the export keeps the shape but none of Grip's internal reasons"
    );
    let md = packages::export(
        app,
        &buyer,
        &id,
        None,
        ExportFormat::Markdown,
        Lang::En,
        None,
    )
    .await
    .unwrap();
    let text = String::from_utf8(md.bytes).unwrap();
    assert!(text.contains("Politie Intern"), "label on the export");
    assert!(
        text.contains("Scenario questions"),
        "the export is in English"
    );
    assert!(!text.contains("Why"), "no internal reasons in an export");
    let missing = packages::export(
        app,
        &buyer,
        &id,
        Some(99),
        ExportFormat::Json,
        Lang::Nl,
        None,
    )
    .await;
    assert!(matches!(missing, Err(AppError::NotFound(_))));
});
