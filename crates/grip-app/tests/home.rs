//! The home read model and the inventory filters on both backends: each role sees what needs
//! it, personal lists hold only the person's own dossiers, activity names people and dossiers,
//! and the inventory keeps the organisation's own systems apart from the register's.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

use grip_app::demo::{self, RegisterListing};
use grip_app::inventory::{self, FilterInput};
use grip_app::testing::{TestDb, demo_actor, user};
use grip_app::views::home::{Focus, home};
use grip_app::{AppError, Paging, Phase, Role, checklists, dossiers, on_both_backends};
use grip_core::audit_event::AuditEvent;
use grip_core::dossier::DossierInput;
use grip_core::inventory::{AiExposure, InventorySource, SystemStatus};

/// Three entries of other organisations, as the Algorithm Register lists them.
const LISTING: &str = r#"{"algoritmes": [
    {"id": "r1", "title": "Parkeerscan", "organisatie": "Gemeente Utrecht", "status": "in_gebruik"},
    {"id": "r2", "title": "Fraudesignaal", "organisatie": "Gemeente Zwolle", "status": "buiten_gebruik"},
    {"id": "r3", "title": "Chatbot Loket", "organisatie": "Gemeente Ede", "status": "in_gebruik"}
]}"#;

async fn load_demo(db: &TestDb) {
    demo::load(
        &db.app,
        "demo-password",
        Some(RegisterListing {
            bytes: LISTING.as_bytes(),
        }),
    )
    .await
    .unwrap();
}

fn filter(f: FilterInput) -> grip_core::inventory::InventoryFilter {
    f.parse().unwrap()
}

on_both_backends!(each_role_sees_what_needs_it_on_its_own_dossiers, |db| {
    load_demo(db).await;
    let app = &db.app;
    let buyer = demo_actor(app, "inkoper", Role::Inkoper).await;
    // A dossier of another buyer, on which the demo buyer and jurist are not members.
    let other = user(app, "inkoper2", &[Role::Inkoper]).await;
    let foreign = dossiers::create(
        app,
        &other,
        &DossierInput {
            title: "Geheime aanschaf".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();

    let view = home(app, &buyer).await.unwrap();
    assert_eq!(view.focus, Focus::Buyer);
    assert!(!view.dossiers.is_empty());
    assert!(
        view.dossiers
            .iter()
            .all(|m| m.dossier.id.as_str() != foreign)
    );
    let phases: Vec<Phase> = view.dossiers.iter().map(|m| m.dossier.phase).collect();
    assert!(
        phases.windows(2).all(|w| w[0] <= w[1]),
        "by phase: {phases:?}"
    );
    assert!(
        !view.sign_offs.is_empty(),
        "the buyer has mandatory items open"
    );
    assert!(
        view.sign_offs
            .iter()
            .all(|c| c.check.role == "inkoper" && c.check.mandatory)
    );
    assert!(
        view.open_checks
            .iter()
            .all(|c| c.check.role == "inkoper" && !c.check.mandatory)
    );
    assert!(
        view.overview.is_none(),
        "no organisation-wide overview for a buyer"
    );
    for a in &view.activity {
        assert_ne!(
            a.dossier.as_ref().map(|d| d.0.as_str()),
            Some(foreign.as_str())
        );
    }

    // Marking an item done takes it off the buyer's list.
    let first = view.sign_offs[0].clone();
    checklists::set_status(
        app,
        &buyer,
        &first.dossier_id,
        &first.check.id,
        checklists::CheckStatus::Done,
        "",
    )
    .await
    .unwrap();
    let after = home(app, &buyer).await.unwrap();
    assert!(
        !after
            .sign_offs
            .iter()
            .any(|c| c.dossier_id == first.dossier_id && c.check.id == first.check.id)
    );
    let newest = &after.activity[0];
    assert_eq!(newest.actor.role, Some(Role::Inkoper));
    assert!(newest.actor.display_name.is_some());
    assert!(matches!(
        newest.event,
        Some(AuditEvent::ChecklistStatusSet(_))
    ));
    assert!(newest.item_text.is_some(), "the item's own words");
    assert_eq!(newest.dossier.as_ref().unwrap().1, first.dossier_title);

    let jurist = demo_actor(app, "jurist", Role::Jurist).await;
    let view = home(app, &jurist).await.unwrap();
    assert_eq!(view.focus, Focus::Specialist);
    assert!(
        view.sign_offs
            .iter()
            .chain(&view.open_checks)
            .all(|c| c.check.role == "jurist")
    );
    assert!(
        view.dossiers
            .iter()
            .all(|m| m.dossier.id.as_str() != foreign)
    );

    let assessor = demo_actor(app, "beoordelaar1", Role::Beoordelaar).await;
    let view = home(app, &assessor).await.unwrap();
    assert_eq!(view.focus, Focus::Assessor);
    assert!(
        !view.to_score.is_empty(),
        "the demo has an evaluation with this assessor"
    );
    assert!(
        view.to_score
            .iter()
            .all(|d| d.phase == Phase::BeoordelingGunning)
    );

    let auditor = demo_actor(app, "auditor", Role::Auditor).await;
    let view = home(app, &auditor).await.unwrap();
    assert_eq!(view.focus, Focus::Auditor);
    let overview = view.overview.unwrap();
    assert_eq!(
        overview.phase_counts.iter().map(|(_, n)| n).sum::<i64>(),
        16
    );
    assert!(overview.events > 0);
    assert!(!view.activity.is_empty());
});

on_both_backends!(activity_is_limited_to_ones_own_dossiers, |db| {
    let app = &db.app;
    let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
    let other = user(app, "inkoper2", &[Role::Inkoper]).await;
    let auditor = user(app, "auditor", &[Role::Auditor]).await;
    let input = |title: &str| DossierInput {
        title: title.into(),
        ..Default::default()
    };
    let mine = dossiers::create(app, &buyer, &input("Bodycams"))
        .await
        .unwrap();
    let theirs = dossiers::create(app, &other, &input("Tolkdiensten"))
        .await
        .unwrap();
    let seen = grip_app::audit::activity(app, &buyer, Paging::new(None, None))
        .await
        .unwrap();
    let dossiers_seen: Vec<_> = seen
        .items
        .iter()
        .filter_map(|a| a.dossier.clone())
        .collect();
    assert!(dossiers_seen.contains(&(mine.clone(), "Bodycams".into())));
    assert!(!dossiers_seen.iter().any(|(id, _)| *id == theirs));
    assert_eq!(seen.total, seen.items.len() as i64);
    let all = grip_app::audit::activity(app, &auditor, Paging::new(None, None))
        .await
        .unwrap();
    assert!(
        all.items
            .iter()
            .any(|a| a.dossier.as_ref().is_some_and(|(id, _)| *id == theirs))
    );

    // The chain page is the auditor's.
    let refused = grip_app::audit::chain(app, &buyer, Paging::new(None, None)).await;
    assert!(matches!(refused, Err(AppError::Forbidden)));
    let chain = grip_app::audit::chain(app, &auditor, Paging::new(None, None))
        .await
        .unwrap();
    assert!(matches!(
        chain.verification,
        grip_core::audit::Verification::Intact { .. }
    ));
    assert_eq!(chain.events.items[0].kind, "dossier.created");
});

on_both_backends!(the_inventory_keeps_own_systems_apart_and_filters, |db| {
    load_demo(db).await;
    let app = &db.app;
    let buyer = demo_actor(app, "inkoper", Role::Inkoper).await;
    let all = Paging::new(None, Some(200));
    let own = inventory::list(app, &buyer, &filter(FilterInput::default()), all)
        .await
        .unwrap();
    // Fifteen demo systems and one made from a supplier's register entry.
    assert_eq!(
        own.total, 16,
        "the demo's own systems, without the register"
    );
    assert_eq!(
        own.items
            .iter()
            .filter(|l| l.item.source == InventorySource::SupplierEntry)
            .count(),
        1
    );
    assert!(
        own.items
            .iter()
            .all(|l| l.item.source != InventorySource::AlgorithmRegister)
    );
    let register = FilterInput {
        scope: Some("register".into()),
        ..Default::default()
    };
    let listed = inventory::list(app, &buyer, &filter(register.clone()), all)
        .await
        .unwrap();
    assert_eq!(listed.total, 3);
    let in_use = FilterInput {
        status: Some("in_gebruik".into()),
        ..register.clone()
    };
    let in_use = inventory::list(app, &buyer, &filter(in_use), all)
        .await
        .unwrap();
    assert_eq!(in_use.total, 2);
    assert!(
        in_use
            .items
            .iter()
            .all(|l| l.item.status == SystemStatus::InUse)
    );
    let everything = FilterInput {
        scope: Some("all".into()),
        ..Default::default()
    };
    let everything = inventory::list(app, &buyer, &filter(everything), all)
        .await
        .unwrap();
    // The 16 own systems and the listing's 3 register entries.
    assert_eq!(everything.total, 19);
    let confirmed = FilterInput {
        exposure: Some("confirmed".into()),
        ..Default::default()
    };
    let confirmed = inventory::list(app, &buyer, &filter(confirmed), all)
        .await
        .unwrap();
    assert!(confirmed.total > 0 && confirmed.total < 16);
    assert!(
        confirmed
            .items
            .iter()
            .all(|l| l.item.ai_exposure == AiExposure::Confirmed)
    );
    let unclassified = FilterInput {
        classification: Some("none".into()),
        ..Default::default()
    };
    let unclassified = inventory::list(app, &buyer, &filter(unclassified), all)
        .await
        .unwrap();
    assert_eq!(
        unclassified.total, 15,
        "the demo classifies one dossier: the camera system with face matching"
    );
    let high = FilterInput {
        classification: Some("high_risk".into()),
        ..Default::default()
    };
    assert_eq!(
        inventory::list(app, &buyer, &filter(high), all)
            .await
            .unwrap()
            .total,
        1
    );

    // Paging stays right: a page past the end shows the last page.
    let far = inventory::list(
        app,
        &buyer,
        &filter(FilterInput::default()),
        Paging::new(Some(9), Some(10)),
    )
    .await
    .unwrap();
    assert_eq!((far.page, far.items.len(), far.total), (2, 6, 16));

    // A system's page links its dossier.
    let linked = own
        .items
        .iter()
        .find(|l| l.item.dossier_id.is_some())
        .unwrap();
    let page = inventory::system(app, &buyer, linked.item.id.as_str())
        .await
        .unwrap();
    assert_eq!(
        page.dossier.unwrap().id,
        linked.item.dossier_id.clone().unwrap()
    );
    assert!(page.classification.is_none());
    let missing = inventory::system(app, &buyer, "no-such-system").await;
    assert!(matches!(missing, Err(AppError::NotFound(_))));
});

#[test]
fn bad_filter_values_are_named() {
    let bad = FilterInput {
        scope: Some("eigen".into()),
        status: Some("live".into()),
        exposure: Some("high".into()),
        classification: Some("risky".into()),
        source: Some("csv".into()),
        ..Default::default()
    };
    let Err(AppError::Invalid(errors)) = bad.parse() else {
        panic!("bad values pass");
    };
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_ref()).collect();
    assert_eq!(
        fields,
        ["scope", "classification", "source", "status", "exposure"]
    );
    assert!(errors.iter().all(|e| e.text == "invalid-filter-value"));
    assert_eq!(errors[1].arg("value"), Some("risky"));
    let mut kept = bad.clone();
    for f in fields {
        kept.clear(f);
    }
    assert!(kept.parse().is_ok());
}
