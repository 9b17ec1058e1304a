//! The Algorithm Register pages as a buyer uses them: a supplier's file uploaded becomes a
//! system whose entry reads in Dutch with the publication category and what is still open;
//! hostile HTML is never rendered; a bad file is refused on the page and stores nothing; the
//! administrator's settings complete the entry and the export downloads as valid JSON.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use grip_app::Role;
use support::{TestApp, body_text, multipart, with_session};

const ENTRY: &str = r#"{"id": "kl-3", "name": "Kentekenlezer KL-3",
  "description_short": "Leest kentekens en vergelijkt ze met een lijst van gezochte voertuigen.",
  "status": "In gebruik", "publication_category": "Impactvolle algoritmes",
  "goal": "<p>Gezochte voertuigen sneller vinden.</p><script>alert('x')</script><img src=x onerror=alert(2)>",
  "provider": "Leverancier BV", "lang": "NLD", "iama_description": "IAMA uitgevoerd in 2025."}"#;

fn upload(path: &str, session: &str, name: &str, content: &[u8]) -> Request<Body> {
    let (content_type, body) = multipart(name, content);
    with_session(Request::post(path), session)
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body))
        .unwrap()
}

async fn get(app: &TestApp, path: &str, session: &str) -> (StatusCode, String) {
    let response = app
        .send(
            with_session(Request::get(path), session)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    (response.status(), body_text(response).await)
}

fn item_link(page: &str) -> String {
    let at = page.find("/register\">Kentekenlezer KL-3").unwrap();
    let start = page[..at].rfind("/inventory/").unwrap();
    page[start..at].to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_supplier_entry_is_imported_completed_and_exported() {
    let app = TestApp::new().await;
    let buyer = app.person(Role::Inkoper).session.clone();
    let admin = app.person(Role::Beheerder).session.clone();
    let auditor = app.person(Role::Auditor).session.clone();

    // A reader may not import; a file that is not the standard is refused on the page.
    let refused = app
        .send(upload(
            "/inventory/register/import",
            &auditor,
            "kl3.json",
            ENTRY.as_bytes(),
        ))
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let bad = ENTRY.replace("In gebruik", "Operationeel");
    let response = app
        .send(upload(
            "/inventory/register/import",
            &buyer,
            "kl3.json",
            bad.as_bytes(),
        ))
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = body_text(response).await;
    assert!(
        text.contains("is geen toegestane waarde; kies uit: In ontwikkeling"),
        "{text}"
    );
    assert!(text.contains("er is niets veranderd"));
    let response = app
        .send(upload(
            "/inventory/register/import",
            &buyer,
            "kl3.json",
            b"\xff\xfe{",
        ))
        .await;
    let text = body_text(response).await;
    assert!(text.contains("geen leesbare JSON"), "{text}");
    let (_, inventory) = get(&app, "/inventory?q=Kentekenlezer", &buyer).await;
    assert!(!inventory.contains("Kentekenlezer KL-3"), "nothing stored");

    let response = app
        .send(upload(
            "/inventory/register/import",
            &buyer,
            "kl3.json",
            ENTRY.as_bytes(),
        ))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let imported = body_text(response).await;
    assert!(imported.contains("Nieuwe systemen: 1"), "{imported}");
    assert!(
        imported.contains("hoort niet bij de standaard"),
        "the kept field is named"
    );
    let base = item_link(&imported);

    let (status, page) = get(&app, &format!("{base}/register"), &buyer).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Openbaar Algoritmeregister"));
    assert!(page.contains("Impactvolle algoritmes"));
    assert!(
        page.contains("Er is nog geen classificatie"),
        "the reason is shown"
    );
    assert!(
        page.contains("Contactgegevens (contact_email) is verplicht en nog leeg"),
        "{page}"
    );
    assert!(
        page.contains("IAMA uitgevoerd in 2025."),
        "kept fields are shown"
    );
    assert!(
        !page.contains("<script>alert") && !page.contains("onerror"),
        "never rendered"
    );
    assert!(!page.contains("supplier_entry") && !page.contains("??"));

    // The organisation's own fields and the administrator's settings complete it.
    let form = "publication_category=impactful&lawful_basis=Politiewet+2012%2C+artikel+3&proportionality=&begin_date=2025-13";
    let response = app
        .send(
            with_session(Request::post(format!("{base}/register")), &buyer)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(form))
                .unwrap(),
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = body_text(response).await;
    assert!(
        text.contains("jjjj-mm") && text.contains("Politiewet 2012, artikel 3"),
        "typed text stays"
    );
    let response = app
        .send(
            with_session(Request::post(format!("{base}/register")), &buyer)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(form.replace("2025-13", "2025-03")))
                .unwrap(),
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = app
        .send(
            with_session(Request::post("/inventory/register/settings"), &admin)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(
                    "organization=Politie&contact_email=register%40politie.example",
                ))
                .unwrap(),
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, page) = get(&app, &format!("{base}/register"), &buyer).await;
    assert!(page.contains("Compleet volgens de standaard."), "{page}");

    let response = app
        .send(
            with_session(Request::get("/inventory/register/export.json"), &auditor)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    let entries: serde_json::Value = serde_json::from_str(&body_text(response).await).unwrap();
    let entry = &entries[0];
    assert_eq!(entry["organization"], "Politie");
    assert_eq!(entry["begin_date"], "2025-03");
    assert_eq!(entry["lawful_basis"], "<p>Politiewet 2012, artikel 3</p>");
    assert_eq!(entry["goal"], "<p>Gezochte voertuigen sneller vinden.</p>");
    if let Some(standard) = grip_test_support::RegisterStandard::load() {
        assert_eq!(standard.violations(entry), Vec::<String>::new());
    }
}
