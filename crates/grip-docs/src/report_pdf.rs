//! PDF rendering of a `Report` with the shared typst machinery of `pdf`: the report view goes
//! to `report.typ` as JSON data, so no text in it can act as markup.

use crate::report::{self, Report};
use crate::{DocsError, pdf};

/// The layout of a report; it reads all text from the data file.
const TEMPLATE: &str = include_str!("report.typ");

/// The report as a PDF document (A4) in its language. Deterministic: the PDF carries no
/// creation date, so the same report gives the same bytes.
pub fn render_report_pdf(report: &Report) -> Result<Vec<u8>, DocsError> {
    pdf::typeset(TEMPLATE, &report::build(report), None)
}
