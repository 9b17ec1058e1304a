//! The rights matrix: every route, asked by every role and by nobody, is allowed or refused
//! exactly as the table below says. The table is written out by hand on purpose: it is the
//! specification, not a copy of the code's rules. The dossier is marked secret, so the table
//! is asked twice: by its members (as the table says) and by people of the same roles off its
//! team, to whom every route of the dossier answers 404 (the auditor alone reads it).
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

mod support;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use grip_app::Role;
use grip_core::dossier::DossierInput;
use support::{Person, TestApp, multipart, with_session, with_token};

#[derive(Clone, Copy)]
enum Who {
    /// Every role may.
    All,
    Only(&'static [&'static str]),
}

enum BodyKind {
    None,
    Form(&'static str),
    Json(&'static str),
    Upload,
}

struct Route {
    method: Method,
    path: &'static str,
    api: bool,
    who: Who,
    body: BodyKind,
}

const EDITORS: &[&str] = &["inkoper", "behoeftesteller", "contractmanager", "beheerder"];
const CREATORS: &[&str] = &["inkoper", "behoeftesteller", "beheerder"];
const MOVERS: &[&str] = &["inkoper", "contractmanager", "beheerder"];
const UPLOADERS: &[&str] = &[
    "inkoper",
    "behoeftesteller",
    "contractmanager",
    "jurist",
    "privacy",
    "security",
    "ai-expert",
    "beheerder",
];
const CATALOGUE: &[&str] = &["inkoper", "beheerder"];
const INVENTORY: &[&str] = &["inkoper", "contractmanager", "beheerder"];
const ADMIN: &[&str] = &["beheerder"];
const CONTRACT_MANAGERS: &[&str] = &["inkoper", "contractmanager"];
const VERIFIERS: &[&str] = &["auditor", "beheerder"];
const CLASSIFIERS: &[&str] = &["inkoper", "jurist", "privacy", "ai-expert", "beheerder"];
const PACKAGE_EDITORS: &[&str] = &[
    "inkoper",
    "behoeftesteller",
    "jurist",
    "privacy",
    "security",
    "ai-expert",
    "beheerder",
];
const FREEZERS: &[&str] = &["inkoper", "beheerder"];
const CHECKERS: &[&str] = &[
    "inkoper",
    "behoeftesteller",
    "contractmanager",
    "jurist",
    "privacy",
    "security",
    "ai-expert",
    "beoordelaar",
    "beheerder",
];
const OBLIGATION_KEEPERS: &[&str] = &[
    "inkoper",
    "contractmanager",
    "jurist",
    "privacy",
    "security",
    "ai-expert",
    "beheerder",
];
/// A high-risk profile: classifying it keeps the obligation the rows below change.
const PROFILE: &str = r#"{"schema":"grip.system-profile/1","ai_definition":{"machine_based":true,"autonomy":true,"infers_outputs":true,"only_human_defined_rules":false},"exclusions":{"military_defence_national_security_only":false,"scientific_research_only":false},"gpai":{"is_gpai_model":false,"systemic_risk":false},"prohibited_practices":[],"realtime_rbi":{"used":false,"objective":"none","national_law_permits":null,"prior_authorisation":null},"annex_i":{"legislation":"none","safety_component_or_product":false,"third_party_conformity_assessment":false},"annex_iii_purposes":["6e"],"art6_3":{"narrow_procedural_task":false,"improves_completed_human_activity":false,"detects_patterns_without_replacing_human_assessment":false,"preparatory_task":false,"profiling_natural_persons":true},"transparency":{"interacts_directly_with_persons":false,"generates_synthetic_content":false,"emotion_recognition_or_biometric_categorisation":false,"deep_fake":false,"public_interest_text_without_editorial_review":false,"law_enforcement_exception":false},"deployment":{"public_authority":true,"law_enforcement":true,"under_own_name_or_trademark":false,"substantial_modification":false,"changes_purpose_to_high_risk":false},"name":"Profileringstool opsporing"}"#;
const PROFILE_BODY: &str = r#"{"profile":{"schema":"grip.system-profile/1","ai_definition":{"machine_based":true,"autonomy":true,"infers_outputs":true,"only_human_defined_rules":false},"exclusions":{"military_defence_national_security_only":false,"scientific_research_only":false},"gpai":{"is_gpai_model":false,"systemic_risk":false},"prohibited_practices":[],"realtime_rbi":{"used":false,"objective":"none","national_law_permits":null,"prior_authorisation":null},"annex_i":{"legislation":"none","safety_component_or_product":false,"third_party_conformity_assessment":false},"annex_iii_purposes":["6e"],"art6_3":{"narrow_procedural_task":false,"improves_completed_human_activity":false,"detects_patterns_without_replacing_human_assessment":false,"preparatory_task":false,"profiling_natural_persons":true},"transparency":{"interacts_directly_with_persons":false,"generates_synthetic_content":false,"emotion_recognition_or_biometric_categorisation":false,"deep_fake":false,"public_interest_text_without_editorial_review":false,"law_enforcement_exception":false},"deployment":{"public_authority":true,"law_enforcement":true,"under_own_name_or_trademark":false,"substantial_modification":false,"changes_purpose_to_high_risk":false},"name":"Profileringstool opsporing"}}"#;
/// An obligation every AI system in use yields (Art. 4 AI literacy).
const OBLIGATION: &str = "deployer-4-ai-literacy";

fn route(method: Method, path: &'static str, api: bool, who: Who, body: BodyKind) -> Route {
    Route {
        method,
        path,
        api,
        who,
        body,
    }
}

fn routes() -> Vec<Route> {
    use BodyKind::*;
    use Who::*;
    let (get, post, put) = (Method::GET, Method::POST, Method::PUT);
    vec![
        route(get.clone(), "/", false, All, None),
        route(get.clone(), "/dossiers", false, All, None),
        route(get.clone(), "/dossiers/new", false, Only(CREATORS), None),
        route(get.clone(), "/dossiers/{d}", false, All, None),
        route(
            get.clone(),
            "/dossiers/{d}/edit",
            false,
            Only(EDITORS),
            None,
        ),
        route(get.clone(), "/documents/{doc}", false, All, None),
        route(get.clone(), "/documents/{doc}/view", false, All, None),
        route(get.clone(), "/categories", false, All, None),
        route(get.clone(), "/suppliers", false, All, None),
        route(get.clone(), "/inventory", false, All, None),
        route(get.clone(), "/audit", false, All, None),
        route(get.clone(), "/audit/chain", false, Only(VERIFIERS), None),
        route(get.clone(), "/users", false, Only(ADMIN), None),
        route(
            post.clone(),
            "/dossiers",
            false,
            Only(CREATORS),
            Form("title=Nieuw+dossier"),
        ),
        route(
            post.clone(),
            "/dossiers/{d}",
            false,
            Only(EDITORS),
            Form("title=Bodycams+2027&status=active&classification_label=Politie+Geheim"),
        ),
        route(
            post.clone(),
            "/dossiers/{d}/phase",
            false,
            Only(MOVERS),
            Form(""),
        ),
        route(
            post.clone(),
            "/dossiers/{d}/documents",
            false,
            Only(UPLOADERS),
            Upload,
        ),
        route(
            post.clone(),
            "/suppliers",
            false,
            Only(CATALOGUE),
            Form("name=Leverancier+{role}"),
        ),
        route(
            post.clone(),
            "/inventory",
            false,
            Only(INVENTORY),
            Form("name=Systeem+{role}"),
        ),
        route(
            post.clone(),
            "/users",
            false,
            Only(ADMIN),
            Form("username=nieuw-{role}&display_name=Nieuw&password=lang-genoeg-ww&role=jurist"),
        ),
        route(
            post.clone(),
            "/users/jurist/roles",
            false,
            Only(ADMIN),
            Form("role=jurist"),
        ),
        route(
            post.clone(),
            "/users/uitdienst/password",
            false,
            Only(ADMIN),
            Form("password=nieuw-wachtwoord-{role}"),
        ),
        route(
            post.clone(),
            "/users/uitdienst/deactivate",
            false,
            Only(ADMIN),
            Form(""),
        ),
        route(
            post.clone(),
            "/users/uitdienst/reactivate",
            false,
            Only(ADMIN),
            Form(""),
        ),
        route(get.clone(), "/account", false, All, None),
        route(
            post.clone(),
            "/account/password",
            false,
            All,
            Form(
                "current_password=test-password&password=nieuw-{role}-ww\
                 &password_repeat=nieuw-{role}-ww",
            ),
        ),
        route(get.clone(), "/settings/access", false, Only(ADMIN), None),
        route(
            post.clone(),
            "/settings/access",
            false,
            Only(ADMIN),
            Form("open_up_to=internal&role=auditor"),
        ),
        route(
            post.clone(),
            "/dossiers/{d}/screening-jobs",
            false,
            Only(UPLOADERS),
            Upload,
        ),
        route(
            get.clone(),
            "/dossiers/{d}/screening-jobs/{job}",
            false,
            All,
            None,
        ),
        route(
            get.clone(),
            "/dossiers/{d}/screening-jobs/{job}/progress",
            false,
            All,
            None,
        ),
        route(
            post.clone(),
            "/dossiers/{d}/screening-jobs/{job}/cancel",
            false,
            Only(UPLOADERS),
            Form(""),
        ),
        route(
            post.clone(),
            "/api/v1/dossiers/{d}/screening-jobs",
            true,
            Only(UPLOADERS),
            Upload,
        ),
        route(
            get.clone(),
            "/api/v1/dossiers/{d}/screening-jobs/{job}",
            true,
            All,
            None,
        ),
        // The first allowed role cancels; the others find it ended (409, still allowed).
        route(
            post.clone(),
            "/api/v1/dossiers/{d}/screening-jobs/{job}/cancel",
            true,
            Only(UPLOADERS),
            None,
        ),
        route(get.clone(), "/api/v1/dossiers", true, All, None),
        route(get.clone(), "/api/v1/dossiers/{d}", true, All, None),
        route(
            get.clone(),
            "/api/v1/dossiers/{d}/documents",
            true,
            All,
            None,
        ),
        route(get.clone(), "/api/v1/documents/{doc}", true, All, None),
        route(
            get.clone(),
            "/api/v1/documents/{doc}/screening",
            true,
            All,
            None,
        ),
        route(Method::POST, "/api/v1/screen", true, All, Upload),
        route(
            get.clone(),
            "/api/v1/documents/{doc}/content",
            true,
            All,
            None,
        ),
        route(get.clone(), "/api/v1/categories", true, All, None),
        route(get.clone(), "/api/v1/suppliers", true, All, None),
        route(get.clone(), "/api/v1/inventory", true, All, None),
        route(get.clone(), "/api/v1/audit-events", true, All, None),
        route(
            post.clone(),
            "/api/v1/dossiers",
            true,
            Only(CREATORS),
            Json(r#"{"title": "API-dossier {role}"}"#),
        ),
        route(
            put.clone(),
            "/api/v1/dossiers/{d}",
            true,
            Only(EDITORS),
            Json(r#"{"title": "Bodycams 2027", "classification_label": "secret"}"#),
        ),
        route(
            post.clone(),
            "/api/v1/dossiers/{d}/phase",
            true,
            Only(MOVERS),
            None,
        ),
        route(
            post.clone(),
            "/api/v1/dossiers/{d}/documents",
            true,
            Only(UPLOADERS),
            Upload,
        ),
        route(
            post.clone(),
            "/api/v1/suppliers",
            true,
            Only(CATALOGUE),
            Json(r#"{"name": "API-leverancier {role}"}"#),
        ),
        route(
            post.clone(),
            "/api/v1/inventory",
            true,
            Only(INVENTORY),
            Json(r#"{"name": "API-systeem {role}"}"#),
        ),
        // Routes that change obligations come before those that re-classify, so the
        // obligation they name still exists.
        route(
            get.clone(),
            "/dossiers/{d}/classify",
            false,
            Only(CLASSIFIERS),
            None,
        ),
        route(
            get.clone(),
            "/dossiers/{d}/classifications/{c}",
            false,
            All,
            None,
        ),
        route(
            post.clone(),
            "/dossiers/{d}/obligations/{ob}",
            false,
            Only(OBLIGATION_KEEPERS),
            Form("status=in_progress&reason="),
        ),
        route(post.clone(), "/api/v1/classify", true, All, Json(PROFILE)),
        route(
            get.clone(),
            "/api/v1/dossiers/{d}/classifications",
            true,
            All,
            None,
        ),
        route(
            get.clone(),
            "/api/v1/dossiers/{d}/obligations",
            true,
            All,
            None,
        ),
        route(
            put.clone(),
            "/api/v1/dossiers/{d}/obligations/{ob}",
            true,
            Only(OBLIGATION_KEEPERS),
            Json(r#"{"status": "done"}"#),
        ),
        route(
            put,
            "/api/v1/dossiers/{d}/profile",
            true,
            Only(CLASSIFIERS),
            Json(PROFILE_BODY),
        ),
        route(
            post,
            "/dossiers/{d}/classify",
            false,
            Only(CLASSIFIERS),
            Form("step=ai&a_ai_definition.machine_based=yes"),
        ),
        // Tender package (generated in the setup; a freeze makes later edits conflicts).
        route(Method::GET, "/dossiers/{d}/package", false, All, None),
        // Register entries: everyone reads a system's entry and the export; those who keep
        // the inventory complete it; the administrator sets the organisation's details.
        route(Method::GET, "/inventory/{i}/register", false, All, None),
        route(Method::GET, "/models", false, All, None),
        route(Method::GET, "/portfolio", false, All, None),
        route(Method::GET, "/portfolio/none", false, All, None),
        route(Method::GET, "/spend", false, All, None),
        route(Method::GET, "/spend/export?format=csv", false, All, None),
        route(Method::GET, "/models/export?format=xlsx", false, All, None),
        route(
            Method::GET,
            "/portfolio/export?format=xlsx",
            false,
            All,
            None,
        ),
        route(Method::GET, "/dossiers/export?format=csv", false, All, None),
        route(
            Method::GET,
            "/inventory/export?format=csv",
            false,
            All,
            None,
        ),
        route(Method::GET, "/api/v1/portfolio", true, All, None),
        route(Method::GET, "/api/v1/spend", true, All, None),
        route(
            Method::POST,
            "/inventory/{i}/models",
            false,
            Only(INVENTORY),
            Form("component=Module+{role}&name=FaceEngine&provider=Veridex&modality=biometric"),
        ),
        route(
            Method::GET,
            "/inventory/{i}/register.json",
            false,
            All,
            None,
        ),
        route(
            Method::GET,
            "/inventory/register/export.json",
            false,
            All,
            None,
        ),
        route(
            Method::POST,
            "/inventory/{i}/register",
            false,
            Only(INVENTORY),
            Form("publication_category=other&lawful_basis=Politiewet+2012"),
        ),
        route(
            Method::POST,
            "/inventory/register/settings",
            false,
            Only(ADMIN),
            Form("organization=Politie&contact_email=register%40politie.example"),
        ),
        // Contracts: everyone on the team reads; the contract manager and the buyer record.
        route(Method::GET, "/dossiers/{d}/contracts", false, All, None),
        route(Method::GET, "/inbox", false, All, None),
        route(Method::GET, "/contracts/{k}", false, All, None),
        route(
            Method::POST,
            "/contracts/{k}/notices/text",
            false,
            Only(CONTRACT_MANAGERS),
            Form("name=release&text=Versie+2+herstelt+de+export."),
        ),
        route(
            Method::POST,
            "/api/v1/triage",
            true,
            All,
            Json(
                r#"{"baseline": {"schema": "grip.contract-baseline/1", "system": "X", "components": []}, "notices": [{"name": "n", "text": "Versie 2"}]}"#,
            ),
        ),
        route(
            Method::GET,
            "/dossiers/{d}/package/export?format=md",
            false,
            All,
            None,
        ),
        route(
            Method::POST,
            "/dossiers/{d}/package",
            false,
            Only(PACKAGE_EDITORS),
            Form("slot_place=op+de+A12"),
        ),
        route(
            Method::POST,
            "/dossiers/{d}/package/items",
            false,
            Only(PACKAGE_EDITORS),
            Form("op=add&section=requirement&text_nl=Eis+van+{role}&use=knock_out"),
        ),
        route(
            Method::POST,
            "/dossiers/{d}/package/items",
            false,
            Only(PACKAGE_EDITORS),
            Form("op=save&key=d-components&text_nl=Welke+onderdelen+({role})%3F"),
        ),
        route(Method::GET, "/api/v1/dossiers/{d}/package", true, All, None),
        route(
            Method::GET,
            "/api/v1/dossiers/{d}/package?format=json",
            true,
            All,
            None,
        ),
        route(
            Method::POST,
            "/api/v1/dossiers/{d}/package",
            true,
            Only(PACKAGE_EDITORS),
            Json("{}"),
        ),
        route(
            Method::PATCH,
            "/api/v1/dossiers/{d}/package/items/d-ai-present",
            true,
            Only(PACKAGE_EDITORS),
            Json(r#"{"text_nl": "Bevat het product AI? ({role})"}"#),
        ),
        route(
            Method::POST,
            "/api/v1/dossiers/{d}/package/items/d-ai-present/move",
            true,
            Only(PACKAGE_EDITORS),
            Json(r#"{"direction": "down"}"#),
        ),
        route(
            Method::POST,
            "/api/v1/dossiers/{d}/package/items",
            true,
            Only(PACKAGE_EDITORS),
            Json(r#"{"section": "clause", "text_nl": "Bepaling van {role}"}"#),
        ),
        route(
            Method::DELETE,
            "/api/v1/dossiers/{d}/package/items/d-edge-cloud",
            true,
            Only(PACKAGE_EDITORS),
            None,
        ),
        route(
            Method::POST,
            "/api/v1/dossiers/{d}/package/freeze",
            true,
            Only(FREEZERS),
            None,
        ),
        route(
            Method::POST,
            "/api/v1/dossiers/{d}/package/revise",
            true,
            Only(PACKAGE_EDITORS),
            None,
        ),
        route(
            Method::POST,
            "/dossiers/{d}/package/freeze",
            false,
            Only(FREEZERS),
            Form(""),
        ),
        route(
            Method::POST,
            "/dossiers/{d}/package/revise",
            false,
            Only(PACKAGE_EDITORS),
            Form(""),
        ),
        // Role x phase checklist: each role ticks off its own item of the first phase.
        route(
            Method::POST,
            "/dossiers/{d}/checklist",
            false,
            Only(CHECKERS),
            Form("item=bh-{role}&status=done"),
        ),
        route(
            Method::GET,
            "/api/v1/dossiers/{d}/checklist",
            true,
            All,
            None,
        ),
        route(
            Method::PUT,
            "/api/v1/dossiers/{d}/checklist/bh-{role}",
            true,
            Only(CHECKERS),
            Json(r#"{"status": "open"}"#),
        ),
        route(Method::GET, "/settings", false, Only(ADMIN), None),
        route(
            Method::POST,
            "/settings",
            false,
            Only(ADMIN),
            Form("waive_role=inkoper&waive_role=beheerder"),
        ),
        route(
            Method::POST,
            "/settings/labels",
            false,
            Only(ADMIN),
            Form(
                "public=Openbaar&internal=Politie+Intern&confidential=Politie+Vertrouwelijk\
                 &secret=Politie+Geheim",
            ),
        ),
    ]
}

/// Does the route name the dossier or something of it?
fn of_the_dossier(r: &Route) -> bool {
    ["{d}", "{doc}", "{c}", "{job}", "{k}"]
        .iter()
        .any(|p| r.path.contains(p))
}

fn build(
    app: &TestApp,
    r: &Route,
    who: Option<&Person>,
    classification: &str,
    job: &str,
    contract: &str,
    item: &str,
) -> Request<Body> {
    let role = who.map(|p| p.role.id()).unwrap_or("anonymous");
    let path = r
        .path
        .replace("{d}", &app.dossier_id)
        .replace("{doc}", &app.document_id)
        .replace("{c}", classification)
        .replace("{ob}", OBLIGATION)
        .replace("{role}", role)
        .replace("{job}", job)
        .replace("{k}", contract)
        .replace("{i}", item);
    let mut builder = Request::builder().method(r.method.clone()).uri(path);
    if let Some(person) = who {
        builder = if r.api {
            with_token(builder, &person.token)
        } else {
            with_session(builder, &person.session)
        };
    }
    let fill = |s: &str| s.replace("{role}", role);
    match &r.body {
        BodyKind::None => builder.body(Body::empty()).unwrap(),
        BodyKind::Form(text) => builder
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(fill(text)))
            .unwrap(),
        BodyKind::Json(text) => builder
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(fill(text)))
            .unwrap(),
        BodyKind::Upload => {
            let (content_type, body) =
                multipart("antwoord.txt", format!("Antwoord van {role}").as_bytes());
            builder
                .header(header::CONTENT_TYPE, content_type)
                .body(Body::from(body))
                .unwrap()
        }
    }
}

fn allowed(who: Who, role: Role) -> bool {
    match who {
        Who::All => true,
        Who::Only(roles) => roles.contains(&role.id()),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_for_every_role_and_for_nobody() {
    let app = TestApp::new().await;
    let submission = grip_app::classification::Submission {
        profile: serde_json::from_str(PROFILE).unwrap(),
        ..Default::default()
    };
    let buyer = app.person(Role::Inkoper).actor.clone();
    let stored = grip_app::classification::record(&app.db.app, &buyer, &app.dossier_id, submission)
        .await
        .unwrap();
    let c = stored.id.as_str();
    grip_app::packages::generate(&app.db.app, &buyer, &app.dossier_id, &Default::default())
        .await
        .unwrap();
    let job = grip_app::bulk::start_bulk_screening(
        &app.db.app,
        &buyer,
        &app.dossier_id,
        vec![("offerte.txt".into(), b"Slimme camera's.".to_vec())],
        &grip_core::document::ProvenanceInput::internal(grip_core::Role::Inkoper),
    )
    .await
    .unwrap();
    let job = job.id.as_str();
    let manager = app.person(Role::Contractmanager).actor.clone();
    let contract = grip_app::contracts::create(
        &app.db.app,
        &manager,
        &app.dossier_id,
        grip_app::contracts::NewContract {
            supplier: "Veltron BV".into(),
            starts_on: None,
            ends_on: None,
            value_cents: None,
            baseline:
                r#"{"schema": "grip.contract-baseline/1", "system": "Bodycam", "components": []}"#
                    .into(),
        },
    )
    .await
    .unwrap();
    let k = contract.id.as_str();
    let inventory_input = grip_app::inventory::InventoryInput {
        name: "Kentekenlezer".into(),
        ..Default::default()
    };
    let item = grip_app::inventory::create(&app.db.app, &buyer, &inventory_input)
        .await
        .unwrap();
    let item = item.as_str();
    grip_app::testing::user(&app.db.app, "uitdienst", &[Role::Jurist]).await;
    let secret = DossierInput {
        title: "Bodycams 2027".into(),
        classification_label: Some("secret".into()),
        ..Default::default()
    };
    grip_app::dossiers::update(&app.db.app, &buyer, &app.dossier_id, &secret)
        .await
        .unwrap();
    let mut failures = Vec::new();
    for r in routes() {
        let response = app.send(build(&app, &r, None, c, job, k, item)).await;
        let status = response.status();
        let to_login = response
            .headers()
            .get(header::LOCATION)
            .is_some_and(|l| l.to_str().unwrap_or("").starts_with("/login"));
        let refused_anonymous = if r.api {
            status == StatusCode::UNAUTHORIZED
        } else {
            status == StatusCode::SEE_OTHER && to_login
        };
        if !refused_anonymous {
            failures.push(format!("anonymous {} {} got {status}", r.method, r.path));
        }
        for role in Role::ALL {
            let person = app.person(role);
            let status = app
                .send(build(&app, &r, Some(person), c, job, k, item))
                .await
                .status();
            let expected = allowed(r.who, role);
            let was_allowed = status != StatusCode::FORBIDDEN
                && status != StatusCode::UNAUTHORIZED
                && !status.is_server_error();
            // A conflict (e.g. a frozen package) and, for DELETE, an item already removed
            // by the role before come after the rights check.
            let settled = status == StatusCode::CONFLICT
                || (r.method == Method::DELETE && status == StatusCode::NOT_FOUND);
            if was_allowed != expected || (expected && status.is_client_error() && !settled) {
                failures.push(format!(
                    "{} {} {} as {}: got {status}, expected {}",
                    r.method,
                    r.path,
                    if r.api { "(api)" } else { "" },
                    role.id(),
                    if expected { "allowed" } else { "refused" }
                ));
            }
        }
    }
    failures.extend(outsiders_find_nothing(&app, c, job, k, item).await);
    app.db.finish().await;
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// One person per role, signed in, on no dossier's team.
async fn outsiders(app: &TestApp) -> Vec<Person> {
    let mut people = Vec::new();
    for role in Role::ALL {
        let username = format!("buiten-{}", role.id());
        let actor = grip_app::testing::user(&app.db.app, &username, &[role]).await;
        let session = grip_app::auth::sign_in(&app.db.app, &username, "test-password")
            .await
            .unwrap()
            .session_secret;
        let token = grip_app::auth::create_api_token(&app.db.app, None, &username, "test")
            .await
            .unwrap();
        people.push(Person {
            role,
            actor,
            session,
            token,
        });
    }
    people
}

/// Every route of the (secret) dossier asked by people off its team: 404 for all but the
/// auditor, who reads (and is refused changes as in the table). A role the table refuses may
/// also meet that refusal first: a 403 that does not depend on the dossier tells nothing.
async fn outsiders_find_nothing(
    app: &TestApp,
    c: &str,
    job: &str,
    k: &str,
    item: &str,
) -> Vec<String> {
    let mut failures = Vec::new();
    let people = outsiders(app).await;
    for r in routes().iter().filter(|r| of_the_dossier(r)) {
        for person in &people {
            let status = app
                .send(build(app, r, Some(person), c, job, k, item))
                .await
                .status();
            let role = person.role;
            let ok = if role == Role::Auditor {
                let expected = allowed(r.who, role);
                let refused = status == StatusCode::FORBIDDEN;
                (status.is_success() || status.is_redirection() || status == StatusCode::CONFLICT)
                    == expected
                    && (expected || refused)
            } else {
                status == StatusCode::NOT_FOUND
                    || (status == StatusCode::FORBIDDEN && !allowed(r.who, role))
            };
            if !ok {
                failures.push(format!(
                    "{} {} {} as {} off the team: got {status}",
                    r.method,
                    r.path,
                    if r.api { "(api)" } else { "" },
                    role.id()
                ));
            }
        }
    }
    failures
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_buyer_who_is_not_a_member_cannot_change_the_dossier() {
    let app = TestApp::new().await;
    let outsider = grip_app::testing::user(&app.db.app, "buitenstaander", &[Role::Inkoper]).await;
    let session = grip_app::auth::sign_in(&app.db.app, &outsider.username, "test-password")
        .await
        .unwrap()
        .session_secret;
    let request = with_session(
        Request::post(format!("/dossiers/{}/phase", app.dossier_id)),
        &session,
    )
    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
    .body(Body::from(""))
    .unwrap();
    assert_eq!(app.send(request).await.status(), StatusCode::FORBIDDEN);
    let page = with_session(
        Request::get(format!("/dossiers/{}", app.dossier_id)),
        &session,
    )
    .body(Body::empty())
    .unwrap();
    let html = support::body_text(app.send(page).await).await;
    assert!(!html.contains("/phase\""), "the move button is not offered");
    app.db.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_secret_dossier_is_missing_from_every_list_of_an_outsider() {
    let app = TestApp::new().await;
    let buyer = app.person(Role::Inkoper).actor.clone();
    let secret = DossierInput {
        title: "Bodycams 2027".into(),
        classification_label: Some("secret".into()),
        ..Default::default()
    };
    grip_app::dossiers::update(&app.db.app, &buyer, &app.dossier_id, &secret)
        .await
        .unwrap();
    let outsider = outsiders(&app)
        .await
        .into_iter()
        .find(|p| p.role == Role::Inkoper)
        .unwrap();
    let get = |path: &str, person: &Person, api: bool| {
        let builder = Request::get(path);
        let builder = if api {
            with_token(builder, &person.token)
        } else {
            with_session(builder, &person.session)
        };
        builder.body(Body::empty()).unwrap()
    };
    let read = |path: String, person: &Person, api: bool| {
        let request = get(&path, person, api);
        async { support::body_text(app.send(request).await).await }
    };
    let member = app.person(Role::Inkoper);
    let d = app.dossier_id.clone();
    assert!(
        read("/api/v1/dossiers".into(), member, true)
            .await
            .contains(&d)
    );
    for path in [
        "/api/v1/dossiers",
        "/api/v1/dossiers?q=bodycams",
        "/api/v1/audit-events?per_page=100",
    ] {
        let body = read(path.into(), &outsider, true).await;
        assert!(!body.contains(&d), "{path} shows the dossier: {body}");
    }
    let list = read("/api/v1/dossiers".into(), &outsider, true).await;
    assert!(list.contains("\"total\":0"), "{list}");
    for path in ["/", "/dossiers", "/dossiers?q=bodycams", "/audit"] {
        let html = read(path.into(), &outsider, false).await;
        assert!(!html.contains("Bodycams"), "{path} shows the dossier");
    }
    let direct = app
        .send(get(&format!("/api/v1/dossiers/{d}"), &outsider, true))
        .await;
    assert_eq!(direct.status(), StatusCode::NOT_FOUND);
    assert!(support::body_text(direct).await.contains("not_found"));
    let page = app
        .send(get(&format!("/dossiers/{d}"), &outsider, false))
        .await;
    assert_eq!(page.status(), StatusCode::NOT_FOUND);
    assert!(!support::body_text(page).await.contains("Bodycams"));
    app.db.finish().await;
}
