//! The award step over HTTP: bids through the API, an assessor who cannot see another
//! assessor's scores (or their count) through any route before submitting, sign-off refusals
//! with problem objects, the decision as PDF, and bad workbooks refused with row and column.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

mod support;

use std::collections::BTreeMap;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use grip_app::Role;
use support::{TestApp, body_text, multipart, with_session, with_token};

fn api(token: &str, method: &str, path: &str, body: Option<String>) -> Request<Body> {
    let builder = with_token(Request::builder().method(method).uri(path), token);
    match body {
        Some(json) => builder
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(json))
            .unwrap(),
        None => builder.body(Body::empty()).unwrap(),
    }
}

async fn json(app: &TestApp, request: Request<Body>) -> (StatusCode, serde_json::Value) {
    let response = app.send(request).await;
    let status = response.status();
    let text = body_text(response).await;
    (status, serde_json::from_str(&text).unwrap_or_default())
}

/// A frozen package, one supplier and a second assessor with a token.
async fn prepared(app: &TestApp) -> (String, String) {
    let core = &app.db.app;
    let buyer = &app.person(Role::Inkoper).actor;
    grip_app::packages::generate(core, buyer, &app.dossier_id, &BTreeMap::new())
        .await
        .unwrap();
    grip_app::packages::freeze(core, buyer, &app.dossier_id, None, None)
        .await
        .unwrap();
    let supplier = grip_app::catalogue::create_supplier(
        core,
        buyer,
        &grip_app::catalogue::SupplierInput {
            name: "Lensvast B.V.".into(),
            kvk: String::new(),
            city: String::new(),
            description: String::new(),
        },
    )
    .await
    .unwrap();
    grip_app::testing::user(core, "beoordelaar-twee", &[Role::Beoordelaar]).await;
    grip_app::dossiers::add_member(
        core,
        buyer,
        &app.dossier_id,
        "beoordelaar-twee",
        Role::Beoordelaar,
    )
    .await
    .unwrap();
    let token = grip_app::auth::create_api_token(core, None, "beoordelaar-twee", "test")
        .await
        .unwrap();
    (supplier, token)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_assessors_scores_stay_hidden_on_every_route_until_submission() {
    let app = TestApp::new().await;
    let d = app.dossier_id.clone();
    let (supplier, second) = prepared(&app).await;
    let buyer = app.person(Role::Inkoper).token.clone();
    let first = app.person(Role::Beoordelaar).token.clone();

    let body = serde_json::json!({"supplier_id": supplier, "price_cents": 12_345_600});
    let (status, bid) = json(
        &app,
        api(
            &buyer,
            "POST",
            &format!("/api/v1/dossiers/{d}/bids"),
            Some(body.to_string()),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{bid}");
    let bid_id = bid["id"].as_str().unwrap().to_string();
    let (_, list) = json(
        &app,
        api(&buyer, "GET", &format!("/api/v1/dossiers/{d}/bids"), None),
    )
    .await;
    assert_eq!(list["items"][0]["package_version"], 1);

    let (_, assessment) = json(
        &app,
        api(
            &first,
            "GET",
            &format!("/api/v1/dossiers/{d}/assessment"),
            None,
        ),
    )
    .await;
    let criteria: Vec<String> = assessment["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["key"].as_str().unwrap().to_string())
        .collect();
    for token in [&first, &second] {
        let (status, _) = json(
            &app,
            api(
                token,
                "PUT",
                &format!("/api/v1/dossiers/{d}/assessment/declaration"),
                Some(r#"{"has_conflict": false}"#.into()),
            ),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
    }
    let secret = "GEHEIME-REDEN-VAN-BEOORDELAAR-EEN";
    for c in &criteria {
        let body = serde_json::json!({"level": 4, "reason": secret}).to_string();
        let (status, problem) = json(
            &app,
            api(
                &first,
                "PUT",
                &format!("/api/v1/dossiers/{d}/bids/{bid_id}/scores/{c}"),
                Some(body),
            ),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{problem}");
    }
    let (status, _) = json(
        &app,
        api(
            &first,
            "POST",
            &format!("/api/v1/dossiers/{d}/bids/{bid_id}/submission"),
            None,
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    // The second assessor, not yet submitted: nothing of the first shows anywhere.
    for path in [
        format!("/api/v1/dossiers/{d}/assessment"),
        format!("/api/v1/dossiers/{d}/bids"),
        format!("/api/v1/dossiers/{d}/bids/{bid_id}"),
        format!("/api/v1/dossiers/{d}/bid-checks"),
        format!("/api/v1/audit-events?dossier_id={d}"),
        format!("/api/v1/dossiers/{d}/decisions"),
    ] {
        let response = app.send(api(&second, "GET", &path, None)).await;
        let text = body_text(response).await;
        assert!(!text.contains(secret), "{path} leaks a score: {text}");
        assert!(!text.contains("submitted_count"), "{path} leaks the count");
        assert!(
            !text.contains("assessment.score"),
            "{path} leaks that someone scored"
        );
    }
    let (_, view) = json(
        &app,
        api(
            &second,
            "GET",
            &format!("/api/v1/dossiers/{d}/assessment"),
            None,
        ),
    )
    .await;
    assert_eq!(view["bids"][0]["visibility"], "own_only");
    assert!(view["bids"][0].get("submitted").is_none());
    assert!(view["alpha"].is_null() && view["flagged"].as_array().unwrap().is_empty());
    // Nor in the overview workbook or the HTML pages.
    let person = grip_app::auth::sign_in(&app.db.app, "beoordelaar-twee", "test-password")
        .await
        .unwrap();
    for path in [
        format!("/dossiers/{d}/assessment"),
        format!("/dossiers/{d}/bids/overview.xlsx"),
        format!("/dossiers/{d}"),
    ] {
        let response = app
            .send(
                with_session(Request::get(&path), &person.session_secret)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let bytes = body_text(response).await;
        assert!(!bytes.contains(secret), "{path} leaks a score");
    }

    // After submitting, the second assessor sees the team's scores.
    for c in &criteria {
        let body = serde_json::json!({"level": 1, "reason": "Te algemeen."}).to_string();
        json(
            &app,
            api(
                &second,
                "PUT",
                &format!("/api/v1/dossiers/{d}/bids/{bid_id}/scores/{c}"),
                Some(body),
            ),
        )
        .await;
    }
    json(
        &app,
        api(
            &second,
            "POST",
            &format!("/api/v1/dossiers/{d}/bids/{bid_id}/submission"),
            None,
        ),
    )
    .await;
    let (_, view) = json(
        &app,
        api(
            &second,
            "GET",
            &format!("/api/v1/dossiers/{d}/assessment"),
            None,
        ),
    )
    .await;
    assert_eq!(view["bids"][0]["submitted_count"], 2);
    assert!(view.to_string().contains(secret));
    assert!(
        !view["flagged"].as_array().unwrap().is_empty(),
        "4 against 1 is flagged"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_offs_are_refused_with_reasons_and_the_sealed_record_downloads() {
    let app = TestApp::new().await;
    let d = app.dossier_id.clone();
    prepared(&app).await;
    let buyer = app.person(Role::Inkoper).token.clone();
    let weighing: Vec<serde_json::Value> = grip_app::award::decisions::interest_ids()
        .unwrap()
        .iter()
        .map(|i| serde_json::json!({"interest": i, "weighing": "neutral"}))
        .collect();
    let body = serde_json::json!({"gate": "beoordeling_gunning", "outcome": "go", "motivation": "Beste verhouding.", "weighing": weighing});
    let (status, record) = json(
        &app,
        api(
            &buyer,
            "POST",
            &format!("/api/v1/dossiers/{d}/decisions"),
            Some(body.to_string()),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{record}");
    let id = record["id"].as_str().unwrap().to_string();
    assert_eq!(record["sealed"], false);

    // A role the signer does not hold, a role not required: refused.
    let jurist = app.person(Role::Jurist).token.clone();
    let (status, problem) = json(
        &app,
        api(
            &jurist,
            "POST",
            &format!("/api/v1/decisions/{id}/signoffs"),
            Some(r#"{"role":"ai-expert"}"#.into()),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    let auditor = app.person(Role::Auditor).token.clone();
    let (status, _) = json(
        &app,
        api(
            &auditor,
            "POST",
            &format!("/api/v1/decisions/{id}/signoffs"),
            Some(r#"{"role":"auditor"}"#.into()),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    for role in [
        Role::Inkoper,
        Role::Jurist,
        Role::Privacy,
        Role::Security,
        Role::AiExpert,
    ] {
        let token = app.person(role).token.clone();
        let body = serde_json::json!({"role": role.id()}).to_string();
        let (status, record) = json(
            &app,
            api(
                &token,
                "POST",
                &format!("/api/v1/decisions/{id}/signoffs"),
                Some(body.clone()),
            ),
        )
        .await;
        let required = record["required_roles"]
            .as_array()
            .map(|r| r.iter().any(|x| x == role.id()))
            .unwrap_or(false);
        if status == StatusCode::OK {
            assert!(required);
        }
        // Twice: refused.
        let (again, _) = json(
            &app,
            api(
                &token,
                "POST",
                &format!("/api/v1/decisions/{id}/signoffs"),
                Some(body),
            ),
        )
        .await;
        assert_eq!(again, StatusCode::CONFLICT);
    }
    let (_, list) = json(
        &app,
        api(
            &buyer,
            "GET",
            &format!("/api/v1/dossiers/{d}/decisions"),
            None,
        ),
    )
    .await;
    let sealed = &list["items"][0];
    assert_eq!(sealed["sealed"], true, "{sealed}");
    assert!(
        sealed["content_hash"]
            .as_str()
            .unwrap()
            .starts_with("sha256:")
    );
    assert_eq!(sealed["signoffs"][0]["role"], "inkoper");
    assert_eq!(sealed["signoffs"][0]["user"], "inkoper");
    let response = app
        .send(api(
            &buyer,
            "GET",
            &format!("/api/v1/decisions/{id}?format=pdf"),
            None,
        ))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let pdf = body_text(response).await;
    assert!(pdf.starts_with("%PDF"));
    let (status, _) = json(
        &app,
        api(
            &buyer,
            "GET",
            &format!("/api/v1/decisions/{id}?format=exe"),
            None,
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_workbooks_are_refused_naming_what_is_wrong_and_nothing_is_imported() {
    let app = TestApp::new().await;
    let d = app.dossier_id.clone();
    let (supplier, _) = prepared(&app).await;
    let session = app.person(Role::Inkoper).session.clone();
    for (content, expect) in [
        (b"plain text".to_vec(), "werkmap"),
        (vec![b'x'; 11 * 1024 * 1024], "te groot"),
    ] {
        let (content_type, body) = multipart("antwoorden.xlsx", &content);
        let request = with_session(
            Request::post(format!("/dossiers/{d}/bids/workbook")),
            &session,
        )
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body))
        .unwrap();
        let response = app.send(request).await;
        assert_ne!(response.status(), StatusCode::SEE_OTHER);
        let html = body_text(response).await;
        assert!(html.contains(expect), "{html}");
    }
    let _ = supplier;
    assert!(
        grip_app::award::bids::list(&app.db.app, &app.person(Role::Inkoper).actor, &d)
            .await
            .unwrap()
            .is_empty()
    );
}
