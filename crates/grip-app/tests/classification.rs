//! Classification use cases on both backends: storing with pack version and hash, history
//! with what changed, obligations and their audited status changes, rights and bad input.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

use grip_app::classification::{self, Submission};
use grip_app::testing::{TestDb, user};
use grip_app::{Actor, AppError, Paging, Role, dossiers, on_both_backends};
use grip_core::ObligationStatus;
use grip_core::audit::Verification;
use grip_core::dossier::DossierInput;
use grip_test_support::Fixtures;
use serde_json::{Value, json};

/// The shared classification fixtures, whose profiles these tests submit; without
/// `../shared` the test is reported as skipped.
#[track_caller]
fn fixtures() -> Option<Fixtures> {
    Fixtures::open("fixtures/classify", "the whole test")
}

fn fixture_profile(fixtures: &Fixtures, name: &str) -> Value {
    fixtures.json(name)["profile"].clone()
}

fn submission(profile: Value) -> Submission {
    Submission {
        profile,
        answers: [(
            "art6_3.profiling_natural_persons".to_string(),
            "yes".to_string(),
        )]
        .into(),
        justifications: [(
            "art6_3.profiling_natural_persons".to_string(),
            "Volgens de offerte, p. 4".to_string(),
        )]
        .into(),
        as_of: Some("2026-11-23".parse().unwrap()),
    }
}

async fn dossier(db: &TestDb, buyer: &Actor) -> String {
    dossiers::create(
        &db.app,
        buyer,
        &DossierInput {
            title: "Profileringstool".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
}

async fn event_kinds(db: &TestDb, actor: &Actor, id: &str) -> Vec<String> {
    let page = grip_app::audit::list(&db.app, actor, Some(id), Paging::new(None, None))
        .await
        .unwrap();
    page.items.into_iter().map(|e| e.kind).collect()
}

on_both_backends!(a_classification_is_stored_with_its_pack_and_history, |db| {
    let Some(fixtures) = fixtures() else { return };
    let app = &db.app;
    let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
    let id = dossier(db, &buyer).await;
    let first = classification::record(
        app,
        &buyer,
        &id,
        submission(fixture_profile(&fixtures, "suspect-profiling-tool")),
    )
    .await
    .unwrap();
    assert_eq!(first.classification.verdict.as_str(), "high_risk");
    let pack = classification::pack().unwrap();
    assert_eq!(first.pack_hash, pack.content_hash());
    assert_eq!(first.pack_version, pack.version());
    assert_eq!(first.as_of, "2026-11-23");
    assert_eq!(first.created_by, "inkoper");
    assert_eq!(
        first.justifications["art6_3.profiling_natural_persons"],
        "Volgens de offerte, p. 4"
    );
    assert!(!first.trace.is_empty());
    assert!(first.changes.as_ref().unwrap().is_first());

    let second = classification::record(
        app,
        &buyer,
        &id,
        submission(fixture_profile(&fixtures, "unknown-autonomy")),
    )
    .await
    .unwrap();
    let changes = second.changes.clone().unwrap();
    assert_eq!(changes.verdict_from.as_deref(), Some("high_risk"));
    assert_eq!(changes.verdict_to, second.classification.verdict.as_str());
    assert!(changes.verdict_changed());
    assert!(!changes.obligations_removed.is_empty());

    let history = classification::history(app, &buyer, &id, Paging::new(None, None))
        .await
        .unwrap();
    assert_eq!(history.total, 2);
    assert_eq!(history.items[0].id, second.id, "newest first");
    assert_eq!(history.items[1].id, first.id);
    let latest = classification::latest(app, &buyer, &id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(latest.id, second.id);

    let kinds = event_kinds(db, &buyer, &id).await;
    assert_eq!(
        kinds[..2],
        ["classification.recorded", "classification.recorded"]
    );
    let verified = grip_app::audit::verify(app, None).await.unwrap();
    assert!(
        matches!(verified, Verification::Intact { .. }),
        "{verified:?}"
    );
});

on_both_backends!(
    obligations_follow_the_latest_classification_and_status_changes_are_audited,
    |db| {
        let Some(fixtures) = fixtures() else { return };
        let app = &db.app;
        let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
        let id = dossier(db, &buyer).await;
        classification::record(
            app,
            &buyer,
            &id,
            submission(fixture_profile(&fixtures, "suspect-profiling-tool")),
        )
        .await
        .unwrap();
        let list = classification::obligations(app, &buyer, &id).await.unwrap();
        assert!(
            list.iter().any(|o| o.article.starts_with("Art. 26")),
            "deployer duties present"
        );
        assert!(list.iter().all(|o| o.status == ObligationStatus::Open));
        let sorted = list
            .windows(2)
            .all(|w| w[0].applies_from <= w[1].applies_from);
        assert!(sorted, "ordered by date");
        let target = list
            .iter()
            .find(|o| o.article.starts_with("Art. 26"))
            .unwrap()
            .obligation_id
            .clone();

        let updated =
            classification::set_obligation_status(app, &buyer, &id, &target, "in_progress", "")
                .await
                .unwrap();
        assert_eq!(updated.status, ObligationStatus::InProgress);
        let refused =
            classification::set_obligation_status(app, &buyer, &id, &target, "not_applicable", " ")
                .await;
        assert!(
            matches!(&refused, Err(AppError::Invalid(e)) if e[0].field == "reason"),
            "{refused:?}"
        );
        let bogus =
            classification::set_obligation_status(app, &buyer, &id, &target, "klaar", "").await;
        assert!(matches!(bogus, Err(AppError::Invalid(_))));
        let missing =
            classification::set_obligation_status(app, &buyer, &id, "no-such-duty", "done", "")
                .await;
        assert!(matches!(missing, Err(AppError::NotFound("obligation"))));
        let dropped = classification::set_obligation_status(
            app,
            &buyer,
            &id,
            &target,
            "not_applicable",
            "Geen inzet in productie",
        )
        .await
        .unwrap();
        assert_eq!(dropped.reason, "Geen inzet in productie");

        // Re-classifying with the same facts keeps the follow-up status.
        classification::record(
            app,
            &buyer,
            &id,
            submission(fixture_profile(&fixtures, "suspect-profiling-tool")),
        )
        .await
        .unwrap();
        let again = classification::obligations(app, &buyer, &id).await.unwrap();
        let kept = again.iter().find(|o| o.obligation_id == target).unwrap();
        assert_eq!(
            (kept.status, kept.reason.as_str()),
            (ObligationStatus::NotApplicable, "Geen inzet in productie")
        );

        let kinds = event_kinds(db, &buyer, &id).await;
        assert_eq!(
            kinds
                .iter()
                .filter(|k| *k == "obligation.status_changed")
                .count(),
            2
        );
        let events = grip_app::audit::list(app, &buyer, Some(&id), Paging::new(None, None))
            .await
            .unwrap();
        let change = events
            .items
            .iter()
            .find(|e| e.kind == "obligation.status_changed")
            .unwrap();
        assert!(
            change.payload.contains("Geen inzet in productie")
                && change.payload.contains("in_progress"),
            "{}",
            change.payload
        );

        // A minimal-risk result drops the high-risk duties.
        classification::record(
            app,
            &buyer,
            &id,
            submission(fixture_profile(&fixtures, "rule-based-roster")),
        )
        .await
        .unwrap();
        let after = classification::obligations(app, &buyer, &id).await.unwrap();
        assert!(after.iter().all(|o| o.obligation_id != target));
    }
);

on_both_backends!(
    only_members_with_the_right_role_classify_and_auditors_only_read,
    |db| {
        let Some(fixtures) = fixtures() else { return };
        let app = &db.app;
        let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
        let outsider = user(app, "inkoper2", &[Role::Inkoper]).await;
        let auditor = user(app, "auditor", &[Role::Auditor]).await;
        let requester = user(app, "behoeftesteller", &[Role::Behoeftesteller]).await;
        let manager = user(app, "contractmanager", &[Role::Contractmanager]).await;
        let lawyer = user(app, "jurist", &[Role::Jurist]).await;
        let id = dossier(db, &buyer).await;
        for (who, role) in [
            (&auditor, Role::Auditor),
            (&requester, Role::Behoeftesteller),
            (&manager, Role::Contractmanager),
            (&lawyer, Role::Jurist),
        ] {
            dossiers::add_member(app, &buyer, &id, &who.username, role)
                .await
                .unwrap();
        }
        let profile = || submission(fixture_profile(&fixtures, "suspect-profiling-tool"));
        for refused in [&outsider, &auditor, &requester, &manager] {
            let result = classification::record(app, refused, &id, profile()).await;
            assert!(
                matches!(result, Err(AppError::Forbidden)),
                "{}",
                refused.username
            );
        }
        assert_eq!(
            classification::history(app, &auditor, &id, Paging::new(None, None))
                .await
                .unwrap()
                .total,
            0
        );
        classification::record(app, &lawyer, &id, profile())
            .await
            .unwrap();
        let duty = classification::obligations(app, &auditor, &id)
            .await
            .unwrap()[0]
            .obligation_id
            .clone();
        for refused in [&auditor, &requester, &outsider] {
            let result =
                classification::set_obligation_status(app, refused, &id, &duty, "done", "").await;
            assert!(
                matches!(result, Err(AppError::Forbidden)),
                "{}",
                refused.username
            );
        }
        classification::set_obligation_status(app, &manager, &id, &duty, "done", "")
            .await
            .unwrap();
        let missing = classification::record(app, &buyer, "no-such-dossier", profile()).await;
        assert!(matches!(missing, Err(AppError::NotFound("dossier"))));
    }
);

on_both_backends!(
    a_bad_profile_is_refused_naming_the_field_and_stores_nothing,
    |db| {
        let Some(fixtures) = fixtures() else { return };
        let app = &db.app;
        let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
        let id = dossier(db, &buyer).await;
        let bad = json!({"schema": "grip.system-profile/1", "name": "x", "deployment": {"law_enforcement": "ja"}});
        let result = classification::record(app, &buyer, &id, submission(bad)).await;
        match result {
            Err(AppError::Invalid(errors)) => {
                assert_eq!(errors[0].field, "profile.deployment.law_enforcement")
            }
            other => panic!("expected invalid input, got {other:?}"),
        }
        let mut long = submission(fixture_profile(&fixtures, "website-chat"));
        long.justifications
            .insert("transparency.deep_fake".into(), "x".repeat(5000));
        assert!(matches!(
            classification::record(app, &buyer, &id, long).await,
            Err(AppError::Invalid(_))
        ));
        assert_eq!(
            classification::history(app, &buyer, &id, Paging::new(None, None))
                .await
                .unwrap()
                .total,
            0
        );
        assert!(
            !event_kinds(db, &buyer, &id)
                .await
                .iter()
                .any(|k| k.starts_with("classification"))
        );
    }
);
