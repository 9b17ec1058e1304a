//! Screening through the use cases, on SQLite and PostgreSQL: an upload stores its screening
//! (with the lexicon) in the same transaction as the document and its audit event.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

use grip_app::testing::user;
use grip_app::{AppError, Role, documents, dossiers, on_both_backends, screening};
use grip_core::dossier::DossierInput;

on_both_backends!(uploads_store_their_screening, |db| {
    let app = &db.app;
    let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
    let input = DossierInput {
        title: "Camerabewaking".into(),
        description: "Camera's voor het bureau".into(),
        ..Default::default()
    };
    let dossier = dossiers::create(app, &buyer, &input).await.unwrap();
    let text = b"Release 4.2 voegt slimme detectie toe: een neuraal netwerk herkent personen.";
    let doc = documents::upload(
        app,
        &buyer,
        &dossier,
        "release-notes.txt",
        text,
        &grip_core::document::ProvenanceInput::internal(grip_core::Role::Inkoper),
    )
    .await
    .unwrap();
    let (_, stored) = screening::for_document(app, &buyer, &doc.id).await.unwrap();
    let stored = stored.expect("screened on upload");
    assert_eq!(stored.verdict_name(), "ai_indicated");
    assert_eq!(stored.screening.verdict, screening::Verdict::AiIndicated);
    assert!(!stored.screening.findings.is_empty());
    assert_eq!(stored.lexicon_id, screening::lexicon().unwrap().id());
    let verdicts = screening::verdicts_for_dossier(app, &buyer, &dossier)
        .await
        .unwrap();
    assert_eq!(
        verdicts.get(doc.id.as_str()).map(String::as_str),
        Some("ai_indicated")
    );

    // Refused uploads store neither a document nor a screening.
    let garbage = documents::upload(
        app,
        &buyer,
        &dossier,
        "x.pdf",
        b"\x00\x01\x02",
        &grip_core::document::ProvenanceInput::internal(grip_core::Role::Inkoper),
    )
    .await;
    assert!(matches!(garbage, Err(AppError::UnsupportedMedia(_))));
    let verdicts = screening::verdicts_for_dossier(app, &buyer, &dossier)
        .await
        .unwrap();
    assert_eq!(verdicts.len(), 1);

    // Rights come before any parsing: someone off the team is refused even for a file that
    // would otherwise be refused for its content.
    let outsider = user(app, "buiten", &[Role::Inkoper]).await;
    let refused = documents::upload(
        app,
        &outsider,
        &dossier,
        "x.pdf",
        b"\x00\x01\x02",
        &grip_core::document::ProvenanceInput::internal(grip_core::Role::Inkoper),
    )
    .await;
    assert!(matches!(refused, Err(AppError::Forbidden)), "{refused:?}");

    let view = screening::document_view(app, &buyer, &doc.id)
        .await
        .unwrap();
    let shown = view.text.unwrap();
    let f = &stored.screening.findings[0];
    let range = grip_screen::char_range_to_bytes(&shown, f.start, f.end).unwrap();
    assert!(
        f.excerpt.contains(&shown[range]),
        "offsets point into the shown text"
    );
});
