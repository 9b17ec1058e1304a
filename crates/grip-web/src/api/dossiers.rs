//! /api/v1/dossiers: list, read, create, update, move to the next phase.

use super::problem::{ApiError, Problem, json_rejection};
use super::{ApiQuery, List, PageParams};
use crate::AppState;
use crate::auth::ApiActor;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use grip_app::{dossiers, organisation, rfc3339_ms};
use grip_core::LabelNames;
use grip_core::dossier::DossierInput;
use grip_core::dossier::{Dossier, DossierFilter};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::default()
        .routes(routes!(list, create))
        .routes(routes!(get_one, update))
        .routes(routes!(move_phase))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiDossier {
    pub id: String,
    pub title: String,
    pub description: String,
    pub category_id: Option<String>,
    pub category_code: Option<String>,
    pub category_name: Option<String>,
    pub requester: Option<String>,
    /// One of the eight phase ids, e.g. `behoeftestelling`, `specificatie`.
    pub phase: String,
    pub classification_label: String,
    /// `active`, `on_hold` or `closed`.
    pub status: String,
    pub estimated_value_eur: Option<i64>,
    pub created_at: String,
    pub updated_at: String,
}

impl ApiDossier {
    /// The label is given in the organisation's own name for its level.
    fn new(d: Dossier, labels: &LabelNames) -> Self {
        ApiDossier {
            category_id: d.category.as_ref().map(|c| c.id.to_string()),
            category_code: d.category.as_ref().map(|c| c.code.clone()),
            category_name: d.category.map(|c| c.name_nl),
            requester: d.requester.map(|r| r.username),
            id: d.id.into_string(),
            title: d.title,
            description: d.description,
            phase: d.phase.to_string(),
            classification_label: labels.name(d.classification_label).to_string(),
            status: d.status.to_string(),
            estimated_value_eur: d.estimated_value_eur,
            created_at: rfc3339_ms(d.created_at),
            updated_at: rfc3339_ms(d.updated_at),
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DossierQuery {
    /// Words that must all occur in the title or the start of the description.
    pub q: Option<String>,
    pub phase: Option<String>,
    pub category_id: Option<String>,
    pub page: Option<String>,
    pub per_page: Option<String>,
}

/// The fields of a dossier a client may set.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DossierBody {
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub category_id: Option<String>,
    /// Openbaar, Politie Intern (default), Politie Vertrouwelijk or Politie Geheim.
    #[serde(default)]
    pub classification_label: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub estimated_value_eur: Option<i64>,
}

impl From<DossierBody> for DossierInput {
    fn from(b: DossierBody) -> Self {
        DossierInput {
            title: b.title,
            description: b.description,
            category_id: b.category_id,
            classification_label: b.classification_label,
            status: b.status,
            estimated_value_eur: b.estimated_value_eur,
        }
    }
}

#[utoipa::path(get, path = "/dossiers", tag = "dossiers", params(DossierQuery),
    responses((status = 200, body = List<ApiDossier>), (status = 401, body = Problem), (status = 422, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiQuery(q): ApiQuery<DossierQuery>,
) -> Result<Json<List<ApiDossier>>, ApiError> {
    let paging = PageParams {
        page: q.page.clone(),
        per_page: q.per_page.clone(),
    }
    .paging()?;
    let filter = DossierFilter {
        query: q.q.filter(|s| !s.trim().is_empty()),
        phase: dossiers::phase_filter(q.phase.as_deref())?,
        category_id: q.category_id.filter(|s| !s.is_empty()).map(Into::into),
    };
    let page = dossiers::list(&state.app, &actor, &filter, paging).await?;
    let labels = organisation::label_names(&state.app).await?;
    Ok(Json(List::from_page(page, |d| ApiDossier::new(d, &labels))))
}

#[utoipa::path(get, path = "/dossiers/{id}", tag = "dossiers",
    responses((status = 200, body = ApiDossier), (status = 404, body = Problem)))]
pub async fn get_one(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<ApiDossier>, ApiError> {
    let labels = organisation::label_names(&state.app).await?;
    let dossier = dossiers::get(&state.app, &actor, &id).await?;
    Ok(Json(ApiDossier::new(dossier, &labels)))
}

#[utoipa::path(post, path = "/dossiers", tag = "dossiers", request_body = DossierBody,
    responses((status = 201, body = ApiDossier), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    body: Result<Json<DossierBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(body) = body.map_err(json_rejection)?;
    let id = dossiers::create(&state.app, &actor, &body.into()).await?;
    let labels = organisation::label_names(&state.app).await?;
    let created = ApiDossier::new(dossiers::get(&state.app, &actor, &id).await?, &labels);
    Ok((
        StatusCode::CREATED,
        [(
            axum::http::header::LOCATION,
            format!("/api/v1/dossiers/{id}"),
        )],
        Json(created),
    )
        .into_response())
}

#[utoipa::path(put, path = "/dossiers/{id}", tag = "dossiers", request_body = DossierBody,
    responses((status = 200, body = ApiDossier), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn update(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    body: Result<Json<DossierBody>, JsonRejection>,
) -> Result<Json<ApiDossier>, ApiError> {
    let Json(body) = body.map_err(json_rejection)?;
    dossiers::update(&state.app, &actor, &id, &body.into()).await?;
    let labels = organisation::label_names(&state.app).await?;
    let dossier = dossiers::get(&state.app, &actor, &id).await?;
    Ok(Json(ApiDossier::new(dossier, &labels)))
}

#[derive(Debug, Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct PhaseMoveBody {
    /// When given, must be the dossier's current phase (guards against double moves).
    pub expected_phase: Option<String>,
}

#[utoipa::path(post, path = "/dossiers/{id}/phase", tag = "dossiers", request_body(content = PhaseMoveBody, description = "optional"),
    responses((status = 200, body = ApiDossier), (status = 403, body = Problem), (status = 409, body = Problem), (status = 404, body = Problem)))]
pub async fn move_phase(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    body: Option<Json<PhaseMoveBody>>,
) -> Result<Json<ApiDossier>, ApiError> {
    let body = body.map(|b| b.0).unwrap_or_default();
    dossiers::move_to_next_phase(&state.app, &actor, &id, body.expected_phase.as_deref()).await?;
    let labels = organisation::label_names(&state.app).await?;
    let dossier = dossiers::get(&state.app, &actor, &id).await?;
    Ok(Json(ApiDossier::new(dossier, &labels)))
}
