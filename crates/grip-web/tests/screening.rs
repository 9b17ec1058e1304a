//! Screening over HTTP: uploads are screened and the result is stored with the document,
//! `POST /api/v1/screen` screens without storing, and the document page marks the evidence.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use grip_app::Role;
use support::{TestApp, body_text, multipart, multipart_files, with_session, with_token};

const AI_TEXT: &str = "Onze software bevat geen AI. De camera herkent <gezichten> met \
     gezichtsherkenning & vergelijkt ze met een lijst.";

fn upload_api(app: &TestApp, name: &str, content: &[u8]) -> Request<Body> {
    let (content_type, body) = multipart(name, content);
    with_token(
        Request::post(format!("/api/v1/dossiers/{}/documents", app.dossier_id)),
        &app.person(Role::Inkoper).token,
    )
    .header(header::CONTENT_TYPE, content_type)
    .body(Body::from(body))
    .unwrap()
}

fn get_api(app: &TestApp, path: &str) -> Request<Body> {
    with_token(Request::get(path), &app.person(Role::Inkoper).token)
        .body(Body::empty())
        .unwrap()
}

fn get_page(app: &TestApp, path: &str) -> Request<Body> {
    with_session(Request::get(path), &app.person(Role::Inkoper).session)
        .body(Body::empty())
        .unwrap()
}

fn screen_request(app: &TestApp, content_type: String, body: Vec<u8>) -> Request<Body> {
    with_token(
        Request::post("/api/v1/screen"),
        &app.person(Role::Auditor).token,
    )
    .header(header::CONTENT_TYPE, content_type)
    .body(Body::from(body))
    .unwrap()
}

async fn json(app: &TestApp, request: Request<Body>) -> (StatusCode, serde_json::Value) {
    let response = app.send(request).await;
    let status = response.status();
    let text = body_text(response).await;
    (status, serde_json::from_str(&text).unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn uploads_are_screened_and_the_page_marks_the_evidence() {
    let app = TestApp::new().await;
    let (status, doc) = json(&app, upload_api(&app, "offerte.txt", AI_TEXT.as_bytes())).await;
    assert_eq!(status, StatusCode::CREATED);
    let id = doc["id"].as_str().unwrap();

    let (status, stored) = json(
        &app,
        get_api(&app, &format!("/api/v1/documents/{id}/screening")),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{stored}");
    assert_eq!(stored["screening"]["schema"], "grip.screening/1");
    assert_eq!(stored["screening"]["verdict"], "ai_indicated");
    assert_eq!(stored["screening"]["contradiction"], true);
    assert_eq!(stored["lexicon_id"], "grip.indicators");
    assert!(!stored["lexicon_hash"].as_str().unwrap().is_empty());

    let page = app
        .send(get_page(&app, &format!("/documents/{id}/view")))
        .await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = body_text(page).await;
    assert!(html.contains("<mark>gezichtsherkenning</mark>"), "{html}");
    assert!(html.contains("&lt;gezichten&gt;"), "the text is escaped");
    assert!(html.contains("&amp; vergelijkt"));
    assert!(html.contains("data-testid=\"contradiction\""));
    assert!(
        html.contains("biometrische herkenning"),
        "categories in words"
    );
    assert!(!html.contains(">biometric"), "not by their code");

    let dossier = app
        .send(get_page(&app, &format!("/dossiers/{}", app.dossier_id)))
        .await;
    let html = body_text(dossier).await;
    assert!(html.contains(&format!("/documents/{id}/view")));
    assert!(html.contains("AI aangetroffen"));
    assert!(html.contains("geen AI"), "the fixture's plain answer");

    let (status, _) = json(&app, get_api(&app, "/api/v1/documents/nope/screening")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    app.db.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_screen_endpoint_screens_several_files_and_stores_nothing() {
    let app = TestApp::new().await;
    let (content_type, body) = multipart_files(&[
        ("a.txt", AI_TEXT.as_bytes()),
        ("b.md", b"# Stoelen\nStevige bureaustoelen.".as_slice()),
        ("c.pdf", b"%PDF-1.7 kapot".as_slice()),
    ]);
    let request = screen_request(&app, content_type, body);
    let (status, results) = json(&app, request).await;
    assert_eq!(status, StatusCode::OK, "{results}");
    let verdicts: Vec<&str> = results
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["verdict"].as_str().unwrap())
        .collect();
    assert_eq!(verdicts, ["ai_indicated", "no_ai_indicated", "unreadable"]);
    assert!(results[2]["error"].is_string());

    let (_, docs) = json(
        &app,
        get_api(
            &app,
            &format!("/api/v1/dossiers/{}/documents", app.dossier_id),
        ),
    )
    .await;
    assert_eq!(
        docs.as_array().unwrap().len(),
        1,
        "only the fixture's document"
    );

    let big = vec![b'a'; grip_app::Limits::default().max_document_bytes + 10];
    let (content_type, body) = multipart("groot.txt", &big);
    let request = with_token(
        Request::post("/api/v1/screen"),
        &app.person(Role::Auditor).token,
    )
    .header(header::CONTENT_TYPE, content_type)
    .body(Body::from(body))
    .unwrap();
    let (status, problem) = json(&app, request).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{problem}");
    app.db.finish().await;
}

/// One document of every supported format and the usual broken ones in one request: every
/// result fits the contract and has the verdict the document should get.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_screen_endpoint_answers_every_format_and_broken_file_by_the_contract() {
    let app = TestApp::new().await;
    let samples = grip_screen::samples::every_format();
    let files: Vec<(&str, &[u8])> = samples
        .iter()
        .map(|s| (s.name, s.bytes.as_slice()))
        .collect();
    let (content_type, body) = multipart_files(&files);
    let (status, results) = json(&app, screen_request(&app, content_type, body)).await;
    assert_eq!(status, StatusCode::OK, "{results}");
    let validator = grip_test_support::Contract::screening();
    let results = results.as_array().expect("an array");
    assert_eq!(results.len(), samples.len());
    for (result, sample) in results.iter().zip(&samples) {
        sample.assert_screened(result, |r| validator.is_valid(r));
        assert_eq!(result["document"]["name"], sample.name);
    }
}
