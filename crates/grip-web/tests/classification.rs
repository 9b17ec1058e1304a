//! HTTP behaviour of the AI Act classification: the API (classify, store, history,
//! obligations) with good and bad input, and the wizard and obligation forms as a browser
//! without JavaScript uses them.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use grip_app::Role;
use grip_test_support::Fixtures;
use serde_json::{Value, json};
use support::{TestApp, body_text, with_session, with_token};

/// The shared classification fixtures these tests send; without `../shared` the test is
/// reported as skipped.
#[track_caller]
fn fixtures() -> Option<Fixtures> {
    Fixtures::open("fixtures/classify", "the whole test")
}

fn fixture(fixtures: &Fixtures, name: &str) -> Value {
    fixtures.json(name)["profile"].clone()
}

fn api(method: &str, path: &str, token: &str, body: Option<String>) -> Request<Body> {
    let builder = with_token(Request::builder().method(method).uri(path), token)
        .header(header::CONTENT_TYPE, "application/json");
    builder
        .body(body.map(Body::from).unwrap_or_else(Body::empty))
        .unwrap()
}

async fn json_of(app: &TestApp, request: Request<Body>) -> (StatusCode, Value) {
    let response = app.send(request).await;
    let status = response.status();
    let text = body_text(response).await;
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

fn form(path: &str, session: &str, body: &str) -> Request<Body> {
    with_session(Request::post(path), session)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body.to_string()))
        .unwrap()
}

async fn page(app: &TestApp, path: &str, session: &str) -> (StatusCode, String) {
    let response = app
        .send(
            with_session(Request::get(path), session)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    let status = response.status();
    (status, body_text(response).await)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_classify_api_answers_every_fixture_and_names_bad_fields() {
    let Some(fixtures) = fixtures() else { return };
    let app = TestApp::new().await;
    let token = app.person(Role::Auditor).token.clone();
    for path in fixtures.files() {
        let case = grip_test_support::read_json(&path);
        let (status, body) = json_of(
            &app,
            api(
                "POST",
                "/api/v1/classify?as_of=2026-11-23",
                &token,
                Some(case["profile"].to_string()),
            ),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{}", path.display());
        assert_eq!(
            body["verdict"],
            case["expect"]["verdict"],
            "{}",
            path.display()
        );
        assert_eq!(body["schema"], "grip.classification/1");
        assert!(body["trace"].is_array());
    }
    let bad = json!({"schema": "grip.system-profile/1", "name": "x", "deployment": {"law_enforcement": "ja"}});
    let (status, body) = json_of(
        &app,
        api("POST", "/api/v1/classify", &token, Some(bad.to_string())),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body["errors"][0]["field"], "profile.deployment.law_enforcement",
        "{body}"
    );
    let (status, body) = json_of(
        &app,
        api(
            "POST",
            "/api/v1/classify?as_of=gisteren",
            &token,
            Some(fixture(&fixtures, "website-chat").to_string()),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"][0]["field"], "as_of");
    let (status, _) = json_of(
        &app,
        api("POST", "/api/v1/classify", &token, Some("{nope".into())),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    app.db.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dossier_profile_is_stored_with_history_and_obligations_via_the_api() {
    let Some(fixtures) = fixtures() else { return };
    let app = TestApp::new().await;
    let token = app.person(Role::Jurist).token.clone();
    let d = app.dossier_id.clone();
    let body = json!({"profile": fixture(&fixtures, "suspect-profiling-tool"), "justifications": {"art6_3.profiling_natural_persons": "Offerte p. 4"}, "as_of": "2026-11-23"});
    let (status, first) = json_of(
        &app,
        api(
            "PUT",
            &format!("/api/v1/dossiers/{d}/profile"),
            &token,
            Some(body.to_string()),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{first}");
    assert_eq!(first["classification"]["verdict"], "high_risk");
    assert_eq!(first["pack"]["id"], "ai-act");
    assert_eq!(first["pack"]["content_hash"].as_str().unwrap().len(), 64);
    let body = json!({"profile": fixture(&fixtures, "unknown-autonomy")});
    let (status, second) = json_of(
        &app,
        api(
            "PUT",
            &format!("/api/v1/dossiers/{d}/profile"),
            &token,
            Some(body.to_string()),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(second["changes"]["verdict_from"], "high_risk");

    let (status, list) = json_of(
        &app,
        api(
            "GET",
            &format!("/api/v1/dossiers/{d}/classifications"),
            &token,
            None,
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (
            list["total"].as_i64(),
            list["page"].as_i64(),
            list["per_page"].as_i64()
        ),
        (Some(2), Some(1), Some(25))
    );
    assert_eq!(list["items"][0]["id"], second["id"], "newest first");

    let body = json!({"profile": fixture(&fixtures, "suspect-profiling-tool")});
    let (status, _) = json_of(
        &app,
        api(
            "PUT",
            &format!("/api/v1/dossiers/{d}/profile"),
            &token,
            Some(body.to_string()),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (_, obligations) = json_of(
        &app,
        api(
            "GET",
            &format!("/api/v1/dossiers/{d}/obligations"),
            &token,
            None,
        ),
    )
    .await;
    let first_id = obligations["items"][0]["id"].as_str().unwrap().to_string();
    let path = format!("/api/v1/dossiers/{d}/obligations/{first_id}");
    let (status, problem) = json_of(
        &app,
        api(
            "PUT",
            &path,
            &token,
            Some(r#"{"status": "not_applicable"}"#.into()),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["errors"][0]["field"], "reason");
    let (status, done) = json_of(
        &app,
        api("PUT", &path, &token, Some(r#"{"status": "done"}"#.into())),
    )
    .await;
    assert_eq!(
        (status, done["status"].as_str()),
        (StatusCode::OK, Some("done"))
    );

    let bad = json!({"profile": {"schema": "grip.system-profile/1"}});
    let (status, problem) = json_of(
        &app,
        api(
            "PUT",
            &format!("/api/v1/dossiers/{d}/profile"),
            &token,
            Some(bad.to_string()),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["errors"][0]["field"], "profile.name");
    let (status, _) = json_of(
        &app,
        api(
            "PUT",
            "/api/v1/dossiers/nope/profile",
            &token,
            Some(json!({"profile": fixture(&fixtures, "website-chat")}).to_string()),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    app.db.finish().await;
}

/// Every answer of a high-risk profiling tool, as the wizard's hidden fields carry them.
const HIGH_RISK_ANSWERS: &str = "a_ai_definition.machine_based=yes&a_ai_definition.infers_outputs=yes&a_ai_definition.autonomy=yes\
&a_ai_definition.only_human_defined_rules=no&a_gpai.is_gpai_model=no&a_exclusions.military_defence_national_security_only=no\
&a_exclusions.scientific_research_only=no&a_deployment.public_authority=yes&a_deployment.law_enforcement=yes\
&a_deployment.under_own_name_or_trademark=no&a_deployment.substantial_modification=no&a_deployment.changes_purpose_to_high_risk=no\
&a_prohibited_practices=none&a_realtime_rbi.used=no&a_annex_i.legislation=none&a_annex_iii_purposes=6e\
&a_art6_3.profiling_natural_persons=yes&a_art6_3.narrow_procedural_task=no&a_art6_3.improves_completed_human_activity=no\
&a_art6_3.detects_patterns_without_replacing_human_assessment=no&a_art6_3.preparatory_task=no\
&a_transparency.interacts_directly_with_persons=no&a_transparency.generates_synthetic_content=no\
&a_transparency.emotion_recognition_or_biometric_categorisation=no&a_transparency.deep_fake=no\
&a_transparency.public_interest_text_without_editorial_review=no&j_annex_iii_purposes=Profielen+van+verdachten";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_wizard_walks_skips_and_stores_and_the_dossier_shows_the_obligations() {
    let app = TestApp::new().await;
    let session = app.person(Role::Inkoper).session.clone();
    let d = app.dossier_id.clone();
    let (status, html) = page(&app, &format!("/dossiers/{d}"), &session).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("/dossiers/{d}/classify")) && html.contains("AI-classificatie"));
    let (status, html) = page(&app, &format!("/dossiers/{d}/classify"), &session).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains(r#"data-step="ai""#) && html.contains("Weet ik niet / vraag leverancier")
    );

    // One step forward: the answers travel on as hidden fields.
    let response = app.send(form(&format!("/dossiers/{d}/classify"), &session, "step=ai&nav=next&a_ai_definition.machine_based=yes&j_ai_definition.machine_based=Software")).await;
    let html = body_text(response).await;
    assert!(html.contains(r#"data-step="scope""#), "{html}");
    assert!(html.contains(r#"name="a_ai_definition.machine_based" value="yes""#));
    assert!(
        html.contains(r#"name="a_ai_definition.infers_outputs" value="unknown""#),
        "unanswered = unknown"
    );
    assert!(html.contains(r#"name="j_ai_definition.machine_based" value="Software""#));
    // Without Annex III purposes the derogation step is skipped.
    let response = app
        .send(form(
            &format!("/dossiers/{d}/classify"),
            &session,
            "step=purpose&nav=next&a_annex_iii_purposes=none",
        ))
        .await;
    assert!(
        body_text(response)
            .await
            .contains(r#"data-step="transparency""#)
    );

    // The last step stores the classification and shows the result.
    let body = format!("step=transparency_exception&nav=next&{HIGH_RISK_ANSWERS}");
    let response = app
        .send(form(&format!("/dossiers/{d}/classify"), &session, &body))
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let result = response
        .headers()
        .get(header::LOCATION)
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let (status, html) = page(&app, &result, &session).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"data-verdict="high_risk""#) && html.contains("Hoog risico"));
    assert!(
        html.contains("Bijlage III, punt 6(e)") && html.contains("art. 26"),
        "{html}"
    );
    // The engine's codes and English findings are put in words.
    for code in ["verdict: ", "Annex III", "= true", "= yes", "sha256:"] {
        assert!(!html.contains(code), "{code} shown on the Dutch page");
    }
    assert!(
        html.contains("Profielen van verdachten"),
        "justification shown"
    );

    // An unknown case: the missing facts are listed.
    let response = app.send(form(&format!("/dossiers/{d}/classify"), &session, "step=ai&nav=next&a_ai_definition.machine_based=yes&a_ai_definition.infers_outputs=yes&a_ai_definition.autonomy=unknown&a_ai_definition.only_human_defined_rules=no")).await;
    assert!(body_text(response).await.contains(r#"data-step="scope""#));
    let unknown = HIGH_RISK_ANSWERS
        .replace(
            "a_ai_definition.autonomy=yes",
            "a_ai_definition.autonomy=unknown",
        )
        .replace("a_annex_iii_purposes=6e", "a_annex_iii_purposes=unknown");
    let response = app
        .send(form(
            &format!("/dossiers/{d}/classify"),
            &session,
            &format!("step=transparency_exception&{unknown}"),
        ))
        .await;
    let result = response
        .headers()
        .get(header::LOCATION)
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let (_, html) = page(&app, &result, &session).await;
    assert!(html.contains(r#"data-verdict="undetermined""#), "{html}");
    assert!(
        html.contains(r#"data-testid="missing""#)
            && html.contains("Werkt het met enige zelfstandigheid")
            && !html.contains("(ai_definition.autonomy)")
    );
    assert!(html.contains("Uitkomst was"), "shows what changed");

    // The dossier page lists the obligations with a status form; not_applicable needs a reason.
    classify_high_risk(&app, &session).await;
    let (_, html) = page(&app, &format!("/dossiers/{d}"), &session).await;
    assert!(html.contains(r#"data-testid="dossier-obligations""#));
    let ob = html
        .split(r#"data-obligation=""#)
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let path = format!("/dossiers/{d}/obligations/{ob}");
    assert_eq!(
        app.send(form(&path, &session, "status=not_applicable&reason="))
            .await
            .status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        app.send(form(&path, &session, "status=in_progress&reason="))
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let auditor = app.person(Role::Auditor).session.clone();
    assert_eq!(
        app.send(form(&path, &auditor, "status=done&reason="))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let (_, html) = page(&app, &format!("/dossiers/{d}"), &auditor).await;
    assert!(
        html.contains("Bezig") && !html.contains(&format!(r#"action="{path}""#)),
        "auditor sees the status, not the form"
    );
    app.db.finish().await;
}

async fn classify_high_risk(app: &TestApp, session: &str) {
    let body = format!("step=transparency_exception&nav=next&{HIGH_RISK_ANSWERS}");
    let response = app
        .send(form(
            &format!("/dossiers/{}/classify", app.dossier_id),
            session,
            &body,
        ))
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}
