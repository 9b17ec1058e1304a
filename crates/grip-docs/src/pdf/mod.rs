//! PDF export with typst as a library. A document goes to a fixed template as JSON data, so
//! user text is always laid out as text and can never act as typst markup, whatever
//! characters it holds. `typeset` is shared by the tender package and the reports.

mod world;

use grip_knowledge::Lang;
use grip_knowledge::tender::TenderPackage;
use serde::Serialize;
use typst::diag::SourceDiagnostic;
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use crate::view;
use crate::{CoverInfo, DocsError};
use world::DocWorld;

/// The layout of the tender package.
const PACKAGE_TEMPLATE: &str = include_str!("template.typ");

/// How many renders a memoised layout result may go unused before it is evicted: keeps the
/// cache useful for repeated exports without letting it grow with every package.
const CACHE_MAX_AGE: usize = 10;

/// The package as a PDF document (A4) in `lang`.
pub fn render_pdf(
    package: &TenderPackage,
    lang: Lang,
    cover: &CoverInfo,
) -> Result<Vec<u8>, DocsError> {
    let view = view::build(package, lang, cover);
    typeset(PACKAGE_TEMPLATE, &view, Some(cover.date))
}

/// Lays out `template` with `data` handed to it as `/data.json` and exports the PDF.
/// `today` is the only date the template can see; with default options the PDF carries no
/// creation time, so the same input gives the same bytes.
pub(crate) fn typeset(
    template: &str,
    data: &impl Serialize,
    today: Option<jiff::civil::Date>,
) -> Result<Vec<u8>, DocsError> {
    let world = DocWorld::new(template, serde_json::to_vec(data)?, today);
    let compiled = typst::compile::<PagedDocument>(&world).output;
    let result = compiled
        .map_err(|errors| DocsError::Pdf(messages(&errors)))
        .and_then(|document| {
            typst_pdf::pdf(&document, &PdfOptions::default())
                .map_err(|errors| DocsError::Pdf(messages(&errors)))
        });
    typst::comemo::evict(CACHE_MAX_AGE);
    result
}

fn messages(errors: &[SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| e.message.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}
