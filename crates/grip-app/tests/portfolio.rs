//! The portfolio on SQLite and PostgreSQL, on the demo: per category the figures behind its
//! exposure (dossiers, high-risk classifications, contract value under high-risk or
//! undetermined AI, AI systems, open obligations), most exposed first, and nothing of a
//! secret dossier for someone off its team.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

use grip_app::contracts::{self, NewContract};
use grip_app::portfolio::{self, CategoryFigures};
use grip_app::testing::{demo_actor, user};
use grip_app::{Role, demo, dossiers, on_both_backends};
use grip_core::dossier::DossierInput;

fn row<'a>(overview: &'a [CategoryFigures], code: &str) -> &'a CategoryFigures {
    overview
        .iter()
        .find(|r| r.category.as_ref().is_some_and(|c| c.code == code))
        .unwrap()
}

on_both_backends!(figures_per_category_follow_need_to_know, |db| {
    let app = &db.app;
    demo::load(app, "demo-password", None).await.unwrap();
    let buyer = demo_actor(app, "inkoper", Role::Inkoper).await;
    let outsider = user(app, "buiten", &[Role::Inkoper]).await;

    let overview = portfolio::overview(app, &buyer).await.unwrap();
    let cameras = row(&overview, "camerabewaking");
    assert_eq!(
        cameras.high_risk(),
        1,
        "the demo's face matching is high risk"
    );
    assert!(!cameras.obligations.is_empty(), "with open obligations");
    let interpreting = row(&overview, "tolk-en-vertaaldiensten");
    assert_eq!(
        interpreting.value_at_risk_cents(),
        1_260_000_000,
        "unclassified counts"
    );
    let exposures: Vec<_> = overview.iter().map(CategoryFigures::exposure).collect();
    let mut sorted = exposures.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(exposures, sorted, "most exposed first");

    // A secret dossier with a contract counts for its team only.
    let category = cameras.category.as_ref().unwrap().id.to_string();
    let input = DossierInput {
        title: "Camera's hoofdbureau Noord".into(),
        category_id: Some(category.clone()),
        classification_label: Some("secret".into()),
        ..Default::default()
    };
    let manager = Role::Contractmanager;
    let buyer = grip_app::Actor {
        roles: vec![Role::Inkoper, manager],
        ..buyer
    };
    let dossier = dossiers::create(app, &buyer, &input).await.unwrap();
    let contract = NewContract {
        supplier: "Steenuil".into(),
        starts_on: None,
        ends_on: None,
        value_cents: Some(250_000_000),
        baseline: r#"{"schema": "grip.contract-baseline/1", "system": "VMS", "components": []}"#
            .into(),
    };
    contracts::create(app, &buyer, &dossier, contract)
        .await
        .unwrap();
    let mine = portfolio::category(app, &buyer, &category).await.unwrap();
    assert_eq!(mine.dossiers.len(), 2);
    assert_eq!(mine.value_at_risk_cents(), 250_000_000);
    let theirs = portfolio::category(app, &outsider, &category)
        .await
        .unwrap();
    assert_eq!(theirs.value_at_risk_cents(), 0);
    assert!(theirs.dossiers.iter().all(|d| d.id != dossier));
});
