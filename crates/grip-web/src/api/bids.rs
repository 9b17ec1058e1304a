//! /api/v1/dossiers/{id}/bids: the bids on the dossier's frozen package, recording one (JSON),
//! and the checks Grip runs on them with their evidence.

use super::problem::{ApiError, Problem, json_rejection};
use super::{ApiText, List};
use crate::AppState;
use crate::auth::ApiActor;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use grip_app::award::bids::{self, BidView, NewBid};
use grip_app::award::checks::{self, BidChecks};
use grip_core::award::bid::{Bid, BidAnswer, BidSource};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::default()
        .routes(routes!(list, create))
        .routes(routes!(get_one))
        .routes(routes!(list_checks))
}

/// A bid on one frozen package version.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiBid {
    pub id: String,
    pub supplier_id: String,
    pub supplier_name: String,
    /// The frozen package version the bid answers; a later version never changes it.
    pub package_version: i64,
    /// Total price in euro cents, when the bid names one.
    pub price_cents: Option<i64>,
    /// `typed`, `workbook` or `api`.
    pub source: String,
    pub created_by: String,
    /// Epoch milliseconds.
    pub created_at: i64,
}

impl From<Bid> for ApiBid {
    fn from(b: Bid) -> Self {
        ApiBid {
            id: b.id.into_string(),
            supplier_id: b.supplier_id.into_string(),
            supplier_name: b.supplier_name,
            package_version: b.package_version,
            price_cents: b.price_cents,
            source: b.source.code().into(),
            created_by: b.created_by,
            created_at: b.created_at,
        }
    }
}

/// The answer to one package item.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApiBidAnswer {
    pub item_key: String,
    #[serde(default)]
    pub answer: String,
    /// The supplier's references to attached documents, as written.
    #[serde(default)]
    pub documents: String,
}

/// A bid with its answers and the documents attached to it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiBidDetail {
    #[serde(flatten)]
    pub bid: ApiBid,
    pub answers: Vec<ApiBidAnswer>,
    /// Ids and names of the attached documents (download them under /documents/{id}).
    pub documents: Vec<ApiDocumentRef>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiDocumentRef {
    pub id: String,
    pub name: String,
}

impl From<BidView> for ApiBidDetail {
    fn from(v: BidView) -> Self {
        ApiBidDetail {
            bid: v.bid.into(),
            answers: v
                .answers
                .into_iter()
                .map(|a| ApiBidAnswer {
                    item_key: a.item_key,
                    answer: a.answer,
                    documents: a.documents,
                })
                .collect(),
            documents: v
                .documents
                .into_iter()
                .map(|d| ApiDocumentRef {
                    id: d.id.into_string(),
                    name: d.original_name,
                })
                .collect(),
        }
    }
}

#[utoipa::path(get, path = "/dossiers/{id}/bids", tag = "bids",
    responses((status = 200, body = List<ApiBid>), (status = 404, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<List<ApiBid>>, ApiError> {
    let bids = bids::list(&state.app, &actor, &id).await?;
    let total = bids.len() as i64;
    Ok(Json(List {
        items: bids.into_iter().map(ApiBid::from).collect(),
        total,
        page: 1,
        per_page: total.max(1),
    }))
}

/// A bid as a client sends it: one answer per item key of the frozen package version.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewBidBody {
    pub supplier_id: String,
    /// The frozen package version answered; the newest frozen one when absent.
    #[serde(default)]
    pub package_version: Option<i64>,
    #[serde(default)]
    pub price_cents: Option<i64>,
    #[serde(default)]
    pub answers: Vec<ApiBidAnswer>,
}

#[utoipa::path(post, path = "/dossiers/{id}/bids", tag = "bids", request_body = NewBidBody,
    responses((status = 201, body = ApiBid), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    body: Result<Json<NewBidBody>, JsonRejection>,
) -> Result<(axum::http::StatusCode, Json<ApiBid>), ApiError> {
    let Json(b) = body.map_err(json_rejection)?;
    let new = NewBid {
        supplier_id: b.supplier_id,
        package_version: b.package_version,
        price_cents: b.price_cents,
        answers: b
            .answers
            .into_iter()
            .map(|a| BidAnswer {
                item_key: a.item_key,
                answer: a.answer,
                documents: a.documents,
            })
            .collect(),
    };
    let bid = bids::record(&state.app, &actor, &id, new, BidSource::Api).await?;
    Ok((axum::http::StatusCode::CREATED, Json(bid.into())))
}

#[utoipa::path(get, path = "/dossiers/{id}/bids/{bid}", tag = "bids",
    responses((status = 200, body = ApiBidDetail), (status = 404, body = Problem)))]
pub async fn get_one(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path((id, bid)): Path<(String, String)>,
) -> Result<Json<ApiBidDetail>, ApiError> {
    Ok(Json(bids::get(&state.app, &actor, &id, &bid).await?.into()))
}

/// What the checks found on one bid.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiBidChecks {
    pub bid_id: String,
    pub supplier_name: String,
    /// The bid's answers say the product contains no AI.
    pub declared_no_ai: bool,
    /// Screening categories found in its answers and documents.
    pub categories_found: Vec<String>,
    pub findings: Vec<ApiBidFinding>,
    /// Per knock-out item: `provided`, `missing` or `contradicted`.
    pub evidence_matrix: Vec<ApiMatrixCell>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiBidFinding {
    /// `no_ai_contradicted`, `undisclosed_category`, `generic_answer`, `near_duplicate`,
    /// `echoes_question`, `knock_out_missing` or `ai_found`.
    pub kind: String,
    pub item_key: Option<String>,
    pub document: Option<String>,
    /// The passage that shows it.
    pub excerpt: String,
    pub explanation: ApiText,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiMatrixCell {
    pub item_key: String,
    pub evidence: String,
}

impl From<BidChecks> for ApiBidChecks {
    fn from(c: BidChecks) -> Self {
        ApiBidChecks {
            bid_id: c.bid_id,
            supplier_name: c.supplier_name,
            declared_no_ai: c.declared_no_ai,
            categories_found: c.categories_found,
            findings: c
                .findings
                .into_iter()
                .map(|f| ApiBidFinding {
                    kind: f.kind.code().into(),
                    item_key: f.item_key,
                    document: f.document,
                    excerpt: f.excerpt,
                    explanation: ApiText {
                        nl: f.explanation.nl,
                        en: f.explanation.en,
                    },
                })
                .collect(),
            evidence_matrix: c
                .matrix
                .into_iter()
                .map(|m| ApiMatrixCell {
                    item_key: m.item_key,
                    evidence: m.evidence.code().into(),
                })
                .collect(),
        }
    }
}

#[utoipa::path(get, path = "/dossiers/{id}/bid-checks", tag = "bids",
    responses((status = 200, body = Vec<ApiBidChecks>), (status = 404, body = Problem)))]
pub async fn list_checks(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<Vec<ApiBidChecks>>, ApiError> {
    Ok(Json(
        checks::for_dossier(&state.app, &actor, &id)
            .await?
            .into_iter()
            .map(ApiBidChecks::from)
            .collect(),
    ))
}
