//! The inventory of procured systems that contain or may contain AI.

use serde::Serialize;

use crate::ids::{DossierId, InventoryItemId, SupplierId};

crate::code_enum! {
    /// Where a system is in its life, in the Algorithm Register's own terms.
    pub enum SystemStatus {
        InUse = "in_gebruik",
        InDevelopment = "ontwikkeling",
        Retired = "buiten_gebruik",
        Unknown = "onbekend",
    }
}

crate::code_enum! {
    /// How sure we are that a system contains AI.
    pub enum AiExposure {
        Confirmed = "confirmed",
        Suspected = "suspected",
        Unknown = "unknown",
        None = "none",
    }
}

crate::code_enum! {
    /// Where an inventory entry came from.
    pub enum InventorySource {
        Manual = "manual",
        Demo = "demo",
        AlgorithmRegister = "algoritmeregister",
        /// A supplier's description of its product in the register's publication standard.
        SupplierEntry = "supplier_entry",
    }
}

/// A procured system, with the names of its supplier and dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InventoryItem {
    pub id: InventoryItemId,
    pub name: String,
    pub supplier_id: Option<SupplierId>,
    pub supplier_name: Option<String>,
    pub description: String,
    pub status: SystemStatus,
    pub ai_exposure: AiExposure,
    pub dossier_id: Option<DossierId>,
    pub dossier_title: Option<String>,
    pub source: InventorySource,
    /// The entry's id in its source (the register's id), when imported.
    pub source_id: Option<String>,
    pub source_organisation: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

crate::code_enum! {
    /// Whose systems a list shows: the organisation's own (added by hand or with the demo),
    /// or the register entries of other organisations imported for reference.
    pub enum InventoryScope {
        Own = "own",
        Register = "register",
        All = "all",
    }
}

impl InventoryScope {
    /// The sources that belong to this scope.
    pub fn sources(self) -> &'static [InventorySource] {
        match self {
            InventoryScope::Own => &[
                InventorySource::Manual,
                InventorySource::Demo,
                InventorySource::SupplierEntry,
            ],
            InventoryScope::Register => &[InventorySource::AlgorithmRegister],
            InventoryScope::All => InventorySource::ALL,
        }
    }
}

crate::code_enum! {
    /// Who last wrote a system's register entry: a file in the standard, or a person in Grip.
    pub enum EntryOrigin {
        File = "file",
        Edited = "edited",
    }
}

/// A system's entry in the Algorithm Register publication standard, as stored: the entry is
/// JSON in the standard's own keys (plus any fields outside it that came with the file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRegisterEntry {
    pub item_id: InventoryItemId,
    pub entry_json: String,
    pub origin: EntryOrigin,
    pub file_sha256: Option<String>,
    pub updated_by: String,
    pub updated_at: i64,
}

/// What the newest AI Act classification of a system's dossier must be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerdictFilter {
    /// No dossier, or a dossier without a classification.
    Unclassified,
    /// The verdict's code (`high_risk`, ...).
    Verdict(String),
}

/// Which systems an inventory list shows; `None` fields do not filter.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InventoryFilter {
    /// Part of the name or the source organisation.
    pub query: Option<String>,
    pub scope: Option<InventoryScope>,
    pub source: Option<InventorySource>,
    pub status: Option<SystemStatus>,
    pub exposure: Option<AiExposure>,
    pub verdict: Option<VerdictFilter>,
}

/// A system as lists show it: with the newest classification verdict of its dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListedSystem {
    pub item: InventoryItem,
    pub verdict: Option<String>,
}
