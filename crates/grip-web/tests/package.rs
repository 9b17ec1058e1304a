//! The tender package and the phase checklist over HTTP: generate from the page with scenario
//! details, reword an item (hostile text is escaped), freeze, download; the same through the
//! API with problem objects for bad input; the checklist card and the phase gate.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use grip_app::Role;
use support::{TestApp, body_text, with_session, with_token};

fn form(app: &TestApp, role: Role, path: &str, body: &str) -> Request<Body> {
    with_session(Request::post(path), &app.person(role).session)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body.to_string()))
        .unwrap()
}

fn page(app: &TestApp, role: Role, path: &str) -> Request<Body> {
    with_session(Request::get(path), &app.person(role).session)
        .body(Body::empty())
        .unwrap()
}

fn api(app: &TestApp, method: &str, path: &str, body: Option<&str>) -> Request<Body> {
    let builder = with_token(
        Request::builder().method(method).uri(path),
        &app.person(Role::Inkoper).token,
    );
    match body {
        Some(json) => builder
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(json.to_string()))
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_package_page_generates_edits_freezes_and_downloads() {
    let app = TestApp::new().await;
    let d = app.dossier_id.clone();
    let base = format!("/dossiers/{d}/package");
    let html = body_text(app.send(page(&app, Role::Inkoper, &base)).await).await;
    assert!(
        html.contains("data-testid=\"generate\""),
        "a member may generate"
    );

    let response = app
        .send(form(
            &app,
            Role::Inkoper,
            &base,
            "slot_place=op+de+Coolsingel&slot_time=00%3A30",
        ))
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let html = body_text(app.send(page(&app, Role::Inkoper, &base)).await).await;
    assert!(html.contains("Waarom:"), "reasons are shown");
    assert!(html.contains("d-ai-present"));

    // Reword with hostile text: stored as typed, shown escaped.
    let hostile = "Bevat+het+product+%3Cscript%3Ealert(1)%3C%2Fscript%3E+AI%3F";
    let response = app
        .send(form(
            &app,
            Role::Jurist,
            &format!("{base}/items"),
            &format!("op=save&key=d-ai-present&text_nl={hostile}"),
        ))
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let html = body_text(app.send(page(&app, Role::Inkoper, &base)).await).await;
    assert!(
        html.contains("&#60;script&#62;alert(1)"),
        "the text is escaped"
    );
    assert!(!html.contains("<script>alert(1)"));
    assert!(
        html.contains("data-testid=\"changed\""),
        "the reworded item is marked"
    );

    // An empty text is refused on the page and changes nothing.
    let response = app
        .send(form(
            &app,
            Role::Jurist,
            &format!("{base}/items"),
            "op=save&key=d-ai-present&text_nl=+",
        ))
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body_text(response).await;
    assert!(html.contains("data-testid=\"package-error\""));
    let (_, stored) = json(
        &app,
        api(&app, "GET", &format!("/api/v1/dossiers/{d}/package"), None),
    )
    .await;
    let first = &stored["package"]["sections"][0]["items"];
    assert!(
        first
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["text"]["nl"].as_str().unwrap().contains("<script>"))
    );

    // The jurist may not freeze; the buyer may.
    let response = app
        .send(form(
            &app,
            Role::Jurist,
            &format!("{base}/freeze"),
            "expected_version=1",
        ))
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = app
        .send(form(
            &app,
            Role::Inkoper,
            &format!("{base}/freeze"),
            "expected_version=1",
        ))
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let html = body_text(app.send(page(&app, Role::Inkoper, &base)).await).await;
    assert!(html.contains("bevroren"));
    assert!(
        !html.contains("data-testid=\"save-item\""),
        "a frozen version has no edit forms"
    );

    let response = app
        .send(page(
            &app,
            Role::Auditor,
            &format!("{base}/export?format=md&lang=en"),
        ))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let disposition = response.headers()[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .to_string();
    assert!(disposition.contains("pakket-v1"), "{disposition}");
    let md = body_text(response).await;
    assert!(md.contains("Disclosure questions"));
    let response = app
        .send(page(
            &app,
            Role::Inkoper,
            &format!("{base}/export?format=exe"),
        ))
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_package_api_edits_with_problem_objects_for_bad_input() {
    let app = TestApp::new().await;
    let d = app.dossier_id.clone();
    let base = format!("/api/v1/dossiers/{d}/package");
    let (status, body) = json(&app, api(&app, "GET", &base, None)).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");

    let (status, body) = json(
        &app,
        api(
            &app,
            "POST",
            &base,
            Some(r#"{"slots": {"place": "op het Malieveld"}}"#),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["version"], 1);
    assert_eq!(body["state"], "draft");
    assert_eq!(body["slots"]["place"], "op het Malieveld");

    let (status, body) = json(
        &app,
        api(
            &app,
            "POST",
            &base,
            Some(r#"{"slots": {"weather": "regen"}}"#),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"][0]["field"], "slots.weather");

    let item = format!("{base}/items/d-components");
    let (status, body) = json(
        &app,
        api(
            &app,
            "PATCH",
            &item,
            Some(r#"{"use": "knock_out", "text_en": "Which components use AI, precisely?"}"#),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let edited = body["package"]["sections"][0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["key"] == "d-components")
        .unwrap()
        .clone();
    assert_eq!(edited["use"], "knock_out");
    assert!(edited["original"]["en"].as_str().unwrap() != "Which components use AI, precisely?");

    for bad in [
        r#"{"use": "maybe"}"#,
        r#"{"weight": 250}"#,
        r#"{"colour": "red"}"#,
        "{not json",
    ] {
        let (status, body) = json(&app, api(&app, "PATCH", &item, Some(bad))).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {body}");
        assert_eq!(body["status"], 422);
    }
    let (status, _) = json(
        &app,
        api(&app, "PATCH", &format!("{base}/items/nope"), Some("{}")),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = json(
        &app,
        api(
            &app,
            "POST",
            &format!("{base}/items/d-components/move"),
            Some(r#"{"direction": "sideways"}"#),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, body) = json(
        &app,
        api(
            &app,
            "POST",
            &format!("{base}/items"),
            Some(r#"{"section": "award", "text_nl": "Kwaliteit van de uitleg", "use": "award"}"#),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");

    let (status, body) = json(
        &app,
        api(
            &app,
            "POST",
            &format!("{base}/freeze"),
            Some(r#"{"expected_version": 1}"#),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["state"], "frozen");
    assert_eq!(body["content_hash"].as_str().unwrap().len(), 64);
    let (status, body) = json(&app, api(&app, "DELETE", &item, None)).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");

    let response = app
        .send(api(&app, "GET", &format!("{base}?format=md&lang=nl"), None))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/markdown")
    );
    let (status, body) = json(&app, api(&app, "GET", &format!("{base}?format=txt"), None)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"][0]["field"], "format");

    let (status, body) = json(&app, api(&app, "POST", &format!("{base}/revise"), None)).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["version"], 2);
    let (_, v1) = json(&app, api(&app, "GET", &format!("{base}?version=1"), None)).await;
    assert_eq!(v1["state"], "frozen");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_checklist_card_shows_own_items_and_holds_the_gate() {
    let app = TestApp::new().await;
    let d = app.dossier_id.clone();
    let html = body_text(
        app.send(page(&app, Role::Privacy, &format!("/dossiers/{d}")))
            .await,
    )
    .await;
    assert!(html.contains("data-item=\"bh-privacy\""), "own item shown");
    assert!(html.contains("data-testid=\"gate-open\""));
    assert_eq!(
        html.matches("data-testid=\"waive\"").count(),
        1,
        "privacy may waive its own item only, not the other roles' items"
    );

    let response = app
        .send(form(
            &app,
            Role::Inkoper,
            &format!("/dossiers/{d}/phase"),
            "expected_phase=behoeftestelling",
        ))
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let refusal = body_text(response).await;
    let alert = refusal
        .split("role=\"alert\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap_or_default();
    assert!(alert.contains("Privacy-adviseur (privacy)"), "{refusal}");
    assert!(
        !alert.contains("bh-"),
        "no internal ids in the refusal: {alert}"
    );

    let response = app
        .send(form(
            &app,
            Role::Inkoper,
            &format!("/dossiers/{d}/checklist"),
            "item=bh-privacy&status=waived&reason=",
        ))
        .await;
    assert_eq!(
        response.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a waiver needs a reason"
    );

    let (status, list) = json(
        &app,
        api(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{d}/checklist"),
            None,
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let open: Vec<String> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["check"]["mandatory"] == true && i["status"] == "open")
        .map(|i| i["check"]["id"].as_str().unwrap().to_string())
        .collect();
    assert!(!open.is_empty());
    for id in &open {
        let body =
            r#"{"status": "waived", "reason": "Nog niet van toepassing op deze verwerving"}"#;
        let (status, body) = json(
            &app,
            api(
                &app,
                "PUT",
                &format!("/api/v1/dossiers/{d}/checklist/{id}"),
                Some(body),
            ),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    // The buyer holds only the buyer's role: the other items were proposed, and hold the
    // gate until a second person confirms them.
    let (_, list) = json(
        &app,
        api(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{d}/checklist"),
            None,
        ),
    )
    .await;
    let proposed: Vec<String> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["status"] == "waiver_proposed")
        .map(|i| i["check"]["id"].as_str().unwrap().to_string())
        .collect();
    assert!(!proposed.is_empty());
    let response = app
        .send(form(
            &app,
            Role::Inkoper,
            &format!("/dossiers/{d}/phase"),
            "expected_phase=behoeftestelling",
        ))
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    for id in &proposed {
        let request = with_token(
            Request::builder()
                .method("PUT")
                .uri(format!("/api/v1/dossiers/{d}/checklist/{id}")),
            &app.person(Role::Beheerder).token,
        )
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(r#"{"status": "waived"}"#))
        .unwrap();
        let (status, body) = json(&app, request).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let item = body["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["check"]["id"] == id.as_str())
            .unwrap();
        assert_eq!(item["status"], "waived");
        assert_eq!(item["proposed_by"], "inkoper");
        assert_eq!(item["set_by"], "beheerder");
    }
    let response = app
        .send(form(
            &app,
            Role::Inkoper,
            &format!("/dossiers/{d}/phase"),
            "expected_phase=behoeftestelling",
        ))
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}
