//! /api/v1/dossiers/{id}/assessment: independent scoring and the consensus round. What a
//! caller sees follows the independence rule: an assessor who has not submitted a bid sees
//! only their own scores of it — not the others', not how many there are.

use super::problem::{ApiError, Problem, json_rejection};
use crate::AppState;
use crate::auth::ApiActor;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use grip_app::award::scoring::{self, Assessment, BidScores};
use grip_core::award::scoring::Score;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::default()
        .routes(routes!(get_assessment))
        .routes(routes!(declare))
        .routes(routes!(put_score))
        .routes(routes!(submit))
        .routes(routes!(put_consensus))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiScore {
    pub criterion_key: String,
    pub assessor: String,
    /// Rubric level 0 (onvoldoende) to 4 (uitstekend).
    pub level: u8,
    pub reason: String,
    pub scored_at: i64,
}

fn api_score(s: Score) -> ApiScore {
    ApiScore {
        criterion_key: s.criterion_key,
        assessor: s.assessor,
        level: s.level,
        reason: s.reason,
        scored_at: s.scored_at,
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiBidScores {
    pub bid_id: String,
    pub supplier_name: String,
    /// `own_only` until the caller (an assessor) has submitted this bid; then `all_submitted`.
    pub visibility: String,
    pub own: Vec<ApiScore>,
    pub own_submitted: bool,
    /// Every submitted score; absent while the caller may see only their own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub submitted: Option<Vec<ApiScore>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub submitted_count: Option<usize>,
    /// Consensus levels per criterion (absent while the caller may see only their own).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consensus: Option<Vec<ApiScore>>,
}

fn api_bid(b: BidScores) -> ApiBidScores {
    let hidden = b.visibility == grip_core::award::scoring::ScoreVisibility::OwnOnly;
    ApiBidScores {
        bid_id: b.bid_id,
        supplier_name: b.supplier_name,
        visibility: if hidden { "own_only" } else { "all_submitted" }.into(),
        own: b.own.into_iter().map(api_score).collect(),
        own_submitted: b.own_submitted,
        submitted: (!hidden).then(|| b.submitted.into_iter().map(api_score).collect()),
        submitted_count: b.submitted_count,
        consensus: (!hidden).then(|| {
            b.consensus
                .into_iter()
                .map(|c| ApiScore {
                    criterion_key: c.criterion_key,
                    assessor: c.set_by,
                    level: c.level,
                    reason: c.reason,
                    scored_at: c.set_at,
                })
                .collect()
        }),
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiCriterion {
    pub key: String,
    pub title_nl: String,
    pub title_en: String,
    pub weight: u32,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiRanked {
    pub bid_id: String,
    pub rank: u32,
    pub quality: f64,
    pub price_score: Option<f64>,
    pub total: f64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiAssessment {
    pub criteria: Vec<ApiCriterion>,
    pub bids: Vec<ApiBidScores>,
    /// Krippendorff's alpha (ordinal) over the bids the caller may see in full.
    pub alpha: Option<f64>,
    /// `lowest_over_price` or `linear_deviation`.
    pub price_formula: String,
    /// Percent of the total that price weighs.
    pub price_share: u32,
    /// Scores further apart than this are flagged.
    pub max_spread: u8,
    /// (bid, criterion) pairs whose submitted scores are further apart than `max_spread`.
    pub flagged: Vec<(String, String)>,
    /// The ranking, once every bid has a consensus on every criterion.
    pub ranking: Option<Vec<ApiRanked>>,
    /// Why there is no ranking yet.
    pub ranking_pending: Option<String>,
}

impl From<Assessment> for ApiAssessment {
    fn from(a: Assessment) -> Self {
        let (ranking, ranking_pending) = match a.ranking {
            Ok(list) => (
                Some(
                    list.into_iter()
                        .map(|r| ApiRanked {
                            bid_id: r.bid_id,
                            rank: r.rank,
                            quality: r.quality,
                            price_score: r.price_score,
                            total: r.total,
                        })
                        .collect(),
                ),
                None,
            ),
            Err((nl, _)) => (None, Some(nl)),
        };
        ApiAssessment {
            criteria: a
                .criteria
                .into_iter()
                .map(|c| ApiCriterion {
                    key: c.key,
                    title_nl: c.title_nl,
                    title_en: c.title_en,
                    weight: c.weight,
                })
                .collect(),
            bids: a.bids.into_iter().map(api_bid).collect(),
            alpha: a.alpha,
            price_formula: a.rule.price_formula.code().into(),
            price_share: a.rule.price_share,
            max_spread: a.rule.max_spread,
            flagged: a
                .spreads
                .into_iter()
                .filter(|s| s.flagged)
                .map(|s| (s.bid_id, s.criterion_key))
                .collect(),
            ranking,
            ranking_pending,
        }
    }
}

#[utoipa::path(get, path = "/dossiers/{id}/assessment", tag = "assessment",
    responses((status = 200, body = ApiAssessment), (status = 404, body = Problem), (status = 409, body = Problem)))]
pub async fn get_assessment(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<ApiAssessment>, ApiError> {
    Ok(Json(
        scoring::assessment(&state.app, &actor, &id).await?.into(),
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeclarationBody {
    pub has_conflict: bool,
    /// Required when declaring a conflict.
    #[serde(default)]
    pub statement: String,
}

#[utoipa::path(put, path = "/dossiers/{id}/assessment/declaration", tag = "assessment", request_body = DeclarationBody,
    responses((status = 200, body = ApiAssessment, description = "the assessment as the caller now sees it"), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn declare(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    body: Result<Json<DeclarationBody>, JsonRejection>,
) -> Result<Json<ApiAssessment>, ApiError> {
    let Json(b) = body.map_err(json_rejection)?;
    scoring::declare_conflict(&state.app, &actor, &id, b.has_conflict, &b.statement).await?;
    Ok(Json(
        scoring::assessment(&state.app, &actor, &id).await?.into(),
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoreBody {
    /// Rubric level 0 to 4.
    pub level: i64,
    /// Why this level (required).
    pub reason: String,
}

#[utoipa::path(put, path = "/dossiers/{id}/bids/{bid}/scores/{criterion}", tag = "assessment", request_body = ScoreBody,
    responses((status = 200, body = ApiAssessment, description = "the assessment as the caller now sees it"), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn put_score(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path((id, bid, criterion)): Path<(String, String, String)>,
    body: Result<Json<ScoreBody>, JsonRejection>,
) -> Result<Json<ApiAssessment>, ApiError> {
    let Json(b) = body.map_err(json_rejection)?;
    scoring::record_score(
        &state.app, &actor, &id, &bid, &criterion, b.level, &b.reason,
    )
    .await?;
    Ok(Json(
        scoring::assessment(&state.app, &actor, &id).await?.into(),
    ))
}

#[utoipa::path(post, path = "/dossiers/{id}/bids/{bid}/submission", tag = "assessment",
    responses((status = 200, body = ApiAssessment, description = "the assessment as the caller now sees it"), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
pub async fn submit(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path((id, bid)): Path<(String, String)>,
) -> Result<Json<ApiAssessment>, ApiError> {
    scoring::submit(&state.app, &actor, &id, &bid).await?;
    Ok(Json(
        scoring::assessment(&state.app, &actor, &id).await?.into(),
    ))
}

#[utoipa::path(put, path = "/dossiers/{id}/bids/{bid}/consensus/{criterion}", tag = "assessment", request_body = ScoreBody,
    responses((status = 200, body = ApiAssessment, description = "the assessment as the caller now sees it"), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn put_consensus(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path((id, bid, criterion)): Path<(String, String, String)>,
    body: Result<Json<ScoreBody>, JsonRejection>,
) -> Result<Json<ApiAssessment>, ApiError> {
    let Json(b) = body.map_err(json_rejection)?;
    let entry = scoring::Entry {
        criterion_key: criterion,
        level: b.level,
        reason: b.reason,
    };
    grip_app::award::consensus::record_consensus(&state.app, &actor, &id, &bid, &[entry]).await?;
    Ok(Json(
        scoring::assessment(&state.app, &actor, &id).await?.into(),
    ))
}
