//! Bulk screening jobs: many files screened in the background, each becoming a document.

use serde::Serialize;

use crate::ids::{DocumentId, DossierId, ScreeningJobId};

crate::code_enum! {
    pub enum JobState {
        Queued = "queued",
        Running = "running",
        Done = "done",
        Failed = "failed",
        Cancelled = "cancelled",
    }
}

impl JobState {
    pub fn is_finished(self) -> bool {
        matches!(
            self,
            JobState::Done | JobState::Failed | JobState::Cancelled
        )
    }
}

crate::code_enum! {
    pub enum ItemState {
        Pending = "pending",
        Done = "done",
        Failed = "failed",
        Skipped = "skipped",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScreeningJob {
    pub id: ScreeningJobId,
    pub dossier_id: DossierId,
    /// The user id of the person who started it.
    pub created_by: String,
    pub created_at: i64,
    pub state: JobState,
    pub total: i64,
    pub done_count: i64,
    pub failed_count: i64,
    pub skipped_count: i64,
    /// The worker holding the lease, and until when.
    pub claimed_by: Option<String>,
    pub claimed_until: Option<i64>,
    pub finished_at: Option<i64>,
    pub error: Option<String>,
    /// The provenance every document of the job gets; None for jobs from before it was asked.
    pub provenance: Option<crate::document::CheckedProvenance>,
}

impl ScreeningJob {
    pub fn handled(&self) -> i64 {
        self.done_count + self.failed_count + self.skipped_count
    }
}

/// One file of a job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JobItem {
    pub job_id: ScreeningJobId,
    pub position: i64,
    pub name: String,
    /// Its path inside the ZIP it came from.
    pub source_path: Option<String>,
    pub sha256: Option<String>,
    pub size: i64,
    pub media_type: Option<String>,
    pub state: ItemState,
    pub document_id: Option<DocumentId>,
    /// The screening verdict of the document it became (read for progress pages).
    pub verdict: Option<String>,
    pub error: Option<String>,
    pub updated_at: i64,
}
