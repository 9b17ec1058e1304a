//! The supplier response workbook (an XLSX that a supplier fills in with Excel or LibreOffice)
//! and a generic multi-sheet XLSX writer for exports.
//!
//! The crate is pure: bytes in, bytes out, no file system and no clock, so the application
//! decides where a workbook comes from and when it was received.
//!
//! - [`write_response_workbook`] lays out the questions of one frozen package version.
//! - [`read_response_workbook`] reads a filled workbook back and refuses it, with every problem
//!   named by sheet, row and column, unless it answers exactly that package version.
//! - [`write_tables`] writes plain tables, one sheet each (bid, score and evidence exports).

mod container;
mod csv_table;
mod error;
mod layout;
mod read;
mod tables;
mod text;
mod write;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use csv_table::write_csv;
pub use error::{ImportErrors, ImportProblem, WorkbookError};
pub use read::read_response_workbook;
pub use tables::{Cell, Sheet, write_tables};
pub use write::{write_filled_response_workbook, write_response_workbook};

/// Largest workbook accepted for reading, checked before any parsing.
pub const MAX_WORKBOOK_BYTES: usize = 10 * 1024 * 1024;

/// Most table rows (rows below the header that hold anything) a response workbook may have.
pub const MAX_TABLE_ROWS: usize = 2_000;

/// Longest answer or document reference, in characters.
pub const MAX_ANSWER_CHARS: usize = 20_000;

/// The frozen package version a workbook answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkbookPackage {
    /// Shown at the top of the answer sheet so the supplier sees which tender it answers.
    pub dossier_title: String,
    /// Checked on reading: a workbook answers one package...
    pub package_id: String,
    /// ...in one version...
    pub version: i64,
    /// ...with exactly this content (`"sha256:..."` of the frozen package).
    pub content_hash: String,
}

/// One item of the package, in package order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkbookItem {
    /// Item id, e.g. `"d-ai-present"`; the key that ties an answer to its question.
    pub key: String,
    /// Human section name, e.g. `"Openheid over AI"`.
    pub section_nl: String,
    pub section_en: String,
    /// The question or requirement text.
    pub text_nl: String,
    pub text_en: String,
    pub kind: ItemKind,
}

/// What an item asks of the supplier; knock-outs are marked in the workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ItemKind {
    /// A requirement the offer must meet to be considered at all.
    KnockOut,
    /// Scored when awarding the contract.
    Award,
    /// Asked for information only.
    Information,
}

/// One answered row of the table, as read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseRow {
    /// 1-based spreadsheet row, so the application can point a person at the cell.
    pub row: u32,
    pub item_key: String,
    /// Trimmed; may be empty (the application judges missing knock-out answers).
    pub answer: String,
    /// Trimmed; free text naming the supplier's documents.
    pub documents: String,
}

/// A workbook that passed every check: the supplier and one row per package item, in sheet order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedResponse {
    pub supplier_name: String,
    pub rows: Vec<ResponseRow>,
}
