//! Bulk screening over HTTP: the dossier page's form starts a job and leads to its progress
//! page (htmx polling while it runs, none once done), the API answers 202 with the job's
//! address and reports per-item verdicts, and unsafe ZIPs are refused with a clear error.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use grip_app::Role;
use grip_app::bulk::{Worker, process_until_idle};
use grip_app::testing::{zip_bomb, zip_of};
use support::{TestApp, body_text, with_session, with_token};

const AI_TEXT: &[u8] = b"De camera herkent gezichten met gezichtsherkenning.";

/// A multipart body with one `files` field per file.
fn multipart_files(files: &[(&str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "grip-bulk-boundary";
    let mut body = Vec::new();
    for (name, content) in files {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; \
                 filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
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

fn post_files(builder: axum::http::request::Builder, files: &[(&str, &[u8])]) -> Request<Body> {
    let (content_type, body) = multipart_files(files);
    builder
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body))
        .unwrap()
}

async fn get_page(app: &TestApp, path: &str) -> (StatusCode, String) {
    let request = with_session(Request::get(path), &app.person(Role::Inkoper).session)
        .body(Body::empty())
        .unwrap();
    let response = app.send(request).await;
    (response.status(), body_text(response).await)
}

async fn api(
    app: &TestApp,
    request: Request<Body>,
) -> (StatusCode, Option<String>, serde_json::Value) {
    let response = app.send(request).await;
    let status = response.status();
    let location = response
        .headers()
        .get(header::LOCATION)
        .map(|l| l.to_str().unwrap().to_string());
    let text = body_text(response).await;
    (
        status,
        location,
        serde_json::from_str(&text).unwrap_or_default(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dossier_form_starts_a_job_whose_page_shows_progress() {
    let app = TestApp::new().await;
    let d = app.dossier_id.clone();
    let archive = zip_of(&[
        ("map/b.md", b"# Stoelen\nGewone stoelen.".as_slice()),
        ("c.pdf", b"%PDF-1.7 kapot".as_slice()),
    ]);
    let request = post_files(
        with_session(
            Request::post(format!("/dossiers/{d}/screening-jobs")),
            &app.person(Role::Jurist).session,
        ),
        &[("a.txt", AI_TEXT), ("bundel.zip", archive.as_slice())],
    );
    let response = app.send(request).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        location.starts_with(&format!("/dossiers/{d}/screening-jobs/")),
        "{location}"
    );

    // While queued: a progress bar at 0 of 3, htmx polling, a refresh link and a cancel button.
    let (status, html) = get_page(&app, &location).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"value="0" max="3""#), "{html}");
    assert!(html.contains(r#"hx-trigger="every 1s""#));
    assert!(html.contains(&format!(r#"hx-get="{location}/progress""#)));
    assert!(html.contains("Vernieuwen"));
    assert!(html.contains("Screening annuleren"));
    let (_, dossier) = get_page(&app, &format!("/dossiers/{d}")).await;
    assert!(dossier.contains(&location), "the dossier lists the job");
    assert!(dossier.contains("data-testid=\"bulk-form\""));

    process_until_idle(&app.db.app, &Worker::new())
        .await
        .unwrap();
    let (status, fragment) = get_page(&app, &format!("{location}/progress")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!fragment.contains("<html"), "only the fragment");
    assert!(fragment.contains(r#"value="3" max="3""#), "{fragment}");
    assert!(!fragment.contains("hx-trigger"), "polling stops when done");
    assert!(!fragment.contains("Screening annuleren"));
    assert!(fragment.contains("Klaar"));
    assert!(fragment.contains("AI aangetroffen"));
    assert!(fragment.contains("onleesbaar"));
    assert!(
        fragment.contains("(map/b.md)"),
        "the path inside the ZIP is shown"
    );
    assert_eq!(
        fragment.matches("/view\">").count(),
        6,
        "name and verdict link per item"
    );

    // Cancelling a finished job changes nothing and shows it as it ended.
    let cancel = with_session(
        Request::post(format!("{location}/cancel")),
        &app.person(Role::Inkoper).session,
    )
    .body(Body::empty())
    .unwrap();
    assert_eq!(app.send(cancel).await.status(), StatusCode::SEE_OTHER);
    let (_, html) = get_page(&app, &location).await;
    assert!(html.contains("Klaar"));

    // A ZIP bomb is refused on the dossier page with the reason; no job is added.
    let request = post_files(
        with_session(
            Request::post(format!("/dossiers/{d}/screening-jobs")),
            &app.person(Role::Inkoper).session,
        ),
        &[("bom.zip", zip_bomb().as_slice())],
    );
    let response = app.send(request).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body_text(response).await;
    assert!(html.contains("ZIP-bom"), "{html}");
    let jobs = grip_app::bulk::list_jobs(&app.db.app, &app.person(Role::Inkoper).actor, &d)
        .await
        .unwrap();
    assert_eq!(jobs.len(), 1);

    let (status, _) = get_page(&app, &format!("/dossiers/{d}/screening-jobs/geen-job")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    app.db.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_accepts_a_job_and_reports_per_item_verdicts() {
    let app = TestApp::new().await;
    let d = app.dossier_id.clone();
    let token = app.person(Role::Inkoper).token.clone();
    let archive = zip_of(&[
        ("a.txt", AI_TEXT),
        ("b.txt", b"Gewone bureaustoelen.".as_slice()),
        ("c.exe", b"MZ\x90\x00".as_slice()),
    ]);
    let request = post_files(
        with_token(
            Request::post(format!("/api/v1/dossiers/{d}/screening-jobs")),
            &token,
        ),
        &[("offertes.zip", archive.as_slice())],
    );
    let (status, location, job) = api(&app, request).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{job}");
    let id = job["id"].as_str().unwrap();
    assert_eq!(
        location.as_deref(),
        Some(format!("/api/v1/dossiers/{d}/screening-jobs/{id}").as_str())
    );
    assert_eq!(job["state"], "queued");
    assert_eq!(
        (job["total"].as_i64(), job["skipped"].as_i64()),
        (Some(3), Some(1))
    );
    assert_eq!(job["items"][2]["state"], "skipped");

    process_until_idle(&app.db.app, &Worker::new())
        .await
        .unwrap();
    let get = |path: &str| {
        with_token(Request::get(path), &token)
            .body(Body::empty())
            .unwrap()
    };
    let (status, _, job) = api(&app, get(location.as_deref().unwrap())).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(job["state"], "done");
    assert_eq!(job["handled"], 3);
    let verdicts: Vec<&str> = job["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["verdict"].as_str().unwrap_or("-"))
        .collect();
    assert_eq!(verdicts, ["ai_indicated", "no_ai_indicated", "-"]);
    let doc = job["items"][0]["document_id"].as_str().unwrap();
    let (status, _, screening) =
        api(&app, get(&format!("/api/v1/documents/{doc}/screening"))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(screening["screening"]["verdict"], "ai_indicated");

    let (status, _, problem) = api(
        &app,
        get(&format!("/api/v1/dossiers/{d}/screening-jobs/onbekend")),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(problem["code"], "not_found");

    let traversal = zip_of(&[("../../buiten.txt", b"x".as_slice())]);
    let request = post_files(
        with_token(
            Request::post(format!("/api/v1/dossiers/{d}/screening-jobs")),
            &token,
        ),
        &[("pad.zip", traversal.as_slice())],
    );
    let (status, _, problem) = api(&app, request).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(problem["code"], "invalid_input");
    assert_eq!(problem["errors"][0]["code"], "zip_unsafe_name");

    let request = post_files(
        with_token(
            Request::post(format!("/api/v1/dossiers/{d}/screening-jobs")),
            &app.person(Role::Auditor).token,
        ),
        &[("a.txt", AI_TEXT)],
    );
    let (status, _, problem) = api(&app, request).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(problem["code"], "forbidden");
    app.db.finish().await;
}
