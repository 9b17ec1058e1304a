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

    // The refusal says in plain Dutch which role (and who on the team) must do what.
    let held = dossiers::move_to_next_phase(app, &buyer, &id, None).await;
    let Err(AppError::Conflict(refusal)) = &held else {
        panic!("the gate holds: {held:?}");
    };
    assert!(refusal.contains("Inkoper (inkoper)"), "{refusal}");
    assert!(!refusal.contains(&buyers_item), "no item ids: {refusal}");

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
    // Privacy does not hold the buyer's role: the waiver is only proposed, the gate holds,
    // and privacy cannot confirm it alone.
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
    let proposed = checklists::for_dossier(app, &privacy, &id).await.unwrap();
    let item = proposed
        .items
        .iter()
        .find(|i| i.check.id == buyers_item)
        .unwrap();
    assert_eq!(item.status, "waiver_proposed");
    assert!(proposed.open_mandatory().any(|i| i.check.id == buyers_item));
    let alone = checklists::set_status(
        app,
        &privacy,
        &id,
        &buyers_item,
        CheckStatus::Waived,
        "nogmaals",
    )
    .await;
    assert!(matches!(alone, Err(AppError::Conflict(_))), "{alone:?}");
    let held = dossiers::move_to_next_phase(app, &buyer, &id, None).await;
    assert!(
        matches!(&held, Err(AppError::Conflict(m)) if m.contains("voorgesteld door privacy")),
        "{held:?}"
    );
    // A second person with the right to waive confirms it.
    checklists::set_status(app, &admin, &id, &buyers_item, CheckStatus::Waived, "")
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
    assert_eq!(waived.set_by.as_deref(), Some("beheerder"));
    assert_eq!(waived.proposed_by.as_deref(), Some("privacy"));
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

on_both_backends!(
    a_role_holder_waives_alone_anyone_else_needs_a_second_person,
    |db| {
        let app = &db.app;
        let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
        let buyer2 = user(app, "inkoper2", &[Role::Inkoper]).await;
        let officer = user(app, "privacy", &[Role::Privacy]).await;
        let input = DossierInput {
            title: "Vertaaldiensten".into(),
            ..Default::default()
        };
        let id = dossiers::create(app, &buyer, &input).await.unwrap();
        for (name, role) in [("inkoper2", Role::Inkoper), ("privacy", Role::Privacy)] {
            dossiers::add_member(app, &buyer, &id, name, role)
                .await
                .unwrap();
        }
        let list = checklists::for_dossier(app, &buyer, &id).await.unwrap();
        let mandatory_of = |role: &str| {
            list.items
                .iter()
                .find(|i| i.check.role == role && i.check.mandatory)
                .map(|i| i.check.id.clone())
        };
        let buyers_item = mandatory_of("inkoper").unwrap();
        let officers_item = mandatory_of("privacy").expect("a mandatory privacy item");

        // The privacy officer holds the role: waived at once, with a reason; without one it is refused.
        let bare =
            checklists::set_status(app, &officer, &id, &officers_item, CheckStatus::Waived, "")
                .await;
        assert!(matches!(bare, Err(AppError::Invalid(_))), "{bare:?}");
        checklists::set_status(
            app,
            &officer,
            &id,
            &officers_item,
            CheckStatus::Waived,
            "DPIA al gedaan voor het raamcontract",
        )
        .await
        .unwrap();
        // The buyer (allowed to waive) may not settle another role's item alone: a proposal,
        // which the proposer may withdraw, and which a second person confirms.
        checklists::set_status(app, &officer, &id, &officers_item, CheckStatus::Open, "")
            .await
            .unwrap();
        let propose = |reason: &'static str| {
            checklists::set_status(
                app,
                &buyer,
                &id,
                &officers_item,
                CheckStatus::Waived,
                reason,
            )
        };
        propose("Eerst zo").await.unwrap();
        checklists::set_status(app, &buyer, &id, &officers_item, CheckStatus::Open, "")
            .await
            .unwrap();
        let withdrawn = checklists::for_dossier(app, &buyer, &id).await.unwrap();
        let item = withdrawn
            .items
            .iter()
            .find(|i| i.check.id == officers_item)
            .unwrap();
        assert_eq!(item.status, "open", "the proposer withdrew the proposal");
        propose("Niet van toepassing").await.unwrap();
        let after = checklists::for_dossier(app, &buyer, &id).await.unwrap();
        assert!(after.open_mandatory().any(|i| i.check.id == officers_item));
        checklists::set_status(app, &buyer2, &id, &officers_item, CheckStatus::Waived, "")
            .await
            .unwrap();
        let done = checklists::for_dossier(app, &buyer, &id).await.unwrap();
        let waived = done
            .items
            .iter()
            .find(|i| i.check.id == officers_item)
            .unwrap();
        assert_eq!(waived.status, "waived");
        assert_eq!(waived.reason.as_deref(), Some("Niet van toepassing"));
        assert_eq!(waived.proposed_by.as_deref(), Some("inkoper"));
        assert_eq!(waived.set_by.as_deref(), Some("inkoper2"));

        // Someone neither holding the role nor allowed to waive cannot even propose.
        let by_officer = checklists::set_status(
            app,
            &officer,
            &id,
            &buyers_item,
            CheckStatus::Waived,
            "Geen inkoopstrategie nodig",
        )
        .await;
        assert!(
            matches!(by_officer, Err(AppError::Forbidden)),
            "{by_officer:?}"
        );
        checklists::set_status(
            app,
            &buyer2,
            &id,
            &buyers_item,
            CheckStatus::Waived,
            "Eigen rol",
        )
        .await
        .unwrap();
        let own = checklists::for_dossier(app, &buyer, &id).await.unwrap();
        let item = own
            .items
            .iter()
            .find(|i| i.check.id == buyers_item)
            .unwrap();
        assert_eq!(
            item.status, "waived",
            "the buyer holds the role: no second person needed"
        );
        assert_eq!(item.proposed_by, None);
    }
);
