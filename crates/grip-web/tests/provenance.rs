//! Provenance over HTTP: uploads say where a document came from (API and page), pages show
//! it in Dutch, exports are made per supplier and quote only that supplier's documents, and
//! a package whose dossier changed is frozen only with a reason.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

mod support;

use std::collections::BTreeMap;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use grip_app::Role;
use grip_app::catalogue::SupplierInput;
use support::{TestApp, body_text, with_session, with_token};

const BROCHURE: &[u8] = b"De camera herkent gezichten met gezichtsherkenning en een zelflerend \
model dat verdachte bewegingen voorspelt.";
const MEMO: &[u8] = b"Notitie van de teamchef: wij willen de gezichtsherkenning ook bij \
demonstraties gebruiken, zonder dat de leverancier dat weet.";

/// A multipart body with one `file` field and the given plain fields.
fn form(name: &str, content: &[u8], fields: &[(&str, &str)]) -> (String, Vec<u8>) {
    let boundary = "grip-provenance-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\
         Content-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(content);
    body.extend_from_slice(b"\r\n");
    for (field, value) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn upload(
    app: &TestApp,
    name: &str,
    content: &[u8],
    fields: &[(&str, &str)],
) -> (StatusCode, String) {
    let (content_type, body) = form(name, content, fields);
    let response = app
        .send(
            with_token(
                Request::post(format!("/api/v1/dossiers/{}/documents", app.dossier_id)),
                &app.person(Role::Inkoper).token,
            )
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
            .unwrap(),
        )
        .await;
    (response.status(), body_text(response).await)
}

/// A GET on the API with the buyer's token.
async fn fetch(app: &TestApp, path: String) -> (StatusCode, String) {
    let response = app
        .send(
            with_token(Request::get(path), &app.person(Role::Inkoper).token)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    (response.status(), body_text(response).await)
}

async fn get(app: &TestApp, path: &str) -> (StatusCode, String) {
    let response = app
        .send(
            with_session(Request::get(path), &app.person(Role::Inkoper).session)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    (response.status(), body_text(response).await)
}

async fn supplier(app: &TestApp) -> String {
    grip_app::catalogue::create_supplier(
        &app.db.app,
        &app.person(Role::Beheerder).actor,
        &SupplierInput {
            name: "Wijkzicht Camera's B.V.".into(),
            kvk: "12345678".into(),
            city: "Utrecht".into(),
            description: String::new(),
        },
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn an_upload_without_provenance_is_refused_and_stores_nothing() {
    let app = TestApp::new().await;
    let (status, body) = upload(&app, "a.txt", b"tekst", &[]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("\"provenance\""), "{body}");
    let (status, body) = upload(
        &app,
        "a.txt",
        b"tekst",
        &[("provenance", "supplier"), ("supplier_id", "onbekend")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("supplier_id"), "{body}");
    let detail = grip_app::dossiers::detail(
        &app.db.app,
        &app.person(Role::Inkoper).actor,
        &app.dossier_id,
    )
    .await
    .unwrap();
    assert_eq!(detail.documents.len(), 1, "only the setup's document");
}

#[tokio::test]
async fn exports_are_made_per_supplier_and_quote_only_their_documents() {
    let app = TestApp::new().await;
    let supplier_id = supplier(&app).await;
    let (status, body) = upload(
        &app,
        "brochure.txt",
        BROCHURE,
        &[
            ("provenance", "supplier"),
            ("supplier_id", supplier_id.as_str()),
            ("reference", "Inschrijving 2027-03"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["provenance"]["kind"], "supplier");
    assert_eq!(
        json["provenance"]["supplier_name"],
        "Wijkzicht Camera's B.V."
    );
    assert_eq!(json["provenance"]["reference"], "Inschrijving 2027-03");
    let (status, _) = upload(
        &app,
        "notitie.txt",
        MEMO,
        &[("provenance", "internal"), ("role", "behoeftesteller")],
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);

    // The dossier page says where each document came from, in Dutch.
    let (_, page) = get(&app, &format!("/dossiers/{}", app.dossier_id)).await;
    assert!(
        page.contains(
            "Van leverancier: Wijkzicht Camera&#x27;s B.V. (kenmerk Inschrijving 2027-03)"
        ) || page.contains(
            "Van leverancier: Wijkzicht Camera&#39;s B.V. (kenmerk Inschrijving 2027-03)"
        ),
        "{page}"
    );
    assert!(page.contains("Intern: Behoeftesteller"), "{page}");

    let buyer = app.person(Role::Inkoper).actor.clone();
    grip_app::packages::generate(&app.db.app, &buyer, &app.dossier_id, &BTreeMap::new())
        .await
        .unwrap();
    let export = |supplier: Option<&str>| {
        let query = supplier
            .map(|s| format!("&supplier={s}"))
            .unwrap_or_default();
        format!(
            "/api/v1/dossiers/{}/package?format=md{query}",
            app.dossier_id
        )
    };
    let (status, own) = fetch(&app, export(Some(supplier_id.as_str()))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        own.contains("brochure.txt"),
        "the supplier's own document is quoted: {own}"
    );
    assert!(
        own.contains("Wijkzicht Camera's B.V."),
        "addressed to the supplier"
    );
    let (_, general) = fetch(&app, export(None)).await;
    for text in [&own, &general] {
        assert!(
            !text.contains("notitie.txt") && !text.contains("teamchef"),
            "no internal text"
        );
        assert!(
            !text.contains("Kennisitem") && !text.contains("Waarom"),
            "no internal reasons"
        );
        assert!(
            !text.contains("computer_vision") && !text.contains("machine_learning"),
            "no codes"
        );
    }
    assert!(
        !general.contains("brochure.txt"),
        "every bidder's export quotes no one's document"
    );
    let (status, _) = fetch(&app, export(Some("onbekend"))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    // The package page shows to whom a question goes and offers an export per supplier.
    let (_, page) = get(&app, &format!("/dossiers/{}/package", app.dossier_id)).await;
    assert!(page.contains("data-testid=\"addressee\""), "{page}");
    assert!(page.contains(&format!("supplier={supplier_id}")), "{page}");
}

#[tokio::test]
async fn a_stale_package_is_frozen_on_the_page_only_with_a_reason() {
    let app = TestApp::new().await;
    let supplier_id = supplier(&app).await;
    let buyer = app.person(Role::Inkoper).actor.clone();
    grip_app::packages::generate(&app.db.app, &buyer, &app.dossier_id, &BTreeMap::new())
        .await
        .unwrap();
    let (status, _) = upload(
        &app,
        "brochure.txt",
        BROCHURE,
        &[
            ("provenance", "supplier"),
            ("supplier_id", supplier_id.as_str()),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, page) = get(&app, &format!("/dossiers/{}/package", app.dossier_id)).await;
    assert!(page.contains("data-testid=\"stale\""), "{page}");
    assert!(page.contains("name=\"stale_reason\""), "{page}");

    let freeze = |body: &'static str| {
        with_session(
            Request::post(format!("/dossiers/{}/package/freeze", app.dossier_id)),
            &app.person(Role::Inkoper).session,
        )
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap()
    };
    let refused = app.send(freeze("expected_version=1")).await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    let text = body_text(refused).await;
    assert!(
        text.contains("niet meer actueel") && text.contains("brochure.txt"),
        "{text}"
    );
    let frozen = app
        .send(freeze(
            "expected_version=1&stale_reason=Vragen+volgen+in+de+nota+van+inlichtingen",
        ))
        .await;
    assert!(frozen.status().is_redirection(), "{}", frozen.status());
    let stored = grip_app::packages::get(&app.db.app, &buyer, &app.dossier_id, Some(1))
        .await
        .unwrap();
    assert!(!stored.is_draft());
}
