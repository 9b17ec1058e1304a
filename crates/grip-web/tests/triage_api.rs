//! POST /api/v1/triage: the public triage cases through HTTP, each answer keeping to the
//! `grip.change-triage/1` contract, and bad requests refused with a problem that says why.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use grip_app::Role;
use grip_test_support::{Contract, shared_json};
use serde_json::{Value, json};
use support::{TestApp, body_text, with_token};

fn post(token: Option<&str>, body: String) -> Request<Body> {
    let builder = Request::builder().method("POST").uri("/api/v1/triage");
    let builder = match token {
        Some(token) => with_token(builder, token),
        None => builder,
    };
    builder
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body))
        .unwrap()
}

async fn json_of(app: &TestApp, request: Request<Body>) -> (StatusCode, Value) {
    let response = app.send(request).await;
    let status = response.status();
    let text = body_text(response).await;
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_public_cases_are_triaged_over_http_within_the_contract() {
    let Some(cases) = shared_json("fixtures/triage/cases.json", "the public triage cases") else {
        return;
    };
    let contract = Contract::change_triage();
    let app = TestApp::new().await;
    let token = app.person(Role::Contractmanager).token.clone();
    for case in cases.as_array().unwrap() {
        let request = json!({
            "baseline": case["baseline"],
            "notices": [{"name": case["id"], "text": case["notice"]}],
            "lang": "en",
        });
        let (status, body) = json_of(&app, post(Some(&token), request.to_string())).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let out = &body[0];
        assert!(
            contract.violations(out).is_empty(),
            "{:?}",
            contract.violations(out)
        );
        assert_eq!(out["impact"], case["expect"]["impact"], "{}", case["id"]);
    }
    app.db.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_requests_get_a_problem_and_strangers_get_nothing() {
    let app = TestApp::new().await;
    let token = app.person(Role::Contractmanager).token.clone();
    let baseline =
        json!({"schema": "grip.contract-baseline/1", "system": "Radio", "components": []});
    let notice =
        json!([{"name": "n", "text": "Nieuw: de portofoon transcribeert gesprekken live."}]);

    let (status, body) = json_of(
        &app,
        post(
            None,
            json!({"baseline": baseline, "notices": notice}).to_string(),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");

    let (status, body) = json_of(
        &app,
        post(
            Some(&token),
            json!({"baseline": baseline, "notices": notice}).to_string(),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body[0]["impact"], "adds_ai");
    let reasons = body[0]["reasons"].to_string();
    assert!(
        reasons.contains("Voegt AI toe"),
        "Dutch by default: {reasons}"
    );

    let wrong = json!({"schema": "grip.contract-baseline/1", "system": "Radio",
        "components": [{"name": "Spraak", "ai": true, "categories": ["telepathy"]}]});
    let (status, body) = json_of(
        &app,
        post(
            Some(&token),
            json!({"baseline": wrong, "notices": notice}).to_string(),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["errors"][0]["field"], "baseline", "{body}");
    assert!(body.to_string().contains("telepathy"), "{body}");

    let (status, _) = json_of(&app, post(Some(&token), "{nope".into())).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, body) = json_of(
        &app,
        post(
            Some(&token),
            json!({"baseline": baseline, "notices": []}).to_string(),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, body) = json_of(
        &app,
        post(
            Some(&token),
            json!({"baseline": baseline, "notices": notice, "lang": "fr"}).to_string(),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    app.db.finish().await;
}
