//! Spend imports on SQLite and PostgreSQL, on a file whose answer is known (the demo's Q1
//! invoices: 20 good lines, 3 bad): each line placed by CPV, supplier or description with
//! its reason; the unplaced share right; bad lines named; the same file twice adds nothing;
//! a supplier placed by hand stays placed for the next import; a broken file stores nothing.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

use grip_app::spend::{self, SpendSource};
use grip_app::testing::{demo_actor, user};
use grip_app::{AppError, Role, demo, on_both_backends};
use grip_core::spend::ImportStatus;

const Q1: &str = include_str!("../demo/spend-2026-q1.csv");

fn source(dir: &std::path::Path, name: &str, text: &[u8]) -> SpendSource {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    SpendSource {
        name: name.into(),
        path,
    }
}

on_both_backends!(a_known_file_gives_the_known_unplaced_share, |db| {
    let app = &db.app;
    // The demo brings the categories (and imports this same file once).
    demo::load(app, "demo-password", None).await.unwrap();
    let buyer = demo_actor(app, "inkoper", Role::Inkoper).await;
    let reader = user(app, "lezer", &[Role::Auditor]).await;
    let dir = std::env::temp_dir().join(format!("grip-spend-test-{}", grip_store::new_id()));
    std::fs::create_dir_all(&dir).unwrap();

    let overview = spend::overview(app, &buyer).await.unwrap();
    assert_eq!(overview.totals.lines, 20);
    assert_eq!(overview.totals.cents, 732_854_675);
    let (unplaced_lines, unplaced_cents) = overview.totals.unplaced();
    assert_eq!(
        (unplaced_lines, unplaced_cents),
        (3, 22_798_000),
        "advice, printing, electricity"
    );
    let import = &overview.imports[0];
    assert_eq!(
        (import.lines_read, import.lines_stored, import.rejected),
        (23, 20, 3)
    );
    let named: Vec<_> = import.report.iter().map(|r| r.nl.as_str()).collect();
    assert_eq!(
        named,
        [
            "regel 22: geen leverancier",
            "regel 23: \u{201c}31-04-2026\u{201d} is geen datum",
            "regel 24: \u{201c}twaalf euro\u{201d} is geen bedrag"
        ]
    );

    // The same file again adds nothing; the same lines in another file are duplicates.
    let preview = spend::preview(&source(&dir, "q1.csv", Q1.as_bytes())).unwrap();
    let again = spend::import_file(
        app,
        &buyer,
        source(&dir, "q1.csv", Q1.as_bytes()),
        preview.mapping.clone(),
    )
    .await
    .unwrap();
    assert!(matches!(&again, spend::Imported::Earlier(i) if i.id == import.id));
    let copy = format!("{Q1}2026-04-03;Keurmeester Advies;Advies vervolg;12.500,00;\n");
    let more = spend::import_file(
        app,
        &buyer,
        source(&dir, "q1-en-april.csv", copy.as_bytes()),
        preview.mapping.clone(),
    )
    .await
    .unwrap();
    let more = more.import();
    assert_eq!((more.lines_stored, more.duplicates), (1, 20));

    // Placed by hand, a supplier stays placed: its open lines now, its lines in later files.
    let refused =
        spend::place_supplier(app, &reader, "keurmeester advies", "facilitaire-diensten").await;
    assert!(matches!(refused, Err(AppError::Forbidden)));
    let unknown = spend::place_supplier(app, &buyer, "keurmeester advies", "telepathie").await;
    assert!(matches!(unknown, Err(AppError::Invalid(_))));
    let placed = spend::place_supplier(app, &buyer, "keurmeester advies", "facilitaire-diensten")
        .await
        .unwrap();
    assert_eq!(placed, 2);
    let may = "Datum;Leverancier;Omschrijving;Bedrag\n2026-05-01;KEURMEESTER ADVIES BV;Advies mei;1.000,00\n";
    spend::import_file(
        app,
        &buyer,
        source(&dir, "mei.csv", may.as_bytes()),
        grip_spend::guess(&[
            "Datum".into(),
            "Leverancier".into(),
            "Omschrijving".into(),
            "Bedrag".into(),
        ]),
    )
    .await
    .unwrap();
    // A supplier placed by a CPV code in one file places its lines in the next.
    let april = "Datum;Leverancier;Omschrijving;Bedrag\n2026-04-30;Brugwoord Taaldiensten B.V.;April;1,00\n";
    spend::import_file(
        app,
        &buyer,
        source(&dir, "april.csv", april.as_bytes()),
        grip_spend::guess(&[
            "Datum".into(),
            "Leverancier".into(),
            "Omschrijving".into(),
            "Bedrag".into(),
        ]),
    )
    .await
    .unwrap();
    let after = spend::overview(app, &buyer).await.unwrap();
    assert_eq!(after.totals.unplaced(), (2, 22_798_000 - 3_750_000));

    // A workbook that is not one is refused and stores nothing.
    let mapping = grip_spend::guess(&["Leverancier".into(), "Bedrag".into()]);
    let failed = spend::import_file(
        app,
        &buyer,
        source(&dir, "kapot.xlsx", b"PK\x03\x04 kapot"),
        mapping,
    )
    .await;
    assert!(matches!(failed, Err(AppError::Invalid(_))), "{failed:?}");
    let totals = spend::overview(app, &buyer).await.unwrap();
    assert_eq!(
        totals.totals.lines, after.totals.lines,
        "nothing of the broken file counts"
    );
    assert!(
        totals
            .imports
            .iter()
            .all(|i| i.status == ImportStatus::Done)
    );
    let _ = std::fs::remove_dir_all(&dir);
});
