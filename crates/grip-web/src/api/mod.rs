//! The REST API under /api/v1: bearer-token authentication, JSON in and out, lists as
//! `{items, total, page, per_page}`, errors as problem objects, described by an OpenAPI 3
//! document generated from the handlers themselves.

mod assessment;
mod audit;
mod bids;
mod catalogue;
mod checklist;
mod classification_result;
mod classifications;
mod classify;
mod decisions;
mod documents;
mod dossiers;
mod inventory;
mod packages;
mod portfolio;
pub mod problem;
mod register;
mod screening;
mod screening_jobs;
mod system_profile;
mod tender_package;
mod triage;

use crate::AppState;
use axum::extract::{DefaultBodyLimit, FromRequestParts};
use axum::http::request::Parts;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use grip_app::{AppError, Paging};
use problem::ApiError;
use serde::{Deserialize, Serialize};
use utoipa::openapi::OpenApi as OpenApiDoc;
use utoipa::{IntoParams, OpenApi, ToSchema};
use utoipa_axum::router::OpenApiRouter;

/// The API routes, relative to /api/v1. Each module declares its routes once, with the
/// handlers' `#[utoipa::path]` descriptions, so the route table and the document agree.
fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::default()
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
        .merge(bids::routes())
        .merge(assessment::routes())
        .merge(decisions::routes())
        .merge(triage::routes())
        .merge(register::routes())
        .merge(portfolio::routes())
        .fallback(|| async {
            problem::problem(
                axum::http::StatusCode::NOT_FOUND,
                "not_found",
                "no such API route".into(),
                Vec::new(),
            )
        })
}

/// The API under /api/v1 and its OpenAPI document, both made from one route table.
fn router_and_document() -> (Router<AppState>, OpenApiDoc) {
    let (router, mut document) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .nest("/api/v1", api_routes())
        .split_for_parts();
    complete_operations(&mut document);
    (router, document)
}

/// What OpenAPI requires and the handlers' annotations leave out: operation ids unique across
/// modules (handlers are named `list`, `get_one` in several) and a description per response.
fn complete_operations(document: &mut OpenApiDoc) {
    for item in document.paths.paths.values_mut() {
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
        ];
        for operation in operations.into_iter().flatten() {
            let tag = operation.tags.as_ref().and_then(|t| t.first()).cloned();
            if let (Some(tag), Some(id)) = (tag, operation.operation_id.as_mut()) {
                *id = format!("{tag}_{id}");
            }
            for (status, response) in operation.responses.responses.iter_mut() {
                if let utoipa::openapi::RefOr::T(response) = response
                    && response.description.is_empty()
                {
                    response.description = status
                        .parse::<u16>()
                        .ok()
                        .and_then(|s| axum::http::StatusCode::from_u16(s).ok())
                        .and_then(|s| s.canonical_reason())
                        .unwrap_or("Response")
                        .to_string();
                }
            }
        }
    }
}

/// The API under /api/v1, with its document served at /api/v1/openapi.json.
pub fn routes() -> Router<AppState> {
    let (router, document) = router_and_document();
    let document = std::sync::Arc::new(document);
    router.route(
        "/api/v1/openapi.json",
        get(move || {
            let document = document.clone();
            async move { Json(&*document).into_response() }
        }),
    )
}

/// The OpenAPI document as pretty JSON (also served at /api/v1/openapi.json).
pub fn openapi_json() -> String {
    router_and_document().1.to_pretty_json().unwrap_or_default()
}

/// What the route table does not say: the API's description, its authentication and the
/// problem schemas every error uses.
#[derive(OpenApi)]
#[openapi(
    info(title = "Grip API", description = "Acquisition dossiers, AI Act classifications and obligations, catalogues, inventory, documents and the audit trail of a Grip installation. Authenticate with `Authorization: Bearer <token>` (create one with `grip token create --user NAME`)."),
    components(schemas(problem::Problem, problem::ProblemField)),
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

/// An upload form; a body that is not `multipart/form-data` with a boundary becomes a 415
/// problem, not a plain-text error.
pub struct ApiMultipart(pub axum::extract::Multipart);

impl<S: Send + Sync> axum::extract::FromRequest<S> for ApiMultipart {
    type Rejection = ApiError;
    async fn from_request(
        request: axum::extract::Request,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        axum::extract::Multipart::from_request(request, state)
            .await
            .map(ApiMultipart)
            .map_err(|e| {
                ApiError(AppError::UnsupportedMedia(format!(
                    "expected multipart/form-data: {}",
                    e.body_text()
                )))
            })
    }
}

/// A file's bytes: a download, or a file field of an upload form.
pub struct FileBytes;

impl utoipa::PartialSchema for FileBytes {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Binary)))
            .into()
    }
}

impl ToSchema for FileBytes {}

/// The form of a single document upload.
#[derive(ToSchema)]
#[expect(dead_code, reason = "describes the form; the upload reader reads it")]
pub struct DocumentUpload {
    /// PDF, DOCX, ODT, HTML, TXT or Markdown, at most 25 MB.
    #[schema(value_type = FileBytes)]
    file: (),
    /// Where the document came from: `supplier` or `internal`.
    provenance: String,
    /// For `supplier`: the supplier's id in the catalogue.
    supplier_id: Option<String>,
    /// For `supplier`: the bid or notice it belongs to (free text, at most 200 characters).
    reference: Option<String>,
    /// For `internal`: the role of the author, e.g. `jurist`.
    role: Option<String>,
}

/// The form of an upload of several files: every field that carries a file counts, in order.
#[derive(ToSchema)]
#[expect(dead_code, reason = "describes the form; the upload reader reads it")]
pub struct FilesUpload {
    /// At most 500 files, 100 MB together.
    #[schema(value_type = Vec<FileBytes>)]
    files: (),
    /// For a bulk screening job: where its documents came from, as for a single upload.
    provenance: Option<String>,
    supplier_id: Option<String>,
    reference: Option<String>,
    role: Option<String>,
}

/// The name a unit enum variant has in JSON (its serde name), so the API spells a value
/// exactly as the stored and exported documents do.
fn wire_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

/// A text in Dutch and English.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiText {
    pub nl: String,
    pub en: String,
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
    pub fn from_page<U>(page: grip_core::Page<U>, map: impl Fn(U) -> T) -> List<T> {
        List {
            items: page.items.into_iter().map(map).collect(),
            total: page.total,
            page: page.page,
            per_page: page.per_page,
        }
    }
}
