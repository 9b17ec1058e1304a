//! HTTP behaviour: CSRF, security headers, sign-in, API shapes and problems, bad input.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use grip_app::Role;
use support::{TestApp, body_text, multipart, with_session, with_token};

fn form(path: &str, session: &str, body: &str) -> axum::http::request::Builder {
    with_session(Request::post(path), session)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("x-test-body", body)
}

fn with_body(builder: axum::http::request::Builder) -> Request<Body> {
    let body = builder
        .headers_ref()
        .and_then(|h| h.get("x-test-body"))
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    builder.body(Body::from(body)).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cross_site_posts_are_refused_and_same_site_posts_pass() {
    let app = TestApp::new().await;
    let session = app.person(Role::Inkoper).session.clone();
    let cross = form("/dossiers", &session, "title=Van+buiten")
        .header("sec-fetch-site", "cross-site")
        .header(header::ORIGIN, "http://evil.example");
    assert_eq!(
        app.send(with_body(cross)).await.status(),
        StatusCode::FORBIDDEN
    );
    let foreign_origin = form("/dossiers", &session, "title=Van+buiten")
        .header(header::ORIGIN, "http://evil.example")
        .header(header::HOST, "grip.local");
    assert_eq!(
        app.send(with_body(foreign_origin)).await.status(),
        StatusCode::FORBIDDEN
    );
    let same = form("/dossiers", &session, "title=Van+binnen")
        .header("sec-fetch-site", "same-origin")
        .header(header::ORIGIN, "http://grip.local");
    let response = app.send(with_body(same)).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let list = app
        .send(
            with_session(Request::get("/dossiers?q=buiten"), &session)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert!(
        body_text(list).await.contains(r#"data-testid="total">0<"#),
        "the refused post created nothing"
    );
    app.db.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_response_carries_a_strict_content_security_policy() {
    let app = TestApp::new().await;
    for path in [
        "/login",
        "/assets/grip.css",
        "/api/v1/dossiers",
        "/no-such-page",
    ] {
        let response = app
            .send(Request::get(path).body(Body::empty()).unwrap())
            .await;
        let csp = response
            .headers()
            .get(header::CONTENT_SECURITY_POLICY)
            .unwrap()
            .to_str()
            .unwrap();
        assert!(
            csp.contains("default-src 'none'") && csp.contains("script-src 'self'"),
            "{path}: {csp}"
        );
        assert!(!csp.contains("http"), "no external origin: {csp}");
        assert_eq!(
            response
                .headers()
                .get(header::X_CONTENT_TYPE_OPTIONS)
                .unwrap(),
            "nosniff"
        );
    }
    let html = body_text(
        app.send(Request::get("/login").body(Body::empty()).unwrap())
            .await,
    )
    .await;
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "pages load nothing from elsewhere"
    );
    app.db.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_sets_a_session_and_wrong_passwords_do_not() {
    let app = TestApp::new().await;
    let ok = Request::post("/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(
            "username=jurist&password=test-password&next=%2Fdossiers",
        ))
        .unwrap();
    let response = app.send(ok).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        response.headers().get(header::LOCATION).unwrap(),
        "/dossiers"
    );
    let cookie = response
        .headers()
        .get(header::SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let bad = Request::post("/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(
            "username=jurist&password=fout&next=https%3A%2F%2Fevil.example",
        ))
        .unwrap();
    let response = app.send(bad).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(response.headers().get(header::SET_COOKIE).is_none());
    let html = body_text(response).await;
    assert!(html.contains("Onbekende gebruikersnaam of onjuist wachtwoord"));
    assert!(
        html.contains(r#"name="next" value="/""#),
        "an outside redirect target is dropped"
    );
    app.db.finish().await;
}

/// Issue 25, defect 6: wrong passwords were unlimited and unaudited. After the free attempts
/// the account must wait (429 with Retry-After), even with the right password, and every
/// refusal is on the audit trail.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn repeated_wrong_passwords_make_the_account_wait_and_are_audited() {
    let app = TestApp::new().await;
    let attempt = |password: &str| {
        Request::post("/login")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(format!(
                "username=jurist&password={password}&next=%2F"
            )))
            .unwrap()
    };
    for _ in 0..5 {
        let response = app.send(attempt("fout")).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert!(response.headers().get(header::RETRY_AFTER).is_none());
    }
    for password in ["fout", "test-password"] {
        let response = app.send(attempt(password)).await;
        assert_eq!(
            response.status(),
            StatusCode::TOO_MANY_REQUESTS,
            "{password}"
        );
        let wait: u64 = response.headers()[header::RETRY_AFTER]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=30).contains(&wait), "{wait}");
        assert!(response.headers().get(header::SET_COOKIE).is_none());
        let html = body_text(response).await;
        assert!(html.contains("Te veel mislukte pogingen"), "{html}");
    }
    // Another account is not held up by this one.
    let other = Request::post("/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(
            "username=inkoper&password=test-password&next=%2F",
        ))
        .unwrap();
    assert_eq!(app.send(other).await.status(), StatusCode::SEE_OTHER);
    let auditor = app.person(Role::Auditor).actor.clone();
    let trail = grip_app::audit::list(
        &app.db.app,
        &auditor,
        None,
        grip_app::Paging::new(Some(1), Some(200)),
    )
    .await
    .unwrap();
    let refused = trail
        .items
        .iter()
        .filter(|e| e.kind == "auth.sign_in_failed")
        .count();
    assert_eq!(
        refused, 5,
        "each checked password that failed is audited, the held ones not"
    );
    app.db.finish().await;
}

/// Issue 25, defect 5: a tab or a line break in `back=` or `next=` made an outside redirect
/// (browsers drop the tab, leaving `//evil.example`) or a server error (CRLF in a header).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redirect_targets_with_control_characters_go_home() {
    let app = TestApp::new().await;
    for back in [
        "/%09/evil.example",
        "/%0d%0a/evil.example",
        "/%0A%2Fevil.example",
    ] {
        let response = app
            .send(
                Request::get(format!("/lang/en?back={back}"))
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{back}");
        assert_eq!(response.headers()[header::LOCATION], "/", "{back}");
    }
    for next in [
        "%2F%09%2Fevil.example",
        "%2Fdossiers%0D%0ASet-Cookie%3A+x%3D1",
    ] {
        let response = app
            .send(
                Request::post("/login")
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .body(Body::from(format!(
                        "username=jurist&password=test-password&next={next}"
                    )))
                    .unwrap(),
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{next}");
        assert_eq!(response.headers()[header::LOCATION], "/", "{next}");
    }
    app.db.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_interface_switches_to_english() {
    let app = TestApp::new().await;
    let session = app.person(Role::Inkoper).session.clone();
    let response = app
        .send(
            Request::get("/lang/en?back=%2Fdossiers")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert!(
        response
            .headers()
            .get(header::SET_COOKIE)
            .unwrap()
            .to_str()
            .unwrap()
            .contains("grip_lang=en")
    );
    let nl = body_text(
        app.send(
            with_session(Request::get("/dossiers"), &session)
                .body(Body::empty())
                .unwrap(),
        )
        .await,
    )
    .await;
    assert!(nl.contains("Nieuw dossier"));
    let en = Request::get("/dossiers")
        .header(
            header::COOKIE,
            format!("grip_session={session}; grip_lang=en"),
        )
        .body(Body::empty())
        .unwrap();
    let en = body_text(app.send(en).await).await;
    assert!(en.contains("New dossier") && en.contains(r#"<html lang="en">"#));
    app.db.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_lists_page_and_errors_are_problem_objects() {
    let app = TestApp::new().await;
    let token = app.person(Role::Inkoper).token.clone();
    let response = app
        .send(
            Request::get("/api/v1/dossiers")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        response.headers().get(header::CONTENT_TYPE).unwrap(),
        "application/problem+json"
    );
    let problem: serde_json::Value = serde_json::from_str(&body_text(response).await).unwrap();
    assert_eq!(problem["code"], "unauthenticated");
    assert_eq!(problem["status"], 401);
    let bad_token = app
        .send(
            with_token(Request::get("/api/v1/dossiers"), "grip_wrong")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(bad_token.status(), StatusCode::UNAUTHORIZED);

    let list = app
        .send(
            with_token(Request::get("/api/v1/dossiers?per_page=1&page=1"), &token)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(list.status(), StatusCode::OK);
    let list: serde_json::Value = serde_json::from_str(&body_text(list).await).unwrap();
    assert_eq!(
        (
            list["total"].as_i64(),
            list["page"].as_i64(),
            list["per_page"].as_i64()
        ),
        (Some(1), Some(1), Some(1))
    );
    assert_eq!(list["items"][0]["title"], "Bodycams 2027");

    for query in ["per_page=0", "per_page=500", "page=abc"] {
        let response = app
            .send(
                with_token(Request::get(format!("/api/v1/dossiers?{query}")), &token)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{query}"
        );
    }
    let missing = app
        .send(
            with_token(Request::get("/api/v1/dossiers/nope"), &token)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let problem: serde_json::Value = serde_json::from_str(&body_text(missing).await).unwrap();
    assert_eq!(problem["code"], "not_found");
    app.db.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_creates_updates_and_moves_dossiers() {
    let app = TestApp::new().await;
    let token = app.person(Role::Inkoper).token.clone();
    let json = |method: &str, path: &str, body: &str| {
        with_token(Request::builder().method(method).uri(path), &token)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap()
    };
    let created = app
        .send(json(
            "POST",
            "/api/v1/dossiers",
            r#"{"title": "Tolkdiensten 2028", "classification_label": "Politie Vertrouwelijk"}"#,
        ))
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let created: serde_json::Value = serde_json::from_str(&body_text(created).await).unwrap();
    let id = created["id"].as_str().unwrap().to_string();
    assert_eq!(created["phase"], "behoeftestelling");

    let invalid = app
        .send(json(
            "POST",
            "/api/v1/dossiers",
            r#"{"title": "", "classification_label": "Geheim"}"#,
        ))
        .await;
    assert_eq!(invalid.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: serde_json::Value = serde_json::from_str(&body_text(invalid).await).unwrap();
    assert_eq!(problem["code"], "invalid_input");
    assert_eq!(problem["errors"].as_array().unwrap().len(), 2);
    for body in [
        "{not json",
        r#"{"title": "x", "onbekend": 1}"#,
        r#"{"title": 5}"#,
    ] {
        let status = app
            .send(json("POST", "/api/v1/dossiers", body))
            .await
            .status();
        assert!(
            status == StatusCode::BAD_REQUEST || status == StatusCode::UNPROCESSABLE_ENTITY,
            "{body}: {status}"
        );
    }
    let wrong_type = with_token(Request::post("/api/v1/dossiers"), &token)
        .header(header::CONTENT_TYPE, "text/plain")
        .body(Body::from("x"))
        .unwrap();
    assert_eq!(
        app.send(wrong_type).await.status(),
        StatusCode::UNSUPPORTED_MEDIA_TYPE
    );

    let updated = app
        .send(json(
            "PUT",
            &format!("/api/v1/dossiers/{id}"),
            r#"{"title": "Tolk- en vertaaldiensten 2028", "estimated_value_eur": 4200000}"#,
        ))
        .await;
    assert_eq!(updated.status(), StatusCode::OK);
    let held = app
        .send(json(
            "POST",
            &format!("/api/v1/dossiers/{id}/phase"),
            r#"{"expected_phase": "behoeftestelling"}"#,
        ))
        .await;
    assert_eq!(
        held.status(),
        StatusCode::CONFLICT,
        "open checklist items hold the gate"
    );
    let buyer = app.person(Role::Inkoper).actor.clone();
    grip_app::testing::clear_phase_gate(&app.db.app, &buyer, &id).await;
    let moved = app
        .send(json(
            "POST",
            &format!("/api/v1/dossiers/{id}/phase"),
            r#"{"expected_phase": "behoeftestelling"}"#,
        ))
        .await;
    let moved: serde_json::Value = serde_json::from_str(&body_text(moved).await).unwrap();
    assert_eq!(moved["phase"], "marktverkenning");
    assert_eq!(moved["estimated_value_eur"], 4200000);
    let stale = app
        .send(json(
            "POST",
            &format!("/api/v1/dossiers/{id}/phase"),
            r#"{"expected_phase": "behoeftestelling"}"#,
        ))
        .await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);

    let events = app
        .send(
            with_token(
                Request::get(format!("/api/v1/audit-events?dossier_id={id}")),
                &token,
            )
            .body(Body::empty())
            .unwrap(),
        )
        .await;
    let events: serde_json::Value = serde_json::from_str(&body_text(events).await).unwrap();
    let kinds: Vec<&str> = events["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .filter(|k| *k != "checklist.status_set" && *k != "dossier.member_added")
        .collect();
    assert_eq!(
        kinds,
        ["dossier.phase_moved", "dossier.updated", "dossier.created"]
    );
    app.db.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn uploads_are_limited_and_bad_files_change_nothing() {
    let app = TestApp::new().await;
    let person = app.person(Role::Inkoper);
    let upload = |name: &str, content: &[u8], api: bool| {
        let (content_type, body) = multipart(name, content);
        let path = if api {
            format!("/api/v1/dossiers/{}/documents", app.dossier_id)
        } else {
            format!("/dossiers/{}/documents", app.dossier_id)
        };
        let builder = if api {
            with_token(Request::post(path), &person.token)
        } else {
            with_session(Request::post(path), &person.session)
        };
        builder
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
            .unwrap()
    };
    let ok = app
        .send(upload(
            "antwoord.md",
            b"# Antwoord\nWij gebruiken geen AI.",
            true,
        ))
        .await;
    assert_eq!(ok.status(), StatusCode::CREATED);
    let doc: serde_json::Value = serde_json::from_str(&body_text(ok).await).unwrap();
    assert_eq!(doc["media_type"], "text/markdown");

    let garbage = app
        .send(upload("offerte.pdf", b"\x00\x01\x02\x03binary", true))
        .await;
    assert_eq!(garbage.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let page = app
        .send(upload("offerte.pdf", b"\x00\x01\x02\x03binary", false))
        .await;
    assert_eq!(page.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(body_text(page).await.contains("wordt niet ondersteund"));
    let empty = app.send(upload("leeg.txt", b"", false)).await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let big = vec![b'a'; grip_app::Limits::default().max_document_bytes + 10];
    let too_big = app.send(upload("groot.txt", &big, false)).await;
    assert_eq!(too_big.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(body_text(too_big).await.contains("te groot"));
    let no_file = with_token(
        Request::post(format!("/api/v1/dossiers/{}/documents", app.dossier_id)),
        &person.token,
    )
    .header(header::CONTENT_TYPE, "multipart/form-data; boundary=x")
    .body(Body::from("--x--\r\n"))
    .unwrap();
    assert_eq!(
        app.send(no_file).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );

    let list = app
        .send(
            with_token(
                Request::get(format!("/api/v1/dossiers/{}/documents", app.dossier_id)),
                &person.token,
            )
            .body(Body::empty())
            .unwrap(),
        )
        .await;
    let list: serde_json::Value = serde_json::from_str(&body_text(list).await).unwrap();
    assert_eq!(
        list.as_array().unwrap().len(),
        2,
        "only the two good documents are stored"
    );
    let content = app
        .send(
            with_token(
                Request::get(format!(
                    "/api/v1/documents/{}/content",
                    doc["id"].as_str().unwrap()
                )),
                &person.token,
            )
            .body(Body::empty())
            .unwrap(),
        )
        .await;
    assert!(
        content
            .headers()
            .get(header::CONTENT_DISPOSITION)
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    assert_eq!(
        body_text(content).await,
        "# Antwoord\nWij gebruiken geen AI."
    );
    app.db.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_text_is_escaped_in_pages() {
    let app = TestApp::new().await;
    let person = app.person(Role::Inkoper);
    let post = with_session(Request::post("/dossiers"), &person.session)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("title=%3Cscript%3Ealert(1)%3C%2Fscript%3E"))
        .unwrap();
    let response = app.send(post).await;
    let location = response
        .headers()
        .get(header::LOCATION)
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let html = body_text(
        app.send(
            with_session(Request::get(location), &person.session)
                .body(Body::empty())
                .unwrap(),
        )
        .await,
    )
    .await;
    assert!(!html.contains("<script>alert(1)"));
    assert!(
        html.contains("alert(1)") && (html.contains("&lt;script") || html.contains("&#60;script")),
        "the title is shown, escaped"
    );
    app.db.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_openapi_document_describes_every_api_route() {
    let app = TestApp::new().await;
    let response = app
        .send(
            Request::get("/api/v1/openapi.json")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    let doc: serde_json::Value = serde_json::from_str(&body_text(response).await).unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    for path in [
        "/api/v1/dossiers",
        "/api/v1/dossiers/{id}",
        "/api/v1/dossiers/{id}/phase",
        "/api/v1/dossiers/{id}/documents",
        "/api/v1/documents/{id}/content",
        "/api/v1/categories",
        "/api/v1/suppliers",
        "/api/v1/inventory",
        "/api/v1/audit-events",
        "/api/v1/dossiers/{id}/package",
        "/api/v1/dossiers/{id}/checklist",
        "/api/v1/dossiers/{id}/screening-jobs",
        "/api/v1/dossiers/{id}/screening-jobs/{job_id}",
        "/api/v1/dossiers/{id}/screening-jobs/{job_id}/cancel",
    ] {
        assert!(
            paths.contains_key(path),
            "{path} missing from the OpenAPI document"
        );
    }
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
    app.db.finish().await;
}
