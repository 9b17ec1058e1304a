//! Lists download as XLSX and CSV with the page's filters, in the reader's language, and
//! only with what the reader may see.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use grip_app::Role;
use support::{TestApp, with_session};

async fn download(app: &TestApp, path: &str, session: &str) -> (StatusCode, String, Vec<u8>) {
    let response = app
        .send(
            with_session(Request::get(path), session)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    let status = response.status();
    let disposition = response
        .headers()
        .get(header::CONTENT_DISPOSITION)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let bytes = http_body_util::BodyExt::collect(response.into_body())
        .await
        .unwrap()
        .to_bytes();
    (status, disposition, bytes.to_vec())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dossiers_and_inventory_download_with_their_filters() {
    let app = TestApp::new().await;
    let buyer = app.person(Role::Inkoper).session.clone();
    let input = grip_app::inventory::InventoryInput {
        name: "=Kentekenlezer".into(),
        ..Default::default()
    };
    grip_app::inventory::create(&app.db.app, &app.person(Role::Inkoper).actor, &input)
        .await
        .unwrap();

    let (status, disposition, csv) =
        download(&app, "/dossiers/export?format=csv&q=Bodycams", &buyer).await;
    assert_eq!(status, StatusCode::OK);
    assert!(disposition.contains("dossiers.csv"));
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.starts_with("\u{feff}Titel;Categorie;Fase;Rubricering"),
        "{csv}"
    );
    assert!(csv.contains("Bodycams 2027;"), "{csv}");
    let (_, _, none) = download(&app, "/dossiers/export?format=csv&q=Drones", &buyer).await;
    assert_eq!(
        String::from_utf8(none).unwrap().lines().count(),
        1,
        "the filter holds"
    );

    let (_, disposition, xlsx) = download(&app, "/inventory/export?format=xlsx", &buyer).await;
    assert!(disposition.contains("inventaris.xlsx"));
    assert!(xlsx.starts_with(b"PK"));
    let (_, _, csv) = download(
        &app,
        "/inventory/export?format=csv&exposure=suspected",
        &buyer,
    )
    .await;
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.contains("\n'=Kentekenlezer;"),
        "a formula is defused: {csv}"
    );
    let (status, _, _) = download(
        &app,
        "/inventory/export?format=csv&exposure=telepathy",
        &buyer,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}
