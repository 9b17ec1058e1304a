//! A test server in-process: a fresh SQLite database, one account per role (each a member of
//! one dossier), their session cookies and API tokens, and helpers to send requests.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]
#![allow(
    dead_code,
    reason = "each test binary uses its own part of these helpers, so the lint fires in some \
    binaries and not in others, where `expect` would fail"
)]

use axum::Router;
use axum::body::Body;
use axum::http::{Request, Response, header};
use grip_app::testing::{TestBackend, TestDb, user};
use grip_app::{Actor, Role, auth, dossiers};
use grip_core::dossier::DossierInput;
use http_body_util::BodyExt;
use tower::ServiceExt;

pub struct TestApp {
    pub db: TestDb,
    pub router: Router,
    pub people: Vec<Person>,
    pub dossier_id: String,
    pub document_id: String,
}

pub struct Person {
    pub role: Role,
    pub actor: Actor,
    pub session: String,
    pub token: String,
}

impl TestApp {
    pub async fn new() -> TestApp {
        let db = TestDb::new(TestBackend::Sqlite).await;
        let app = db.app.clone();
        let mut people = Vec::new();
        for role in Role::ALL {
            let actor = user(&app, role.id(), &[role]).await;
            let session = auth::sign_in(&app, role.id(), "test-password")
                .await
                .unwrap()
                .session_secret;
            let token = auth::create_api_token(&app, None, role.id(), "test")
                .await
                .unwrap();
            people.push(Person {
                role,
                actor,
                session,
                token,
            });
        }
        let buyer = people[0].actor.clone();
        let dossier_id = dossiers::create(
            &app,
            &buyer,
            &DossierInput {
                title: "Bodycams 2027".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        for p in &people[1..] {
            dossiers::add_member(&app, &buyer, &dossier_id, &p.actor.username, p.role)
                .await
                .unwrap();
        }
        let document_id = grip_app::documents::upload(
            &app,
            &buyer,
            &dossier_id,
            "offerte.txt",
            b"Slimme detectie.",
            &grip_core::document::ProvenanceInput::internal(grip_core::Role::Inkoper),
        )
        .await
        .unwrap()
        .id
        .into_string();
        let router = grip_web::router(app, grip_web::WebConfig::default());
        TestApp {
            db,
            router,
            people,
            dossier_id,
            document_id,
        }
    }

    pub fn person(&self, role: Role) -> &Person {
        self.people.iter().find(|p| p.role == role).unwrap()
    }

    pub async fn send(&self, request: Request<Body>) -> Response<Body> {
        self.router.clone().oneshot(request).await.unwrap()
    }
}

pub async fn body_text(response: Response<Body>) -> String {
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    String::from_utf8_lossy(&bytes).into_owned()
}

pub fn with_session(
    builder: axum::http::request::Builder,
    session: &str,
) -> axum::http::request::Builder {
    builder.header(header::COOKIE, format!("grip_session={session}"))
}

pub fn with_token(
    builder: axum::http::request::Builder,
    token: &str,
) -> axum::http::request::Builder {
    builder.header(header::AUTHORIZATION, format!("Bearer {token}"))
}

/// A multipart body with one file field.
pub fn multipart(name: &str, content: &[u8]) -> (String, Vec<u8>) {
    multipart_files(&[(name, content)])
}

/// A multipart body with one `file` field per (file name, content).
pub fn multipart_files(files: &[(&str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "grip-test-boundary";
    let mut body = Vec::new();
    for (name, content) in files {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n");
    }
    // Every upload says where it came from; these are the buyer's own.
    for (field, value) in [("provenance", "internal"), ("role", "inkoper")] {
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
