//! The demo's award step, taken through the same use cases people use: bids recorded by the
//! buyer with the suppliers' documents linked, blind scores of both assessors, consensus, an
//! award decision proposed by the buyer and signed by every required role, so it is sealed.

use std::collections::HashMap;

use grip_core::award::bid::{BidAnswer, BidSource};
use grip_core::award::decision::{Outcome, Weighing};
use grip_knowledge::tender::SectionKind;
use serde::Deserialize;

use crate::award::bids::{self, NewBid};
use crate::award::decisions::{self, Proposal, WeighingInput};
use crate::award::scoring::{self, Entry};
use crate::{Actor, App, AppError, Phase, Role};

const AWARD_TOML: &str = include_str!("../../demo/award.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AwardData {
    dossier: String,
    bid: Vec<DemoBid>,
    decision: DemoDecision,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoBid {
    supplier: String,
    price_eur: i64,
    documents: Vec<String>,
    /// Answer per section, for items without their own answer.
    default: HashMap<String, String>,
    /// Answer per knowledge item id.
    answers: HashMap<String, String>,
    /// Levels per assessor, criterion by criterion (repeated when there are more criteria).
    scores: [Vec<u8>; 2],
    consensus: Vec<u8>,
    reason: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoDecision {
    winner: String,
    outcome: String,
    motivation: String,
    conditions: String,
    signers: Vec<String>,
    weighing: Vec<DemoWeighing>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoWeighing {
    interest: String,
    weighing: String,
    note: String,
    #[serde(default)]
    measures: String,
}

fn section_name(kind: SectionKind) -> &'static str {
    match kind {
        SectionKind::Disclosure => "disclosure",
        SectionKind::Probing => "probing",
        SectionKind::Scenario => "scenario",
        SectionKind::Requirement => "requirement",
        SectionKind::Clause => "clause",
        SectionKind::Award => "award",
    }
}

fn cycled(levels: &[u8], i: usize) -> i64 {
    i64::from(levels.get(i % levels.len().max(1)).copied().unwrap_or(2))
}

/// Runs the award step; `actor_of` gives the demo account of a username.
pub(super) async fn run(
    app: &App,
    dossier_ids: &HashMap<String, String>,
    actor_of: &dyn Fn(&str) -> Result<Actor, AppError>,
) -> Result<(), AppError> {
    let data: AwardData =
        toml::from_str(AWARD_TOML).map_err(|e| AppError::Internal(format!("demo award: {e}")))?;
    let Some(dossier_id) = dossier_ids.get(&data.dossier) else {
        return Ok(());
    };
    let buyer = actor_of("inkoper")?;
    let package = crate::packages::get(app, &buyer, dossier_id, None).await?;
    let docs = {
        let mut conn = app.store.conn().await?;
        grip_store::documents::list_for_dossier(&mut conn, dossier_id).await?
    };
    let mut bid_ids = HashMap::new();
    for b in &data.bid {
        let supplier = supplier_id(app, &b.supplier).await?;
        let answers = package
            .package
            .sections
            .iter()
            .flat_map(|s| s.items.iter().map(move |i| (s.kind, i)))
            .filter(|(_, i)| i.addressee.is_none())
            .map(|(kind, i)| BidAnswer {
                item_key: i.key.clone(),
                answer: b
                    .answers
                    .get(&i.knowledge_id)
                    .or_else(|| b.default.get(section_name(kind)))
                    .cloned()
                    .unwrap_or_default(),
                documents: String::new(),
            })
            .collect();
        let new = NewBid {
            supplier_id: supplier,
            package_version: Some(package.version),
            price_cents: Some(b.price_eur * 100),
            answers,
        };
        let bid = bids::record(app, &buyer, dossier_id, new, BidSource::Typed).await?;
        for name in &b.documents {
            if let Some(doc) = docs.iter().find(|d| &d.original_name == name) {
                bids::link_document(app, &buyer, dossier_id, &bid.id, &doc.id).await?;
            }
        }
        bid_ids.insert(b.supplier.clone(), bid.id.to_string());
    }
    score(app, dossier_id, &data, &bid_ids, actor_of).await?;
    decide(app, dossier_id, &data.decision, &bid_ids, actor_of).await
}

async fn supplier_id(app: &App, name: &str) -> Result<String, AppError> {
    let mut conn = app.store.conn().await?;
    grip_store::catalogue::supplier_by_name(&mut conn, name)
        .await?
        .map(|s| s.id.to_string())
        .ok_or_else(|| AppError::Internal(format!("demo supplier {name}")))
}

async fn score(
    app: &App,
    dossier_id: &str,
    data: &AwardData,
    bid_ids: &HashMap<String, String>,
    actor_of: &dyn Fn(&str) -> Result<Actor, AppError>,
) -> Result<(), AppError> {
    let assessors = [actor_of("beoordelaar1")?, actor_of("beoordelaar2")?];
    let criteria = scoring::assessment(app, &assessors[0], dossier_id)
        .await?
        .criteria;
    for a in &assessors {
        scoring::declare_conflict(app, a, dossier_id, false, "").await?;
    }
    for b in &data.bid {
        let bid = &bid_ids[&b.supplier];
        for (n, a) in assessors.iter().enumerate() {
            let entries: Vec<Entry> = criteria
                .iter()
                .enumerate()
                .map(|(i, c)| Entry {
                    criterion_key: c.key.clone(),
                    level: cycled(&b.scores[n], i),
                    reason: format!("{}: {}", c.title_nl, b.reason),
                })
                .collect();
            scoring::record_scores(app, a, dossier_id, bid, &entries).await?;
            scoring::submit(app, a, dossier_id, bid).await?;
        }
        let entries: Vec<Entry> = criteria
            .iter()
            .enumerate()
            .map(|(i, c)| Entry {
                criterion_key: c.key.clone(),
                level: cycled(&b.consensus, i),
                reason: format!("Na bespreking in het team: {}", b.reason),
            })
            .collect();
        crate::award::consensus::record_consensus(
            app,
            &actor_of("inkoper")?,
            dossier_id,
            bid,
            &entries,
        )
        .await?;
    }
    Ok(())
}

async fn decide(
    app: &App,
    dossier_id: &str,
    d: &DemoDecision,
    bid_ids: &HashMap<String, String>,
    actor_of: &dyn Fn(&str) -> Result<Actor, AppError>,
) -> Result<(), AppError> {
    let bad = |what: &str| AppError::Internal(format!("demo decision: {what}"));
    let mut weighing = Vec::new();
    for w in &d.weighing {
        weighing.push(WeighingInput {
            interest: w.interest.clone(),
            weighing: Weighing::from_code(&w.weighing).ok_or_else(|| bad(&w.weighing))?,
            note: w.note.clone(),
            measures: w.measures.clone(),
        });
    }
    let proposal = Proposal {
        gate: Phase::BeoordelingGunning,
        outcome: Outcome::from_code(&d.outcome).ok_or_else(|| bad(&d.outcome))?,
        conditions: d.conditions.clone(),
        motivation: d.motivation.clone(),
        winning_bid: bid_ids.get(&d.winner).cloned(),
        weighing,
        supersedes: None,
        supersede_reason: None,
    };
    let buyer = actor_of("inkoper")?;
    let record = decisions::propose(app, &buyer, dossier_id, proposal).await?;
    for role in record.required_roles.clone() {
        let user = if role == Role::Inkoper {
            "inkoper".to_string()
        } else {
            d.signers
                .iter()
                .find(|s| Role::parse(s) == Some(role))
                .cloned()
                .ok_or_else(|| bad(role.id()))?
        };
        decisions::sign(app, &actor_of(&user)?, &record.id, role).await?;
    }
    Ok(())
}
