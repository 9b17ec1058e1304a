//! The edges of the API and pages (issue 25, defect 11): pages and API answers are
//! `no-store` while static assets may be cached, HSTS only over HTTPS (`--secure-cookies`),
//! an oversized JSON body is a 413 problem and a body that is not a multipart form a 415
//! problem — never plain text.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

mod support;

use axum::body::Body;
use axum::http::{Request, header};
use grip_app::Role;
use support::{TestApp, with_session, with_token};
use tower::ServiceExt;

fn header_of(response: &axum::http::Response<Body>, name: header::HeaderName) -> Option<String> {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_and_api_answers_are_never_stored_and_hsts_only_over_https() {
    let app = TestApp::new().await;
    let person = app.person(Role::Inkoper);
    let page = app
        .send(
            with_session(
                Request::get(format!("/dossiers/{}", app.dossier_id)),
                &person.session,
            )
            .body(Body::empty())
            .unwrap(),
        )
        .await;
    assert_eq!(page.status(), 200);
    assert_eq!(
        header_of(&page, header::CACHE_CONTROL).as_deref(),
        Some("no-store")
    );
    assert_eq!(header_of(&page, header::STRICT_TRANSPORT_SECURITY), None);
    let api = app
        .send(
            with_token(Request::get("/api/v1/dossiers"), &person.token)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(api.status(), 200);
    assert_eq!(
        header_of(&api, header::CACHE_CONTROL).as_deref(),
        Some("no-store")
    );
    let asset = app
        .send(
            Request::get("/assets/grip.css")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert!(
        header_of(&asset, header::CACHE_CONTROL)
            .unwrap()
            .starts_with("public")
    );

    let https = grip_web::router(
        app.db.app.clone(),
        grip_web::WebConfig {
            secure_cookies: true,
        },
    );
    let login = https
        .oneshot(Request::get("/login").body(Body::empty()).unwrap())
        .await
        .unwrap();
    let hsts = header_of(&login, header::STRICT_TRANSPORT_SECURITY).unwrap();
    assert!(
        hsts.starts_with("max-age=") && hsts != "max-age=0",
        "{hsts}"
    );
    app.db.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oversized_json_body_is_a_413_problem() {
    let app = TestApp::new().await;
    let token = app.person(Role::Inkoper).token.clone();
    let huge = format!(
        "{{\"schema\": \"grip.system-profile/1\", \"name\": \"{}\"}}",
        "x".repeat(3 << 20)
    );
    let response = app
        .send(
            with_token(Request::post("/api/v1/classify"), &token)
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(huge))
                .unwrap(),
        )
        .await;
    assert_eq!(response.status(), 413);
    let body = support::body_text(response).await;
    assert!(body.contains("payload_too_large"), "{body}");
    app.db.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn uploads_that_are_not_multipart_get_a_problem() {
    let app = TestApp::new().await;
    let token = app.person(Role::Inkoper).token.clone();
    for (path, content_type) in [
        ("/api/v1/screen", "multipart/form-data"),
        ("/api/v1/screen", "text/plain"),
        (
            &*format!("/api/v1/dossiers/{}/documents", app.dossier_id),
            "application/json",
        ),
    ] {
        let response = app
            .send(
                with_token(Request::post(path), &token)
                    .header(header::CONTENT_TYPE, content_type)
                    .body(Body::from("not a form"))
                    .unwrap(),
            )
            .await;
        assert_eq!(response.status(), 415, "{path} {content_type}");
        assert_eq!(
            header_of(&response, header::CONTENT_TYPE).as_deref(),
            Some("application/problem+json"),
            "{path}"
        );
    }
    app.db.finish().await;
}
