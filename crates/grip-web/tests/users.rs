//! The users page and the own-account page over HTTP: role checkboxes, confirmations after
//! each change, refusals that say why, and a deactivated person shut out of pages and API.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use grip_app::Role;
use support::{TestApp, body_text, with_session, with_token};

fn post(path: &str, session: &str, form: &str) -> Request<Body> {
    with_session(Request::post(path), session)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form.to_string()))
        .unwrap()
}

fn get(path: &str, session: &str) -> Request<Body> {
    with_session(Request::get(path), session)
        .body(Body::empty())
        .unwrap()
}

fn location(response: &axum::http::Response<Body>) -> String {
    response
        .headers()
        .get(header::LOCATION)
        .map(|l| l.to_str().unwrap().to_string())
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_administrator_manages_people_with_checkboxes_and_sees_each_change() {
    let app = TestApp::new().await;
    let admin = app.person(Role::Beheerder).session.clone();
    let html = body_text(app.send(get("/users", &admin)).await).await;
    assert!(
        html.contains(r#"name="role" value="privacy""#),
        "roles are checkboxes"
    );
    assert!(
        !html.contains(r#"name="roles""#),
        "no comma-separated text any more"
    );
    let changed = app
        .send(post(
            "/users/jurist/roles",
            &admin,
            "role=jurist&role=privacy",
        ))
        .await;
    assert_eq!(changed.status(), StatusCode::SEE_OTHER);
    let next = location(&changed);
    assert_eq!(next, "/users?done=roles&user=jurist");
    let html = body_text(app.send(get(&next, &admin)).await).await;
    assert!(
        html.contains("De rollen van jurist zijn gewijzigd."),
        "{html}"
    );
    assert!(html.contains("Privacy-adviseur"));
    for (form, text) in [
        ("role=koning", "Onbekende rol"),
        ("", "Kies minstens één rol."),
    ] {
        let refused = app.send(post("/users/jurist/roles", &admin, form)).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body_text(refused).await.contains(text), "{form}");
    }
    let own = app
        .send(post("/users/beheerder/deactivate", &admin, ""))
        .await;
    assert_eq!(own.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body_text(own)
            .await
            .contains("eigen account niet deactiveren")
    );
    let added = app
        .send(post(
            "/users",
            &admin,
            "username=nieuwkomer&display_name=N.+Komer&password=lang-genoeg-ww&role=inkoper&role=jurist",
        ))
        .await;
    assert_eq!(location(&added), "/users?done=added&user=nieuwkomer");
    let html = body_text(app.send(get("/users", &admin)).await).await;
    assert!(
        html.contains("Nog nooit"),
        "people who never signed in say so"
    );
    let signed_in = grip_app::auth::sign_in(&app.db.app, "nieuwkomer", "lang-genoeg-ww")
        .await
        .unwrap();
    assert_eq!(signed_in.actor.roles, vec![Role::Inkoper, Role::Jurist]);
    app.db.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deactivated_person_loses_pages_and_api_until_reactivated() {
    let app = TestApp::new().await;
    let admin = app.person(Role::Beheerder).session.clone();
    let jurist = app.person(Role::Jurist);
    let done = app.send(post("/users/jurist/deactivate", &admin, "")).await;
    assert_eq!(location(&done), "/users?done=deactivated&user=jurist");
    let html = body_text(app.send(get(&location(&done), &admin)).await).await;
    assert!(html.contains("jurist is gedeactiveerd.") && html.contains("Gedeactiveerd"));
    let page = app.send(get("/", &jurist.session)).await;
    assert!(
        location(&page).starts_with("/login"),
        "the session has ended"
    );
    let api = with_token(Request::get("/api/v1/dossiers"), &jurist.token)
        .body(Body::empty())
        .unwrap();
    assert_eq!(app.send(api).await.status(), StatusCode::UNAUTHORIZED);
    assert!(
        grip_app::auth::sign_in(&app.db.app, "jurist", "test-password")
            .await
            .is_err()
    );
    let back = app.send(post("/users/jurist/reactivate", &admin, "")).await;
    assert_eq!(location(&back), "/users?done=reactivated&user=jurist");
    assert!(
        grip_app::auth::sign_in(&app.db.app, "jurist", "test-password")
            .await
            .is_ok()
    );
    let reset = app
        .send(post("/users/jurist/password", &admin, "password=kort"))
        .await;
    assert_eq!(reset.status(), StatusCode::UNPROCESSABLE_ENTITY);
    app.db.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn everyone_changes_their_own_password_with_the_current_one() {
    let app = TestApp::new().await;
    let me = app.person(Role::Beoordelaar).session.clone();
    let html = body_text(app.send(get("/account", &me)).await).await;
    assert!(html.contains(r#"name="current_password""#));
    for (form, text) in [
        (
            "current_password=fout&password=nieuw-wachtwoord&password_repeat=nieuw-wachtwoord",
            "Het huidige wachtwoord klopt niet.",
        ),
        (
            "current_password=test-password&password=nieuw-wachtwoord&password_repeat=anders-ww",
            "De twee nieuwe wachtwoorden zijn niet gelijk.",
        ),
    ] {
        let refused = app.send(post("/account/password", &me, form)).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body_text(refused).await.contains(text), "{form}");
    }
    let changed = app
        .send(post(
            "/account/password",
            &me,
            "current_password=test-password&password=nieuw-wachtwoord&password_repeat=nieuw-wachtwoord",
        ))
        .await;
    assert_eq!(location(&changed), "/account?done=password");
    let html = body_text(app.send(get("/account?done=password", &me)).await).await;
    assert!(html.contains("Uw wachtwoord is gewijzigd."));
    assert!(
        grip_app::auth::sign_in(&app.db.app, "beoordelaar", "nieuw-wachtwoord")
            .await
            .is_ok()
    );
    app.db.finish().await;
}
