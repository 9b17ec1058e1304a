//! The background worker of bulk screening. A step claims a job with a lease, screens its
//! next pending item off the async threads, and commits the document, the item's new state,
//! the job's counters and the audit event together. A crash loses at most the uncommitted
//! item, which the next worker (after the lease runs out) does again; an item can leave
//! `pending` only once, so no document is ever made twice.

use crate::access::require_on_dossier;
use crate::documents::{Accepted, store_screened};
use crate::record::{append_event, commit_with_event};
use crate::{Action, Actor, App, AppError, now_ms};
use grip_core::audit_event::{self as ev, AuditEvent};
use grip_core::screening_job::{ItemState, JobItem, JobState, ScreeningJob};
use grip_store::audit::NewEvent;
use grip_store::screening_jobs;
use std::sync::Arc;
use std::time::Duration;

/// One worker: its id (unique per process) and how long a claimed job stays its own
/// without progress. The lease must outlast the slowest single document (extraction stops
/// after 30 s).
#[derive(Debug, Clone)]
pub struct Worker {
    pub id: String,
    pub lease_ms: i64,
    /// Failed attempts per item, so that an item that always fails is given up.
    pub(super) failures: super::retry::Failures,
}

impl Default for Worker {
    fn default() -> Self {
        Worker::new()
    }
}

impl Worker {
    pub const DEFAULT_LEASE_MS: i64 = 2 * 60 * 1000;

    pub fn new() -> Worker {
        Worker {
            id: format!("worker-{}", grip_store::new_id()),
            lease_ms: Self::DEFAULT_LEASE_MS,
            failures: Default::default(),
        }
    }

    pub fn with_lease_ms(mut self, lease_ms: i64) -> Worker {
        self.lease_ms = lease_ms;
        self
    }
}

/// What one step did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// No job is waiting (or every waiting job is leased by another worker).
    Idle,
    /// An item became a document (`document_id`) or failed (`None`).
    Item {
        job_id: String,
        position: i64,
        document_id: Option<String>,
    },
    /// Another worker or a cancel finished the item first; this worker's work was dropped.
    Raced { job_id: String, position: i64 },
    /// The job had nothing left and was ended.
    Finished { job_id: String },
}

/// Claims a job and handles its next pending item (or ends it when none is left).
pub async fn run_next_job_step(app: &App, worker: &Worker) -> Result<Step, AppError> {
    let now = now_ms();
    let (job, item) = {
        let mut conn = app.store.conn().await?;
        let claimed = screening_jobs::claim_job(
            &mut conn,
            app.store.backend,
            &worker.id,
            now,
            now + worker.lease_ms,
        )
        .await?;
        let Some(job) = claimed else {
            return Ok(Step::Idle);
        };
        let item = screening_jobs::next_pending(&mut conn, &job.id).await?;
        (job, item)
    };
    match item {
        None => {
            end_job(app, &job).await?;
            Ok(Step::Finished {
                job_id: job.id.into_string(),
            })
        }
        Some(item) => {
            let attempt = process_item(app, &job, item.clone()).await;
            super::retry::settle(app, worker, &job, item, attempt).await
        }
    }
}

/// Runs steps until no job is waiting; returns the number of items handled.
pub async fn process_until_idle(app: &App, worker: &Worker) -> Result<usize, AppError> {
    let mut items = 0;
    loop {
        match run_next_job_step(app, worker).await? {
            Step::Idle => return Ok(items),
            Step::Item { .. } => items += 1,
            Step::Raced { .. } | Step::Finished { .. } => {}
        }
    }
}

/// The person on whose behalf the job runs: the username for the audit trail, and the
/// actor while they still exist and are active.
pub(super) async fn creator(
    app: &App,
    job: &ScreeningJob,
) -> Result<(String, Option<Actor>), AppError> {
    let actor = crate::auth::actor_for_user(app, &job.created_by).await?;
    let username = match &actor {
        Some(a) => a.username.clone(),
        None => {
            let mut conn = app.store.conn().await?;
            grip_store::users::get(&mut conn, &job.created_by)
                .await?
                .map(|u| u.username)
                .unwrap_or_else(|| job.created_by.clone())
        }
    };
    Ok((username, actor))
}

async fn process_item(app: &App, job: &ScreeningJob, item: JobItem) -> Result<Step, AppError> {
    let (username, actor) = creator(app, job).await?;
    let bytes = match &item.sha256 {
        Some(sha) => {
            let mut conn = app.store.conn().await?;
            grip_store::documents::blob_content(&mut conn, sha).await?
        }
        None => None,
    };
    // Extraction and analysis are CPU work: keep them off the async threads.
    let screening = match &bytes {
        Some(bytes) => {
            let (name, bytes) = (item.name.clone(), bytes.clone());
            Some(
                tokio::task::spawn_blocking(move || crate::screening::screen(&name, &bytes))
                    .await
                    .map_err(|e| AppError::Internal(format!("screening task: {e}")))??,
            )
        }
        None => None,
    };
    let now = now_ms();
    let mut tx = app.store.begin_write().await?;
    let allowed = match &actor {
        Some(actor) => {
            grip_store::dossiers::get(&mut tx, &job.dossier_id)
                .await?
                .is_some()
                && require_on_dossier(&mut tx, actor, Action::UploadDocument, &job.dossier_id)
                    .await
                    .is_ok()
        }
        None => false,
    };
    let (document_id, event) = match (actor, bytes, screening) {
        (Some(actor), Some(bytes), Some(screening)) if allowed => {
            let provenance = match &job.provenance {
                Some(stated) => crate::documents::resolve_provenance(&mut tx, stated).await?,
                None => grip_core::document::Provenance::Unrecorded,
            };
            let accepted = Accepted {
                name: item.name.clone(),
                media_type: item.media_type.clone().unwrap_or_default(),
                sha256: item.sha256.clone().unwrap_or_default(),
                size: bytes.len() as i64,
                provenance,
            };
            let (row, mut uploaded) =
                store_screened(&mut tx, &actor, &job.dossier_id, accepted, &screening, now).await?;
            uploaded.screening_job_id = Some(job.id.to_string());
            // The item keeps the extraction error of an unreadable document, as a note.
            let finished = screening_jobs::finish_item(
                &mut tx,
                &job.id,
                item.position,
                ItemState::Done,
                Some(&row.id),
                screening.error.as_deref(),
                now,
            )
            .await?;
            if !finished {
                return Ok(Step::Raced {
                    job_id: job.id.to_string(),
                    position: item.position,
                });
            }
            screening_jobs::count_item(&mut tx, &job.id, false).await?;
            (Some(row.id), AuditEvent::from(uploaded))
        }
        (actor, bytes, _) => {
            let reason = if actor.is_none() {
                "De persoon die de screening startte, bestaat niet meer of is geblokkeerd."
            } else if bytes.is_none() {
                "De inhoud van het bestand ontbreekt."
            } else {
                "De persoon die de screening startte, mag niet meer in dit dossier uploaden."
            };
            let finished = screening_jobs::finish_item(
                &mut tx,
                &job.id,
                item.position,
                ItemState::Failed,
                None,
                Some(reason),
                now,
            )
            .await?;
            if !finished {
                return Ok(Step::Raced {
                    job_id: job.id.to_string(),
                    position: item.position,
                });
            }
            screening_jobs::count_item(&mut tx, &job.id, true).await?;
            let failed = ev::ScreeningJobItemFailed {
                job_id: job.id.to_string(),
                position: item.position,
                name: item.name.clone(),
                reason: reason.into(),
            };
            (None, AuditEvent::from(failed))
        }
    };
    commit_item(tx, job, &username, event, now).await?;
    Ok(Step::Item {
        job_id: job.id.to_string(),
        position: item.position,
        document_id: document_id.map(|d| d.into_string()),
    })
}

/// Commits an item's audit event, ending the job in the same transaction when it was the
/// last pending item.
pub(super) async fn commit_item(
    mut tx: grip_store::WriteTx,
    job: &ScreeningJob,
    username: &str,
    event: AuditEvent,
    now: i64,
) -> Result<(), AppError> {
    let item_event = NewEvent {
        at_ms: now,
        actor: username,
        dossier: Some(job.dossier_id.as_str()),
        event,
    };
    // The last item ends the job in the same transaction.
    let ended = if screening_jobs::pending_count(&mut tx, &job.id).await? == 0 {
        end_in(&mut tx, &job.id, now).await?
    } else {
        None
    };
    match ended {
        Some(end_event) => {
            append_event(&mut tx, item_event).await?;
            commit_with_event(
                tx,
                NewEvent {
                    at_ms: now,
                    actor: username,
                    dossier: Some(job.dossier_id.as_str()),
                    event: end_event,
                },
            )
            .await?;
        }
        None => {
            commit_with_event(tx, item_event).await?;
        }
    }
    Ok(())
}

/// Ends a job in `tx` if it is still open: `failed` when every handled item failed,
/// otherwise `done`. Returns the audit event to record, or None when it had already ended.
async fn end_in(
    tx: &mut grip_store::Conn,
    job_id: &str,
    now: i64,
) -> Result<Option<AuditEvent>, AppError> {
    let Some(job) = screening_jobs::get_job(tx, job_id).await? else {
        return Ok(None);
    };
    let all_failed = job.failed_count > 0 && job.done_count == 0;
    let (state, error) = if all_failed {
        (
            JobState::Failed,
            Some("Geen enkel bestand kon worden verwerkt."),
        )
    } else {
        (JobState::Done, None)
    };
    if !screening_jobs::end_job(tx, job_id, state, error, now).await? {
        return Ok(None);
    }
    Ok(Some(
        ev::ScreeningJobFinished {
            job_id: job_id.into(),
            state,
            done: job.done_count,
            failed: job.failed_count,
            skipped: job.skipped_count,
        }
        .into(),
    ))
}

/// Ends a claimed job that has no pending item left (its last item was finished by a
/// transaction that could not yet see the others).
async fn end_job(app: &App, job: &ScreeningJob) -> Result<(), AppError> {
    let (username, _) = creator(app, job).await?;
    let now = now_ms();
    let mut tx = app.store.begin_write().await?;
    if screening_jobs::pending_count(&mut tx, &job.id).await? > 0 {
        return Ok(());
    }
    let Some(event) = end_in(&mut tx, &job.id, now).await? else {
        return Ok(());
    };
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &username,
            dossier: Some(job.dossier_id.as_str()),
            event,
        },
    )
    .await?;
    Ok(())
}

/// A worker running in the background of a server process.
pub struct WorkerHandle {
    worker: Worker,
    task: tokio::task::JoinHandle<()>,
}

impl WorkerHandle {
    /// Starts polling for jobs every `poll` and at once when a job is started in this
    /// process (`App::jobs`).
    pub fn spawn(app: App, poll: Duration) -> WorkerHandle {
        let worker = Worker::new();
        let running = worker.clone();
        let task = tokio::spawn(async move {
            let wake: Arc<tokio::sync::Notify> = app.jobs.clone();
            loop {
                if let Err(e) = process_until_idle(&app, &running).await {
                    tracing::warn!(error = %e, worker = %running.id, "bulk screening step failed");
                }
                tokio::select! {
                    _ = wake.notified() => {}
                    _ = tokio::time::sleep(poll) => {}
                }
            }
        });
        WorkerHandle { worker, task }
    }

    pub fn id(&self) -> &str {
        &self.worker.id
    }

    /// Stops the worker and gives its leases back, so another instance continues at once.
    /// An item in progress is rolled back and done again later.
    pub async fn stop(self, app: &App) {
        self.task.abort();
        let _ = self.task.await;
        match app.store.conn().await {
            Ok(mut conn) => {
                if let Err(e) = screening_jobs::release_leases(&mut conn, &self.worker.id).await {
                    tracing::warn!(error = %e, "could not release screening job leases");
                }
            }
            Err(e) => tracing::warn!(error = %e, "could not release screening job leases"),
        }
    }
}
