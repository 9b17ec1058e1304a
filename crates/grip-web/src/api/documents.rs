//! /api/v1 documents: list a dossier's documents, upload (multipart), metadata, content.

use super::problem::{ApiError, Problem};
use super::{DocumentUpload, FileBytes};
use crate::AppState;
use crate::auth::ApiActor;
use crate::uploads::read_document_form;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use grip_app::{documents, dossiers, rfc3339_ms};
use grip_core::document::{Document, Provenance};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::default()
        .routes(routes!(list, upload))
        .routes(routes!(metadata))
        .routes(routes!(content))
        .routes(routes!(super::screening::document_screening))
        .routes(
            routes!(super::screening::screen).layer(axum::extract::DefaultBodyLimit::max(
                crate::uploads::MAX_TOTAL_BYTES + 1024 * 1024,
            )),
        )
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiDocument {
    pub id: String,
    pub dossier_id: String,
    pub sha256: String,
    pub size: i64,
    pub media_type: String,
    pub original_name: String,
    pub uploaded_at: String,
    pub provenance: ApiProvenance,
}

/// Where a document came from.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiProvenance {
    /// `supplier`, `internal`, or `unrecorded` (stored before Grip asked; treated as internal).
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supplier_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supplier_name: Option<String>,
    /// The bid or notice the supplier's document belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// The author's role, for internal documents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

impl From<&Provenance> for ApiProvenance {
    fn from(p: &Provenance) -> Self {
        ApiProvenance {
            kind: p.kind().code().into(),
            supplier_id: p.supplier().map(|s| s.id.to_string()),
            supplier_name: p.supplier().map(|s| s.name.clone()),
            reference: p.reference().map(str::to_string),
            role: p.role().map(|r| r.id().to_string()),
        }
    }
}

impl From<Document> for ApiDocument {
    fn from(d: Document) -> Self {
        ApiDocument {
            id: d.id.into_string(),
            dossier_id: d.dossier_id.into_string(),
            sha256: d.sha256,
            size: d.size,
            media_type: d.media_type,
            original_name: d.original_name,
            uploaded_at: rfc3339_ms(d.uploaded_at),
            provenance: ApiProvenance::from(&d.provenance),
        }
    }
}

#[utoipa::path(get, path = "/dossiers/{id}/documents", tag = "documents",
    responses((status = 200, body = Vec<ApiDocument>), (status = 404, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<Vec<ApiDocument>>, ApiError> {
    let detail = dossiers::detail(&state.app, &actor, &id).await?;
    Ok(Json(
        detail
            .documents
            .into_iter()
            .map(ApiDocument::from)
            .collect(),
    ))
}

#[utoipa::path(post, path = "/dossiers/{id}/documents", tag = "documents",
    request_body(content = DocumentUpload, content_type = "multipart/form-data", description = "field `file` (PDF, DOCX, ODT, HTML, TXT or Markdown, at most 25 MB) and where it came from: `provenance` (`supplier` with `supplier_id` and optionally `reference`, or `internal` with `role`)"),
    responses((status = 201, body = ApiDocument), (status = 413, body = Problem), (status = 415, body = Problem), (status = 422, body = Problem), (status = 404, body = Problem)))]
pub async fn upload(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    super::ApiMultipart(multipart): super::ApiMultipart,
) -> Result<Response, ApiError> {
    let ((name, bytes), fields) =
        read_document_form(multipart, state.app.limits.max_document_bytes).await?;
    let provenance = fields.provenance();
    let row = documents::upload(&state.app, &actor, &id, &name, &bytes, &provenance).await?;
    Ok((StatusCode::CREATED, Json(ApiDocument::from(row))).into_response())
}

#[utoipa::path(get, path = "/documents/{id}", tag = "documents",
    responses((status = 200, body = ApiDocument), (status = 404, body = Problem)))]
pub async fn metadata(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<ApiDocument>, ApiError> {
    Ok(Json(documents::get(&state.app, &actor, &id).await?.into()))
}

#[utoipa::path(get, path = "/documents/{id}/content", tag = "documents",
    responses((status = 200, body = FileBytes, content_type = "application/octet-stream", description = "the stored bytes, as an attachment with the document's own media type"), (status = 404, body = Problem)))]
pub async fn content(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let (row, bytes) = documents::download(&state.app, &actor, &id).await?;
    Ok(crate::downloads::file_response(&row, bytes))
}
