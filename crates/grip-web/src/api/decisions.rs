//! /api/v1/dossiers/{id}/decisions and /api/v1/decisions/{id}: decision records at phase
//! gates, their sign-offs, and the sealed record as PDF or DOCX.

use super::problem::{ApiError, Problem, json_rejection};
use super::{ApiQuery, FileBytes, List};
use crate::AppState;
use crate::auth::ApiActor;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use grip_app::award::decisions::{self, Proposal, WeighingInput};
use grip_app::award::documents::{self, DecisionFormat};
use grip_app::classification::Lang;
use grip_core::Role;
use grip_core::award::decision::Decision;
use grip_core::dossier::FieldError;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::default()
        .routes(routes!(list, propose))
        .routes(routes!(get_one))
        .routes(routes!(sign))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiSignoff {
    pub role: String,
    pub user: String,
    /// Epoch milliseconds.
    pub signed_at: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiWeighing {
    /// An interest id of the `interests` pack.
    pub interest: String,
    /// `positive`, `neutral`, `risk` or `unacceptable`.
    pub weighing: String,
    pub note: String,
    pub measures: String,
}

/// A decision record.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiDecision {
    pub id: String,
    pub dossier_id: String,
    /// The phase whose gate the decision passes, e.g. `beoordeling_gunning` (the award gate).
    pub gate: String,
    /// `go`, `go_with_conditions` or `no_go`.
    pub outcome: String,
    pub conditions: String,
    pub motivation: String,
    pub winning_bid: Option<String>,
    pub weighing: Vec<ApiWeighing>,
    pub required_roles: Vec<String>,
    pub signoffs: Vec<ApiSignoff>,
    pub proposed_by: String,
    pub proposed_at: i64,
    pub sealed: bool,
    pub sealed_at: Option<i64>,
    /// `sha256:…` of the record as sealed; also in the audit chain.
    pub content_hash: Option<String>,
    pub supersedes: Option<String>,
    pub supersede_reason: Option<String>,
}

impl From<Decision> for ApiDecision {
    fn from(d: Decision) -> Self {
        ApiDecision {
            sealed: d.is_sealed(),
            id: d.id.into_string(),
            dossier_id: d.dossier_id.into_string(),
            gate: d.gate.to_string(),
            outcome: d.outcome.code().into(),
            conditions: d.conditions,
            motivation: d.motivation,
            winning_bid: d.winning_bid.map(|b| b.into_string()),
            weighing: d
                .weighing
                .into_iter()
                .map(|w| ApiWeighing {
                    interest: w.interest,
                    weighing: w.weighing.code().into(),
                    note: w.note,
                    measures: w.measures,
                })
                .collect(),
            required_roles: d
                .required_roles
                .iter()
                .map(|r| r.id().to_string())
                .collect(),
            signoffs: d
                .signoffs
                .into_iter()
                .map(|s| ApiSignoff {
                    role: s.role.id().into(),
                    user: s.username,
                    signed_at: s.signed_at,
                })
                .collect(),
            proposed_by: d.proposed_by,
            proposed_at: d.proposed_at,
            sealed_at: d.sealed_at,
            content_hash: d.content_hash,
            supersedes: d.supersedes.map(|s| s.into_string()),
            supersede_reason: d.supersede_reason,
        }
    }
}

#[utoipa::path(get, path = "/dossiers/{id}/decisions", tag = "decisions",
    responses((status = 200, body = List<ApiDecision>), (status = 404, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<List<ApiDecision>>, ApiError> {
    let all = decisions::list(&state.app, &actor, &id).await?;
    let total = all.len() as i64;
    Ok(Json(List {
        items: all.into_iter().map(ApiDecision::from).collect(),
        total,
        page: 1,
        per_page: total.max(1),
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WeighingBody {
    pub interest: String,
    /// `positive`, `neutral`, `risk` (needs `measures`) or `unacceptable` (only with `no_go`).
    pub weighing: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub measures: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProposalBody {
    /// Phase id whose gate this decides, e.g. `beoordeling_gunning`.
    pub gate: String,
    /// `go`, `go_with_conditions` or `no_go`.
    pub outcome: String,
    #[serde(default)]
    pub conditions: String,
    pub motivation: String,
    #[serde(default)]
    pub winning_bid: Option<String>,
    /// One weighing per interest of the `interests` pack.
    pub weighing: Vec<WeighingBody>,
    #[serde(default)]
    pub supersedes: Option<String>,
    #[serde(default)]
    pub supersede_reason: Option<String>,
}

fn field(name: &'static str, code: &'static str, value: &str) -> ApiError {
    ApiError(
        FieldError::new(name, code, "invalid-detail")
            .with("detail", value)
            .into(),
    )
}

#[utoipa::path(post, path = "/dossiers/{id}/decisions", tag = "decisions", request_body = ProposalBody,
    responses((status = 201, body = ApiDecision), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn propose(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    body: Result<Json<ProposalBody>, JsonRejection>,
) -> Result<(StatusCode, Json<ApiDecision>), ApiError> {
    let Json(b) = body.map_err(json_rejection)?;
    let gate =
        grip_core::Phase::parse(&b.gate).ok_or_else(|| field("gate", "unknown_gate", &b.gate))?;
    let outcome = b
        .outcome
        .parse()
        .map_err(|_| field("outcome", "unknown_outcome", &b.outcome))?;
    let mut weighing = Vec::new();
    for w in b.weighing {
        weighing.push(WeighingInput {
            weighing: w
                .weighing
                .parse()
                .map_err(|_| field("weighing", "unknown_weighing", &w.weighing))?,
            interest: w.interest,
            note: w.note,
            measures: w.measures,
        });
    }
    let proposal = Proposal {
        gate,
        outcome,
        conditions: b.conditions,
        motivation: b.motivation,
        winning_bid: b.winning_bid,
        weighing,
        supersedes: b.supersedes,
        supersede_reason: b.supersede_reason,
    };
    let record = decisions::propose(&state.app, &actor, &id, proposal).await?;
    Ok((StatusCode::CREATED, Json(record.into())))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct DecisionQuery {
    /// `pdf` or `docx` for the record as a document; absent for JSON.
    pub format: Option<String>,
    /// `nl` (default) or `en`.
    pub lang: Option<String>,
}

#[utoipa::path(get, path = "/decisions/{id}", tag = "decisions", params(DecisionQuery),
    responses((status = 200, description = "the record as JSON, or with `format` as a PDF or DOCX attachment",
            content(
                (ApiDecision = "application/json"),
                (FileBytes = "application/pdf"),
                (FileBytes = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            )),
        (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn get_one(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<DecisionQuery>,
) -> Result<Response, ApiError> {
    let Some(name) = q.format.as_deref().filter(|f| !f.is_empty()) else {
        let record = decisions::get(&state.app, &actor, &id).await?;
        return Ok(Json(ApiDecision::from(record)).into_response());
    };
    let format =
        DecisionFormat::parse(name).ok_or_else(|| field("format", "unknown_format", name))?;
    let lang = match q.lang.as_deref() {
        None | Some("") | Some("nl") => Lang::Nl,
        Some("en") => Lang::En,
        Some(other) => return Err(field("lang", "unknown_lang", other)),
    };
    let file = documents::decision(&state.app, &actor, &id, format, lang).await?;
    Ok(crate::downloads::attachment_response(
        &file.file_name,
        file.media_type,
        file.bytes,
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignBody {
    /// The role signed in, one the caller holds and the decision requires.
    pub role: String,
}

#[utoipa::path(post, path = "/decisions/{id}/signoffs", tag = "decisions", request_body = SignBody,
    responses((status = 200, body = ApiDecision, description = "the record after signing; `sealed` is true after the last required signature"), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn sign(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    body: Result<Json<SignBody>, JsonRejection>,
) -> Result<Json<ApiDecision>, ApiError> {
    let Json(b) = body.map_err(json_rejection)?;
    let role = Role::parse(&b.role).ok_or_else(|| field("role", "unknown_role", &b.role))?;
    Ok(Json(
        decisions::sign(&state.app, &actor, &id, role).await?.into(),
    ))
}
