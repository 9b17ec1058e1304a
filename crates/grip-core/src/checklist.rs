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
}
