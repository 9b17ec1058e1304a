//! /api/v1 documents: list a dossier's documents, upload (multipart), metadata, content.

use super::problem::{ApiError, Problem};
use super::{DocumentUpload, FileBytes};
use crate::AppState;
use crate::auth::ApiActor;
use crate::uploads::read_file_field;
use axum::Json;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use grip_app::{documents, dossiers, rfc3339_ms};
use grip_core::document::Document;
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
    request_body(content = DocumentUpload, content_type = "multipart/form-data", description = "one field `file`: PDF, DOCX, ODT, HTML, TXT or Markdown, at most 25 MB"),
    responses((status = 201, body = ApiDocument), (status = 413, body = Problem), (status = 415, body = Problem), (status = 422, body = Problem)))]
pub async fn upload(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    multipart: Multipart,
) -> Result<Response, ApiError> {
    let (name, bytes) = read_file_field(multipart, state.app.limits.max_document_bytes).await?;
    let row = documents::upload(&state.app, &actor, &id, &name, &bytes).await?;
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
