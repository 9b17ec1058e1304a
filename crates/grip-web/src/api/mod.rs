//! The REST API under /api/v1: bearer-token authentication, JSON in and out, lists as
//! `{items, total, page, per_page}`, errors as problem objects, described by an OpenAPI 3
//! document generated from the handlers themselves.

mod audit;
mod catalogue;
mod checklist;
mod classifications;
mod classify;
mod documents;
mod dossiers;
mod inventory;
mod packages;
pub mod problem;
mod screening;
mod screening_jobs;

use crate::AppState;
use axum::extract::{DefaultBodyLimit, FromRequestParts};
use axum::http::request::Parts;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use grip_app::{AppError, Paging};
use problem::ApiError;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/openapi.json",
            get(|| async { Json(ApiDoc::openapi()).into_response() }),
        )
        .merge(dossiers::routes())
        .merge(documents::routes().layer(DefaultBodyLimit::max(
            grip_app::Limits::default().max_document_bytes + 1024 * 1024,
        )))
        .merge(screening_jobs::routes())
        .merge(catalogue::routes())
        .merge(inventory::routes())
        .merge(audit::routes())
        .merge(classify::routes())
        .merge(classifications::routes())
        .merge(packages::routes())
        .merge(checklist::routes())
        .fallback(|| async {
            problem::problem(
                axum::http::StatusCode::NOT_FOUND,
                "not_found",
                "no such API route".into(),
                Vec::new(),
            )
        })
}

/// The OpenAPI document as pretty JSON (also served at /api/v1/openapi.json).
pub fn openapi_json() -> String {
    ApiDoc::openapi().to_pretty_json().unwrap_or_default()
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Grip API", description = "Acquisition dossiers, AI Act classifications and obligations, catalogues, inventory, documents and the audit trail of a Grip installation. Authenticate with `Authorization: Bearer <token>` (create one with `grip token create --user NAME`)."),
    paths(
        dossiers::list, dossiers::create, dossiers::get_one, dossiers::update, dossiers::move_phase,
        documents::list, documents::upload, documents::metadata, documents::content,
        catalogue::categories, catalogue::category, catalogue::suppliers, catalogue::supplier, catalogue::create_supplier,
        inventory::list, inventory::get_one, inventory::create,
        audit::events,
        classify::classify,
        screening::screen, screening::document_screening,
        screening_jobs::start, screening_jobs::status, screening_jobs::cancel,
        classifications::put_profile, classifications::history, classifications::obligations, classifications::set_status,
        packages::get_package, packages::generate, packages::edit_item, packages::remove_item, packages::move_item, packages::add_item, packages::freeze, packages::revise,
        checklist::list, checklist::set_status,
    ),
    components(schemas(problem::Problem, problem::ProblemField, screening::ApiDocumentScreening)),
    modifiers(&BearerAuth),
    security(("bearer" = [])),
)]
struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// `page` and `per_page` from the query string, checked (a bad value is a 422 problem).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Page number, from 1.
    pub page: Option<String>,
    /// Items per page, 1 to 200 (default 25).
    pub per_page: Option<String>,
}

impl PageParams {
    pub fn paging(&self) -> Result<Paging, ApiError> {
        let number = |field: &'static str,
                      v: &Option<String>,
                      min: i64,
                      max: i64|
         -> Result<Option<i64>, ApiError> {
            match v.as_deref() {
                None | Some("") => Ok(None),
                Some(text) => match text.parse::<i64>() {
                    Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
                    _ => Err(ApiError(AppError::from(
                        grip_core::dossier::FieldError::new(
                            field,
                            "out_of_range",
                            "invalid-number-range",
                        )
                        .with("field", field)
                        .with("min", min)
                        .with("max", max),
                    ))),
                },
            }
        };
        Ok(Paging::new(
            number("page", &self.page, 1, 10_000_000)?,
            number("per_page", &self.per_page, 1, Paging::MAX_PER_PAGE)?,
        ))
    }
}

/// Query strings that cannot be parsed at all become problems, not plain-text errors.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| ApiQuery(q.0))
            .map_err(|e| {
                let detail = e.body_text();
                ApiError(AppError::from(grip_core::dossier::FieldError::verbatim(
                    "query",
                    "malformed_query",
                    detail,
                )))
            })
    }
}

/// A list response.
#[derive(Debug, Serialize, ToSchema)]
pub struct List<T> {
    pub items: Vec<T>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

impl<T> List<T> {
    pub fn from_page<U>(page: grip_store::Page<U>, map: impl Fn(U) -> T) -> List<T> {
        List {
            items: page.items.into_iter().map(map).collect(),
            total: page.total,
            page: page.page,
            per_page: page.per_page,
        }
    }
}
