//! PDF export of a `TenderPackage` with typst as a library. The package goes to a fixed
//! template as JSON data, so user text is always laid out as text and can never act as
//! typst markup, whatever characters it holds.

mod world;

use grip_knowledge::Lang;
use grip_knowledge::tender::TenderPackage;
use typst::diag::SourceDiagnostic;
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use crate::view;
use crate::{CoverInfo, DocsError};
use world::PackageWorld;

/// How many renders a memoised layout result may go unused before it is evicted: keeps the
/// cache useful for repeated exports without letting it grow with every package.
const CACHE_MAX_AGE: usize = 10;

/// The package as a PDF document (A4) in `lang`.
pub fn render_pdf(
    package: &TenderPackage,
    lang: Lang,
    cover: &CoverInfo,
) -> Result<Vec<u8>, DocsError> {
    let data = serde_json::to_vec(&view::build(package, lang, cover))?;
    let world = PackageWorld::new(data, cover.date);
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
