//! Bulk screening: many files, or a ZIP of them, uploaded to a dossier at once and screened
//! in the background. Starting checks and expands everything first and stores the job, its
//! items and their bytes in one transaction; a worker (`worker`) then turns the items into
//! dossier documents one at a time, exactly as single uploads are stored.

mod retry;
mod worker;

pub use retry::MAX_ATTEMPTS;
pub use worker::{Step, Worker, WorkerHandle, process_until_idle, run_next_job_step};

use crate::access::{require, require_on_dossier, require_read, require_read_of};
use crate::documents::{ACCEPTED, clean_file_name, sniff_media_type};
use crate::record::commit_with_event;
use crate::{Action, Actor, App, AppError, now_ms};
use grip_core::audit_event as ev;
use grip_core::screening_job::{ItemState, JobItem, JobState, ScreeningJob};
use grip_screen::{ArchiveLimits, expand_zip};
use grip_store::audit::NewEvent;
use grip_store::screening_jobs;
use sha2::{Digest, Sha256};
use std::collections::HashSet;

/// Most items (files, or files inside ZIPs) one job may hold.
pub const MAX_ITEMS: usize = 1_000;

/// The reason recorded on items that were still waiting when their job was cancelled.
pub const CANCELLED_REASON: &str = "geannuleerd";

/// A job with its items, for progress pages and the API.
#[derive(Debug, Clone)]
pub struct JobStatus {
    pub job: ScreeningJob,
    pub items: Vec<JobItem>,
}

impl JobStatus {
    /// Items no longer waiting (done, failed or skipped).
    pub fn handled(&self) -> i64 {
        self.job.handled()
    }

    pub fn is_finished(&self) -> bool {
        self.job.state.is_finished()
    }
}

/// One file of the upload as it will be stored on the job.
struct Planned {
    name: String,
    source_path: Option<String>,
    /// Bytes, detected type and hash, or why the file is skipped.
    outcome: Result<(Vec<u8>, &'static str, String), String>,
}

/// Starts a bulk screening of `files` (plain documents and/or ZIP archives) on a dossier.
/// Refused as a whole (nothing stored) when the actor may not upload to the dossier, a
/// plain file is over the size limit, or an archive is unsafe (bomb, too many entries,
/// escaping names). Files that cannot be documents become skipped items with a reason.
pub async fn start_bulk_screening(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    files: Vec<(String, Vec<u8>)>,
    provenance: &grip_core::document::ProvenanceInput,
) -> Result<ScreeningJob, AppError> {
    require(actor, Action::UploadDocument)?;
    // Refuse before the expensive part when the dossier is wrong or closed to the actor.
    let stated = {
        let mut conn = app.store.conn().await?;
        crate::documents::may_upload(&mut conn, actor, dossier_id).await?;
        let stated = provenance.check()?;
        crate::documents::resolve_provenance(&mut conn, &stated).await?;
        stated
    };
    if files.is_empty() {
        return Err(AppError::invalid(
            "file",
            "no_files",
            "invalid-no-files-or-zip",
        ));
    }
    let limits = app.limits;
    let planned = tokio::task::spawn_blocking(move || plan(files, limits))
        .await
        .map_err(|e| AppError::Internal(format!("expanding the upload: {e}")))??;

    let now = now_ms();
    let job_id = grip_store::new_id();
    let pending = planned.iter().filter(|p| p.outcome.is_ok()).count() as i64;
    let skipped = planned.len() as i64 - pending;
    let job = ScreeningJob {
        id: job_id.as_str().into(),
        dossier_id: dossier_id.into(),
        created_by: actor.user_id.clone(),
        created_at: now,
        // A job with nothing to screen is over at once; its skipped items say why.
        state: if pending == 0 {
            JobState::Done
        } else {
            JobState::Queued
        },
        total: planned.len() as i64,
        done_count: 0,
        failed_count: 0,
        skipped_count: skipped,
        claimed_by: None,
        claimed_until: None,
        finished_at: (pending == 0).then_some(now),
        error: None,
        provenance: Some(stated),
    };
    let mut tx = app.store.begin_write().await?;
    crate::documents::may_upload(&mut tx, actor, dossier_id).await?;
    screening_jobs::insert_job(&mut tx, &job).await?;
    let mut stored = HashSet::new();
    for (position, p) in planned.into_iter().enumerate() {
        let mut item = JobItem {
            job_id: job_id.as_str().into(),
            position: position as i64 + 1,
            name: p.name,
            source_path: p.source_path,
            sha256: None,
            size: 0,
            media_type: None,
            state: ItemState::Pending,
            document_id: None,
            verdict: None,
            error: None,
            updated_at: now,
        };
        match p.outcome {
            Ok((bytes, media_type, sha256)) => {
                if stored.insert(sha256.clone()) {
                    grip_store::documents::put_blob(&mut tx, &sha256, &bytes).await?;
                }
                item.size = bytes.len() as i64;
                item.media_type = Some(media_type.into());
                item.sha256 = Some(sha256);
            }
            Err(reason) => {
                item.state = ItemState::Skipped;
                item.error = Some(reason);
            }
        }
        screening_jobs::insert_item(&mut tx, &item).await?;
    }
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &actor.username,
            dossier: Some(dossier_id),
            event: ev::ScreeningJobStarted {
                job_id: job.id.to_string(),
                total: job.total,
                pending,
                skipped,
            }
            .into(),
        },
    )
    .await?;
    app.jobs.notify_one();
    Ok(job)
}

/// Expands archives and decides per file: kept (with type and hash) or skipped (why).
fn plan(files: Vec<(String, Vec<u8>)>, limits: crate::Limits) -> Result<Vec<Planned>, AppError> {
    let archive_limits = ArchiveLimits {
        max_entry_bytes: limits.max_document_bytes as u64,
        ..ArchiveLimits::default()
    };
    let mut planned = Vec::new();
    for (name, bytes) in files {
        if is_archive(&bytes, &name) {
            let entries = expand_zip(&bytes, &archive_limits).map_err(|e| {
                AppError::from(
                    grip_core::dossier::FieldError::new("file", e.code(), "invalid-archive")
                        .with("name", display_name(&name))
                        .with("detail", e),
                )
            })?;
            if entries.is_empty() {
                return Err(grip_core::dossier::FieldError::new(
                    "file",
                    "zip_empty",
                    "invalid-zip-empty",
                )
                .with("name", display_name(&name))
                .into());
            }
            for entry in entries {
                let outcome = match entry.content {
                    Ok(bytes) => judge(&entry.name, bytes, limits),
                    Err(reason) => Err(reason.to_string()),
                };
                planned.push(Planned {
                    name: clean_file_name(&entry.name).unwrap_or(entry.name),
                    source_path: Some(entry.path),
                    outcome,
                });
            }
        } else {
            if bytes.len() > limits.max_document_bytes {
                return Err(AppError::TooLarge {
                    size: bytes.len(),
                    limit: limits.max_document_bytes,
                });
            }
            planned.push(Planned {
                name: clean_file_name(&name).unwrap_or_else(|_| display_name(&name)),
                source_path: None,
                outcome: judge(&name, bytes, limits),
            });
        }
        if planned.len() > MAX_ITEMS {
            return Err(grip_core::dossier::FieldError::new(
                "file",
                "too_many_files",
                "invalid-too-many-files-per-job",
            )
            .with("max", MAX_ITEMS)
            .into());
        }
    }
    Ok(planned)
}

/// A top-level upload is expanded when it is a ZIP that is not itself a document.
fn is_archive(bytes: &[u8], name: &str) -> bool {
    (bytes.starts_with(b"PK\x03\x04") && sniff_media_type(bytes, name).is_none())
        || bytes.starts_with(b"PK\x05\x06")
}

/// The checks of a single upload, as a reason to skip instead of an error.
fn judge(
    name: &str,
    bytes: Vec<u8>,
    limits: crate::Limits,
) -> Result<(Vec<u8>, &'static str, String), String> {
    let name = clean_file_name(name).map_err(|e| crate::error::first_message(&e))?;
    if bytes.is_empty() {
        return Err("Het bestand is leeg.".into());
    }
    if bytes.len() > limits.max_document_bytes {
        return Err(format!(
            "Het bestand is te groot; de grens is {} bytes.",
            limits.max_document_bytes
        ));
    }
    if is_archive(&bytes, &name) {
        return Err("Een ZIP-bestand in een ZIP-bestand wordt niet uitgepakt.".into());
    }
    let media_type = sniff_media_type(&bytes, &name).ok_or_else(|| {
        format!("Dit bestandstype wordt niet ondersteund; toegestaan: {ACCEPTED}.")
    })?;
    let sha256 = hex::encode(Sha256::digest(&bytes));
    Ok((bytes, media_type, sha256))
}

/// A name fit for a message even when it is not fit for a document.
fn display_name(name: &str) -> String {
    let cleaned: String = name.chars().filter(|c| !c.is_control()).take(200).collect();
    if cleaned.trim().is_empty() {
        "(zonder naam)".into()
    } else {
        cleaned
    }
}

/// A job of a dossier; a job of another dossier is not found.
async fn job_of(
    conn: &mut grip_store::Conn,
    dossier_id: &str,
    job_id: &str,
) -> Result<ScreeningJob, AppError> {
    screening_jobs::get_job(conn, job_id)
        .await?
        .filter(|j| j.dossier_id.as_str() == dossier_id)
        .ok_or(AppError::NotFound("screening job"))
}

/// A job's progress and per-item results.
pub async fn job_status(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    job_id: &str,
) -> Result<JobStatus, AppError> {
    let mut conn = app.store.conn().await?;
    require_read_of(&mut conn, actor, dossier_id, "screening job").await?;
    let job = job_of(&mut conn, dossier_id, job_id).await?;
    let items = screening_jobs::items(&mut conn, job_id).await?;
    Ok(JobStatus { job, items })
}

/// The dossier's most recent jobs, newest first (running ones included).
pub async fn list_jobs(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
) -> Result<Vec<ScreeningJob>, AppError> {
    let mut conn = app.store.conn().await?;
    require_read(&mut conn, actor, dossier_id).await?;
    Ok(screening_jobs::jobs_for_dossier(&mut conn, dossier_id, 20).await?)
}

/// May this actor cancel the job? Its creator may, and so may members allowed to upload.
pub async fn may_cancel(app: &App, actor: &Actor, job: &ScreeningJob) -> Result<bool, AppError> {
    if job.created_by == actor.user_id {
        return Ok(true);
    }
    let mut conn = app.store.conn().await?;
    Ok(
        require_on_dossier(&mut conn, actor, Action::UploadDocument, &job.dossier_id)
            .await
            .is_ok(),
    )
}

/// Stops a job: items still waiting are skipped; documents already made stay.
pub async fn cancel_job(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    job_id: &str,
) -> Result<ScreeningJob, AppError> {
    let mut tx = app.store.begin_write().await?;
    require_read_of(&mut tx, actor, dossier_id, "screening job").await?;
    let job = job_of(&mut tx, dossier_id, job_id).await?;
    if job.created_by != actor.user_id {
        require_on_dossier(&mut tx, actor, Action::UploadDocument, dossier_id).await?;
    }
    let now = now_ms();
    if !screening_jobs::end_job(&mut tx, job_id, JobState::Cancelled, None, now).await? {
        return Err(AppError::Conflict(
            "Deze screening is al afgelopen; er valt niets te annuleren.".into(),
        ));
    }
    let skipped = screening_jobs::skip_pending(&mut tx, job_id, CANCELLED_REASON, now).await?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &actor.username,
            dossier: Some(dossier_id),
            event: ev::ScreeningJobCancelled {
                job_id: job_id.into(),
                skipped,
            }
            .into(),
        },
    )
    .await?;
    let mut conn = app.store.conn().await?;
    job_of(&mut conn, dossier_id, job_id).await
}
