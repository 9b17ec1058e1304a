//! Role × phase guidance through the use cases on SQLite and PostgreSQL: each role sees its own
//! items, ticks them off, the allowed roles waive with a reason, the administrator decides who
//! may waive, and open mandatory items hold the phase gate.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

use grip_app::checklists::{self, CheckStatus};
use grip_app::testing::user;
use grip_app::{AppError, Role, dossiers, on_both_backends};
use grip_core::dossier::DossierInput;

on_both_backends!(the_checklist_holds_the_phase_gate, |db| {
    let app = &db.app;
    let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
    let privacy = user(app, "privacy", &[Role::Privacy]).await;
    let admin = user(app, "beheerder", &[Role::Beheerder]).await;
    let input = DossierInput {
        title: "Slimme camera's".into(),
        ..Default::default()
    };
    let id = dossiers::create(app, &buyer, &input).await.unwrap();
    dossiers::add_member(app, &buyer, &id, "privacy", Role::Privacy)
        .await
        .unwrap();

    let list = checklists::for_dossier(app, &privacy, &id).await.unwrap();
    assert_eq!(list.phase, grip_app::Phase::Behoeftestelling);
    assert!(list.mine().all(|i| i.check.role == "privacy"));
    assert!(list.mine().count() >= 1);
    assert!(!list.may_waive, "privacy may not waive by default");
    let own = list
        .mine()
        .find(|i| i.check.mandatory)
        .expect("a mandatory privacy item")
        .check
        .id
        .clone();
    let buyers_item = list
        .items
        .iter()
        .find(|i| i.check.role == "inkoper" && i.check.mandatory)
        .unwrap()
        .check
        .id
        .clone();

    // Only one's own items can be ticked off; waiving needs the right role and a reason.
    checklists::set_status(app, &privacy, &id, &own, CheckStatus::Done, "")
        .await
        .unwrap();
    let other =
        checklists::set_status(app, &privacy, &id, &buyers_item, CheckStatus::Done, "").await;
    assert!(matches!(other, Err(AppError::Forbidden)), "{other:?}");
    let waive = checklists::set_status(
        app,
        &privacy,
        &id,
        &buyers_item,
        CheckStatus::Waived,
        "niet nodig",
    )
    .await;
    assert!(matches!(waive, Err(AppError::Forbidden)), "{waive:?}");
    let no_reason = checklists::set_status(app, &buyer, &id, &own, CheckStatus::Waived, " ").await;
    assert!(
        matches!(no_reason, Err(AppError::Invalid(_))),
        "{no_reason:?}"
    );
    let foreign =
        checklists::set_status(app, &buyer, &id, "ex-inkoper", CheckStatus::Done, "").await;
    assert!(
        matches!(foreign, Err(AppError::Invalid(_))),
        "items of other phases are refused"
    );

    let held = dossiers::move_to_next_phase(app, &buyer, &id, None).await;
    assert!(
        matches!(&held, Err(AppError::Conflict(m)) if m.contains(&buyers_item)),
        "{held:?}"
    );

    // The administrator lets privacy waive; then privacy can settle the buyer's item.
    let refused = checklists::set_waive_roles(app, &buyer, &[Role::Privacy]).await;
    assert!(matches!(refused, Err(AppError::Forbidden)));
    checklists::set_waive_roles(app, &admin, &[Role::Privacy, Role::Beheerder])
        .await
        .unwrap();
    assert_eq!(
        grip_app::access::waive_roles(app).await.unwrap(),
        vec![Role::Privacy, Role::Beheerder]
    );
    assert!(
        checklists::for_dossier(app, &privacy, &id)
            .await
            .unwrap()
            .may_waive
    );
    checklists::set_status(
        app,
        &privacy,
        &id,
        &buyers_item,
        CheckStatus::Waived,
        "Behoefte al vastgesteld in 2025",
    )
    .await
    .unwrap();
    let buyer_waives =
        checklists::set_status(app, &buyer, &id, &own, CheckStatus::Waived, "x y z").await;
    assert!(
        matches!(buyer_waives, Err(AppError::Forbidden)),
        "the buyer no longer may waive"
    );

    let list = checklists::for_dossier(app, &admin, &id).await.unwrap();
    let waived = list
        .items
        .iter()
        .find(|i| i.check.id == buyers_item)
        .unwrap();
    assert_eq!(waived.status, "waived");
    assert_eq!(
        waived.reason.as_deref(),
        Some("Behoefte al vastgesteld in 2025")
    );
    assert_eq!(waived.set_by.as_deref(), Some("privacy"));
    for open in list
        .open_mandatory()
        .map(|i| i.check.id.clone())
        .collect::<Vec<_>>()
    {
        checklists::set_status(app, &admin, &id, &open, CheckStatus::Done, "")
            .await
            .unwrap();
    }
    assert_eq!(
        dossiers::move_to_next_phase(app, &buyer, &id, None)
            .await
            .unwrap(),
        grip_app::Phase::Marktverkenning
    );
    // The new phase starts with its own open items.
    let next = checklists::for_dossier(app, &buyer, &id).await.unwrap();
    assert_eq!(next.phase, grip_app::Phase::Marktverkenning);
    assert!(next.items.iter().all(|i| i.status == "open"));

    // Reopening an item of one's own role.
    let mine = next.mine().next().unwrap().check.id.clone();
    checklists::set_status(app, &buyer, &id, &mine, CheckStatus::Done, "")
        .await
        .unwrap();
    checklists::set_status(app, &buyer, &id, &mine, CheckStatus::Open, "")
        .await
        .unwrap();
    let reopened = checklists::for_dossier(app, &buyer, &id).await.unwrap();
    assert_eq!(
        reopened
            .items
            .iter()
            .find(|i| i.check.id == mine)
            .unwrap()
            .status,
        "open"
    );
});
