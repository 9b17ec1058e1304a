//! The spend pages as a buyer uses them: a file uploaded and spooled, its columns confirmed on
//! a preview, the import followed to its end, the unplaced share read, a supplier placed by
//! hand; a reader may look but not import; a file that is no spend file is refused on the page.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use grip_app::testing::{TestBackend, TestDb};
use support::{body_text, multipart, with_session};
use tower::ServiceExt;

/// The router under test.
struct Router(axum::Router);

impl Router {
    async fn send(&self, request: Request<Body>) -> axum::http::Response<Body> {
        self.0.clone().oneshot(request).await.unwrap()
    }
}

async fn sign_in(db: &TestDb, name: &str) -> String {
    grip_app::auth::sign_in(&db.app, name, "demo-password")
        .await
        .unwrap()
        .session_secret
}

const FILE: &str = "Datum;Leverancier;Omschrijving;Bedrag\n\
2026-01-31;Brugwoord Taaldiensten B.V.;Tolkdiensten januari;1.000,00\n\
2026-02-28;Keurmeester Advies;Advies organisatie;250,50\n\
2026-02-29;Keurmeester Advies;Datum bestaat niet;10,00\n";

fn post_form(path: &str, session: &str, body: String) -> Request<Body> {
    with_session(Request::post(path), session)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap()
}

async fn get(app: &Router, path: &str, session: &str) -> (StatusCode, String) {
    let response = app
        .send(
            with_session(Request::get(path), session)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    (response.status(), body_text(response).await)
}

fn value_of(page: &str, name: &str) -> String {
    let at = page.find(&format!("name=\"{name}\" value=\"")).unwrap() + name.len() + 15;
    page[at..at + page[at..].find('"').unwrap()].to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_spend_file_is_mapped_imported_and_placed() {
    // The demo brings the portfolio's categories and its accounts.
    let db = TestDb::new(TestBackend::Sqlite).await;
    grip_app::demo::load(&db.app, "demo-password", None)
        .await
        .unwrap();
    let buyer = sign_in(&db, "inkoper").await;
    let auditor = sign_in(&db, "auditor").await;
    let app = Router(grip_web::router(
        db.app.clone(),
        grip_web::WebConfig::default(),
    ));

    let upload = |session: &str, name: &str, content: &[u8]| {
        let (content_type, body) = multipart(name, content);
        with_session(Request::post("/spend/upload"), session)
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
            .unwrap()
    };
    let refused = app.send(upload(&auditor, "f.csv", FILE.as_bytes())).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let broken = app
        .send(upload(&buyer, "f.xlsx", b"PK\x03\x04 geen werkmap"))
        .await;
    assert_eq!(broken.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let response = app
        .send(upload(&buyer, "facturen.csv", FILE.as_bytes()))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let mapping = body_text(response).await;
    assert!(mapping.contains("Kolommen kiezen") && mapping.contains("Tolkdiensten januari"));
    let token = value_of(&mapping, "token");
    // The guessed columns are selected: supplier is the second column, amount the fourth.
    let form =
        format!("token={token}&name=facturen.csv&supplier=1&amount=3&date=0&description=2&cpv=");
    let bad_token = app
        .send(post_form(
            "/spend/start",
            &buyer,
            form.replace(&token, "../../etc/passwd"),
        ))
        .await;
    assert_eq!(bad_token.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let started = app.send(post_form("/spend/start", &buyer, form)).await;
    assert_eq!(started.status(), StatusCode::SEE_OTHER);
    let import = started.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_string();

    let mut page = String::new();
    for _ in 0..100 {
        page = get(&app, &import, &buyer).await.1;
        if !page.contains("spend-running") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(page.contains("data-testid=\"spend-result\""), "{page}");
    assert!(
        page.contains("regel 4: \u{201c}2026-02-29\u{201d} is geen datum"),
        "{page}"
    );

    let (_, overview) = get(&app, "/spend", &auditor).await;
    assert!(
        overview.contains("Keurmeester Advies"),
        "unplaced supplier listed"
    );
    assert!(
        !overview.contains("name=\"supplier_key\""),
        "a reader places nothing"
    );
    let placed = app
        .send(post_form(
            "/spend/suppliers",
            &buyer,
            "supplier_key=keurmeester+advies&category=facilitaire-diensten".into(),
        ))
        .await;
    assert_eq!(placed.status(), StatusCode::SEE_OTHER);
    let (_, overview) = get(&app, "/spend", &buyer).await;
    assert!(
        !overview.contains("<td>Keurmeester Advies</td>"),
        "placed now"
    );
    assert!(!overview.contains("??") && !overview.contains("facilitaire-diensten<"));
    let export = app
        .send(
            with_session(Request::get("/spend/export?format=csv"), &auditor)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(export.status(), StatusCode::OK);
    let csv = body_text(export).await;
    assert!(
        csv.starts_with("\u{feff}Categorie;Leverancier;Regels;Bedrag (euro)"),
        "{csv}"
    );
    assert!(csv.contains("Facilitaire diensten"), "{csv}");
    let token = grip_app::auth::create_api_token(&db.app, None, "auditor", "test")
        .await
        .unwrap();
    let api = app
        .send(
            Request::get("/api/v1/spend")
                .header(header::AUTHORIZATION, format!("Bearer {token}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(api.status(), StatusCode::OK);
    let spend: serde_json::Value = serde_json::from_str(&body_text(api).await).unwrap();
    assert!(spend["cents"].as_i64().unwrap() > 0);
    assert!(spend["unplaced_cents"].as_i64().unwrap() < spend["cents"].as_i64().unwrap());
    let api = app
        .send(
            Request::get("/api/v1/portfolio")
                .header(header::AUTHORIZATION, format!("Bearer {token}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    let portfolio: serde_json::Value = serde_json::from_str(&body_text(api).await).unwrap();
    let cameras = portfolio
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["category"] == "camerabewaking")
        .unwrap();
    assert_eq!(cameras["high_risk"], 1);
    assert_eq!(cameras["exposure"], "high");
    let models = app
        .send(
            with_session(Request::get("/models/export?format=csv"), &auditor)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    let csv = body_text(models).await;
    assert!(
        csv.contains("Veridex FaceEngine;5.2;Veridex Biometrics Ltd.;biometrische gegevens"),
        "{csv}"
    );
}
