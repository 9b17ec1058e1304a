//! Benchmark of the dossier list with many dossiers: seeds N dossiers (default 100,000) into a
//! fresh database and prints the median time of the list queries the dossier page makes.
//! Usage: bench_dossier_list sqlite|postgres [N]. Seeding writes rows directly (no audit
//! events): it prepares a fixture, it is not a use case.

use grip_app::testing::{TestBackend, TestDb, user};
use grip_app::{Paging, Phase, Role, dossiers};
use grip_core::DataLabel;
use grip_core::catalogue::{Category, Exposure};
use grip_core::dossier::{CategoryRef, Dossier, DossierFilter, DossierStatus, UserRef};
use grip_store::catalogue;
use std::time::{Duration, Instant};

const WORDS: [&str; 12] = [
    "bodycams",
    "surveillanceauto's",
    "tolkdiensten",
    "camerabewaking",
    "chatbot",
    "ademanalyse",
    "drones",
    "portofoons",
    "toegangscontrole",
    "kantoorsoftware",
    "schoonmaak",
    "forensisch",
];

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let backend = match args.get(1).map(String::as_str) {
        Some("postgres") => TestBackend::Postgres,
        _ => TestBackend::Sqlite,
    };
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let db = TestDb::new(backend).await;
    let app = &db.app;
    let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
    let categories = seed_categories(app).await;
    let started = Instant::now();
    seed_dossiers(app, &buyer.user_id, &categories, n).await;
    println!(
        "backend {backend:?}: seeded {n} dossiers in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let cases: Vec<(&str, DossierFilter, Paging)> = vec![
        (
            "first page, no filter",
            DossierFilter::default(),
            Paging::new(Some(1), Some(25)),
        ),
        (
            "page 2000, no filter",
            DossierFilter::default(),
            Paging::new(Some(2000), Some(25)),
        ),
        (
            "phase filter",
            DossierFilter {
                phase: Some(Phase::Contractering),
                ..Default::default()
            },
            Paging::new(None, None),
        ),
        (
            "category filter",
            DossierFilter {
                category_id: Some(categories[3].as_str().into()),
                ..Default::default()
            },
            Paging::new(None, None),
        ),
        (
            "search one word",
            DossierFilter {
                query: Some("drones".into()),
                ..Default::default()
            },
            Paging::new(None, None),
        ),
        (
            "search two words + phase",
            DossierFilter {
                query: Some("tolkdiensten 2028".into()),
                phase: Some(Phase::Specificatie),
                ..Default::default()
            },
            Paging::new(None, None),
        ),
        (
            "search, no match",
            DossierFilter {
                query: Some("onvindbaar".into()),
                ..Default::default()
            },
            Paging::new(None, None),
        ),
    ];
    println!(
        "{:<28} {:>10} {:>10} {:>8}",
        "query", "median ms", "max ms", "total"
    );
    for (name, filter, paging) in cases {
        let mut times = Vec::new();
        let mut total = 0;
        for _ in 0..15 {
            let t = Instant::now();
            total = dossiers::list(app, &buyer, &filter, paging)
                .await
                .expect("list")
                .total;
            times.push(t.elapsed());
        }
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "{name:<28} {:>10.2} {:>10.2} {total:>8}",
            ms(times[times.len() / 2]),
            ms(times[times.len() - 1])
        );
    }
    db.finish().await;
}

async fn seed_categories(app: &grip_app::App) -> Vec<String> {
    let mut tx = app.store.begin_write().await.expect("tx");
    let mut ids = Vec::new();
    for (i, word) in WORDS.iter().enumerate() {
        let row = Category {
            id: grip_store::new_id().into(),
            code: format!("cat-{i}"),
            name_nl: word.to_string(),
            name_en: word.to_string(),
            cpv_codes: vec!["34100000-8".into()],
            exposure: Exposure::Medium,
            reason_nl: "bench".into(),
            reason_en: "bench".into(),
        };
        catalogue::insert_category(&mut tx, &row)
            .await
            .expect("category");
        ids.push(row.id.into_string());
    }
    tx.commit().await.expect("commit");
    ids
}

async fn seed_dossiers(app: &grip_app::App, requester: &str, categories: &[String], n: usize) {
    let now = grip_app::now_ms();
    for chunk_start in (0..n).step_by(2000) {
        let mut tx = app.store.begin_write().await.expect("tx");
        for i in chunk_start..(chunk_start + 2000).min(n) {
            let word = WORDS[i % WORDS.len()];
            let record = Dossier {
                id: grip_store::new_id().into(),
                title: format!("Aanbesteding {word} {} lot {}", 2026 + i % 6, i),
                description: format!(
                    "Dossier {i} over {word}: behoefte, marktverkenning en contract voor de eenheden."
                ),
                category: Some(CategoryRef {
                    id: categories[i % categories.len()].as_str().into(),
                    code: String::new(),
                    name_nl: String::new(),
                    name_en: String::new(),
                }),
                requester: Some(UserRef {
                    id: requester.into(),
                    username: String::new(),
                }),
                phase: Phase::ALL[i % Phase::ALL.len()],
                classification_label: DataLabel::Internal,
                status: DossierStatus::Active,
                estimated_value_eur: Some((i as i64 % 500) * 10_000),
                created_at: now - i as i64 * 60_000,
                updated_at: now - i as i64 * 60_000,
            };
            grip_store::dossiers::insert(&mut tx, &record)
                .await
                .expect("insert");
        }
        tx.commit().await.expect("commit");
    }
}
