//! Independent scoring. An assessor declares conflicts first, scores every award criterion of
//! a bid with a reason, and submits; until then they see only their own scores — not the
//! others', not how many there are. What everyone may see is assembled in `assessment`.

use grip_core::audit_event as ev;
use grip_core::award::ranking::RankedBid;
use grip_core::award::scoring::{
    self, ConflictDeclaration, ConsensusScore, Score, ScoreVisibility,
};
use grip_core::dossier::FieldError;
use grip_store::audit::NewEvent;
use grip_store::{Conn, bids, dossiers, scores};

pub use super::consensus::{AwardRule, CriterionSpread, DEFAULT_RULE};
use super::consensus::{agreement, ranking_of, rule_on};
use super::{Criterion, criteria, frozen_package};
use crate::access::{Permissions, on_dossier};
use crate::record::{commit_with_event, commit_with_events};
use crate::{Actor, App, AppError, Role, now_ms};

/// The assessors of a dossier: team members holding the assessor role.
pub(super) async fn assessors(conn: &mut Conn, dossier_id: &str) -> Result<Vec<String>, AppError> {
    let mut names: Vec<String> = dossiers::members(conn, dossier_id)
        .await?
        .into_iter()
        .filter(|m| m.role == Role::Beoordelaar)
        .map(|m| m.username)
        .collect();
    names.sort();
    names.dedup();
    Ok(names)
}

/// Declares (no) conflict of interest for the dossier; required before the first score.
pub async fn declare_conflict(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    has_conflict: bool,
    statement: &str,
) -> Result<(), AppError> {
    let mut tx = app.store.begin_write().await?;
    require_assessor(&mut tx, actor, dossier_id).await?;
    let statement = if has_conflict {
        scoring::check_reason(statement)?
    } else {
        statement.trim().to_string()
    };
    let now = now_ms();
    let declaration = ConflictDeclaration {
        assessor: actor.username.clone(),
        has_conflict,
        statement,
        declared_at: now,
    };
    scores::declare(&mut tx, dossier_id, &declaration).await?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &actor.username,
            dossier: Some(dossier_id),
            event: ev::ConflictDeclared {
                assessor: actor.username.clone(),
                has_conflict,
            }
            .into(),
        },
    )
    .await?;
    Ok(())
}

async fn require_assessor(
    conn: &mut Conn,
    actor: &Actor,
    dossier_id: &str,
) -> Result<Permissions, AppError> {
    let permissions = on_dossier(conn, actor, dossier_id).await?;
    if !permissions.score {
        return Err(AppError::Forbidden);
    }
    Ok(permissions)
}

/// The criteria a bid is scored on: those of the frozen version it answers.
pub(super) async fn bid_criteria(
    conn: &mut Conn,
    dossier_id: &str,
    bid_id: &str,
) -> Result<Vec<Criterion>, AppError> {
    let bid = bids::get(conn, bid_id)
        .await?
        .filter(|b| b.dossier_id.as_str() == dossier_id)
        .ok_or(AppError::NotFound("bid"))?;
    let package = frozen_package(conn, dossier_id, Some(bid.package_version)).await?;
    Ok(criteria(&package))
}

/// One criterion's level and reason as someone enters it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub criterion_key: String,
    pub level: i64,
    pub reason: String,
}

/// Records (or replaces) the actor's score of a bid on one criterion, before submission.
pub async fn record_score(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    bid_id: &str,
    criterion_key: &str,
    level: i64,
    reason: &str,
) -> Result<(), AppError> {
    let entry = Entry {
        criterion_key: criterion_key.into(),
        level,
        reason: reason.into(),
    };
    record_scores(app, actor, dossier_id, bid_id, &[entry]).await
}

/// Records several of the actor's scores of one bid in one transaction: all or none.
pub async fn record_scores(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    bid_id: &str,
    entries: &[Entry],
) -> Result<(), AppError> {
    let mut tx = app.store.begin_write().await?;
    require_assessor(&mut tx, actor, dossier_id).await?;
    require_no_conflict(&mut tx, actor, dossier_id).await?;
    let criteria = bid_criteria(&mut tx, dossier_id, bid_id).await?;
    if scores::submitted_by(&mut tx, bid_id)
        .await?
        .contains(&actor.username)
    {
        return Err(AppError::Conflict(
            "U heeft uw scores voor deze inschrijving al ingediend; ze liggen vast.".into(),
        ));
    }
    let now = now_ms();
    let mut checked = Vec::with_capacity(entries.len());
    for e in entries {
        known_criterion(&criteria, &e.criterion_key)?;
        checked.push(Score {
            bid_id: bid_id.into(),
            criterion_key: e.criterion_key.clone(),
            assessor: actor.username.clone(),
            level: scoring::check_level(e.level).map_err(|f| f.at(&e.criterion_key))?,
            reason: scoring::check_reason(&e.reason).map_err(|f| f.at(&e.criterion_key))?,
            scored_at: now,
        });
    }
    let event = |s: &Score| NewEvent {
        at_ms: now,
        actor: &actor.username,
        dossier: Some(dossier_id),
        event: ev::ScoreRecorded {
            bid_id: bid_id.into(),
            criterion: s.criterion_key.clone(),
        }
        .into(),
    };
    for s in &checked {
        scores::put_score(&mut tx, s).await?;
    }
    commit_with_events(tx, checked.iter().map(event).collect()).await
}

pub(super) fn known_criterion(criteria: &[Criterion], key: &str) -> Result<(), AppError> {
    if criteria.iter().any(|c| c.key == key) {
        Ok(())
    } else {
        Err(
            FieldError::new("criterion", "unknown_criterion", "invalid-score-criterion")
                .with("criterion", key)
                .into(),
        )
    }
}

async fn require_no_conflict(
    conn: &mut Conn,
    actor: &Actor,
    dossier_id: &str,
) -> Result<(), AppError> {
    let declaration = scores::declarations(conn, dossier_id)
        .await?
        .into_iter()
        .find(|d| d.assessor == actor.username);
    match declaration {
        None => Err(AppError::Conflict(
            "Verklaar eerst of u een belangenconflict heeft; pas daarna kunt u scoren.".into(),
        )),
        Some(d) if d.has_conflict => Err(AppError::Conflict(
            "U heeft een belangenconflict verklaard en scoort daarom niet in dit dossier.".into(),
        )),
        Some(_) => Ok(()),
    }
}

/// Submits all of the actor's scores for a bid; every criterion must be scored.
pub async fn submit(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    bid_id: &str,
) -> Result<(), AppError> {
    let mut tx = app.store.begin_write().await?;
    require_assessor(&mut tx, actor, dossier_id).await?;
    let criteria = bid_criteria(&mut tx, dossier_id, bid_id).await?;
    if scores::submitted_by(&mut tx, bid_id)
        .await?
        .contains(&actor.username)
    {
        return Err(AppError::Conflict("Deze scores zijn al ingediend.".into()));
    }
    let own = scores::own_scores(&mut tx, bid_id, &actor.username).await?;
    let keys: Vec<String> = criteria.iter().map(|c| c.key.clone()).collect();
    let scored: Vec<&str> = own.iter().map(|s| s.criterion_key.as_str()).collect();
    let missing = scoring::missing_criteria(&keys, &scored);
    if !missing.is_empty() {
        let titles: Vec<String> = criteria
            .iter()
            .filter(|c| missing.contains(&c.key.as_str()))
            .map(|c| format!("\u{201e}{}\u{201d}", c.title_nl))
            .collect();
        return Err(AppError::Conflict(format!(
            "Nog niet gescoord: {}. Indienen kan pas als elk gunningscriterium een score met \
             reden heeft.",
            titles.join(", ")
        )));
    }
    let now = now_ms();
    scores::submit(&mut tx, bid_id, &actor.username, now).await?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &actor.username,
            dossier: Some(dossier_id),
            event: ev::ScoresSubmitted {
                bid_id: bid_id.into(),
                assessor: actor.username.clone(),
            }
            .into(),
        },
    )
    .await?;
    Ok(())
}

/// What one viewer may see of the scores of one bid.
#[derive(Debug, Clone, serde::Serialize)]
pub struct BidScores {
    pub bid_id: String,
    pub supplier_name: String,
    pub price_cents: Option<i64>,
    pub visibility: ScoreVisibility,
    /// The viewer's own scores (drafts included).
    pub own: Vec<Score>,
    pub own_submitted: bool,
    /// Other assessors' submitted scores; empty while the viewer may see only their own.
    pub submitted: Vec<Score>,
    /// How many assessors submitted; None while the viewer may see only their own.
    pub submitted_count: Option<usize>,
    pub consensus: Vec<ConsensusScore>,
}

async fn bid_scores(
    conn: &mut Conn,
    actor: &Actor,
    permissions: &Permissions,
    bid: &grip_core::award::bid::Bid,
) -> Result<BidScores, AppError> {
    let submitters = scores::submitted_by(conn, &bid.id).await?;
    let own_submitted = submitters.contains(&actor.username);
    let visibility = scoring::visibility(permissions.score, own_submitted);
    let own = scores::own_scores(conn, &bid.id, &actor.username).await?;
    let (submitted, count, consensus) = match visibility {
        ScoreVisibility::OwnOnly => (Vec::new(), None, Vec::new()),
        ScoreVisibility::AllSubmitted => (
            scores::submitted_scores(conn, &bid.id).await?,
            Some(submitters.len()),
            scores::consensus(conn, &bid.id).await?,
        ),
    };
    Ok(BidScores {
        bid_id: bid.id.to_string(),
        supplier_name: bid.supplier_name.clone(),
        price_cents: bid.price_cents,
        visibility,
        own,
        own_submitted,
        submitted,
        submitted_count: count,
        consensus,
    })
}

/// Everything the assessment page shows one viewer.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Assessment {
    pub criteria: Vec<Criterion>,
    pub assessors: Vec<String>,
    pub declarations: Vec<ConflictDeclaration>,
    pub bids: Vec<BidScores>,
    pub spreads: Vec<CriterionSpread>,
    /// Krippendorff's alpha (ordinal) over the bids the viewer may see in full.
    pub alpha: Option<f64>,
    pub rule: AwardRule,
    /// The ranking, or why there is none yet (Dutch, English).
    pub ranking: Result<Vec<RankedBid>, (String, String)>,
    /// How each bid's price score follows from the formula, per bid id (Dutch, English).
    pub price_notes: Vec<(String, (String, String))>,
    pub permissions: Permissions,
}

/// The assessment of a dossier as the viewer may see it.
pub async fn assessment(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
) -> Result<Assessment, AppError> {
    let mut conn = app.store.begin_read().await?;
    let permissions = on_dossier(&mut conn, actor, dossier_id).await?;
    // Before a version is frozen there is nothing to score yet, which is no error.
    let criteria = match frozen_package(&mut conn, dossier_id, None).await {
        Ok(package) => criteria(&package),
        Err(AppError::Conflict(_)) => Vec::new(),
        Err(other) => return Err(other),
    };
    let rule = rule_on(&mut conn, dossier_id).await?;
    let mut bid_views = Vec::new();
    let all = bids::for_dossier(&mut conn, dossier_id).await?;
    for bid in &all {
        bid_views.push(bid_scores(&mut conn, actor, &permissions, bid).await?);
    }
    let lowest = all
        .iter()
        .filter_map(|b| b.price_cents)
        .filter(|p| *p > 0)
        .min();
    let price_notes = all
        .iter()
        .filter_map(|b| Some((b.id.to_string(), (lowest?, b.price_cents?))))
        .map(|(id, (low, price))| {
            let f = rule.price_formula;
            (id, (f.explain_nl(low, price), f.explain_en(low, price)))
        })
        .collect();
    let (spreads, alpha) = agreement(&bid_views, rule.max_spread);
    let ranking = ranking_of(&criteria, &rule, &bid_views);
    Ok(Assessment {
        criteria,
        assessors: assessors(&mut conn, dossier_id).await?,
        declarations: scores::declarations(&mut conn, dossier_id).await?,
        bids: bid_views,
        spreads,
        alpha,
        rule,
        ranking,
        price_notes,
        permissions,
    })
}
