//! How often a bulk item is tried. An error while handling an item (a database refusing the
//! write, a screening task that panics) rolls the item back to `pending`, and the worker tries
//! it again at its next poll. A transient fault heals that way; a fault that repeats would
//! otherwise keep the job, and its lease, busy forever. After [`MAX_ATTEMPTS`] failures the
//! item is marked failed with a note, and the job moves on.

use super::worker::{Step, Worker, commit_item, creator};
use crate::{App, AppError, now_ms};
use grip_core::audit_event::{self as ev, AuditEvent};
use grip_core::screening_job::{ItemState, JobItem, ScreeningJob};
use grip_store::screening_jobs;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Attempts per item before it is given up.
pub const MAX_ATTEMPTS: u32 = 3;

/// Failed attempts per (job id, item position), shared by the clones of one worker.
pub(super) type Failures = Arc<Mutex<HashMap<(String, i64), u32>>>;

const GIVEN_UP: &str = "Het bestand kon na drie pogingen niet worden verwerkt; \
     de oorzaak staat in het logboek van de server.";

/// Passes a successful attempt on (forgetting earlier failures of the item); counts a failed
/// one, and gives the item up once it has failed [`MAX_ATTEMPTS`] times.
pub(super) async fn settle(
    app: &App,
    worker: &Worker,
    job: &ScreeningJob,
    item: JobItem,
    attempt: Result<Step, AppError>,
) -> Result<Step, AppError> {
    let key = (job.id.to_string(), item.position);
    let error = match attempt {
        Ok(step) => {
            forget(&worker.failures, &key);
            return Ok(step);
        }
        Err(error) => error,
    };
    let failures = count(&worker.failures, key.clone());
    tracing::warn!(error = %error, job = %job.id, position = item.position, failures,
        "bulk screening item failed");
    if failures < MAX_ATTEMPTS {
        return Err(error);
    }
    let step = give_up(app, job, &item).await?;
    forget(&worker.failures, &key);
    Ok(step)
}

fn count(failures: &Failures, key: (String, i64)) -> u32 {
    let mut map = failures
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let n = map.entry(key).or_insert(0);
    *n += 1;
    *n
}

fn forget(failures: &Failures, key: &(String, i64)) {
    let mut map = failures
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    map.remove(key);
}

/// Marks the item failed, with its audit event, in a transaction of its own.
async fn give_up(app: &App, job: &ScreeningJob, item: &JobItem) -> Result<Step, AppError> {
    let (username, _) = creator(app, job).await?;
    let now = now_ms();
    let mut tx = app.store.begin_write().await?;
    let finished = screening_jobs::finish_item(
        &mut tx,
        &job.id,
        item.position,
        ItemState::Failed,
        None,
        Some(GIVEN_UP),
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
    let event = AuditEvent::from(ev::ScreeningJobItemFailed {
        job_id: job.id.to_string(),
        position: item.position,
        name: item.name.clone(),
        reason: GIVEN_UP.into(),
    });
    commit_item(tx, job, &username, event, now).await?;
    Ok(Step::Item {
        job_id: job.id.to_string(),
        position: item.position,
        document_id: None,
    })
}
