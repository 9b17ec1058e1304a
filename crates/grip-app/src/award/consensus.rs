//! The consensus round: the spread per criterion and the agreement over all assessors, the
//! consensus the buyer records once every assessor has submitted, the award rule (price
//! formula and share) and the ranking that follows the frozen package's weights.

use std::collections::BTreeMap;

use grip_core::audit_event as ev;
use grip_core::award::agreement::{Spread, krippendorff_alpha_ordinal, spread};
use grip_core::award::ranking::{
    BidInput, CriterionWeight, PriceFormula, PriceRule, RankedBid, RankingError, rank,
};
use grip_core::award::scoring::{self, ConsensusScore, DEFAULT_MAX_SPREAD, ScoreVisibility};
use grip_store::audit::NewEvent;
use grip_store::scores::AwardRuleRow;
use grip_store::{Conn, scores};

use super::Criterion;
use super::scoring::{BidScores, Entry, assessors, bid_criteria, known_criterion};
use crate::access::require_on_dossier;
use crate::record::{commit_with_event, commit_with_events};
use crate::{Action, Actor, App, AppError, now_ms};

/// The award rule when the buyer has not set one: price by lowest / price, 30% of the total.
pub const DEFAULT_RULE: (PriceFormula, u32) = (PriceFormula::LowestOverPrice, 30);

/// The spread of one criterion on one bid.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CriterionSpread {
    pub bid_id: String,
    pub criterion_key: String,
    pub spread: Option<Spread>,
    pub flagged: bool,
}

/// How price is scored and when a spread is flagged.
#[derive(Debug, Clone, serde::Serialize)]
pub struct AwardRule {
    pub price_formula: PriceFormula,
    pub price_share: u32,
    pub max_spread: u8,
}

pub(crate) async fn rule_on(conn: &mut Conn, dossier_id: &str) -> Result<AwardRule, AppError> {
    Ok(match scores::award_rule(conn, dossier_id).await? {
        Some(row) => AwardRule {
            price_formula: row
                .price_formula
                .parse()
                .map_err(|_| AppError::Internal("stored price formula".into()))?,
            price_share: u32::try_from(row.price_share).unwrap_or(0),
            max_spread: u8::try_from(row.max_spread).unwrap_or(DEFAULT_MAX_SPREAD),
        },
        None => AwardRule {
            price_formula: DEFAULT_RULE.0,
            price_share: DEFAULT_RULE.1,
            max_spread: DEFAULT_MAX_SPREAD,
        },
    })
}

pub(super) fn agreement(bids: &[BidScores], max_spread: u8) -> (Vec<CriterionSpread>, Option<f64>) {
    let mut spreads = Vec::new();
    let mut units = Vec::new();
    for bid in bids
        .iter()
        .filter(|b| b.visibility == ScoreVisibility::AllSubmitted)
    {
        let mut by_criterion: BTreeMap<&str, Vec<u8>> = BTreeMap::new();
        for s in &bid.submitted {
            by_criterion
                .entry(&s.criterion_key)
                .or_default()
                .push(s.level);
        }
        for (key, levels) in by_criterion {
            let spread = spread(&levels);
            let flagged = spread.as_ref().is_some_and(|s| s.range > max_spread);
            spreads.push(CriterionSpread {
                bid_id: bid.bid_id.clone(),
                criterion_key: key.to_string(),
                spread,
                flagged,
            });
            units.push(levels);
        }
    }
    (spreads, krippendorff_alpha_ordinal(&units))
}

pub(super) fn ranking_of(
    criteria: &[Criterion],
    rule: &AwardRule,
    bids: &[BidScores],
) -> Result<Vec<RankedBid>, (String, String)> {
    if bids
        .iter()
        .any(|b| b.visibility == ScoreVisibility::OwnOnly)
    {
        return Err((
            "De rangorde verschijnt als u uw scores voor elke inschrijving hebt ingediend.".into(),
            "The ranking appears once you have submitted your scores for every bid.".into(),
        ));
    }
    let inputs: Vec<BidInput> = bids
        .iter()
        .map(|b| BidInput {
            bid_id: b.bid_id.clone(),
            price_cents: b.price_cents,
            levels: b
                .consensus
                .iter()
                .map(|c| (c.criterion_key.clone(), c.level))
                .collect(),
        })
        .collect();
    rank_bids(criteria, rule, &inputs).map_err(pending)
}

/// Ranks bids by the frozen package's weights and the dossier's award rule.
pub(super) fn rank_bids(
    criteria: &[Criterion],
    rule: &AwardRule,
    inputs: &[BidInput],
) -> Result<Vec<RankedBid>, RankingError> {
    let weights: Vec<CriterionWeight> = criteria
        .iter()
        .map(|c| CriterionWeight {
            key: c.key.clone(),
            weight: c.weight,
        })
        .collect();
    let price = PriceRule {
        formula: rule.price_formula,
        price_share: rule.price_share,
    };
    rank(&weights, &price, inputs)
}

/// Why there is no ranking yet, in words for the buyer.
fn pending(err: RankingError) -> (String, String) {
    match err {
        RankingError::NoBids => (
            "Er zijn nog geen inschrijvingen.".into(),
            "There are no bids yet.".into(),
        ),
        RankingError::MissingLevel { .. } => (
            "De rangorde verschijnt zodra elke inschrijving op elk gunningscriterium een \
             consensusscore heeft."
                .into(),
            "The ranking appears once every bid has a consensus score on every award criterion."
                .into(),
        ),
        RankingError::MissingPrice { .. } | RankingError::NonPositivePrice { .. } => (
            "Niet elke inschrijving noemt een prijs, terwijl de prijs meeweegt.".into(),
            "Not every bid names a price, while price counts.".into(),
        ),
        RankingError::WeightsNotHundred { .. } | RankingError::DuplicateCriterion(_) => (
            "De gewichten van de gunningscriteria in het bevroren pakket tellen niet op tot 100."
                .into(),
            "The weights of the award criteria in the frozen package do not add up to 100.".into(),
        ),
        RankingError::PriceShareTooHigh(_)
        | RankingError::DuplicateBid(_)
        | RankingError::LevelOutOfRange { .. } => (
            "De rangorde kan niet worden berekend met deze gegevens.".into(),
            "The ranking cannot be computed from these data.".into(),
        ),
    }
}

/// Records consensus scores of a bid, once every assessor without a conflict has submitted
/// their scores for it. All entries or none.
pub async fn record_consensus(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    bid_id: &str,
    entries: &[Entry],
) -> Result<(), AppError> {
    let mut tx = app.store.begin_write().await?;
    require_on_dossier(&mut tx, actor, Action::LeadAssessment, dossier_id).await?;
    let criteria = bid_criteria(&mut tx, dossier_id, bid_id).await?;
    let waiting = waiting_assessors(&mut tx, dossier_id, bid_id).await?;
    if !waiting.is_empty() {
        return Err(AppError::Conflict(format!(
            "Een consensusscore kan pas als alle beoordelaars hun scores hebben ingediend; nog \
             niet ingediend: {}.",
            waiting.join(", ")
        )));
    }
    let now = now_ms();
    let mut checked = Vec::with_capacity(entries.len());
    for e in entries {
        known_criterion(&criteria, &e.criterion_key)?;
        checked.push(ConsensusScore {
            bid_id: bid_id.into(),
            criterion_key: e.criterion_key.clone(),
            level: scoring::check_level(e.level).map_err(|f| f.at(&e.criterion_key))?,
            reason: scoring::check_reason(&e.reason).map_err(|f| f.at(&e.criterion_key))?,
            set_by: actor.username.clone(),
            set_at: now,
        });
    }
    let event = |c: &ConsensusScore| NewEvent {
        at_ms: now,
        actor: &actor.username,
        dossier: Some(dossier_id),
        event: ev::ConsensusRecorded {
            bid_id: bid_id.into(),
            criterion: c.criterion_key.clone(),
            level: c.level,
            reason: c.reason.clone(),
        }
        .into(),
    };
    for c in &checked {
        scores::put_consensus(&mut tx, c).await?;
    }
    commit_with_events(tx, checked.iter().map(event).collect()).await
}

/// Assessors without a declared conflict who have not submitted the bid (none scored at all
/// also counts as waiting: a consensus needs at least one submission).
async fn waiting_assessors(
    conn: &mut Conn,
    dossier_id: &str,
    bid_id: &str,
) -> Result<Vec<String>, AppError> {
    let conflicted: Vec<String> = scores::declarations(conn, dossier_id)
        .await?
        .into_iter()
        .filter(|d| d.has_conflict)
        .map(|d| d.assessor)
        .collect();
    let submitted = scores::submitted_by(conn, bid_id).await?;
    let mut waiting: Vec<String> = assessors(conn, dossier_id)
        .await?
        .into_iter()
        .filter(|a| !conflicted.contains(a) && !submitted.contains(a))
        .collect();
    if submitted.is_empty() && waiting.is_empty() {
        waiting.push("(nog geen enkele beoordelaar)".into());
    }
    Ok(waiting)
}

/// Sets how price is scored and when a spread is flagged.
pub async fn set_rule(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    formula: PriceFormula,
    price_share: u32,
    max_spread: u8,
) -> Result<(), AppError> {
    if price_share > 100 {
        return Err(AppError::invalid(
            "price_share",
            "out_of_range",
            "invalid-weight",
        ));
    }
    if max_spread > scoring::TOP_LEVEL {
        return Err(AppError::invalid(
            "max_spread",
            "out_of_range",
            "invalid-score-level",
        ));
    }
    let mut tx = app.store.begin_write().await?;
    require_on_dossier(&mut tx, actor, Action::LeadAssessment, dossier_id).await?;
    let now = now_ms();
    let row = AwardRuleRow {
        price_formula: formula.code().into(),
        price_share: i64::from(price_share),
        max_spread: i64::from(max_spread),
        set_by: actor.username.clone(),
        set_at: now,
    };
    scores::put_award_rule(&mut tx, dossier_id, &row).await?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &actor.username,
            dossier: Some(dossier_id),
            event: ev::AwardRuleSet {
                price_formula: formula.code().into(),
                price_share,
                max_spread,
            }
            .into(),
        },
    )
    .await?;
    Ok(())
}
