//! The contract pages as a browser without JavaScript uses them: a contract recorded with its
//! baseline, a pasted notice triaged with Dutch reasons and no codes, an override refused
//! without a reason and accepted with one, and bad input shown on the page, storing nothing.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use grip_app::Role;
use support::{TestApp, body_text, with_session};

const BASELINE: &str = r#"{"schema": "grip.contract-baseline/1", "system": "Bodycam BX-400",
  "components": [{"name": "Opname en opslag", "ai": false},
   {"name": "Vervaging van gezichten", "ai": true, "categories": ["computer_vision"],
    "deployment": "on_premises", "switchable": true}]}"#;

fn contract_form(session: &str, dossier: &str, supplier: &str, baseline: &str) -> Request<Body> {
    let boundary = "contract-boundary";
    let mut body = String::new();
    for (field, value) in [
        ("supplier", supplier),
        ("starts_on", "2027-01-01"),
        ("ends_on", "2030-12-31"),
        ("value", "1.250.000,00"),
        ("baseline", baseline),
    ] {
        body.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"\r\n\r\n{value}\r\n"
        ));
    }
    body.push_str(&format!("--{boundary}--\r\n"));
    with_session(
        Request::post(format!("/dossiers/{dossier}/contracts")),
        session,
    )
    .header(
        header::CONTENT_TYPE,
        format!("multipart/form-data; boundary={boundary}"),
    )
    .body(Body::from(body))
    .unwrap()
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

fn location(response: &axum::http::Response<Body>) -> String {
    response.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_contract_manager_records_a_contract_and_decides_on_a_notice() {
    let app = TestApp::new().await;
    let session = app.person(Role::Contractmanager).session.clone();
    let d = app.dossier_id.clone();

    // A broken baseline comes back on the page with the reason and what was typed.
    let bad = BASELINE.replace("computer_vision", "telepathie");
    let response = app
        .send(contract_form(&session, &d, "Veltron BV", &bad))
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = body_text(response).await;
    assert!(
        text.contains("Ongeldige basislijn") && text.contains("telepathie"),
        "{text}"
    );
    assert!(text.contains("Veltron BV"));
    let (_, list) = page(&app, &format!("/dossiers/{d}/contracts"), &session).await;
    assert!(list.contains("nog geen contract"), "{list}");

    let response = app
        .send(contract_form(&session, &d, "Veltron BV", BASELINE))
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let contract = location(&response);
    let (status, html) = page(&app, &contract, &session).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("Vervaging van gezichten") && html.contains("beeldherkenning"),
        "{html}"
    );
    assert!(html.contains("in eigen beheer"));
    let table = html.split("data-testid=\"baseline-table\"").nth(1).unwrap();
    let table = table.split("</table>").next().unwrap();
    assert!(
        !table.contains("computer_vision") && !table.contains("on_premises"),
        "{table}"
    );

    let notice = "Release 5.2. Nieuw: gezichtsvergelijking. Opgenomen beelden worden automatisch vergeleken met een referentielijst van personen.";
    let body = format!("name=Release+5.2&text={}", notice.replace(' ', "+"));
    let response = app
        .send(form(&format!("{contract}/notices/text"), &session, &body))
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, html) = page(&app, &contract, &session).await;
    assert!(html.contains("Escaleren"), "{html}");
    let link = html
        .split("href=\"")
        .find(|s| s.starts_with(&format!("{contract}/notices/")))
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_owned();
    let (status, html) = page(&app, &link, &session).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Voegt AI toe"), "{html}");
    assert!(html.contains("biometrische herkenning"));
    assert!(html.contains("Aanbestedingswet 2012"));
    for code in ["adds_ai", "biometric", "escalate\"", "no_impact\""] {
        assert!(!html.contains(&format!(">{code}")), "{code} shown raw");
    }

    // The buyer, who may classify, is offered a re-assessment that starts from the change's
    // Annex III area (biometric identification); the contract manager, who may not, is not.
    assert!(!html.contains("data-testid=\"reassess-link\""));
    let buyer = app.person(Role::Inkoper).session.clone();
    let (_, as_buyer) = page(&app, &link, &buyer).await;
    let reassess = as_buyer
        .split("data-testid=\"reassess-link\"")
        .next()
        .and_then(|before| before.rsplit("href=\"").next())
        .and_then(|s| s.split('"').next())
        .unwrap()
        .replace("&#x3d;", "=")
        .replace("&amp;", "&");
    assert!(reassess.contains("/classify?annex=1a"), "{reassess}");
    let (status, wizard) = page(&app, &reassess, &buyer).await;
    assert_eq!(status, StatusCode::OK);
    assert!(wizard.contains("value=\"1a\""), "{wizard}");
    let plain = reassess.split('?').next().unwrap();
    let (_, without) = page(&app, plain, &buyer).await;
    assert!(
        !without.contains("value=\"1a\""),
        "only the re-assessment prefills the area"
    );

    // Departing from the proposal without a reason is refused on the page.
    let response = app
        .send(form(
            &format!("{link}/decision"),
            &session,
            "triage=no_impact&reason=",
        ))
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body_text(response).await.contains("Geef een reden"));
    let response = app
        .send(form(
            &format!("{link}/decision"),
            &session,
            "triage=reassess&reason=Functie+staat+uit",
        ))
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, html) = page(&app, &link, &session).await;
    assert!(
        html.contains("Functie staat uit") && html.contains("Opnieuw beoordelen"),
        "{html}"
    );

    // The auditor reads but cannot add notices.
    let auditor = app.person(Role::Auditor).session.clone();
    let (status, _) = page(&app, &contract, &auditor).await;
    assert_eq!(status, StatusCode::OK);
    let response = app
        .send(form(
            &format!("{contract}/notices/text"),
            &auditor,
            "name=x&text=Versie+2",
        ))
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    app.db.finish().await;
}
