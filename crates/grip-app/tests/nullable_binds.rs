//! Nullable numbers through sqlx's `Any` driver (issue 25, defect 1). On PostgreSQL the driver
//! caches each prepared statement per pooled connection with the parameter types of its first
//! use; it binds a NULL `f64` as `float4`, so a later non-NULL value on the same connection
//! failed and every upload after a document without a specificity answered 500. A pool of one
//! connection makes every statement reuse the same cache. The second test pins the bound on
//! retries: an item that always fails is given up instead of keeping its job busy forever.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

use grip_app::bulk::{self, MAX_ATTEMPTS, Step, Worker};
use grip_app::testing::{TestBackend, TestDb, user};
use grip_app::{
    Actor, App, DatabaseTarget, Role, documents, dossiers, on_both_backends, screening,
};
use grip_core::audit::Verification;
use grip_core::dossier::DossierInput;
use grip_core::screening_job::{ItemState, JobState};
use grip_store::{Backend, Store};
use sqlx::Executor;

const PLAIN: &[u8] = b"hello world";
const WITH_FINDINGS: &[u8] =
    b"Release 4.2 voegt slimme detectie toe: een neuraal netwerk herkent personen.";

async fn setup(app: &App) -> (Actor, String) {
    let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
    let input = DossierInput {
        title: "Camerabewaking".into(),
        estimated_value_eur: None,
        ..Default::default()
    };
    let dossier = dossiers::create(app, &buyer, &input).await.unwrap();
    (buyer, dossier)
}

/// The same database as `db`, through a pool of exactly one connection.
async fn one_connection(db: &TestDb) -> App {
    let DatabaseTarget::Url(url) = &db.target else {
        panic!("a PostgreSQL test database has a URL")
    };
    let pool = sqlx::any::AnyPoolOptions::new()
        .max_connections(1)
        .connect(url)
        .await
        .unwrap();
    App::new(Store {
        pool,
        backend: Backend::Postgres,
    })
}

async fn specificity(app: &App, actor: &Actor, document: &str) -> Option<f64> {
    let (_, stored) = screening::for_document(app, actor, document).await.unwrap();
    stored.expect("screened on upload").screening.specificity
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_null_then_a_real_specificity_on_one_postgres_connection() {
    let db = TestDb::new(TestBackend::Postgres).await;
    let app = one_connection(&db).await;
    let (buyer, dossier) = setup(&app).await;
    let mut plain = Vec::new();
    for i in 0..3 {
        let name = format!("hallo-{i}.txt");
        let doc = documents::upload(
            &app,
            &buyer,
            &dossier,
            &name,
            PLAIN,
            &grip_core::document::ProvenanceInput::internal(grip_core::Role::Inkoper),
        )
        .await;
        plain.push(doc.unwrap().id);
    }
    let mut found = Vec::new();
    for i in 0..3 {
        let name = format!("release-{i}.txt");
        let doc = documents::upload(
            &app,
            &buyer,
            &dossier,
            &name,
            WITH_FINDINGS,
            &grip_core::document::ProvenanceInput::internal(grip_core::Role::Inkoper),
        )
        .await;
        found.push(
            doc.unwrap_or_else(|e| panic!("upload {i} after NULLs: {e:?}"))
                .id,
        );
    }
    // The precondition of the defect: the plain text has no specificity, the other one has.
    assert_eq!(specificity(&app, &buyer, &plain[0]).await, None);
    let measured = specificity(&app, &buyer, &found[2]).await;
    assert!(measured.is_some_and(f64::is_finite), "{measured:?}");
    // And back: a NULL after a real value on the same cached statement.
    let again = documents::upload(
        &app,
        &buyer,
        &dossier,
        "hallo-4.txt",
        PLAIN,
        &grip_core::document::ProvenanceInput::internal(grip_core::Role::Inkoper),
    )
    .await;
    assert_eq!(specificity(&app, &buyer, &again.unwrap().id).await, None);

    // Nullable integers (a dossier's estimated value) keep their type; pinned all the same.
    let mut edit = DossierInput {
        title: "Camerabewaking".into(),
        estimated_value_eur: Some(125_000),
        ..Default::default()
    };
    dossiers::update(&app, &buyer, &dossier, &edit)
        .await
        .unwrap();
    edit.estimated_value_eur = None;
    dossiers::update(&app, &buyer, &dossier, &edit)
        .await
        .unwrap();
    edit.estimated_value_eur = Some(7);
    dossiers::update(&app, &buyer, &dossier, &edit)
        .await
        .unwrap();
    let detail = dossiers::detail(&app, &buyer, &dossier).await.unwrap();
    assert_eq!(detail.dossier.estimated_value_eur, Some(7));

    // The bulk path on the same connection: a plain file then one with findings, both done.
    let files = vec![
        ("hallo.txt".to_string(), PLAIN.to_vec()),
        ("release.txt".to_string(), WITH_FINDINGS.to_vec()),
    ];
    let job = bulk::start_bulk_screening(
        &app,
        &buyer,
        &dossier,
        files,
        &grip_core::document::ProvenanceInput::internal(grip_core::Role::Inkoper),
    )
    .await
    .unwrap();
    let handled = bulk::process_until_idle(&app, &Worker::new())
        .await
        .unwrap();
    assert_eq!(handled, 2);
    let status = bulk::job_status(&app, &buyer, &dossier, &job.id)
        .await
        .unwrap();
    assert_eq!(status.job.state, JobState::Done);
    assert_eq!((status.job.done_count, status.job.failed_count), (2, 0));

    app.store.close().await;
    db.finish().await;
}

/// Makes every insert of a screening fail, as a database that refuses a write would.
async fn refuse_screenings(app: &App) {
    let pool = &app.store.pool;
    match app.store.backend {
        Backend::Sqlite => {
            pool.execute(
                "create trigger refuse_screening before insert on document_screening \
                 begin select raise(abort, 'refused by the test'); end",
            )
            .await
            .unwrap();
        }
        Backend::Postgres => {
            pool.execute(
                "create function refuse_screening() returns trigger language plpgsql as \
                 $$ begin raise exception 'refused by the test'; end $$",
            )
            .await
            .unwrap();
            pool.execute(
                "create trigger refuse_screening before insert on document_screening \
                 for each row execute function refuse_screening()",
            )
            .await
            .unwrap();
        }
    }
}

on_both_backends!(an_item_that_keeps_failing_is_given_up, |db| {
    let app = &db.app;
    let (buyer, dossier) = setup(app).await;
    let files = vec![("offerte.txt".to_string(), WITH_FINDINGS.to_vec())];
    let job = bulk::start_bulk_screening(
        app,
        &buyer,
        &dossier,
        files,
        &grip_core::document::ProvenanceInput::internal(grip_core::Role::Inkoper),
    )
    .await
    .unwrap();
    refuse_screenings(app).await;
    let worker = Worker::new();
    for attempt in 1..MAX_ATTEMPTS {
        let step = bulk::run_next_job_step(app, &worker).await;
        assert!(
            step.is_err(),
            "attempt {attempt} fails and is retried later"
        );
    }
    let given_up = bulk::run_next_job_step(app, &worker).await.unwrap();
    assert!(
        matches!(
            &given_up,
            Step::Item {
                document_id: None,
                ..
            }
        ),
        "{given_up:?}"
    );
    let status = bulk::job_status(app, &buyer, &dossier, &job.id)
        .await
        .unwrap();
    assert_eq!(status.items[0].state, ItemState::Failed);
    assert!(
        status.items[0]
            .error
            .as_deref()
            .unwrap()
            .contains("drie pogingen")
    );
    assert_eq!(status.job.state, JobState::Failed);
    assert_eq!(
        bulk::run_next_job_step(app, &worker).await.unwrap(),
        Step::Idle
    );
    let chain = grip_app::audit::verify(app, None).await.unwrap();
    assert!(matches!(chain, Verification::Intact { .. }), "{chain:?}");
});
