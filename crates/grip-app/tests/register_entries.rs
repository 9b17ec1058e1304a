//! Register entries in publication standard 1.0 on SQLite and PostgreSQL: supplier files
//! imported once however often they come, refused files that change nothing, the
//! organisation's own fields, exports that the register's own definitions accept, high-risk
//! law-enforcement systems kept out, and need-to-know on reading.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

use grip_app::classification::{self, Submission};
use grip_app::register::{self, ImportedFile, OwnFieldsInput};
use grip_app::testing::user;
use grip_app::{AppError, Role, dossiers, on_both_backends};
use grip_core::audit::Verification;
use grip_core::dossier::DossierInput;
use grip_register::Destination;
use grip_test_support::{Fixtures, RegisterStandard};
use serde_json::Value;

const TEMPLATE: &str = r#"[{
  "id": "leverancier-kentekenlezer",
  "name": "Kentekenlezer KL-3",
  "description_short": "Camera die kentekens leest en vergelijkt met een lijst van gezochte voertuigen.",
  "status": "In gebruik",
  "publication_category": "Impactvolle algoritmes",
  "goal": "<p>Gezochte voertuigen sneller vinden.</p><script>alert(1)</script>",
  "methods_and_models": "<p>Een tekenherkenningsmodel leest het kenteken.</p>",
  "provider": "Leverancier BV",
  "contact_email": "verkoop@leverancier.example",
  "lang": "NLD",
  "iama_description": "Een IAMA is in 2025 uitgevoerd."
}]"#;

fn imported(file: ImportedFile) -> register::StandardImport {
    match file {
        ImportedFile::Standard(report) => report,
        ImportedFile::Listing(_) => panic!("read as the listing"),
    }
}

on_both_backends!(
    a_supplier_file_becomes_a_system_once_and_exports_valid,
    |db| {
        let app = &db.app;
        let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
        let admin = user(app, "beheerder", &[Role::Beheerder]).await;
        let reader = user(app, "auditor", &[Role::Auditor]).await;

        // Readers may not import; a refused file changes nothing.
        let refused = register::import_file(app, &reader, TEMPLATE.as_bytes()).await;
        assert!(matches!(refused, Err(AppError::Forbidden)), "{refused:?}");
        let bad = TEMPLATE.replace("In gebruik", "Actief");
        let Err(AppError::Invalid(errors)) =
            register::import_file(app, &buyer, bad.as_bytes()).await
        else {
            panic!("a wrong status is refused");
        };
        assert!(
            errors[0].arg("detail").unwrap().contains("In ontwikkeling"),
            "{errors:?}"
        );
        assert!(
            register::export(app, &buyer, None)
                .await
                .unwrap()
                .entries
                .is_empty()
        );

        let first = imported(
            register::import_file(app, &buyer, TEMPLATE.as_bytes())
                .await
                .unwrap(),
        );
        assert_eq!((first.imported, first.skipped), (1, 0));
        let notes: Vec<_> = first.notes.iter().map(|n| n.key.as_str()).collect();
        assert_eq!(
            notes,
            ["iama_description", "lang", "goal"],
            "{:?}",
            first.notes
        );
        let again = imported(
            register::import_file(app, &buyer, TEMPLATE.as_bytes())
                .await
                .unwrap(),
        );
        assert_eq!((again.imported, again.skipped), (0, 1));
        assert_eq!(again.items, first.items);
        let id = first.items[0].0.clone();

        // Without the organisation's contact address the entry carries the supplier's; the
        // organisation's address replaces it once set.
        let view = register::view(app, &buyer, &id).await.unwrap();
        assert_eq!(
            view.completed.extra["iama_description"],
            "Een IAMA is in 2025 uitgevoerd."
        );
        assert_eq!(
            view.completed.contact_email.as_deref(),
            Some("verkoop@leverancier.example")
        );
        let settings = |organization: &str, contact_email: &str| register::RegisterSettings {
            organization: organization.into(),
            contact_email: contact_email.into(),
        };
        let refused = register::set_settings(app, &buyer, &settings("Politie", "a@b.nl")).await;
        assert!(matches!(refused, Err(AppError::Forbidden)));
        let Err(AppError::Invalid(errors)) =
            register::set_settings(app, &admin, &settings(" ", "geen adres")).await
        else {
            panic!("an empty name and a bad address are refused");
        };
        assert_eq!(errors.len(), 2);
        let export = register::export(app, &buyer, None).await.unwrap();
        assert_eq!(export.incomplete.len(), 1, "no organisation name yet");
        register::set_settings(
            app,
            &admin,
            &settings("Politie", "register@politie.example"),
        )
        .await
        .unwrap();

        let own = OwnFieldsInput {
            publication_category: "other".into(),
            lawful_basis: "Politiewet 2012, artikel 3.\n\nDe <b>taak</b> van de politie.".into(),
            proportionality: "Alleen op snelwegen.".into(),
            begin_date: "2026-13".into(),
        };
        let refused = register::update_own_fields(app, &buyer, &id, &own).await;
        assert!(matches!(refused, Err(AppError::Invalid(_))), "{refused:?}");
        let own = OwnFieldsInput {
            begin_date: "2026-03".into(),
            ..own
        };
        register::update_own_fields(app, &buyer, &id, &own)
            .await
            .unwrap();

        let report = register::export(app, &reader, None).await.unwrap();
        assert_eq!(report.entries.len(), 1, "{:?}", report.incomplete);
        let entry = Value::Object(report.entries[0].clone());
        assert_eq!(entry["contact_email"], "register@politie.example");
        assert_eq!(entry["publication_category"], "Overige algoritmes");
        assert_eq!(
            entry["lawful_basis"],
            "<p>Politiewet 2012, artikel 3.</p><p>De &lt;b&gt;taak&lt;/b&gt; van de politie.</p>"
        );
        assert_eq!(entry["goal"], "<p>Gezochte voertuigen sneller vinden.</p>");
        assert!(entry.get("iama_description").is_none());
        if let Some(standard) = RegisterStandard::load() {
            assert_eq!(standard.violations(&entry), Vec::<String>::new());
        }

        // A newer file from the supplier keeps what the organisation wrote.
        let newer = TEMPLATE.replace("Gezochte voertuigen", "Gestolen en gezochte voertuigen");
        let single = newer.trim().trim_start_matches('[').trim_end_matches(']');
        register::import_entry_into(app, &buyer, &id, single.as_bytes())
            .await
            .unwrap();
        let view = register::view(app, &buyer, &id).await.unwrap();
        assert!(view.completed.goal.unwrap().contains("Gestolen"));
        assert!(view.completed.lawful_basis.unwrap().contains("Politiewet"));
        assert!(view.open_points.is_empty(), "{:?}", view.open_points);
        // Three users, the import (entry and file), the repeat (file only), the settings,
        // the own fields and the newer file; the refused attempts left nothing.
        assert_eq!(
            grip_app::audit::verify(app, None).await.unwrap(),
            Verification::Intact { events: 9 }
        );
    }
);

on_both_backends!(
    law_enforcement_high_risk_stays_out_and_need_to_know_holds,
    |db| {
        let Some(fixtures) = Fixtures::open("fixtures/classify", "the high-risk classification")
        else {
            return;
        };
        let app = &db.app;
        let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
        let outsider = user(app, "jurist", &[Role::Jurist]).await;
        let input = DossierInput {
            title: "Profileringstool".into(),
            classification_label: Some("secret".into()),
            ..Default::default()
        };
        let dossier = dossiers::create(app, &buyer, &input).await.unwrap();
        let submission = Submission {
            profile: fixtures.json("suspect-profiling-tool")["profile"].clone(),
            answers: Default::default(),
            justifications: Default::default(),
            as_of: Some("2026-11-23".parse().unwrap()),
        };
        classification::record(app, &buyer, &dossier, submission)
            .await
            .unwrap();
        let item = grip_app::inventory::create(
            app,
            &buyer,
            &grip_app::inventory::InventoryInput {
                name: "Profileringstool".into(),
                dossier_id: Some(dossier),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        register::update_own_fields(app, &buyer, &item, &OwnFieldsInput::default())
            .await
            .unwrap();
        let view = register::view(app, &buyer, &item).await.unwrap();
        assert_eq!(
            view.publication.destination,
            Destination::EuDatabaseNonPublic
        );
        assert!(
            view.publication.reason.nl.contains("art. 49, lid 4"),
            "{}",
            view.publication.reason.nl
        );
        let report = register::export(app, &buyer, None).await.unwrap();
        assert!(report.entries.is_empty());
        assert_eq!(report.withheld.len(), 1);

        // Someone outside the confidential dossier sees neither the entry nor its name.
        let hidden = register::view(app, &outsider, &item).await;
        assert!(
            matches!(hidden, Err(AppError::NotFound(_))),
            "{:?}",
            hidden.err()
        );
        let report = register::export(app, &outsider, None).await.unwrap();
        assert!(report.withheld.is_empty() && report.entries.is_empty());
    }
);

on_both_backends!(a_contracted_products_entry_lands_on_its_system, |db| {
    let app = &db.app;
    let buyer = user(app, "inkoper", &[Role::Inkoper, Role::Contractmanager]).await;
    let outsider = user(app, "jurist", &[Role::Jurist]).await;
    let input = DossierInput {
        title: "Kentekencamera's".into(),
        ..Default::default()
    };
    let dossier = dossiers::create(app, &buyer, &input).await.unwrap();
    let contract = grip_app::contracts::NewContract {
        supplier: "Leverancier BV".into(),
        starts_on: None,
        ends_on: None,
        value_cents: None,
        baseline: r#"{"schema": "grip.contract-baseline/1", "system": "Kentekenlezer KL-3", "components": []}"#.into(),
    };
    let contract = grip_app::contracts::create(app, &buyer, &dossier, contract)
        .await
        .unwrap();
    let single = TEMPLATE
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']');
    let refused =
        register::import_for_contract(app, &outsider, &contract.id, single.as_bytes()).await;
    assert!(refused.is_err(), "not the outsider's to change");
    let (item, notes) = register::import_for_contract(app, &buyer, &contract.id, single.as_bytes())
        .await
        .unwrap();
    assert!(!notes.is_empty());
    let view = register::view(app, &buyer, &item).await.unwrap();
    assert_eq!(view.item.name, "Kentekenlezer KL-3");
    assert_eq!(
        view.item.dossier_id.as_ref().map(|d| d.as_str()),
        Some(dossier.as_str())
    );
    assert!(view.completed.goal.unwrap().contains("Gezochte voertuigen"));
    // A newer file lands on the same system.
    let newer = single.replace("Gezochte voertuigen", "Gestolen voertuigen");
    let (again, _) = register::import_for_contract(app, &buyer, &contract.id, newer.as_bytes())
        .await
        .unwrap();
    assert_eq!(again, item);
    let hidden = register::view(app, &outsider, &item).await;
    assert!(
        hidden.is_ok(),
        "an open dossier's system is readable by all"
    );
});
