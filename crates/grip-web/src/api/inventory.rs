//! /api/v1/inventory: procured systems that contain or may contain AI.

use super::problem::{ApiError, Problem, json_rejection};
use super::{ApiQuery, List, PageParams};
use crate::AppState;
use crate::auth::ApiActor;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use grip_app::inventory::{self, FilterInput, InventoryInput};
use grip_app::rfc3339_ms;
use grip_core::inventory::{InventoryItem, ListedSystem};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::default()
        .routes(routes!(list, create))
        .routes(routes!(get_one))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiInventoryItem {
    pub id: String,
    pub name: String,
    pub supplier_id: Option<String>,
    pub supplier_name: Option<String>,
    pub description: String,
    pub status: String,
    /// confirmed, suspected, unknown or none.
    pub ai_exposure: String,
    pub dossier_id: Option<String>,
    /// manual, demo or algoritmeregister.
    pub source: String,
    /// The id in the source (the Algorithm Register id for imported entries).
    pub source_id: Option<String>,
    pub source_organisation: Option<String>,
    /// The newest AI Act verdict of the linked dossier (in lists; absent without one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub classification: Option<String>,
    pub updated_at: String,
}

impl From<InventoryItem> for ApiInventoryItem {
    fn from(i: InventoryItem) -> Self {
        ApiInventoryItem {
            id: i.id.into_string(),
            name: i.name,
            supplier_id: i.supplier_id.map(|s| s.into_string()),
            supplier_name: i.supplier_name,
            description: i.description,
            status: i.status.to_string(),
            ai_exposure: i.ai_exposure.to_string(),
            dossier_id: i.dossier_id.map(|d| d.into_string()),
            source: i.source.to_string(),
            source_id: i.source_id,
            source_organisation: i.source_organisation,
            classification: None,
            updated_at: rfc3339_ms(i.updated_at),
        }
    }
}

impl From<ListedSystem> for ApiInventoryItem {
    fn from(l: ListedSystem) -> Self {
        ApiInventoryItem {
            classification: l.verdict,
            ..ApiInventoryItem::from(l.item)
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InventoryQuery {
    /// Part of the name or the source organisation.
    pub q: Option<String>,
    /// own (added by hand or with the demo), register (imported from the Algorithm Register)
    /// or all (the default).
    pub scope: Option<String>,
    /// manual, demo or algoritmeregister.
    pub source: Option<String>,
    /// in_gebruik, ontwikkeling, buiten_gebruik or onbekend.
    pub status: Option<String>,
    /// confirmed, suspected, unknown or none.
    pub exposure: Option<String>,
    /// The dossier's newest AI Act verdict (high_risk, ...), or none for unclassified systems.
    pub classification: Option<String>,
    pub page: Option<String>,
    pub per_page: Option<String>,
}

#[utoipa::path(get, path = "/inventory", tag = "inventory", params(InventoryQuery),
    responses((status = 200, body = List<ApiInventoryItem>), (status = 401, body = Problem), (status = 422, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiQuery(q): ApiQuery<InventoryQuery>,
) -> Result<Json<List<ApiInventoryItem>>, ApiError> {
    let paging = PageParams {
        page: q.page,
        per_page: q.per_page,
    }
    .paging()?;
    let filter = FilterInput {
        q: q.q,
        scope: q.scope.or_else(|| Some("all".into())),
        source: q.source,
        status: q.status,
        exposure: q.exposure,
        classification: q.classification,
    }
    .parse()?;
    let page = inventory::list(&state.app, &actor, &filter, paging).await?;
    Ok(Json(List::from_page(page, ApiInventoryItem::from)))
}

#[utoipa::path(get, path = "/inventory/{id}", tag = "inventory",
    responses((status = 200, body = ApiInventoryItem), (status = 404, body = Problem)))]
pub async fn get_one(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<ApiInventoryItem>, ApiError> {
    Ok(Json(inventory::get(&state.app, &actor, &id).await?.into()))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InventoryBody {
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub supplier_id: Option<String>,
    #[serde(default)]
    pub dossier_id: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub ai_exposure: Option<String>,
}

#[utoipa::path(post, path = "/inventory", tag = "inventory", request_body = InventoryBody,
    responses((status = 201, body = ApiInventoryItem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    body: Result<Json<InventoryBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(b) = body.map_err(json_rejection)?;
    let input = InventoryInput {
        name: b.name,
        description: b.description,
        supplier_id: b.supplier_id,
        dossier_id: b.dossier_id,
        status: b.status,
        ai_exposure: b.ai_exposure,
    };
    let id = inventory::create(&state.app, &actor, &input).await?;
    let created: ApiInventoryItem = inventory::get(&state.app, &actor, &id).await?.into();
    Ok((StatusCode::CREATED, Json(created)).into_response())
}
