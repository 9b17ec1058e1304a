//! Bulk screening jobs through the use cases, on SQLite and PostgreSQL: starting checks and
//! expands everything first (unsafe archives store nothing), the worker turns items into
//! screened documents, a crashed worker's job is taken over, and concurrent workers never
//! make a document twice.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

use grip_app::bulk::{self, Step, Worker};
use grip_app::testing::{expire_job_lease, user, zip_bomb, zip_of};
use grip_app::{Actor, App, AppError, Paging, Role, audit, dossiers, on_both_backends};
use grip_core::dossier::DossierInput;
use grip_core::screening_job::{ItemState, JobState};
use std::collections::HashSet;

const AI_TEXT: &[u8] =
    b"Release 4.2 voegt slimme detectie toe: een neuraal netwerk herkent personen.";
const PLAIN_TEXT: &[u8] = b"# Bureaustoelen\nStevige stoelen met verstelbare armleuningen.";
const BROKEN_PDF: &[u8] = b"%PDF-1.7 afgebroken";

async fn setup(app: &App) -> (Actor, String) {
    let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
    let input = DossierInput {
        title: "Camerabewaking".into(),
        ..Default::default()
    };
    let dossier = dossiers::create(app, &buyer, &input).await.unwrap();
    (buyer, dossier)
}

async fn document_count(app: &App, actor: &Actor, dossier: &str) -> usize {
    dossiers::detail(app, actor, dossier)
        .await
        .unwrap()
        .documents
        .len()
}

async fn event_kinds(app: &App, actor: &Actor, dossier: &str) -> Vec<String> {
    audit::list(app, actor, Some(dossier), Paging::new(Some(1), Some(200)))
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|e| e.kind)
        .collect()
}

fn files(n: usize) -> Vec<(String, Vec<u8>)> {
    (1..=n)
        .map(|i| {
            let text = format!("Offerte {i}: de camera gebruikt gezichtsherkenning.");
            (format!("offerte-{i}.txt"), text.into_bytes())
        })
        .collect()
}

on_both_backends!(
    a_zip_is_expanded_screened_and_stored_like_single_uploads,
    |db| {
        let app = &db.app;
        let (buyer, dossier) = setup(app).await;
        let nested = zip_of(&[("binnen.txt", b"tekst".as_slice())]);
        let archive = zip_of(&[
            ("offertes/release-notes.txt", AI_TEXT),
            ("offertes/stoelen.md", PLAIN_TEXT),
            ("kapot.pdf", BROKEN_PDF),
            ("programma.exe", b"MZ\x90\x00\x03\x00\x00\x00".as_slice()),
            ("bijlagen.zip", nested.as_slice()),
        ]);
        let job = bulk::start_bulk_screening(
            app,
            &buyer,
            &dossier,
            vec![("upload.zip".into(), archive)],
            &grip_core::document::ProvenanceInput::internal(grip_core::Role::Inkoper),
        )
        .await
        .unwrap();
        assert_eq!(job.state, JobState::Queued);
        assert_eq!((job.total, job.skipped_count), (5, 2));
        assert_eq!(
            document_count(app, &buyer, &dossier).await,
            0,
            "nothing before the worker"
        );

        let handled = bulk::process_until_idle(app, &Worker::new()).await.unwrap();
        assert_eq!(handled, 3);
        let status = bulk::job_status(app, &buyer, &dossier, &job.id)
            .await
            .unwrap();
        assert_eq!(status.job.state, JobState::Done);
        assert_eq!(
            (
                status.job.done_count,
                status.job.failed_count,
                status.job.skipped_count
            ),
            (3, 0, 2)
        );
        assert!(status.is_finished());
        assert_eq!(status.handled(), 5);
        let by_name = |n: &str| status.items.iter().find(|i| i.name == n).unwrap();
        assert_eq!(
            by_name("release-notes.txt").verdict.as_deref(),
            Some("ai_indicated")
        );
        assert_eq!(
            by_name("release-notes.txt").source_path.as_deref(),
            Some("offertes/release-notes.txt"),
            "the folder is dropped from the name, kept as the source"
        );
        assert_eq!(
            by_name("stoelen.md").verdict.as_deref(),
            Some("no_ai_indicated")
        );
        let broken = by_name("kapot.pdf");
        assert_eq!(
            broken.state,
            ItemState::Done,
            "an unreadable document is still stored"
        );
        assert_eq!(broken.verdict.as_deref(), Some("unreadable"));
        assert!(broken.error.is_some(), "with the extraction error");
        let exe = by_name("programma.exe");
        assert_eq!(exe.state, ItemState::Skipped);
        assert!(exe.error.as_deref().unwrap().contains("niet ondersteund"));
        let inner = by_name("bijlagen.zip");
        assert_eq!(inner.state, ItemState::Skipped);
        assert!(inner.error.as_deref().unwrap().contains("niet uitgepakt"));

        // Each document is a dossier document with its stored screening, as after an upload.
        assert_eq!(document_count(app, &buyer, &dossier).await, 3);
        let doc = by_name("release-notes.txt").document_id.clone().unwrap();
        let (row, stored) = grip_app::screening::for_document(app, &buyer, &doc)
            .await
            .unwrap();
        assert_eq!(row.original_name, "release-notes.txt");
        assert_eq!(row.uploaded_by, buyer.user_id);
        assert_eq!(stored.unwrap().verdict_name(), "ai_indicated");

        let kinds = event_kinds(app, &buyer, &dossier).await;
        let count = |k: &str| kinds.iter().filter(|x| *x == k).count();
        assert_eq!(count("screening_job.started"), 1);
        assert_eq!(count("document.uploaded"), 3);
        assert_eq!(count("screening_job.finished"), 1);
        assert!(matches!(
            audit::verify(app, None).await.unwrap(),
            grip_core::audit::Verification::Intact { .. }
        ));

        let jobs = bulk::list_jobs(app, &buyer, &dossier).await.unwrap();
        assert_eq!(jobs.len(), 1);
    }
);

on_both_backends!(unsafe_uploads_are_refused_and_nothing_is_stored, |db| {
    let app = &db.app;
    let (buyer, dossier) = setup(app).await;
    let before = event_kinds(app, &buyer, &dossier).await.len();
    let many: Vec<(String, Vec<u8>)> = (0..1_001)
        .map(|i| (format!("d{i}.txt"), b"x".to_vec()))
        .collect();
    let many: Vec<(&str, &[u8])> = many
        .iter()
        .map(|(n, c)| (n.as_str(), c.as_slice()))
        .collect();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("bom.zip", zip_bomb(), "zip_bomb"),
        ("veel.zip", zip_of(&many), "zip_too_many_entries"),
        (
            "ontsnapping.zip",
            zip_of(&[
                ("goed.txt", AI_TEXT),
                ("../../etc/cron.d/x.txt", b"x".as_slice()),
            ]),
            "zip_unsafe_name",
        ),
        (
            "absoluut.zip",
            zip_of(&[("/etc/passwd", b"x".as_slice())]),
            "zip_unsafe_name",
        ),
        ("leeg.zip", zip_of(&[]), "zip_empty"),
        (
            "kapot.zip",
            b"PK\x03\x04 geen echt archief".to_vec(),
            "zip_corrupt",
        ),
    ];
    for (name, bytes, code) in cases {
        // A good file alongside: the whole upload is refused, not just the archive.
        let upload = vec![
            ("goed.txt".to_string(), AI_TEXT.to_vec()),
            (name.to_string(), bytes),
        ];
        match bulk::start_bulk_screening(
            app,
            &buyer,
            &dossier,
            upload,
            &grip_core::document::ProvenanceInput::internal(grip_core::Role::Inkoper),
        )
        .await
        {
            Err(AppError::Invalid(errors)) => {
                assert_eq!(errors[0].code, code, "{name}");
                // The message names the archive (as an argument the interface words).
                assert!(
                    errors[0].arg("name").is_some_and(|n| n.contains(name)),
                    "{name}: {:?}",
                    errors[0].args
                );
            }
            other => panic!("{name}: expected a refusal, got {other:?}"),
        }
    }
    let too_big = vec![0x41u8; app.limits.max_document_bytes + 1];
    let result = bulk::start_bulk_screening(
        app,
        &buyer,
        &dossier,
        vec![("groot.txt".into(), too_big)],
        &grip_core::document::ProvenanceInput::internal(grip_core::Role::Inkoper),
    )
    .await;
    assert!(
        matches!(result, Err(AppError::TooLarge { .. })),
        "{result:?}"
    );
    let result = bulk::start_bulk_screening(
        app,
        &buyer,
        &dossier,
        Vec::new(),
        &grip_core::document::ProvenanceInput::internal(grip_core::Role::Inkoper),
    )
    .await;
    assert!(matches!(result, Err(AppError::Invalid(_))));

    // People who may not upload to the dossier are refused before anything is read.
    let auditor = user(app, "auditor", &[Role::Auditor]).await;
    let outsider = user(app, "buitenstaander", &[Role::Inkoper]).await;
    for actor in [&auditor, &outsider] {
        let result = bulk::start_bulk_screening(
            app,
            actor,
            &dossier,
            files(1),
            &grip_core::document::ProvenanceInput::internal(grip_core::Role::Inkoper),
        )
        .await;
        assert!(matches!(result, Err(AppError::Forbidden)), "{result:?}");
    }
    let result = bulk::start_bulk_screening(
        app,
        &buyer,
        "geen-dossier",
        files(1),
        &grip_core::document::ProvenanceInput::internal(grip_core::Role::Inkoper),
    )
    .await;
    assert!(matches!(result, Err(AppError::NotFound(_))));

    assert!(
        bulk::list_jobs(app, &buyer, &dossier)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        bulk::process_until_idle(app, &Worker::new()).await.unwrap(),
        0
    );
    assert_eq!(document_count(app, &buyer, &dossier).await, 0);
    assert_eq!(event_kinds(app, &buyer, &dossier).await.len(), before);
});

on_both_backends!(a_crashed_worker_is_taken_over_without_duplicates, |db| {
    let app = &db.app;
    let (buyer, dossier) = setup(app).await;
    let job = bulk::start_bulk_screening(
        app,
        &buyer,
        &dossier,
        files(4),
        &grip_core::document::ProvenanceInput::internal(grip_core::Role::Inkoper),
    )
    .await
    .unwrap();
    let first = Worker::new();
    let second = Worker::new();
    let step = bulk::run_next_job_step(app, &first).await.unwrap();
    assert!(
        matches!(
            step,
            Step::Item {
                position: 1,
                document_id: Some(_),
                ..
            }
        ),
        "{step:?}"
    );
    // The first worker "crashes" here. While its lease runs, the job stays its own.
    assert_eq!(
        bulk::run_next_job_step(app, &second).await.unwrap(),
        Step::Idle
    );
    let status = bulk::job_status(app, &buyer, &dossier, &job.id)
        .await
        .unwrap();
    assert_eq!(
        (status.job.state.code(), status.job.done_count),
        ("running", 1)
    );

    expire_job_lease(app, &job.id).await;
    assert_eq!(bulk::process_until_idle(app, &second).await.unwrap(), 3);
    assert_eq!(
        bulk::run_next_job_step(app, &first).await.unwrap(),
        Step::Idle
    );

    let status = bulk::job_status(app, &buyer, &dossier, &job.id)
        .await
        .unwrap();
    assert_eq!(
        (status.job.state.code(), status.job.done_count),
        ("done", 4)
    );
    let ids: HashSet<_> = status
        .items
        .iter()
        .filter_map(|i| i.document_id.clone())
        .collect();
    assert_eq!(ids.len(), 4);
    assert_eq!(document_count(app, &buyer, &dossier).await, 4);
    let kinds = event_kinds(app, &buyer, &dossier).await;
    assert_eq!(
        kinds.iter().filter(|k| *k == "document.uploaded").count(),
        4
    );
});

on_both_backends!(concurrent_workers_never_handle_an_item_twice, |db| {
    let app = &db.app;
    let (buyer, dossier) = setup(app).await;
    let mut jobs = Vec::new();
    for _ in 0..2 {
        jobs.push(
            bulk::start_bulk_screening(
                app,
                &buyer,
                &dossier,
                files(6),
                &grip_core::document::ProvenanceInput::internal(grip_core::Role::Inkoper),
            )
            .await
            .unwrap(),
        );
    }
    // A lease of 0 ms is always expired: the workers keep taking the jobs from each other,
    // so they race for the same items all the time.
    let mut runs = Vec::new();
    for _ in 0..3 {
        let (app, worker) = (app.clone(), Worker::new().with_lease_ms(0));
        runs.push(tokio::spawn(async move {
            bulk::process_until_idle(&app, &worker).await
        }));
    }
    let mut handled = 0;
    for run in runs {
        handled += run.await.unwrap().unwrap();
    }
    assert_eq!(handled, 12, "each item counted by exactly one worker");
    for job in &jobs {
        let status = bulk::job_status(app, &buyer, &dossier, &job.id)
            .await
            .unwrap();
        assert_eq!(status.job.state, JobState::Done);
        assert_eq!(status.job.done_count, 6);
        assert!(
            status
                .items
                .iter()
                .all(|i| i.state == ItemState::Done && i.document_id.is_some())
        );
    }
    assert_eq!(document_count(app, &buyer, &dossier).await, 12);
    let kinds = event_kinds(app, &buyer, &dossier).await;
    assert_eq!(
        kinds.iter().filter(|k| *k == "document.uploaded").count(),
        12
    );
    assert_eq!(
        kinds
            .iter()
            .filter(|k| *k == "screening_job.finished")
            .count(),
        2
    );
    assert!(matches!(
        audit::verify(app, None).await.unwrap(),
        grip_core::audit::Verification::Intact { .. }
    ));
});

on_both_backends!(
    a_job_can_be_cancelled_by_its_creator_or_an_uploading_member,
    |db| {
        let app = &db.app;
        let (buyer, dossier) = setup(app).await;
        let lawyer = user(app, "jurist", &[Role::Jurist]).await;
        let auditor = user(app, "auditor", &[Role::Auditor]).await;
        dossiers::add_member(app, &buyer, &dossier, "jurist", Role::Jurist)
            .await
            .unwrap();
        dossiers::add_member(app, &buyer, &dossier, "auditor", Role::Auditor)
            .await
            .unwrap();
        let job = bulk::start_bulk_screening(
            app,
            &buyer,
            &dossier,
            files(3),
            &grip_core::document::ProvenanceInput::internal(grip_core::Role::Inkoper),
        )
        .await
        .unwrap();
        bulk::run_next_job_step(app, &Worker::new()).await.unwrap();

        let refused = bulk::cancel_job(app, &auditor, &dossier, &job.id).await;
        assert!(matches!(refused, Err(AppError::Forbidden)), "{refused:?}");
        let wrong_dossier = bulk::cancel_job(app, &lawyer, "ander-dossier", &job.id).await;
        assert!(matches!(wrong_dossier, Err(AppError::NotFound(_))));

        let cancelled = bulk::cancel_job(app, &lawyer, &dossier, &job.id)
            .await
            .unwrap();
        assert_eq!(cancelled.state, JobState::Cancelled);
        assert_eq!((cancelled.done_count, cancelled.skipped_count), (1, 2));
        assert_eq!(
            bulk::process_until_idle(app, &Worker::new()).await.unwrap(),
            0
        );
        assert_eq!(
            document_count(app, &buyer, &dossier).await,
            1,
            "done items stay"
        );
        let again = bulk::cancel_job(app, &buyer, &dossier, &job.id).await;
        assert!(matches!(again, Err(AppError::Conflict(_))));
        let kinds = event_kinds(app, &buyer, &dossier).await;
        assert_eq!(
            kinds
                .iter()
                .filter(|k| *k == "screening_job.cancelled")
                .count(),
            1
        );
    }
);
