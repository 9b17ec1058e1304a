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
