//! /api/v1 screening: screen uploaded files without storing them, and read the screening
//! stored with a dossier document when it was uploaded.

use super::FilesUpload;
use super::problem::{ApiError, Problem};
use crate::AppState;
use crate::auth::ApiActor;
use crate::uploads::read_file_fields;
use axum::Json;
use axum::extract::{Path, State};
use grip_app::{AppError, rfc3339_ms, screening};
use serde::Serialize;
use utoipa::ToSchema;

#[utoipa::path(post, path = "/screen", tag = "screening",
    request_body(content = FilesUpload, content_type = "multipart/form-data", description = "one or more file fields: PDF, DOCX, ODT, HTML, TXT or Markdown, at most 25 MB each and 100 MB together"),
    responses((status = 200, body = Vec<ApiScreening>, description = "one `grip.screening/1` object per file, in upload order; nothing is stored"),
        (status = 413, body = Problem), (status = 422, body = Problem)))]
pub async fn screen(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    super::ApiMultipart(multipart): super::ApiMultipart,
) -> Result<Json<Vec<ApiScreening>>, ApiError> {
    let files = read_file_fields(multipart, state.app.limits.max_document_bytes).await?;
    // Extraction is CPU-bound; keep it off the async workers.
    let app = state.app.clone();
    let results =
        tokio::task::spawn_blocking(move || screening::screen_files(&app, &actor, &files))
            .await
            .map_err(|e| AppError::Internal(format!("screening task: {e}")))??;
    Ok(Json(results.into_iter().map(ApiScreening::from).collect()))
}

/// A `grip.screening/1` object: what screening found in one document (the published
/// contract `screening.schema.json`).
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiScreening {
    /// Always `grip.screening/1`.
    pub schema: String,
    pub document: ApiScreenedDocument,
    /// `ai_indicated`, `no_ai_indicated` or `unreadable`.
    pub verdict: String,
    pub findings: Vec<ApiFinding>,
    /// Distinct categories of the findings that are not negated.
    pub categories: Vec<String>,
    /// Annex III codes (as in the system profile) the text suggests examining; a hint only.
    pub annex_iii_hints: Vec<String>,
    /// The text denies AI somewhere and describes AI functionality elsewhere.
    pub contradiction: bool,
    /// 0.0 (generic) to 1.0 (concrete); null when not computed.
    pub specificity: Option<f64>,
    /// Why the document could not be read (verdict `unreadable`).
    pub error: Option<String>,
}

/// The screened document as extraction saw it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiScreenedDocument {
    pub name: String,
    /// `pdf`, `docx`, `odt`, `html`, `txt` or `md`.
    pub format: String,
    /// Unicode scalar values in the extracted text.
    pub chars: u64,
    pub pages: Option<u32>,
    /// `nl`, `en`, `mixed` or `unknown`.
    pub language: String,
}

/// One passage that indicates AI, or denies it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiFinding {
    pub indicator: String,
    pub category: String,
    /// The sentence, or a window of at most 300 characters around the match.
    pub excerpt: String,
    /// Character offset in the extracted text.
    pub start: u64,
    pub end: u64,
    pub page: Option<u32>,
    /// The text denies this ("bevat geen AI", "does not use machine learning").
    pub negated: bool,
}

impl From<screening::Screening> for ApiScreening {
    fn from(s: screening::Screening) -> Self {
        ApiScreening {
            schema: s.schema,
            document: ApiScreenedDocument {
                name: s.document.name,
                format: s.document.format.as_str().into(),
                chars: s.document.chars as u64,
                pages: s.document.pages,
                language: s.document.language.as_str().into(),
            },
            verdict: match s.verdict {
                screening::Verdict::AiIndicated => "ai_indicated",
                screening::Verdict::NoAiIndicated => "no_ai_indicated",
                screening::Verdict::Unreadable => "unreadable",
            }
            .into(),
            findings: s
                .findings
                .into_iter()
                .map(|f| ApiFinding {
                    indicator: f.indicator,
                    category: f.category,
                    excerpt: f.excerpt,
                    start: f.start as u64,
                    end: f.end as u64,
                    page: f.page,
                    negated: f.negated,
                })
                .collect(),
            categories: s.categories,
            annex_iii_hints: s.annex_iii_hints,
            contradiction: s.contradiction,
            specificity: s.specificity,
            error: s.error,
        }
    }
}

/// The screening stored with a document, and the lexicon that made it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiDocumentScreening {
    pub document_id: String,
    pub screened_at: String,
    pub lexicon_id: String,
    pub lexicon_version: String,
    pub lexicon_hash: String,
    pub screening: ApiScreening,
}

#[utoipa::path(get, path = "/documents/{id}/screening", tag = "screening",
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
        screening: stored.screening.into(),
    }))
}
