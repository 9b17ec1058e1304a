//! Managing accounts: deactivation shuts every door (sign-in, sessions, API tokens), a reset
//! ends sessions and tokens, people change their own password only with the current one,
//! administrators cannot lock themselves out, and every change is in the audit trail.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

use grip_app::testing::{TestDb, user};
use grip_app::users::{self, Operator};
use grip_app::{AppError, Paging, Role, audit, auth, on_both_backends};

async fn kinds(db: &TestDb) -> Vec<String> {
    let admin = user(&db.app, "controle", &[Role::Auditor]).await;
    audit::list(&db.app, &admin, None, Paging::new(None, Some(200)))
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|e| e.kind)
        .collect()
}

fn invalid<T: std::fmt::Debug>(result: Result<T, AppError>, code: &str) -> bool {
    match result {
        Err(AppError::Invalid(errors)) => errors.iter().any(|e| e.code == code),
        _ => false,
    }
}

on_both_backends!(a_deactivated_person_is_shut_out_everywhere, |db| {
    let app = &db.app;
    let admin = user(app, "beheerder", &[Role::Beheerder]).await;
    user(app, "jurist", &[Role::Jurist]).await;
    let session = auth::sign_in(app, "jurist", "test-password")
        .await
        .unwrap()
        .session_secret;
    let token = auth::create_api_token(app, None, "jurist", "test")
        .await
        .unwrap();
    let listed = users::list_users(app, Operator::Person(&admin))
        .await
        .unwrap();
    let jurist = listed.iter().find(|u| u.username == "jurist").unwrap();
    assert!(jurist.last_sign_in_at.is_some(), "the sign-in is recorded");
    users::deactivate(app, Operator::Person(&admin), "jurist")
        .await
        .unwrap();
    assert!(matches!(
        auth::sign_in(app, "jurist", "test-password").await,
        Err(AppError::Unauthenticated)
    ));
    assert!(auth::session_actor(app, &session).await.unwrap().is_none());
    assert!(auth::token_actor(app, &token).await.unwrap().is_none());
    users::reactivate(app, Operator::Person(&admin), "jurist")
        .await
        .unwrap();
    assert!(auth::sign_in(app, "jurist", "test-password").await.is_ok());
    assert!(
        auth::token_actor(app, &token).await.unwrap().is_none(),
        "old tokens stay revoked"
    );
    let kinds = kinds(db).await;
    assert!(kinds.contains(&"user.deactivated".to_string()));
    assert!(kinds.contains(&"user.reactivated".to_string()));
});

on_both_backends!(account_changes_are_refused_when_they_should_be, |db| {
    let app = &db.app;
    let admin = user(app, "beheerder", &[Role::Beheerder]).await;
    let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
    let me = Operator::Person(&admin);
    assert!(matches!(
        users::deactivate(app, Operator::Person(&buyer), "beheerder").await,
        Err(AppError::Forbidden)
    ));
    assert!(invalid(
        users::deactivate(app, me, "beheerder").await,
        "own_account"
    ));
    assert!(invalid(
        users::set_roles(app, me, "beheerder", &[Role::Inkoper]).await,
        "own_administrator_role"
    ));
    users::set_roles(app, me, "beheerder", &[Role::Beheerder, Role::Auditor])
        .await
        .unwrap();
    assert!(matches!(
        users::deactivate(app, me, "niemand").await,
        Err(AppError::NotFound(_))
    ));
    assert!(matches!(
        users::reactivate(app, me, "niemand").await,
        Err(AppError::NotFound(_))
    ));
    assert!(invalid(
        users::reset_password(app, me, "inkoper", "kort").await,
        "too_short"
    ));
    // Long enough is not enough: common passwords and simple patterns are refused.
    for guessable in [
        "12345678",
        "        ",
        "wachtwoord1",
        "Welkom01!",
        "p@ssw0rd123",
        "Politie2026",
    ] {
        assert!(
            invalid(
                users::reset_password(app, me, "inkoper", guessable).await,
                "guessable"
            ),
            "{guessable:?} is accepted"
        );
    }
    assert!(auth::sign_in(app, "inkoper", "test-password").await.is_ok());
    users::reset_password(app, me, "inkoper", "fietsbel tegel wolk")
        .await
        .unwrap();
});

on_both_backends!(a_reset_ends_sessions_and_tokens, |db| {
    let app = &db.app;
    let admin = user(app, "beheerder", &[Role::Beheerder]).await;
    user(app, "privacy", &[Role::Privacy]).await;
    let session = auth::sign_in(app, "privacy", "test-password")
        .await
        .unwrap()
        .session_secret;
    let token = auth::create_api_token(app, None, "privacy", "t")
        .await
        .unwrap();
    users::reset_password(
        app,
        Operator::Person(&admin),
        "privacy",
        "een-nieuw-wachtwoord",
    )
    .await
    .unwrap();
    assert!(auth::session_actor(app, &session).await.unwrap().is_none());
    assert!(auth::token_actor(app, &token).await.unwrap().is_none());
    assert!(
        auth::sign_in(app, "privacy", "test-password")
            .await
            .is_err()
    );
    assert!(
        auth::sign_in(app, "privacy", "een-nieuw-wachtwoord")
            .await
            .is_ok()
    );
});

on_both_backends!(
    people_change_their_own_password_with_the_current_one,
    |db| {
        let app = &db.app;
        let me = user(app, "security", &[Role::Security]).await;
        let here = auth::sign_in(app, "security", "test-password")
            .await
            .unwrap()
            .session_secret;
        let elsewhere = auth::sign_in(app, "security", "test-password")
            .await
            .unwrap()
            .session_secret;
        let change = |current: &'static str, new: &'static str| {
            let (me, here) = (me.clone(), here.clone());
            async move { users::change_own_password(app, &me, Some(&here), current, new).await }
        };
        assert!(invalid(
            change("fout-wachtwoord", "nieuw-wachtwoord").await,
            "wrong_password"
        ));
        assert!(invalid(change("test-password", "kort").await, "too_short"));
        assert!(invalid(
            change("test-password", "test-password").await,
            "unchanged"
        ));
        assert!(
            auth::session_actor(app, &elsewhere)
                .await
                .unwrap()
                .is_some()
        );
        change("test-password", "nieuw-wachtwoord").await.unwrap();
        assert!(auth::session_actor(app, &here).await.unwrap().is_some());
        assert!(
            auth::session_actor(app, &elsewhere)
                .await
                .unwrap()
                .is_none()
        );
        assert!(
            auth::sign_in(app, "security", "nieuw-wachtwoord")
                .await
                .is_ok()
        );
        assert!(
            kinds(db)
                .await
                .contains(&"user.password_changed".to_string())
        );
    }
);
