//! /api/v1 categories (read) and suppliers (read, create).

use super::problem::{ApiError, Problem, json_rejection};
use super::{ApiQuery, List, PageParams};
use crate::AppState;
use crate::auth::ApiActor;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use grip_app::catalogue::{self, SupplierInput};
use grip_app::rfc3339_ms;
use grip_core::catalogue::{Category, Supplier};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::default()
        .routes(routes!(categories))
        .routes(routes!(category))
        .routes(routes!(suppliers, create_supplier))
        .routes(routes!(supplier))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiCategory {
    pub id: String,
    pub code: String,
    pub name_nl: String,
    pub name_en: String,
    pub cpv_codes: Vec<String>,
    /// high, medium, low or none.
    pub ai_exposure: String,
    pub reason_nl: String,
    pub reason_en: String,
}

impl From<Category> for ApiCategory {
    fn from(c: Category) -> Self {
        ApiCategory {
            id: c.id.into_string(),
            code: c.code,
            name_nl: c.name_nl,
            name_en: c.name_en,
            cpv_codes: c.cpv_codes,
            ai_exposure: c.exposure.to_string(),
            reason_nl: c.reason_nl,
            reason_en: c.reason_en,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiSupplier {
    pub id: String,
    pub name: String,
    pub kvk: String,
    pub city: String,
    pub description: String,
    pub created_at: String,
}

impl From<Supplier> for ApiSupplier {
    fn from(s: Supplier) -> Self {
        ApiSupplier {
            id: s.id.into_string(),
            name: s.name,
            kvk: s.kvk,
            city: s.city,
            description: s.description,
            created_at: rfc3339_ms(s.created_at),
        }
    }
}

#[utoipa::path(get, path = "/categories", tag = "catalogue", params(PageParams),
    responses((status = 200, body = List<ApiCategory>), (status = 401, body = Problem)))]
pub async fn categories(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiQuery(q): ApiQuery<PageParams>,
) -> Result<Json<List<ApiCategory>>, ApiError> {
    let paging = q.paging()?;
    let all = catalogue::list_categories(&state.app, &actor).await?;
    let total = all.len() as i64;
    let items = all
        .into_iter()
        .skip(paging.offset() as usize)
        .take(paging.per_page as usize)
        .map(ApiCategory::from)
        .collect();
    Ok(Json(List {
        items,
        total,
        page: paging.page,
        per_page: paging.per_page,
    }))
}

#[utoipa::path(get, path = "/categories/{id}", tag = "catalogue",
    responses((status = 200, body = ApiCategory), (status = 404, body = Problem)))]
pub async fn category(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<ApiCategory>, ApiError> {
    Ok(Json(
        catalogue::get_category(&state.app, &actor, &id)
            .await?
            .into(),
    ))
}

#[utoipa::path(get, path = "/suppliers", tag = "catalogue", params(PageParams),
    responses((status = 200, body = List<ApiSupplier>), (status = 401, body = Problem)))]
pub async fn suppliers(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiQuery(q): ApiQuery<PageParams>,
) -> Result<Json<List<ApiSupplier>>, ApiError> {
    let page = catalogue::list_suppliers(&state.app, &actor, q.paging()?).await?;
    Ok(Json(List::from_page(page, ApiSupplier::from)))
}

#[utoipa::path(get, path = "/suppliers/{id}", tag = "catalogue",
    responses((status = 200, body = ApiSupplier), (status = 404, body = Problem)))]
pub async fn supplier(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<ApiSupplier>, ApiError> {
    Ok(Json(
        catalogue::get_supplier(&state.app, &actor, &id)
            .await?
            .into(),
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SupplierBody {
    pub name: String,
    #[serde(default)]
    pub kvk: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub description: String,
}

#[utoipa::path(post, path = "/suppliers", tag = "catalogue", request_body = SupplierBody,
    responses((status = 201, body = ApiSupplier), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create_supplier(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    body: Result<Json<SupplierBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(b) = body.map_err(json_rejection)?;
    let input = SupplierInput {
        name: b.name,
        kvk: b.kvk,
        city: b.city,
        description: b.description,
    };
    let id = catalogue::create_supplier(&state.app, &actor, &input).await?;
    let created: ApiSupplier = catalogue::get_supplier(&state.app, &actor, &id)
        .await?
        .into();
    Ok((StatusCode::CREATED, Json(created)).into_response())
}
