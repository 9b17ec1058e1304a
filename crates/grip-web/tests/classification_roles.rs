//! Issue 26 over HTTP: the classify API and the wizard for a high-risk system with Art. 50
//! duties on top, an open-source system and an imported system.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use grip_app::Role;
use serde_json::{Value, json};
use support::{TestApp, body_text, with_session, with_token};

fn high_risk() -> Value {
    json!({
        "schema": "grip.system-profile/1",
        "name": "Profileringstool",
        "ai_definition": {"machine_based": true, "autonomy": true, "infers_outputs": true, "only_human_defined_rules": false},
        "exclusions": {"military_defence_national_security_only": false, "scientific_research_only": false},
        "gpai": {"is_gpai_model": false},
        "prohibited_practices": [],
        "realtime_rbi": {"used": false},
        "annex_i": {"legislation": "none"},
        "annex_iii_purposes": ["6e"],
        "art6_3": {"profiling_natural_persons": true},
        "transparency": {"interacts_directly_with_persons": false, "generates_synthetic_content": false,
                         "emotion_recognition_or_biometric_categorisation": false, "deep_fake": false,
                         "public_interest_text_without_editorial_review": false, "law_enforcement_exception": false},
        "deployment": {"public_authority": true, "law_enforcement": true, "under_own_name_or_trademark": false,
                       "substantial_modification": false, "changes_purpose_to_high_risk": false,
                       "imports_from_outside_union": false, "distributes": false}
    })
}

async fn classify(app: &TestApp, token: &str, profile: &Value) -> Value {
    let request = with_token(Request::post("/api/v1/classify?as_of=2026-11-23"), token)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(profile.to_string()))
        .unwrap();
    let response = app.send(request).await;
    assert_eq!(response.status(), StatusCode::OK);
    serde_json::from_str(&body_text(response).await).unwrap()
}

fn form(path: &str, session: &str, body: &str) -> Request<Body> {
    with_session(Request::post(path), session)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body.to_string()))
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_reports_cumulative_duties_open_source_and_other_roles() {
    let app = TestApp::new().await;
    let token = app.person(Role::Jurist).token.clone();

    let mut chatbot = high_risk();
    chatbot["transparency"]["interacts_directly_with_persons"] = json!(true);
    chatbot["deployment"]["under_own_name_or_trademark"] = json!(true);
    let result = classify(&app, &token, &chatbot).await;
    assert_eq!(result["verdict"], "high_risk");
    assert_eq!(result["transparency_obligations"], json!(["50(1)"]));
    let basis = result["basis"].to_string();
    assert!(basis.contains("Art. 50(6)"), "{basis}");
    assert!(
        result["trace"]
            .to_string()
            .contains("transparency-cumulation"),
        "the trace states the cumulation"
    );

    let mut open = high_risk();
    open["annex_iii_purposes"] = json!([]);
    open["open_source"] = json!({"free_open_source_licence": true, "monetised": false});
    let result = classify(&app, &token, &open).await;
    assert_eq!(result["verdict"], "out_of_scope");
    assert_eq!(result["basis"], json!(["Art. 2(12)"]));

    let mut imported = high_risk();
    imported["deployment"]["imports_from_outside_union"] = json!(true);
    let result = classify(&app, &token, &imported).await;
    assert_eq!(result["other_roles"], json!(["importer"]));
    let duties = result["obligations"].as_array().unwrap();
    assert!(
        duties
            .iter()
            .any(|o| o["article"] == "Art. 23(1)" && o["held_as"] == "importer"),
        "{duties:?}"
    );
    app.db.finish().await;
}

/// Every answer of an imported high-risk system, as the wizard's hidden fields carry them.
const IMPORTED: &str = "a_ai_definition.machine_based=yes&a_ai_definition.infers_outputs=yes&a_ai_definition.autonomy=yes\
&a_ai_definition.only_human_defined_rules=no&a_gpai.is_gpai_model=no&a_exclusions.military_defence_national_security_only=no\
&a_exclusions.scientific_research_only=no&a_open_source.free_open_source_licence=no&a_deployment.public_authority=yes\
&a_deployment.law_enforcement=yes&a_deployment.under_own_name_or_trademark=no&a_deployment.substantial_modification=no\
&a_deployment.changes_purpose_to_high_risk=no&a_wizard.supplier_outside_union=yes&a_deployment.distributes=no\
&a_deployment.imports_from_outside_union=yes&a_prohibited_practices=none&a_realtime_rbi.used=no&a_annex_i.legislation=none\
&a_annex_iii_purposes=6e&a_art6_3.profiling_natural_persons=yes&a_art6_3.narrow_procedural_task=no\
&a_art6_3.improves_completed_human_activity=no&a_art6_3.detects_patterns_without_replacing_human_assessment=no\
&a_art6_3.preparatory_task=no&a_transparency.interacts_directly_with_persons=no&a_transparency.generates_synthetic_content=no\
&a_transparency.emotion_recognition_or_biometric_categorisation=no&a_transparency.deep_fake=no\
&a_transparency.public_interest_text_without_editorial_review=no";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_wizard_asks_about_importing_only_for_a_supplier_abroad() {
    let app = TestApp::new().await;
    let session = app.person(Role::Inkoper).session.clone();
    let path = format!("/dossiers/{}/classify", app.dossier_id);
    let next = |body: &str| form(&path, &session, body);

    let html = body_text(
        app.send(next(
            "step=supply&nav=next&a_wizard.supplier_outside_union=no",
        ))
        .await,
    )
    .await;
    assert!(
        html.contains(r#"data-step="prohibited""#),
        "no import question: {html}"
    );
    let html = body_text(
        app.send(next(
            "step=supply&nav=next&a_wizard.supplier_outside_union=yes",
        ))
        .await,
    )
    .await;
    assert!(html.contains(r#"data-step="import""#), "{html}");
    assert!(html.contains("Brengt de politie het systeem zelf de EU binnen"));
    let html = body_text(
        app.send(next(
            "step=scope&nav=next&a_open_source.free_open_source_licence=yes",
        ))
        .await,
    )
    .await;
    assert!(html.contains(r#"data-step="open_source""#), "{html}");
    let html = body_text(
        app.send(next(
            "step=open_source&nav=next&a_open_source.free_open_source_licence=yes",
        ))
        .await,
    )
    .await;
    assert!(html.contains(r#"data-step="open_source_price""#), "{html}");

    let response = app
        .send(next(&format!(
            "step=transparency_exception&nav=next&{IMPORTED}"
        )))
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let result = response.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_string();
    let page = with_session(Request::get(&result), &session)
        .body(Body::empty())
        .unwrap();
    let html = body_text(app.send(page).await).await;
    assert!(html.contains(r#"data-verdict="high_risk""#), "{html}");
    assert!(
        html.contains(r#"data-testid="other-roles">Importeur"#),
        "{html}"
    );
    assert!(html.contains("art. 23, lid 1") && html.contains("Controleer vóór invoer"));
    app.db.finish().await;
}
