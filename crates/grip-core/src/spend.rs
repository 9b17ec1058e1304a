//! Spend imported from files: an import with its counts and report, lines placed in
//! portfolio categories, and suppliers placed by hand.

use serde::{Deserialize, Serialize};

crate::code_enum! {
    pub enum ImportStatus {
        Running = "running",
        Done = "done",
        Failed = "failed",
    }
}

/// A refused line or another remark on an import, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRemark {
    pub nl: String,
    pub en: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpendImport {
    pub id: String,
    pub name: String,
    pub file_sha256: String,
    pub status: ImportStatus,
    pub lines_read: i64,
    pub lines_stored: i64,
    /// Lines already stored (by this file or an earlier one): added once only.
    pub duplicates: i64,
    pub rejected: i64,
    /// The first refused lines and, on failure, why the import stopped.
    pub report: Vec<ImportRemark>,
    pub created_by: String,
    pub created_at: i64,
    pub finished_at: Option<i64>,
}

/// A stored line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSpendLine {
    pub line_hash: String,
    pub import_id: String,
    pub line_no: i64,
    pub supplier: String,
    pub supplier_key: String,
    pub amount_cents: i64,
    pub spent_on: Option<String>,
    pub description: String,
    pub cpv: Option<String>,
    /// The portfolio category's code; `None` while unplaced.
    pub category_code: Option<String>,
    /// `cpv`, `supplier`, `description` or `manual`.
    pub placed_by: Option<String>,
    pub reason_nl: String,
    pub reason_en: String,
}

/// Spend per category (`None`: not placed), for one import or all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpendTotals {
    pub lines: i64,
    pub cents: i64,
    pub by_category: Vec<(Option<String>, i64, i64)>,
}

impl SpendTotals {
    pub fn unplaced(&self) -> (i64, i64) {
        self.by_category
            .iter()
            .find(|(c, _, _)| c.is_none())
            .map_or((0, 0), |(_, n, cents)| (*n, *cents))
    }
}

/// An unplaced supplier with its lines and amount.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnplacedSupplier {
    pub supplier_key: String,
    pub supplier: String,
    pub lines: i64,
    pub cents: i64,
}
