//! Rendering of documents: the tender package as Markdown, DOCX and PDF, and generic reports
//! (decision records, award letters) as PDF and DOCX, each carrying the data classification
//! label on every page (or at top and bottom for Markdown). Pure: the same input gives the
//! same bytes; nothing is read from disk or net. Package exports go to suppliers: they show
//! words, never codes, and none of Grip's own reasons for selecting an item (pass a package
//! made with `for_addressee`).

mod docx;
mod error;
mod markdown;
mod pdf;
mod report;
mod report_docx;
mod report_pdf;
mod view;
mod vocab;

pub use docx::render_docx;
pub use error::DocsError;
pub use markdown::render_markdown;
pub use pdf::render_pdf;
pub use report::{Block, Report, ReportField};
pub use report_docx::render_report_docx;
pub use report_pdf::render_report_pdf;

/// Dossier details for the cover of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverInfo {
    pub title: String,
    /// Data classification label, e.g. `Departementaal Vertrouwelijk`.
    pub label: String,
    pub dossier_id: String,
    pub date: jiff::civil::Date,
    /// The portfolio category's name, shown instead of its code.
    pub category: Option<grip_knowledge::Text>,
    /// The supplier this export is addressed to; None for every bidder.
    pub addressee: Option<String>,
}
