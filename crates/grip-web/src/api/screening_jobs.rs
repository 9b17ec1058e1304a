//! /api/v1 bulk screening jobs: start one with many files and/or ZIPs (answered at once
//! with 202 and the job's address), follow its progress and per-item results, cancel it.

use super::FilesUpload;
use super::problem::{ApiError, Problem};
use crate::AppState;
use crate::auth::ApiActor;
use crate::uploads::{MAX_TOTAL_BYTES, read_files_form};
use axum::Json;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use grip_app::bulk::{self, JobStatus};
use grip_app::rfc3339_ms;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::default()
        .routes(routes!(start).layer(DefaultBodyLimit::max(MAX_TOTAL_BYTES + 1024 * 1024)))
        .routes(routes!(status))
        .routes(routes!(cancel))
}

/// A bulk screening job and the outcome of each of its files.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiScreeningJob {
    pub id: String,
    pub dossier_id: String,
    /// `queued`, `running`, `done`, `failed` or `cancelled`.
    pub state: String,
    pub total: i64,
    /// Items no longer waiting: `done` + `failed` + `skipped`.
    pub handled: i64,
    pub done: i64,
    pub failed: i64,
    pub skipped: i64,
    pub created_at: String,
    pub finished_at: Option<String>,
    pub error: Option<String>,
    pub items: Vec<ApiScreeningJobItem>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiScreeningJobItem {
    pub position: i64,
    /// The document's name (the last part of its path inside a ZIP).
    pub name: String,
    /// The path inside the ZIP it came from, if any.
    pub source_path: Option<String>,
    pub size: i64,
    /// `pending`, `done`, `failed` or `skipped`.
    pub state: String,
    /// The dossier document made from this item.
    pub document_id: Option<String>,
    /// `ai_indicated`, `no_ai_indicated` or `unreadable`, once screened.
    pub verdict: Option<String>,
    /// Why the item was skipped or failed, or why its document is unreadable.
    pub error: Option<String>,
}

impl From<JobStatus> for ApiScreeningJob {
    fn from(status: JobStatus) -> Self {
        let handled = status.handled();
        let job = status.job;
        ApiScreeningJob {
            id: job.id.into_string(),
            dossier_id: job.dossier_id.into_string(),
            state: job.state.to_string(),
            total: job.total,
            handled,
            done: job.done_count,
            failed: job.failed_count,
            skipped: job.skipped_count,
            created_at: rfc3339_ms(job.created_at),
            finished_at: job.finished_at.map(rfc3339_ms),
            error: job.error,
            items: status
                .items
                .into_iter()
                .map(|i| ApiScreeningJobItem {
                    position: i.position,
                    name: i.name,
                    source_path: i.source_path,
                    size: i.size,
                    state: i.state.to_string(),
                    document_id: i.document_id.map(|d| d.into_string()),
                    verdict: i.verdict,
                    error: i.error,
                })
                .collect(),
        }
    }
}

#[utoipa::path(post, path = "/dossiers/{id}/screening-jobs", tag = "screening",
    request_body(content = FilesUpload, content_type = "multipart/form-data", description = "one or more file fields: documents (PDF, DOCX, ODT, HTML, TXT, Markdown; at most 25 MB each) and/or ZIP files of them; 100 MB together. ZIPs are checked before anything is stored: bombs, more than 1000 entries and names that escape the folder are refused (422 with codes `zip_bomb`, `zip_too_large`, `zip_too_many_entries`, `zip_unsafe_name`, `zip_corrupt`, `zip_empty`). Every document gets the provenance of the fields `provenance` (`supplier` with `supplier_id` and optionally `reference`, or `internal` with `role`)."),
    responses((status = 202, body = ApiScreeningJob, description = "the job was stored and will be screened in the background; `Location` names it"),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 413, body = Problem), (status = 422, body = Problem)))]
pub async fn start(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    super::ApiMultipart(multipart): super::ApiMultipart,
) -> Result<Response, ApiError> {
    let (files, fields) = read_files_form(multipart, MAX_TOTAL_BYTES).await?;
    let job =
        bulk::start_bulk_screening(&state.app, &actor, &id, files, &fields.provenance()).await?;
    let status = bulk::job_status(&state.app, &actor, &id, &job.id).await?;
    let location = format!("/api/v1/dossiers/{id}/screening-jobs/{}", job.id);
    Ok((
        StatusCode::ACCEPTED,
        [(header::LOCATION, location)],
        Json(ApiScreeningJob::from(status)),
    )
        .into_response())
}

#[utoipa::path(get, path = "/dossiers/{id}/screening-jobs/{job_id}", tag = "screening",
    responses((status = 200, body = ApiScreeningJob), (status = 404, body = Problem)))]
pub async fn status(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path((id, job_id)): Path<(String, String)>,
) -> Result<Json<ApiScreeningJob>, ApiError> {
    let status = bulk::job_status(&state.app, &actor, &id, &job_id).await?;
    Ok(Json(status.into()))
}

#[utoipa::path(post, path = "/dossiers/{id}/screening-jobs/{job_id}/cancel", tag = "screening",
    responses((status = 200, body = ApiScreeningJob, description = "cancelled: waiting items are skipped, documents already made stay"),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem, description = "the job had already ended")))]
pub async fn cancel(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path((id, job_id)): Path<(String, String)>,
) -> Result<Json<ApiScreeningJob>, ApiError> {
    bulk::cancel_job(&state.app, &actor, &id, &job_id).await?;
    let status = bulk::job_status(&state.app, &actor, &id, &job_id).await?;
    Ok(Json(status.into()))
}
