//! Contracts on SQLite and PostgreSQL: a contract with its baseline at signature, notices
//! triaged against the baseline in force and stored with their assessment, decisions that
//! need a reason to override and are taken once, baseline versions that keep the old ones,
//! need-to-know on reading and rights on changing, and bad input that stores nothing.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

use grip_app::contracts::{self, NewContract};
use grip_app::testing::user;
use grip_app::{AppError, Paging, Role, dossiers, on_both_backends};
use grip_core::audit::Verification;
use grip_core::contract::{NoticeImpact, NoticeTriage};
use grip_core::dossier::DossierInput;

const BASELINE: &str = r#"{"schema": "grip.contract-baseline/1", "system": "Bodycam BX-400",
  "supplier": "Veltron BV", "components": [
    {"name": "Opname en opslag", "ai": false},
    {"name": "Automatische vervaging van gezichten", "ai": true, "categories": ["computer_vision"],
     "deployment": "on_premises", "switchable": true}]}"#;

fn new_contract(baseline: &str) -> NewContract {
    NewContract {
        supplier: "Veltron BV".into(),
        starts_on: Some("2027-01-01".into()),
        ends_on: Some("2030-12-31".into()),
        value_cents: Some(125_000_000),
        baseline: baseline.into(),
    }
}

on_both_backends!(notices_are_triaged_stored_and_decided_once, |db| {
    let app = &db.app;
    let manager = user(app, "contractmanager", &[Role::Contractmanager]).await;
    let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
    let outsider = user(app, "jurist", &[Role::Jurist]).await;
    let input = DossierInput {
        title: "Bodycams".into(),
        ..Default::default()
    };
    let id = dossiers::create(app, &buyer, &input).await.unwrap();
    // Not on the team: no contract.
    let refused = contracts::create(app, &manager, &id, new_contract(BASELINE)).await;
    assert!(matches!(refused, Err(AppError::Forbidden)), "{refused:?}");
    dossiers::add_member(app, &buyer, &id, &manager.username, Role::Contractmanager)
        .await
        .unwrap();

    // A bad baseline is refused with the reason, and nothing is stored.
    let bad = BASELINE.replace("computer_vision", "telepathy");
    let refused = contracts::create(app, &manager, &id, new_contract(&bad)).await;
    assert!(matches!(refused, Err(AppError::Invalid(_))), "{refused:?}");
    assert!(
        contracts::for_dossier(app, &manager, &id)
            .await
            .unwrap()
            .is_empty()
    );

    let c = contracts::create(app, &manager, &id, new_contract(BASELINE))
        .await
        .unwrap();
    assert_eq!(c.system, "Bodycam BX-400");
    let notices = contracts::record_notices(
        app,
        &manager,
        &c.id,
        vec![
            (
                "release-5.2.txt".into(),
                "Release 5.2. Nieuw: gezichtsvergelijking. Opgenomen beelden worden automatisch vergeleken met een referentielijst van personen.".as_bytes().to_vec(),
            ),
            ("fix.txt".into(), b"Versie 5.2.1 herstelt de batterij-indicator.".to_vec()),
        ],
    )
    .await
    .unwrap();
    assert_eq!(notices[0].impact, NoticeImpact::AddsAi);
    assert_eq!(notices[0].proposed, NoticeTriage::Escalate);
    assert_eq!(notices[1].proposed, NoticeTriage::NoImpact);
    let (_, stored, assessment) = contracts::notice(app, &manager, &c.id, &notices[0].id)
        .await
        .unwrap();
    assert_eq!(stored.baseline_version, 1);
    assert!(assessment.new_categories.contains(&"biometric".to_string()));
    assert_eq!(assessment.legal.len(), 3);

    // Overriding needs a reason; the decision is taken once.
    let no_reason = contracts::decide(
        app,
        &manager,
        &c.id,
        &notices[0].id,
        NoticeTriage::NoImpact,
        " ",
    )
    .await;
    assert!(
        matches!(no_reason, Err(AppError::Invalid(_))),
        "{no_reason:?}"
    );
    contracts::decide(
        app,
        &manager,
        &c.id,
        &notices[0].id,
        NoticeTriage::Reassess,
        "Functie staat uit bij ons",
    )
    .await
    .unwrap();
    let again = contracts::decide(
        app,
        &manager,
        &c.id,
        &notices[0].id,
        NoticeTriage::Escalate,
        "",
    )
    .await;
    assert!(matches!(again, Err(AppError::Conflict(_))), "{again:?}");
    let view = contracts::get(app, &manager, &c.id).await.unwrap();
    let decided = view.notices.iter().find(|n| n.id == notices[0].id).unwrap();
    assert_eq!(
        decided.decision.as_ref().unwrap().triage,
        NoticeTriage::Reassess
    );

    // A new baseline version keeps the old one; later notices are read against the new one.
    let accepted = BASELINE.replace(
        r#"{"name": "Opname en opslag", "ai": false}"#,
        r#"{"name": "Gezichtsvergelijking", "ai": true, "categories": ["biometric"], "switchable": true}"#,
    );
    assert_eq!(
        contracts::record_baseline(app, &manager, &c.id, &accepted, "Wijziging 5.2 aanvaard")
            .await
            .unwrap(),
        2
    );
    let view = contracts::get(app, &manager, &c.id).await.unwrap();
    assert_eq!(view.baselines.len(), 2);
    assert_eq!(view.baselines[1].version, 1);
    let later = contracts::record_notices(
        app,
        &manager,
        &c.id,
        vec![(
            "5.3.txt".into(),
            b"Versie 5.3 verbetert de exportsnelheid.".to_vec(),
        )],
    )
    .await
    .unwrap();
    assert_eq!(later[0].baseline_version, 2);

    // Someone outside the team may not add notices or decide.
    let foreign = contracts::record_notices(
        app,
        &outsider,
        &c.id,
        vec![("x.txt".into(), b"Versie 6".to_vec())],
    )
    .await;
    assert!(
        matches!(foreign, Err(AppError::Forbidden | AppError::NotFound(_))),
        "{foreign:?}"
    );
    let foreign = contracts::decide(
        app,
        &outsider,
        &c.id,
        &notices[1].id,
        NoticeTriage::NoImpact,
        "",
    )
    .await;
    assert!(
        matches!(foreign, Err(AppError::Forbidden | AppError::NotFound(_))),
        "{foreign:?}"
    );
    // An empty upload stores nothing.
    let empty = contracts::record_notices(app, &manager, &c.id, Vec::new()).await;
    assert!(matches!(empty, Err(AppError::Invalid(_))));

    // Every change is on the trail, and the chain holds.
    let trail = grip_app::audit::list(app, &buyer, Some(&id), Paging::new(Some(1), Some(200)))
        .await
        .unwrap();
    let kinds: Vec<&str> = trail.items.iter().map(|e| e.kind.as_str()).collect();
    for kind in [
        "contract.created",
        "contract.baseline_recorded",
        "contract.notice_triaged",
        "contract.notice_decided",
    ] {
        assert!(kinds.contains(&kind), "{kind} missing in {kinds:?}");
    }
    assert!(matches!(
        grip_app::audit::verify(app, None).await.unwrap(),
        Verification::Intact { .. }
    ));
});

on_both_backends!(
    an_escalation_reaches_the_inbox_and_a_sealed_decision_closes_it,
    |db| {
        let app = &db.app;
        let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
        let jurist = user(app, "jurist", &[Role::Jurist]).await;
        let outsider = user(app, "jurist-elders", &[Role::Jurist]).await;
        let input = DossierInput {
            title: "Bodycams".into(),
            ..Default::default()
        };
        let id = dossiers::create(app, &buyer, &input).await.unwrap();
        dossiers::add_member(app, &buyer, &id, &jurist.username, Role::Jurist)
            .await
            .unwrap();
        let c = contracts::create(app, &buyer, &id, new_contract(BASELINE))
            .await
            .unwrap();
        let notice = "Nieuw: gezichtsvergelijking met een referentielijst van personen.";
        let n = contracts::record_notices(
            app,
            &buyer,
            &c.id,
            vec![("n.txt".into(), notice.as_bytes().to_vec())],
        )
        .await
        .unwrap()
        .remove(0);
        assert_eq!(n.proposed, NoticeTriage::Escalate);
        assert!(
            grip_app::escalations::inbox(app, &jurist)
                .await
                .unwrap()
                .is_empty()
        );
        contracts::decide(app, &buyer, &c.id, &n.id, NoticeTriage::Escalate, "")
            .await
            .unwrap();

        // The jurist on the team has it, with a due date; a jurist elsewhere does not.
        let inbox = grip_app::escalations::inbox(app, &jurist).await.unwrap();
        assert_eq!(inbox.len(), 1, "{inbox:?}");
        assert_eq!(inbox[0].notice_id, n.id);
        assert!(inbox[0].due_on > grip_app::classification::today().to_string());
        assert_eq!(
            grip_app::escalations::inbox_count(app, &jurist)
                .await
                .unwrap(),
            1
        );
        assert_eq!(
            grip_app::escalations::inbox_count(app, &outsider)
                .await
                .unwrap(),
            0
        );

        // Only a sealed decision record of this dossier closes it.
        let refused =
            grip_app::escalations::close(app, &jurist, &inbox[0].id, "no-such-decision").await;
        assert!(matches!(refused, Err(AppError::Invalid(_))), "{refused:?}");
        let foreign = grip_app::escalations::close(app, &outsider, &inbox[0].id, "x").await;
        assert!(
            matches!(foreign, Err(AppError::Forbidden | AppError::NotFound(_))),
            "{foreign:?}"
        );
        grip_app::testing::seal_award_decision(app, &buyer, &id).await;
        let sealed = grip_app::award::decisions::list(app, &buyer, &id)
            .await
            .unwrap();
        let decision = sealed.iter().find(|d| d.sealed_at.is_some()).unwrap();
        grip_app::escalations::close(app, &jurist, &inbox[0].id, decision.id.as_str())
            .await
            .unwrap();
        assert_eq!(
            grip_app::escalations::inbox_count(app, &jurist)
                .await
                .unwrap(),
            0
        );
        let trail = grip_app::audit::list(app, &buyer, Some(&id), Paging::new(Some(1), Some(200)))
            .await
            .unwrap();
        assert!(
            trail
                .items
                .iter()
                .any(|e| e.kind == "contract.escalation_closed")
        );
    }
);
