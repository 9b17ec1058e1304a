//! The page frame and the reader's language: breadcrumbs and footer on every page, error pages
//! worded in the reader's language inside the frame, and errors beside their field.
#![expect(
    clippy::unwrap_used,
    reason = "tests: a failed unwrap is a failed test"
)]

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use grip_app::Role;
use support::{TestApp, body_text};

fn get(path: &str, session: &str, lang: &str) -> Request<Body> {
    Request::get(path)
        .header(
            header::COOKIE,
            format!("grip_session={session}; grip_lang={lang}"),
        )
        .body(Body::empty())
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_have_breadcrumbs_a_footer_and_section_navigation() {
    let app = TestApp::new().await;
    let session = app.person(Role::Inkoper).session.clone();
    let html = body_text(
        app.send(get(
            &format!("/dossiers/{}", app.dossier_id),
            &session,
            "nl",
        ))
        .await,
    )
    .await;
    assert!(
        html.contains(r#"<nav class="crumbs" aria-label="Kruimelpad">"#),
        "{html}"
    );
    assert!(html.contains(r#"<li><a href="/dossiers">Dossiers</a></li>"#));
    assert!(html.contains(r#"<footer class="page-footer">"#));
    assert!(html.contains("Op deze pagina"), "section navigation label");

    app.db.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn error_pages_speak_the_readers_language_inside_the_frame() {
    let app = TestApp::new().await;
    let session = app.person(Role::Inkoper).session.clone();
    let missing = "/dossiers/00000000-0000-4000-8000-000000000000";
    let response = app.send(get(missing, &session, "nl")).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let html = body_text(response).await;
    assert!(html.contains("Dit dossier bestaat niet"), "{html}");
    assert!(!html.contains("not found"), "no English on the Dutch page");
    assert!(html.contains(r#"<html lang="nl">"#) && html.contains("page-footer"));

    let response = app.send(get(missing, &session, "en")).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let html = body_text(response).await;
    assert!(html.contains("This dossier does not exist"), "{html}");
    assert!(html.contains(r#"<html lang="en">"#) && !html.contains("bestaat niet"));
    app.db.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn form_errors_stand_beside_their_field() {
    let app = TestApp::new().await;
    let session = app.person(Role::Inkoper).session.clone();
    let request = Request::post("/dossiers")
        .header(header::COOKIE, format!("grip_session={session}"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!("title={}", "x".repeat(300))))
        .unwrap();
    let response = app.send(request).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body_text(response).await;
    let field = html.find(r#"<label for="f-title">"#).unwrap();
    let error = html.find(r#"id="f-title-error""#).unwrap();
    let input = html.find(r#"<input id="f-title""#).unwrap();
    assert!(
        field < error && error < input,
        "the error sits between label and input"
    );
    assert!(html.contains(r#"aria-invalid="true" aria-describedby="f-title-error""#));
    app.db.finish().await;
}
