//! Storage behaviour through the use cases, each test once on SQLite and once on PostgreSQL.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

use grip_app::testing::{TestDb, clear_phase_gate, user};
use grip_app::{
    AppError, Paging, Phase, Role, auth, demo, documents, dossiers, on_both_backends, register,
};
use grip_core::DataLabel;
use grip_core::audit::Verification;
use grip_core::dossier::DossierFilter;
use grip_core::dossier::DossierInput;
use sqlx::Executor;

fn input(title: &str) -> DossierInput {
    DossierInput {
        title: title.into(),
        description: "Vervanging van de surveillancevoertuigen".into(),
        ..Default::default()
    }
}

async fn verify(db: &TestDb) -> Verification {
    grip_app::audit::verify(&db.app, None).await.unwrap()
}

async fn audit_count(db: &TestDb) -> i64 {
    let (n,): (i64,) = sqlx::query_as("select cast(count(*) as bigint) from audit_event")
        .fetch_one(&db.app.store.pool)
        .await
        .unwrap();
    n
}

on_both_backends!(dossier_lifecycle_is_stored_and_audited, |db| {
    let app = &db.app;
    let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
    let id = dossiers::create(app, &buyer, &input("Surveillanceauto's 2027"))
        .await
        .unwrap();
    let mut edit = input("Surveillanceauto's 2027-2031");
    edit.classification_label = Some("Politie Vertrouwelijk".into());
    edit.estimated_value_eur = Some(96_500_000);
    dossiers::update(app, &buyer, &id, &edit).await.unwrap();
    // The phase gate holds while mandatory checklist items are open.
    let held = dossiers::move_to_next_phase(app, &buyer, &id, Some("behoeftestelling")).await;
    assert!(
        matches!(&held, Err(AppError::Conflict(m)) if m.contains("verplichte punten open")),
        "{held:?}"
    );
    let open = grip_app::checklists::for_dossier(app, &buyer, &id)
        .await
        .unwrap()
        .open_mandatory()
        .count();
    assert!(open > 0);
    clear_phase_gate(app, &buyer, &id).await;
    assert_eq!(
        dossiers::move_to_next_phase(app, &buyer, &id, Some("behoeftestelling"))
            .await
            .unwrap(),
        Phase::Marktverkenning
    );

    let detail = dossiers::detail(app, &buyer, &id).await.unwrap();
    assert_eq!(detail.dossier.title, "Surveillanceauto's 2027-2031");
    assert_eq!(detail.dossier.classification_label, DataLabel::Confidential);
    assert_eq!(detail.dossier.estimated_value_eur, Some(96_500_000));
    assert_eq!(detail.dossier.phase, Phase::Marktverkenning);
    assert!(detail.members.iter().any(|m| m.username == "inkoper"));

    let history = grip_app::audit::list(app, &buyer, Some(&id), Paging::new(None, None))
        .await
        .unwrap();
    let kinds: Vec<_> = history
        .items
        .iter()
        .map(|e| e.kind.as_str())
        // Clearing the gate: waivers, and the second person of the four-eyes rule joining.
        .filter(|k| *k != "checklist.status_set" && *k != "dossier.member_added")
        .collect();
    assert_eq!(
        kinds,
        ["dossier.phase_moved", "dossier.updated", "dossier.created"]
    );
    assert!(
        history
            .items
            .iter()
            .find(|e| e.kind == "dossier.updated")
            .is_some_and(|e| e.payload.contains("Politie Vertrouwelijk"))
    );
    // Besides the dossier's own events, the two accounts were created.
    assert_eq!(
        verify(db).await,
        Verification::Intact {
            events: history.total + 2
        }
    );
});

on_both_backends!(stale_and_final_phase_moves_are_refused, |db| {
    let app = &db.app;
    let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
    let id = dossiers::create(app, &buyer, &input("Bodycams"))
        .await
        .unwrap();
    clear_phase_gate(app, &buyer, &id).await;
    dossiers::move_to_next_phase(app, &buyer, &id, Some("behoeftestelling"))
        .await
        .unwrap();
    let stale = dossiers::move_to_next_phase(app, &buyer, &id, Some("behoeftestelling")).await;
    assert!(matches!(stale, Err(AppError::Conflict(_))), "{stale:?}");
    for _ in 0..6 {
        clear_phase_gate(app, &buyer, &id).await;
        dossiers::move_to_next_phase(app, &buyer, &id, None)
            .await
            .unwrap();
    }
    clear_phase_gate(app, &buyer, &id).await;
    let last = dossiers::move_to_next_phase(app, &buyer, &id, None).await;
    assert!(matches!(last, Err(AppError::Conflict(_))));
    assert_eq!(
        dossiers::get(app, &buyer, &id).await.unwrap().phase,
        Phase::ExitHerbeoordeling
    );
});

on_both_backends!(rights_are_enforced_in_the_use_cases, |db| {
    let app = &db.app;
    let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
    let other = user(app, "inkoper2", &[Role::Inkoper]).await;
    let auditor = user(app, "auditor", &[Role::Auditor]).await;
    let admin = user(app, "beheerder", &[Role::Beheerder]).await;
    assert!(matches!(
        dossiers::create(app, &auditor, &input("x")).await,
        Err(AppError::Forbidden)
    ));
    let id = dossiers::create(app, &buyer, &input("Tolkdiensten"))
        .await
        .unwrap();
    let before = audit_count(db).await;
    assert!(matches!(
        dossiers::update(app, &other, &id, &input("Gekaapt")).await,
        Err(AppError::Forbidden)
    ));
    assert!(matches!(
        dossiers::move_to_next_phase(app, &auditor, &id, None).await,
        Err(AppError::Forbidden)
    ));
    assert_eq!(
        audit_count(db).await,
        before,
        "a refused change writes no event"
    );
    dossiers::update(app, &admin, &id, &input("Tolk- en vertaaldiensten"))
        .await
        .unwrap();
    assert_eq!(
        dossiers::get(app, &auditor, &id).await.unwrap().title,
        "Tolk- en vertaaldiensten"
    );
});

on_both_backends!(invalid_input_changes_nothing, |db| {
    let app = &db.app;
    let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
    let id = dossiers::create(app, &buyer, &input("Camerabewaking"))
        .await
        .unwrap();
    let before = audit_count(db).await;
    let mut bad = input("");
    bad.classification_label = Some("Geheimer".into());
    let Err(AppError::Invalid(errors)) = dossiers::update(app, &buyer, &id, &bad).await else {
        panic!("expected field errors");
    };
    assert_eq!(errors.len(), 2);
    let mut unknown_category = input("Camerabewaking");
    unknown_category.category_id = Some("no-such-category".into());
    assert!(matches!(
        dossiers::update(app, &buyer, &id, &unknown_category).await,
        Err(AppError::Invalid(_))
    ));
    assert_eq!(
        dossiers::get(app, &buyer, &id).await.unwrap().title,
        "Camerabewaking"
    );
    assert_eq!(audit_count(db).await, before);
});

on_both_backends!(uploads_are_checked_before_anything_is_stored, |db| {
    let app = &db.app;
    let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
    let id = dossiers::create(app, &buyer, &input("Ademanalyse"))
        .await
        .unwrap();
    let doc = documents::upload(
        app,
        &buyer,
        &id,
        "offerte.txt",
        "Ons apparaat bevat geen AI.".as_bytes(),
        &grip_core::document::ProvenanceInput::internal(grip_core::Role::Inkoper),
    )
    .await
    .unwrap();
    assert_eq!(doc.media_type, "text/plain");
    let before = audit_count(db).await;
    let too_big = vec![b'a'; app.limits.max_document_bytes + 1];
    assert!(matches!(
        documents::upload(
            app,
            &buyer,
            &id,
            "groot.txt",
            &too_big,
            &grip_core::document::ProvenanceInput::internal(grip_core::Role::Inkoper)
        )
        .await,
        Err(AppError::TooLarge { .. })
    ));
    assert!(matches!(
        documents::upload(
            app,
            &buyer,
            &id,
            "x.pdf",
            b"\x00\x01\x02\x03",
            &grip_core::document::ProvenanceInput::internal(grip_core::Role::Inkoper)
        )
        .await,
        Err(AppError::UnsupportedMedia(_))
    ));
    assert!(matches!(
        documents::upload(
            app,
            &buyer,
            &id,
            "leeg.txt",
            b"",
            &grip_core::document::ProvenanceInput::internal(grip_core::Role::Inkoper)
        )
        .await,
        Err(AppError::Invalid(_))
    ));
    assert!(matches!(
        documents::upload(
            app,
            &buyer,
            "missing",
            "a.txt",
            b"abc",
            &grip_core::document::ProvenanceInput::internal(grip_core::Role::Inkoper)
        )
        .await,
        Err(AppError::NotFound(_))
    ));
    assert_eq!(audit_count(db).await, before);
    let detail = dossiers::detail(app, &buyer, &id).await.unwrap();
    assert_eq!(detail.documents.len(), 1);
    let (_, bytes) = documents::download(app, &buyer, &doc.id).await.unwrap();
    assert_eq!(bytes, "Ons apparaat bevat geen AI.".as_bytes());
});

on_both_backends!(lists_filter_search_and_page, |db| {
    let app = &db.app;
    let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
    for i in 0..30 {
        let title = if i % 3 == 0 {
            format!("Bodycam serie {i}")
        } else {
            format!("Portofoon {i}")
        };
        let id = dossiers::create(app, &buyer, &input(&title)).await.unwrap();
        if i % 5 == 0 {
            clear_phase_gate(app, &buyer, &id).await;
            dossiers::move_to_next_phase(app, &buyer, &id, None)
                .await
                .unwrap();
        }
    }
    let all = Paging::new(Some(2), Some(12));
    let page = dossiers::list(app, &buyer, &DossierFilter::default(), all)
        .await
        .unwrap();
    assert_eq!(
        (page.total, page.items.len(), page.page, page.per_page),
        (30, 12, 2, 12)
    );
    let search = DossierFilter {
        query: Some("BODYCAM".into()),
        ..Default::default()
    };
    assert_eq!(
        dossiers::list(app, &buyer, &search, Paging::new(None, None))
            .await
            .unwrap()
            .total,
        10
    );
    let phase = DossierFilter {
        phase: dossiers::phase_filter(Some("marktverkenning")).unwrap(),
        ..Default::default()
    };
    assert_eq!(
        dossiers::list(app, &buyer, &phase, Paging::new(None, None))
            .await
            .unwrap()
            .total,
        6
    );
    let wildcard = DossierFilter {
        query: Some("%".into()),
        ..Default::default()
    };
    assert_eq!(
        dossiers::list(app, &buyer, &wildcard, Paging::new(None, None))
            .await
            .unwrap()
            .total,
        0
    );
    assert!(matches!(
        dossiers::phase_filter(Some("klaar")),
        Err(AppError::Invalid(_))
    ));
    let counts = dossiers::counts_per_phase(app, &buyer).await.unwrap();
    assert_eq!(counts[0], (Phase::Behoeftestelling, 24));
});

on_both_backends!(tampering_is_found_at_the_right_sequence_number, |db| {
    let app = &db.app;
    let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
    for i in 0..5 {
        dossiers::create(app, &buyer, &input(&format!("Dossier {i}")))
            .await
            .unwrap();
    }
    assert_eq!(verify(db).await, Verification::Intact { events: 6 });
    let pool = &app.store.pool;

    pool.execute("update audit_event set payload = '{\"title\":\"vervalst\"}' where seq = 3")
        .await
        .unwrap();
    let Verification::Broken(broken) = verify(db).await else {
        panic!("alteration not found")
    };
    assert_eq!(broken.seq(), 3);
    pool.execute("delete from audit_event where seq = 3")
        .await
        .unwrap();
    let Verification::Broken(broken) = verify(db).await else {
        panic!("deletion not found")
    };
    assert_eq!(broken.seq(), 3);
});

on_both_backends!(reordering_and_truncation_are_found, |db| {
    let app = &db.app;
    let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
    for i in 0..5 {
        dossiers::create(app, &buyer, &input(&format!("Dossier {i}")))
            .await
            .unwrap();
    }
    let pool = &app.store.pool;
    pool.execute("update audit_event set seq = -1 where seq = 4")
        .await
        .unwrap();
    pool.execute("update audit_event set seq = 4 where seq = 5")
        .await
        .unwrap();
    pool.execute("update audit_event set seq = 5 where seq = -1")
        .await
        .unwrap();
    let Verification::Broken(broken) = verify(db).await else {
        panic!("reordering not found")
    };
    assert_eq!(broken.seq(), 4);
    pool.execute("delete from audit_event where seq >= 4")
        .await
        .unwrap();
    let Verification::Broken(broken) = verify(db).await else {
        panic!("truncation not found")
    };
    assert_eq!(broken.seq(), 4, "{broken}");
});

on_both_backends!(concurrent_writers_keep_the_chain_linear, |db| {
    let app = db.app.clone();
    let buyer = user(&app, "inkoper", &[Role::Inkoper]).await;
    let mut tasks = Vec::new();
    for w in 0..8 {
        let (app, buyer) = (app.clone(), buyer.clone());
        tasks.push(tokio::spawn(async move {
            for i in 0..10 {
                dossiers::create(&app, &buyer, &input(&format!("Writer {w} dossier {i}")))
                    .await
                    .unwrap();
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    assert_eq!(verify(db).await, Verification::Intact { events: 81 });
    let (min, max, n): (i64, i64, i64) =
        sqlx::query_as("select min(seq), max(seq), cast(count(*) as bigint) from audit_event")
            .fetch_one(&app.store.pool)
            .await
            .unwrap();
    assert_eq!((min, max, n), (1, 81, 81));
});

on_both_backends!(sessions_and_tokens, |db| {
    let app = &db.app;
    let buyer = user(app, "inkoper", &[Role::Inkoper, Role::Jurist]).await;
    assert!(matches!(
        auth::sign_in(app, "inkoper", "wrong-password").await,
        Err(AppError::Unauthenticated)
    ));
    assert!(matches!(
        auth::sign_in(app, "nobody", "test-password").await,
        Err(AppError::Unauthenticated)
    ));
    let signed = auth::sign_in(app, "inkoper", "test-password")
        .await
        .unwrap();
    let actor = auth::session_actor(app, &signed.session_secret)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(actor.roles, vec![Role::Inkoper, Role::Jurist]);
    auth::sign_out(app, &signed.session_secret).await.unwrap();
    assert!(
        auth::session_actor(app, &signed.session_secret)
            .await
            .unwrap()
            .is_none()
    );

    let token = auth::create_api_token(app, None, "inkoper", "ci")
        .await
        .unwrap();
    assert_eq!(
        auth::token_actor(app, &token)
            .await
            .unwrap()
            .unwrap()
            .user_id,
        buyer.user_id
    );
    assert!(
        auth::token_actor(app, "grip_made-up")
            .await
            .unwrap()
            .is_none()
    );
    let (stored,): (i64,) =
        sqlx::query_as("select cast(count(*) as bigint) from api_token where token_hash = $1")
            .bind(&token)
            .fetch_one(&app.store.pool)
            .await
            .unwrap();
    assert_eq!(stored, 0, "the token itself is never stored");
});

on_both_backends!(demo_loads_once_and_verifies, |db| {
    let app = &db.app;
    let listing = br#"{"algoritmes": [
        {"id": "1", "title": "MONOcam", "organisatie": "Politie", "doel": "Detectie van telefoongebruik", "status": "in_gebruik"},
        {"id": "2", "title": "Chatbot", "organisatie": "Gemeente", "doel": "Vragen beantwoorden", "status": "ontwikkeling"}]}"#;
    let outcome = demo::load(
        app,
        "grip-demo",
        Some(demo::RegisterListing { bytes: listing }),
    )
    .await
    .unwrap();
    let demo::DemoOutcome::Created {
        dossiers: n,
        register_imported,
    } = outcome
    else {
        panic!("{outcome:?}")
    };
    assert!(n >= 12);
    assert_eq!(register_imported, 2);
    let again = demo::load(app, "grip-demo", None).await.unwrap();
    assert!(matches!(again, demo::DemoOutcome::AlreadyPresent { .. }));
    let signed = auth::sign_in(app, "auditor", "grip-demo").await.unwrap();
    assert_eq!(signed.actor.roles, vec![Role::Auditor]);
    assert!(matches!(verify(db).await, Verification::Intact { .. }));
    let report = register::import_listing(app, "cli", listing).await.unwrap();
    assert_eq!((report.imported, report.skipped), (0, 2));
    let before = audit_count(db).await;
    assert!(
        register::import_listing(app, "cli", b"{broken")
            .await
            .is_err()
    );
    assert_eq!(audit_count(db).await, before);
});

on_both_backends!(a_newer_database_is_refused, |db| {
    db.app
        .store
        .pool
        .execute(
            "insert into _sqlx_migrations (version, description, installed_on, success, checksum, execution_time) \
             values (99990101, 'from the future', '2030-01-01 00:00:00', true, x'00', 0)",
        )
        .await
        .ok();
    // The insert above differs per backend; retry in PostgreSQL's spelling when needed.
    if db.app.store.database_schema_version().await.unwrap() != Some(99990101) {
        db.app
            .store
            .pool
            .execute(
                "insert into _sqlx_migrations (version, description, installed_on, success, checksum, execution_time) \
                 values (99990101, 'from the future', now(), true, '\\x00'::bytea, 0)",
            )
            .await
            .unwrap();
    }
    let err = grip_app::App::open(&db.target).await.unwrap_err();
    assert!(err.to_string().contains("newer than this grip"), "{err}");
});
