//! The award step on SQLite and PostgreSQL: bids tied to a frozen version, blind scoring
//! (no other assessor's score or count before submitting), consensus, sign-off rules, the
//! seal and its tamper check, the award gate, and the response workbook round trip.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

use std::collections::BTreeMap;

use grip_app::award::bids::{self, NewBid};
use grip_app::award::decisions::{self, Proposal, WeighingInput};
use grip_app::award::scoring::{self, Entry};
use grip_app::award::{checks, workbook};
use grip_app::catalogue::SupplierInput;
use grip_app::testing::{clear_checklist, clear_phase_gate, user};
use grip_app::{Actor, App, AppError, Phase, Role, dossiers, on_both_backends, packages};
use grip_core::audit::Verification;
use grip_core::award::bid::{BidAnswer, BidCheckKind, BidSource, Evidence};
use grip_core::award::decision::{Outcome, Weighing};
use grip_core::award::scoring::ScoreVisibility;
use grip_core::dossier::DossierInput;

struct Setup {
    id: String,
    buyer: Actor,
    a1: Actor,
    a2: Actor,
    jurist: Actor,
    expert: Actor,
    suppliers: Vec<String>,
}

async fn setup(app: &App) -> Setup {
    let buyer = user(app, "inkoper", &[Role::Inkoper]).await;
    let a1 = user(app, "beoordelaar1", &[Role::Beoordelaar]).await;
    let a2 = user(app, "beoordelaar2", &[Role::Beoordelaar]).await;
    let jurist = user(app, "jurist", &[Role::Jurist]).await;
    let expert = user(app, "ai-expert", &[Role::AiExpert]).await;
    let admin = user(app, "beheerder", &[Role::Beheerder]).await;
    let input = DossierInput {
        title: "Bodycams".into(),
        ..Default::default()
    };
    let id = dossiers::create(app, &buyer, &input).await.unwrap();
    for (who, role) in [
        (&a1, Role::Beoordelaar),
        (&a2, Role::Beoordelaar),
        (&jurist, Role::Jurist),
        (&expert, Role::AiExpert),
    ] {
        dossiers::add_member(app, &buyer, &id, &who.username, role)
            .await
            .unwrap();
    }
    packages::generate(app, &buyer, &id, &BTreeMap::new())
        .await
        .unwrap();
    packages::freeze(app, &buyer, &id, None, None)
        .await
        .unwrap();
    let mut suppliers = Vec::new();
    for name in ["Ooggetuige B.V.", "Lensvast B.V.", "Schouwlicht B.V."] {
        let input = SupplierInput {
            name: name.into(),
            kvk: String::new(),
            city: String::new(),
            description: String::new(),
        };
        suppliers.push(
            grip_app::catalogue::create_supplier(app, &admin, &input)
                .await
                .unwrap(),
        );
    }
    Setup {
        id,
        buyer,
        a1,
        a2,
        jurist,
        expert,
        suppliers,
    }
}

fn answers(app_keys: &[String], text: &str) -> Vec<BidAnswer> {
    app_keys
        .iter()
        .map(|k| BidAnswer {
            item_key: k.clone(),
            answer: if k == "d-ai-present" {
                "Nee, het product bevat geen AI.".into()
            } else {
                text.into()
            },
            documents: String::new(),
        })
        .collect()
}

async fn item_keys(app: &App, s: &Setup) -> Vec<String> {
    packages::get(app, &s.buyer, &s.id, None)
        .await
        .unwrap()
        .package
        .items()
        .map(|i| i.key.clone())
        .collect()
}

async fn bid(app: &App, s: &Setup, supplier: usize, text: &str, price: i64) -> String {
    let keys = item_keys(app, s).await;
    let new = NewBid {
        supplier_id: s.suppliers[supplier].clone(),
        package_version: None,
        price_cents: Some(price),
        answers: answers(&keys, text),
    };
    bids::record(app, &s.buyer, &s.id, new, BidSource::Api)
        .await
        .unwrap()
        .id
        .to_string()
}

async fn criteria(app: &App, s: &Setup) -> Vec<String> {
    scoring::assessment(app, &s.buyer, &s.id)
        .await
        .unwrap()
        .criteria
        .into_iter()
        .map(|c| c.key)
        .collect()
}

fn entries(criteria: &[String], level: i64) -> Vec<Entry> {
    criteria
        .iter()
        .map(|c| Entry {
            criterion_key: c.clone(),
            level,
            reason: format!("Reden voor {c}"),
        })
        .collect()
}

on_both_backends!(assessors_score_blind_until_they_submit, |db| {
    let app = &db.app;
    let s = setup(app).await;
    let b = bid(app, &s, 0, "Wij voldoen.", 10_000_000).await;
    let keys = criteria(app, &s).await;
    assert!(!keys.is_empty());

    // Scoring before declaring conflicts is refused.
    let early = scoring::record_scores(app, &s.a1, &s.id, &b, &entries(&keys, 3)).await;
    assert!(matches!(early, Err(AppError::Conflict(_))), "{early:?}");
    for a in [&s.a1, &s.a2] {
        scoring::declare_conflict(app, a, &s.id, false, "")
            .await
            .unwrap();
    }
    scoring::record_scores(app, &s.a1, &s.id, &b, &entries(&keys, 3))
        .await
        .unwrap();
    scoring::submit(app, &s.a1, &s.id, &b).await.unwrap();

    // The second assessor sees nothing of the first: not the scores, not their count.
    let view = scoring::assessment(app, &s.a2, &s.id).await.unwrap();
    let mine = &view.bids[0];
    assert_eq!(mine.visibility, ScoreVisibility::OwnOnly);
    assert!(mine.submitted.is_empty() && mine.submitted_count.is_none());
    assert!(mine.consensus.is_empty());
    assert!(view.spreads.is_empty() && view.alpha.is_none());
    assert!(view.ranking.is_err());
    // Nor through the trail: that someone else scored is not shown to an assessor.
    let seen = grip_app::audit::list(
        app,
        &s.a2,
        Some(&s.id),
        grip_app::Paging::new(Some(1), Some(200)),
    )
    .await
    .unwrap();
    assert!(
        seen.items
            .iter()
            .all(|e| !e.kind.starts_with("assessment.score")),
        "{:?}",
        seen.items
    );
    assert!(seen.total < 200);
    // Nor through the overview workbook.
    let sheet = workbook::overview(app, &s.a2, &s.id).await.unwrap();
    assert!(!String::from_utf8_lossy(&sheet.bytes).contains("beoordelaar1"));

    // A score without a reason, or out of range, is refused and nothing is stored.
    let mut bad = entries(&keys, 2);
    bad.last_mut().unwrap().reason = " ".into();
    assert!(
        scoring::record_scores(app, &s.a2, &s.id, &b, &bad)
            .await
            .is_err()
    );
    assert!(
        scoring::assessment(app, &s.a2, &s.id).await.unwrap().bids[0]
            .own
            .is_empty()
    );
    assert!(
        scoring::record_scores(app, &s.a2, &s.id, &b, &entries(&keys, 5))
            .await
            .is_err()
    );
    // Submitting with a criterion unscored is refused.
    scoring::record_scores(app, &s.a2, &s.id, &b, &entries(&keys[..1], 1))
        .await
        .unwrap();
    if keys.len() > 1 {
        assert!(matches!(
            scoring::submit(app, &s.a2, &s.id, &b).await,
            Err(AppError::Conflict(_))
        ));
    }
    scoring::record_scores(app, &s.a2, &s.id, &b, &entries(&keys, 1))
        .await
        .unwrap();
    scoring::submit(app, &s.a2, &s.id, &b).await.unwrap();
    // After submitting, the scores are fixed and the team's are visible.
    assert!(
        scoring::record_scores(app, &s.a2, &s.id, &b, &entries(&keys, 2))
            .await
            .is_err()
    );
    let view = scoring::assessment(app, &s.a2, &s.id).await.unwrap();
    assert_eq!(view.bids[0].submitted_count, Some(2));
    assert!(
        view.spreads.iter().all(|x| x.flagged),
        "3 against 1 differs by more than 1"
    );

    // The trail tells the team that scores were recorded, never which level.
    let trail = grip_app::audit::list(
        app,
        &s.buyer,
        Some(&s.id),
        grip_app::Paging::new(Some(1), Some(200)),
    )
    .await
    .unwrap();
    for e in trail
        .items
        .iter()
        .filter(|e| e.kind.starts_with("assessment.score"))
    {
        assert!(
            !e.payload.contains("level") && !e.payload.contains("Reden"),
            "{}",
            e.payload
        );
    }

    // The consensus is the buyer's, and only the assessors' own role may not record it.
    let refused =
        grip_app::award::consensus::record_consensus(app, &s.a1, &s.id, &b, &entries(&keys, 2))
            .await;
    assert!(matches!(refused, Err(AppError::Forbidden)), "{refused:?}");
    grip_app::award::consensus::record_consensus(app, &s.buyer, &s.id, &b, &entries(&keys, 2))
        .await
        .unwrap();
    let view = scoring::assessment(app, &s.buyer, &s.id).await.unwrap();
    let ranking = view.ranking.unwrap();
    assert_eq!(ranking.len(), 1);
    assert_eq!(ranking[0].rank, 1);
});

fn weighing_all(measure: &str) -> Vec<WeighingInput> {
    grip_knowledge::tender::INTERESTS
        .iter()
        .map(|i| WeighingInput {
            interest: (*i).into(),
            weighing: if *i == "privacy" {
                Weighing::Risk
            } else {
                Weighing::Neutral
            },
            note: String::new(),
            measures: measure.into(),
        })
        .collect()
}

fn proposal(winner: Option<String>) -> Proposal {
    Proposal {
        gate: Phase::BeoordelingGunning,
        outcome: Outcome::Go,
        conditions: String::new(),
        motivation: "Beste prijs-kwaliteitverhouding.".into(),
        winning_bid: winner,
        weighing: weighing_all("DPIA vooraf."),
        supersedes: None,
        supersede_reason: None,
    }
}

on_both_backends!(decisions_are_signed_by_the_right_people_then_sealed, |db| {
    let app = &db.app;
    let s = setup(app).await;
    let b = bid(app, &s, 1, "Concreet antwoord.", 9_000_000).await;

    // Every interest must be weighed, every risk addressed.
    let mut missing = proposal(None);
    missing.weighing.pop();
    assert!(matches!(
        decisions::propose(app, &s.buyer, &s.id, missing).await,
        Err(AppError::Invalid(_))
    ));
    let mut unaddressed = proposal(None);
    unaddressed.weighing = weighing_all("");
    assert!(matches!(
        decisions::propose(app, &s.buyer, &s.id, unaddressed).await,
        Err(AppError::Invalid(_))
    ));
    // An assessor does not propose.
    assert!(
        decisions::propose(app, &s.a1, &s.id, proposal(None))
            .await
            .is_err()
    );

    let record = decisions::propose(app, &s.buyer, &s.id, proposal(Some(b.clone())))
        .await
        .unwrap();
    assert_eq!(
        record.required_roles,
        vec![Role::Inkoper, Role::Jurist, Role::AiExpert]
    );
    // Wrong role, a role not held, signing twice: refused.
    let refused = decisions::sign(app, &s.jurist, &record.id, Role::AiExpert).await;
    assert!(matches!(refused, Err(AppError::Conflict(_))), "{refused:?}");
    let refused = decisions::sign(app, &s.a1, &record.id, Role::Beoordelaar).await;
    assert!(matches!(refused, Err(AppError::Conflict(_))), "{refused:?}");
    decisions::sign(app, &s.jurist, &record.id, Role::Jurist)
        .await
        .unwrap();
    assert!(
        decisions::sign(app, &s.jurist, &record.id, Role::Jurist)
            .await
            .is_err()
    );
    decisions::sign(app, &s.buyer, &record.id, Role::Inkoper)
        .await
        .unwrap();
    // The gate holds until the record is sealed.
    let to_award = async |phase: Phase| {
        dossiers::move_to_next_phase(app, &s.buyer, &s.id, Some(phase.id())).await
    };
    let mut phase = dossiers::get(app, &s.buyer, &s.id).await.unwrap().phase;
    while phase < Phase::BeoordelingGunning {
        clear_phase_gate(app, &s.buyer, &s.id).await;
        to_award(phase).await.unwrap();
        phase = dossiers::get(app, &s.buyer, &s.id).await.unwrap().phase;
    }
    clear_checklist(app, &s.buyer, &s.id).await;
    let held = to_award(Phase::BeoordelingGunning).await;
    assert!(
        matches!(&held, Err(AppError::Conflict(why)) if why.contains("verzegeld gunningsbesluit")),
        "{held:?}"
    );

    let sealed = decisions::sign(app, &s.expert, &record.id, Role::AiExpert)
        .await
        .unwrap();
    let hash = sealed.content_hash.clone().unwrap();
    assert!(hash.starts_with("sha256:"));
    assert!(
        decisions::sign(app, &s.buyer, &record.id, Role::Inkoper)
            .await
            .is_err(),
        "sealed"
    );
    to_award(Phase::BeoordelingGunning).await.unwrap();
    let intact = grip_app::audit::verify(app, None).await.unwrap();
    assert!(matches!(intact, Verification::Intact { .. }), "{intact:?}");

    // Changed in the database after sealing: the verification names the record.
    let mut conn = app.store.conn().await.unwrap();
    sqlx::query("update decision set motivation = 'Anders besloten.' where id = $1")
        .bind(record.id.as_str())
        .execute(&mut *conn)
        .await
        .unwrap();
    drop(conn);
    match grip_app::audit::verify(app, None).await.unwrap() {
        Verification::SealBroken { decisions } => {
            assert_eq!(decisions, vec![record.id.to_string()])
        }
        other => panic!("tampering not caught: {other:?}"),
    }
});

on_both_backends!(a_sole_proposer_cannot_approve_alone, |db| {
    let app = &db.app;
    let s = setup(app).await;
    let admin = user(app, "beheerder2", &[Role::Beheerder]).await;
    decisions::set_award_signers(app, &admin, &[Role::Inkoper])
        .await
        .unwrap();
    let record = decisions::propose(app, &s.buyer, &s.id, proposal(None))
        .await
        .unwrap();
    let refused = decisions::sign(app, &s.buyer, &record.id, Role::Inkoper).await;
    assert!(
        matches!(&refused, Err(AppError::Conflict(why)) if why.contains("tweede")),
        "{refused:?}"
    );
});

on_both_backends!(checks_catch_a_contradicted_no_ai_declaration, |db| {
    let app = &db.app;
    let s = setup(app).await;
    let b = bid(app, &s, 0, "Wij voldoen.", 10_000_000).await;
    bids::attach_document(
        app,
        &s.buyer,
        &s.id,
        &b,
        "bijlage.txt",
        "AutoRedact gebruikt een neuraal netwerk voor gezichtsherkenning en herkent dezelfde persoon in alle beelden.".as_bytes(),
    )
    .await
    .unwrap();
    let all = checks::for_dossier(app, &s.buyer, &s.id).await.unwrap();
    let mine = &all[0];
    assert!(mine.declared_no_ai);
    let contradicted = mine
        .findings
        .iter()
        .find(|f| f.kind == BidCheckKind::NoAiContradicted)
        .unwrap();
    assert!(
        contradicted.excerpt.contains("gezichtsherkenning"),
        "{:?}",
        contradicted
    );
    assert!(
        mine.findings
            .iter()
            .any(|f| f.kind == BidCheckKind::UndisclosedCategory)
    );
    assert!(
        mine.matrix
            .iter()
            .any(|m| m.evidence == Evidence::Contradicted)
    );
    // A second bid on the same version by the same supplier is refused.
    let keys = item_keys(app, &s).await;
    let again = NewBid {
        supplier_id: s.suppliers[0].clone(),
        package_version: None,
        price_cents: None,
        answers: answers(&keys, "x"),
    };
    assert!(matches!(
        bids::record(app, &s.buyer, &s.id, again, BidSource::Typed).await,
        Err(AppError::AlreadyExists(_))
    ));
    // Answers to items the package does not have are refused, and nothing is stored.
    let wrong = NewBid {
        supplier_id: s.suppliers[1].clone(),
        package_version: None,
        price_cents: None,
        answers: vec![BidAnswer {
            item_key: "no-such-item".into(),
            answer: "x".into(),
            documents: String::new(),
        }],
    };
    assert!(matches!(
        bids::record(app, &s.buyer, &s.id, wrong, BidSource::Api).await,
        Err(AppError::Invalid(_))
    ));
    assert_eq!(bids::list(app, &s.buyer, &s.id).await.unwrap().len(), 1);
});

on_both_backends!(the_response_workbook_round_trips, |db| {
    let app = &db.app;
    let s = setup(app).await;
    let blank = workbook::response_workbook(app, &s.buyer, &s.id)
        .await
        .unwrap();
    // The blank form lacks the supplier's name: refused, nothing imported.
    let refused = workbook::import(app, &s.buyer, &s.id, Some(&s.suppliers[2]), &blank.bytes).await;
    assert!(matches!(refused, Err(AppError::Conflict(_))), "{refused:?}");
    assert!(bids::list(app, &s.buyer, &s.id).await.unwrap().is_empty());
    let refused = workbook::import(
        app,
        &s.buyer,
        &s.id,
        Some(&s.suppliers[2]),
        b"not a workbook",
    )
    .await;
    assert!(matches!(refused, Err(AppError::Conflict(_))), "{refused:?}");

    // Filled in by the supplier (named in the workbook) and read back into a bid.
    let (package, items) = workbook::response_form(app, &s.buyer, &s.id).await.unwrap();
    let answers = items
        .iter()
        .map(|i| {
            (
                i.key.clone(),
                (format!("Antwoord op {}", i.key), "bijlage 2".to_string()),
            )
        })
        .collect();
    let filled =
        grip_workbook::write_filled_response_workbook(&package, &items, "Lensvast B.V.", answers)
            .unwrap();
    let bid = workbook::import(app, &s.buyer, &s.id, None, &filled)
        .await
        .unwrap();
    assert_eq!(bid.supplier_name, "Lensvast B.V.");
    assert_eq!(bid.source, BidSource::Workbook);
    let view = bids::get(app, &s.buyer, &s.id, &bid.id).await.unwrap();
    let first = &items[0].key;
    let answer = view.answers.iter().find(|a| &a.item_key == first).unwrap();
    assert_eq!(answer.answer, format!("Antwoord op {first}"));
    assert_eq!(answer.documents, "bijlage 2");

    // A workbook for an older version is refused once a new version is frozen.
    packages::revise(app, &s.buyer, &s.id).await.unwrap();
    packages::freeze(app, &s.buyer, &s.id, None, None)
        .await
        .unwrap();
    let stale = grip_workbook::write_filled_response_workbook(
        &package,
        &items,
        "Schouwlicht B.V.",
        Default::default(),
    )
    .unwrap();
    let refused = workbook::import(app, &s.buyer, &s.id, None, &stale).await;
    assert!(
        matches!(&refused, Err(AppError::Conflict(why)) if why.contains("niets opgeslagen")),
        "{refused:?}"
    );
    // The earlier bid still answers the version it answered.
    assert_eq!(
        bids::get(app, &s.buyer, &s.id, &bid.id)
            .await
            .unwrap()
            .bid
            .package_version,
        package.version
    );
});

on_both_backends!(concurrent_final_signatures_seal_exactly_once, |db| {
    let app = &db.app;
    // A second server process on the same database.
    let other = App::open(&db.target).await.unwrap();
    let s = setup(app).await;
    let mut experts = vec![s.expert.clone()];
    for n in 2..=6 {
        let name = format!("ai-expert{n}");
        let expert = user(app, &name, &[Role::AiExpert]).await;
        dossiers::add_member(app, &s.buyer, &s.id, &name, Role::AiExpert)
            .await
            .unwrap();
        experts.push(expert);
    }
    for round in 0..3 {
        let record = decisions::propose(app, &s.buyer, &s.id, proposal(None))
            .await
            .unwrap();
        decisions::sign(app, &s.buyer, &record.id, Role::Inkoper)
            .await
            .unwrap();
        let mut tasks = Vec::new();
        for (i, expert) in experts.iter().enumerate() {
            let app = if i % 2 == 0 {
                app.clone()
            } else {
                other.clone()
            };
            let (expert, id) = (expert.clone(), record.id.to_string());
            tasks.push(tokio::spawn(async move {
                decisions::sign(&app, &expert, &id, Role::AiExpert).await
            }));
        }
        let jurist_app = if round % 2 == 0 {
            other.clone()
        } else {
            app.clone()
        };
        let (jurist, id) = (s.jurist.clone(), record.id.to_string());
        tasks.push(tokio::spawn(async move {
            decisions::sign(&jurist_app, &jurist, &id, Role::Jurist).await
        }));
        let mut signed = 0;
        for t in tasks {
            match t.await.unwrap() {
                Ok(_) => signed += 1,
                Err(AppError::Conflict(_)) => {}
                Err(other) => panic!("unexpected refusal: {other:?}"),
            }
        }
        assert_eq!(signed, 2, "one expert and the jurist");
        let sealed = decisions::get(app, &s.buyer, &record.id).await.unwrap();
        assert!(sealed.is_sealed());
        assert_eq!(sealed.signoffs.len(), 3);
    }
    let trail = grip_app::audit::list(
        app,
        &s.buyer,
        Some(&s.id),
        grip_app::Paging::new(Some(1), Some(200)),
    )
    .await
    .unwrap();
    let seals = trail
        .items
        .iter()
        .filter(|e| e.kind == "decision.sealed")
        .count();
    assert_eq!(seals, 3, "exactly one seal per record");
    assert!(matches!(
        grip_app::audit::verify(app, None).await.unwrap(),
        Verification::Intact { .. }
    ));
    other.store.close().await;
});
