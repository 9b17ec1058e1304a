//! Format detection by content: PDF header, ZIP entry names, then text sniffing.
//! The file name is never consulted, so "garbage.pdf" is rejected for what it is.

use super::{Format, text, zip_guard};
use crate::{ExtractError, Limits};

/// The PDF header may follow up to 1 KiB of junk (as readers tolerate).
const PDF_HEADER_WINDOW: usize = 1024;

/// Recognises the format of `bytes`, or says why it is not a supported document.
pub fn detect_format(bytes: &[u8], limits: &Limits) -> Result<Format, ExtractError> {
    detect(bytes, limits).map(|(format, _)| format)
}

/// The format, and for text formats the decoded text (so extraction need not decode again).
pub(crate) fn detect(
    bytes: &[u8],
    limits: &Limits,
) -> Result<(Format, Option<String>), ExtractError> {
    let head = &bytes[..bytes.len().min(PDF_HEADER_WINDOW)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Ok((Format::Pdf, None));
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Ok((detect_zip(bytes, limits)?, None));
    }
    let decoded = text::decode(bytes)?;
    Ok((sniff_text(&decoded), Some(decoded)))
}

fn detect_zip(bytes: &[u8], limits: &Limits) -> Result<Format, ExtractError> {
    let archive = zip_guard::GuardedZip::open(bytes, limits, "ZIP")?;
    if archive.has_entry("word/document.xml") {
        return Ok(Format::Docx);
    }
    let is_odt_mimetype = archive
        .small_entry("mimetype", 200)
        .is_some_and(|m| m.trim() == "application/vnd.oasis.opendocument.text");
    if is_odt_mimetype || archive.has_entry("content.xml") {
        return Ok(Format::Odt);
    }
    Err(ExtractError::UnknownFormat)
}

/// HTML when the start looks like markup, Markdown when headings/lists/links dominate.
fn sniff_text(text: &str) -> Format {
    // Markup names are ASCII, so ASCII lower-casing of the start is enough.
    let start: String = text.trim_start().chars().take(1024).collect();
    let start = start.to_ascii_lowercase();
    let html_openers = ["<!doctype html", "<html", "<head", "<body", "<?xml"];
    if html_openers.iter().any(|o| start.starts_with(o))
        || (start.starts_with('<')
            && ["<p", "<div", "<h1", "<table"]
                .iter()
                .any(|t| start.contains(t)))
    {
        return Format::Html;
    }
    if looks_like_markdown(text) {
        return Format::Md;
    }
    Format::Txt
}

fn looks_like_markdown(text: &str) -> bool {
    let mut marked = 0usize;
    let mut lines = 0usize;
    for line in text.lines().take(200) {
        let line = line.trim_start();
        if line.is_empty() {
            continue;
        }
        lines += 1;
        let heading = line.starts_with('#') && line.trim_start_matches('#').starts_with(' ');
        let fence = line.starts_with("```");
        let link = line.contains("](") && line.contains('[');
        let emphasis = line.starts_with("**") || line.starts_with("> ");
        if heading || fence || link || emphasis {
            marked += 1;
        }
    }
    marked > 0 && (marked * 10 >= lines || text.lines().any(|l| l.starts_with("# ")))
}
