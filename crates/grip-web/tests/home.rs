//! The home page per role, activity as sentences, the auditor's chain page and the inventory
//! over HTTP: each role's home shows its own sections, codes and hashes stay on the chain
//! page, and bad inventory filters get a clear error on the page and in the API.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use grip_app::Role;
use support::{TestApp, body_text, with_session, with_token};

async fn get(app: &TestApp, role: Role, path: &str) -> (StatusCode, String) {
    let request = with_session(Request::get(path), &app.person(role).session)
        .body(Body::empty())
        .unwrap();
    let response = app.send(request).await;
    let status = response.status();
    (status, body_text(response).await)
}

async fn api(app: &TestApp, path: &str) -> (StatusCode, serde_json::Value) {
    let request = with_token(Request::get(path), &app.person(Role::Inkoper).token)
        .body(Body::empty())
        .unwrap();
    let response = app.send(request).await;
    let status = response.status();
    let text = body_text(response).await;
    (status, serde_json::from_str(&text).unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_role_has_its_own_home() {
    let app = TestApp::new().await;
    let (status, buyer) = get(&app, Role::Inkoper, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(buyer.contains("data-focus=\"buyer\""));
    assert!(buyer.contains("data-testid=\"home-dossiers\""));
    assert!(buyer.contains("Bodycams 2027"));
    assert!(buyer.contains("Wacht op mijn akkoord"));
    assert!(!buyer.contains("data-testid=\"home-overview\""));

    let (_, jurist) = get(&app, Role::Jurist, "/").await;
    assert!(jurist.contains("data-focus=\"specialist\""));
    let sign_offs = jurist.find("home-sign-offs").unwrap();
    assert!(
        sign_offs < jurist.find("home-dossiers").unwrap(),
        "sign-offs lead"
    );

    let (_, assessor) = get(&app, Role::Beoordelaar, "/").await;
    assert!(assessor.contains("data-testid=\"home-to-score\""));
    assert!(assessor.contains("Er wachten geen dossiers op uw beoordeling."));

    let (_, auditor) = get(&app, Role::Auditor, "/").await;
    assert!(auditor.contains("data-testid=\"home-overview\""));
    assert!(auditor.contains("href=\"/audit/chain\""));

    // Activity reads as sentences, with no codes, payloads or hashes.
    for page in [&buyer, &jurist, &auditor] {
        assert!(
            page.contains("heeft het dossier ‘Bodycams 2027’ aangemaakt"),
            "{page}"
        );
        for leak in [
            "dossier.created",
            "document.uploaded",
            "\"title\"",
            "prev_hash",
        ] {
            assert!(!page.contains(leak), "the home shows {leak}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_history_is_sentences_and_the_chain_is_the_auditors() {
    let app = TestApp::new().await;
    let (_, dossier) = get(&app, Role::Jurist, &format!("/dossiers/{}", app.dossier_id)).await;
    assert!(dossier.contains("heeft het document ‘offerte.txt’ toegevoegd"));
    assert!(!dossier.contains("document.uploaded"));

    let (_, activity) = get(&app, Role::Jurist, "/audit").await;
    assert!(activity.contains("aan het team toegevoegd"));
    assert!(!activity.contains("dossier.member_added"));
    let (_, english) = {
        let cookie = format!(
            "grip_session={}; grip_lang=en",
            app.person(Role::Jurist).session
        );
        let request = Request::get("/audit")
            .header("cookie", cookie)
            .body(Body::empty())
            .unwrap();
        let response = app.send(request).await;
        (response.status(), body_text(response).await)
    };
    assert!(english.contains("to the team as"), "{english}");

    let (status, _) = get(&app, Role::Inkoper, "/audit/chain").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, chain) = get(&app, Role::Auditor, "/audit/chain").await;
    assert_eq!(status, StatusCode::OK);
    assert!(chain.contains("De auditketen is intact"));
    assert!(
        chain.contains("dossier.created"),
        "the chain shows event codes"
    );
    assert!(chain.contains("Vorige hash"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_inventory_filters_and_refuses_bad_values_clearly() {
    let app = TestApp::new().await;
    let (_, added) = {
        let request = with_session(
            Request::post("/inventory"),
            &app.person(Role::Inkoper).session,
        )
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(
            "name=Kentekenscanner&ai_exposure=confirmed&status=in_gebruik",
        ))
        .unwrap();
        let response = app.send(request).await;
        (
            response.status(),
            response.headers().get("location").cloned(),
        )
    };
    let detail = added.unwrap().to_str().unwrap().to_string();
    assert!(detail.starts_with("/inventory/"), "{detail}");
    let (status, page) = get(&app, Role::Jurist, &detail).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("AI bevestigd") && page.contains("In gebruik"));
    assert!(page.contains("Zelf toegevoegd"));

    let (status, list) = get(
        &app,
        Role::Jurist,
        "/inventory?exposure=confirmed&status=in_gebruik",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains("Kentekenscanner"));
    assert!(!list.contains(">confirmed<") && !list.contains(">in_gebruik<"));
    let (_, none) = get(&app, Role::Jurist, "/inventory?exposure=none").await;
    assert!(!none.contains("Kentekenscanner"));
    let (_, register) = get(&app, Role::Jurist, "/inventory?scope=register").await;
    assert!(!register.contains("Kentekenscanner"));

    let (status, bad) = get(
        &app,
        Role::Jurist,
        "/inventory?exposure=high&status=in_gebruik",
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.contains("Onbekende filterwaarde ‘high’"), "{bad}");
    assert!(
        bad.contains("Kentekenscanner"),
        "the rest of the filter still applies"
    );

    let (status, problem) = api(&app, "/api/v1/inventory?classification=risky").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["errors"][0]["field"], "classification", "{problem}");
    let (status, listed) = api(&app, "/api/v1/inventory?exposure=confirmed").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(listed["total"], 1);
    let (status, page) = get(&app, Role::Jurist, "/inventory/no-such-system").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{page}");
}
