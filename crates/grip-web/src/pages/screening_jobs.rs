//! Bulk screening pages: starting a job from the dossier page (several files and/or ZIPs),
//! the job page with its progress bar (htmx refreshes the progress fragment every second
//! while the job runs; without JavaScript a "refresh" link does the same) and cancelling.

use crate::AppState;
use crate::auth::Viewer;
use crate::error::{PageError, render};
use crate::shell::Shell;
use crate::uploads::{MAX_TOTAL_BYTES, read_files_form};
use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use grip_app::AppError;
use grip_app::bulk::{self, JobStatus};
use grip_core::screening_job::{ItemState, JobState};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/dossiers/{id}/screening-jobs",
            // The use case gives the clear message; this only stops far larger bodies.
            post(start).layer(DefaultBodyLimit::max(MAX_TOTAL_BYTES + 1024 * 1024)),
        )
        .route("/dossiers/{id}/screening-jobs/{job}", get(page))
        .route(
            "/dossiers/{id}/screening-jobs/{job}/progress",
            get(fragment),
        )
        .route("/dossiers/{id}/screening-jobs/{job}/cancel", post(cancel))
}

/// One item's line on the job page.
pub struct ItemLine {
    pub position: i64,
    pub name: String,
    pub source_path: Option<String>,
    pub state_key: &'static str,
    pub document_id: Option<String>,
    pub verdict_key: Option<&'static str>,
    pub note: Option<String>,
}

/// Everything the progress fragment shows.
pub struct Progress {
    pub dossier_id: String,
    pub job_id: String,
    pub state: String,
    pub state_key: &'static str,
    pub finished: bool,
    pub handled: i64,
    pub total: i64,
    pub done: i64,
    pub failed: i64,
    pub skipped: i64,
    pub created_at: i64,
    pub may_cancel: bool,
    pub items: Vec<ItemLine>,
}

/// i18n key of a job state.
pub fn job_state_key(state: JobState) -> &'static str {
    match state {
        JobState::Queued => "job_queued",
        JobState::Running => "job_running_short",
        JobState::Done => "job_done",
        JobState::Failed => "job_failed",
        JobState::Cancelled => "job_cancelled",
    }
}

fn item_state_key(state: ItemState) -> &'static str {
    match state {
        ItemState::Pending => "item_pending",
        ItemState::Done => "item_done",
        ItemState::Failed => "item_failed",
        ItemState::Skipped => "item_skipped",
    }
}

impl Progress {
    fn new(status: JobStatus, may_cancel: bool) -> Progress {
        let finished = status.is_finished();
        let handled = status.handled();
        let job = status.job;
        Progress {
            state_key: job_state_key(job.state),
            finished,
            handled,
            total: job.total,
            done: job.done_count,
            failed: job.failed_count,
            skipped: job.skipped_count,
            created_at: job.created_at,
            may_cancel: may_cancel && !finished,
            items: status
                .items
                .into_iter()
                .map(|i| ItemLine {
                    position: i.position,
                    state_key: item_state_key(i.state),
                    verdict_key: i.verdict.as_deref().map(super::documents::verdict_key),
                    source_path: i.source_path.filter(|p| *p != i.name),
                    name: i.name,
                    document_id: i.document_id.map(|d| d.into_string()),
                    note: i.error,
                })
                .collect(),
            dossier_id: job.dossier_id.into_string(),
            job_id: job.id.into_string(),
            state: job.state.to_string(),
        }
    }
}

#[derive(Template)]
#[template(path = "dossiers/screening_job.html")]
struct JobPage {
    shell: Shell,
    dossier_title: String,
    p: Progress,
}

#[derive(Template)]
#[template(path = "dossiers/screening_job_progress.html")]
struct ProgressFragment {
    shell: Shell,
    p: Progress,
}

async fn progress(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
    job: &str,
) -> Result<Progress, AppError> {
    let status = bulk::job_status(&state.app, &viewer.actor, id, job).await?;
    let may_cancel = bulk::may_cancel(&state.app, &viewer.actor, &status.job).await?;
    Ok(Progress::new(status, may_cancel))
}

async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, job)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let p = progress(&state, &viewer, &id, &job).await?;
    let dossier = grip_app::dossiers::get(&state.app, &viewer.actor, &id).await?;
    render(&JobPage {
        shell: Shell::new(
            &viewer,
            "dossiers",
            &format!("/dossiers/{id}/screening-jobs/{job}"),
        ),
        dossier_title: dossier.title,
        p,
    })
}

async fn fragment(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, job)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let p = progress(&state, &viewer, &id, &job).await?;
    let path = format!("/dossiers/{id}/screening-jobs/{job}");
    render(&ProgressFragment {
        shell: Shell::new(&viewer, "dossiers", &path),
        p,
    })
}

async fn start(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    multipart: Multipart,
) -> Result<Response, PageError> {
    // ZIPs may be larger than one document; plain files are held to the document limit by
    // the use case.
    let result = match read_files_form(multipart, MAX_TOTAL_BYTES).await {
        Ok((files, fields)) => {
            let provenance = fields.provenance();
            bulk::start_bulk_screening(&state.app, &viewer.actor, &id, files, &provenance).await
        }
        Err(err) => Err(err),
    };
    match result {
        Ok(job) => {
            Ok(Redirect::to(&format!("/dossiers/{id}/screening-jobs/{}", job.id)).into_response())
        }
        Err(
            err
            @ (AppError::Invalid(_) | AppError::TooLarge { .. } | AppError::UnsupportedMedia(_)),
        ) => super::dossiers::page_with_error(&state, &viewer, &id, err).await,
        Err(other) => Err(other.into()),
    }
}

async fn cancel(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, job)): Path<(String, String)>,
) -> Result<Response, PageError> {
    match bulk::cancel_job(&state.app, &viewer.actor, &id, &job).await {
        // Already finished: show the job as it ended.
        Ok(_) | Err(AppError::Conflict(_)) => {
            Ok(Redirect::to(&format!("/dossiers/{id}/screening-jobs/{job}")).into_response())
        }
        Err(other) => Err(other.into()),
    }
}
