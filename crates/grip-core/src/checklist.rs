//! The role × phase checklist of a dossier: an item is open until someone marks it done or
//! waives it with a reason.

use serde::Serialize;

use crate::Phase;
use crate::ids::DossierId;

crate::code_enum! {
    pub enum CheckStatus {
        Open = "open",
        Done = "done",
        Waived = "waived",
        /// Someone who does not hold the item's role proposed to waive it; it stays open
        /// until a second person confirms (four eyes).
        WaiverProposed = "waiver_proposed",
    }
}

impl CheckStatus {
    /// Whether the item still holds the phase gate.
    pub fn is_open(self) -> bool {
        matches!(self, CheckStatus::Open | CheckStatus::WaiverProposed)
    }
}

/// A checklist item marked done or waived on a dossier (open items have no mark).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChecklistMark {
    pub dossier_id: DossierId,
    /// The item's id in the `roles-phases` knowledge pack.
    pub item_id: String,
    pub phase: Phase,
    pub status: CheckStatus,
    pub reason: String,
    pub set_by: String,
    pub set_at: i64,
    /// Who proposed the waiver, when it was (or is to be) confirmed by someone else.
    pub proposed_by: Option<String>,
}
