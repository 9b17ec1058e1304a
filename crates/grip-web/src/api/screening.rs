//! /api/v1 screening: screen uploaded files without storing them, and read the screening
//! stored with a dossier document when it was uploaded.

use super::problem::{ApiError, Problem};
use crate::AppState;
use crate::auth::ApiActor;
use crate::uploads::read_file_fields;
use axum::Json;
use axum::extract::{Multipart, Path, State};
use grip_app::{AppError, rfc3339_ms, screening};
use serde::Serialize;
use utoipa::ToSchema;

#[utoipa::path(post, path = "/api/v1/screen", tag = "screening",
    request_body(content_type = "multipart/form-data", description = "one or more file fields: PDF, DOCX, ODT, HTML, TXT or Markdown, at most 25 MB each and 100 MB together"),
    responses((status = 200, description = "a JSON array of `grip.screening/1` objects, in upload order; nothing is stored"),
        (status = 413, body = Problem), (status = 422, body = Problem)))]
pub async fn screen(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    multipart: Multipart,
) -> Result<Json<Vec<screening::Screening>>, ApiError> {
    let files = read_file_fields(multipart, state.app.limits.max_document_bytes).await?;
    // Extraction is CPU-bound; keep it off the async workers.
    let app = state.app.clone();
    let results =
        tokio::task::spawn_blocking(move || screening::screen_files(&app, &actor, &files))
            .await
            .map_err(|e| AppError::Internal(format!("screening task: {e}")))??;
    Ok(Json(results))
}

/// The screening stored with a document, and the lexicon that made it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiDocumentScreening {
    pub document_id: String,
    pub screened_at: String,
    pub lexicon_id: String,
    pub lexicon_version: String,
    pub lexicon_hash: String,
    /// The `grip.screening/1` object.
    #[schema(value_type = Object)]
    pub screening: screening::Screening,
}

#[utoipa::path(get, path = "/api/v1/documents/{id}/screening", tag = "screening",
    responses((status = 200, body = ApiDocumentScreening), (status = 404, body = Problem)))]
pub async fn document_screening(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<ApiDocumentScreening>, ApiError> {
    let (_, stored) = screening::for_document(&state.app, &actor, &id).await?;
    let stored = stored.ok_or(AppError::NotFound("screening"))?;
    Ok(Json(ApiDocumentScreening {
        document_id: id,
        screened_at: rfc3339_ms(stored.screened_at),
        lexicon_id: stored.lexicon_id,
        lexicon_version: stored.lexicon_version,
        lexicon_hash: stored.lexicon_hash,
        screening: stored.screening,
    }))
}
