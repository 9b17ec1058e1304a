//! Turns document bytes into plain text with page boundaries, detecting the format by content.
//! Every extractor runs under [`Limits`], a deadline and `catch_unwind`, so bad input yields
//! an [`ExtractError`] rather than a panic or unbounded work.

mod detect;
mod docx_odt;
mod html;
mod normalize;
mod pdf;
mod text;
mod xml_walk;
mod zip_guard;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::{ExtractError, Limits};

pub use detect::detect_format;

/// Document formats the screening contract knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Pdf,
    Docx,
    Odt,
    Html,
    Txt,
    Md,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::Html => "html",
            Format::Txt => "txt",
            Format::Md => "md",
        }
    }
}

/// The text of one document, NFKC-normalised, with the byte offset where each page starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    pub format: Format,
    pub text: String,
    /// Byte offsets of page starts in `text`; empty for formats without pages.
    pub page_starts: Vec<usize>,
}

impl Extracted {
    /// Builds an unpaged document, e.g. for tests or text typed into a form.
    pub fn plain(format: Format, text: impl Into<String>) -> Self {
        Extracted {
            format,
            text: text.into(),
            page_starts: Vec::new(),
        }
    }

    /// Builds a paged document from page texts, joined by a blank line.
    pub fn from_pages<S: AsRef<str>>(format: Format, pages: &[S]) -> Self {
        let mut text = String::new();
        let mut page_starts = Vec::with_capacity(pages.len());
        for page in pages {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            page_starts.push(text.len());
            text.push_str(page.as_ref());
        }
        Extracted {
            format,
            text,
            page_starts,
        }
    }

    /// Number of pages, for paged formats.
    pub fn pages(&self) -> Option<u32> {
        (!self.page_starts.is_empty()).then_some(self.page_starts.len() as u32)
    }

    /// 1-based page holding byte offset `byte`, for paged formats.
    pub fn page_at(&self, byte: usize) -> Option<u32> {
        if self.page_starts.is_empty() {
            return None;
        }
        let index = self.page_starts.partition_point(|&start| start <= byte);
        Some(index.max(1) as u32)
    }

    /// Number of Unicode scalar values, as the contract's `chars` counts them.
    pub fn chars(&self) -> usize {
        self.text.chars().count()
    }
}

/// Wall-clock budget for one document, checked between pages and elements.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Deadline {
    started: Instant,
    limits_max: std::time::Duration,
}

impl Deadline {
    pub(crate) fn start(limits: &Limits) -> Self {
        Deadline {
            started: Instant::now(),
            limits_max: limits.max_duration,
        }
    }

    pub(crate) fn check(&self) -> Result<(), ExtractError> {
        if self.started.elapsed() > self.limits_max {
            return Err(ExtractError::Timeout {
                seconds: self.limits_max.as_secs().max(1),
            });
        }
        Ok(())
    }
}

/// Extracts the text of a document whose format is recognised from its bytes.
pub fn extract(bytes: &[u8], limits: &Limits) -> Result<Extracted, ExtractError> {
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    if bytes.len() > limits.max_file_bytes {
        return Err(ExtractError::TooLarge {
            size: bytes.len(),
            limit: limits.max_file_bytes,
        });
    }
    let deadline = Deadline::start(limits);
    let (format, decoded) = detect::detect(bytes, limits)?;
    let decoded = move || decoded.map_or_else(|| text::decode(bytes), Ok);
    let raw = guarded(format.as_str(), || match format {
        Format::Pdf => pdf::extract_pdf(bytes, limits, &deadline),
        Format::Docx => docx_odt::extract_docx(bytes, limits, &deadline),
        Format::Odt => docx_odt::extract_odt(bytes, limits, &deadline),
        Format::Html => html::extract_html(&decoded()?, limits, &deadline),
        Format::Txt | Format::Md => Ok(Extracted::plain(format, decoded()?)),
    })?;
    let normalised = normalize::normalise(raw, &deadline)?;
    if normalised.text.len() > limits.max_text_bytes {
        return Err(ExtractError::TextTooLong {
            limit: limits.max_text_bytes,
        });
    }
    Ok(normalised)
}

/// Last line of defence: a panic inside a third-party parser becomes an error.
fn guarded<T>(
    format: &'static str,
    run: impl FnOnce() -> Result<T, ExtractError>,
) -> Result<T, ExtractError> {
    catch_unwind(AssertUnwindSafe(run)).unwrap_or(Err(ExtractError::ParserPanic { format }))
}

/// Appends text while enforcing the output-size limit, so no extractor can grow without bound.
pub(crate) struct TextSink {
    pub(crate) text: String,
    limit: usize,
}

impl TextSink {
    pub(crate) fn new(limits: &Limits) -> Self {
        TextSink {
            text: String::new(),
            limit: limits.max_text_bytes,
        }
    }

    pub(crate) fn push_str(&mut self, piece: &str) -> Result<(), ExtractError> {
        if self.text.len() + piece.len() > self.limit {
            return Err(ExtractError::TextTooLong { limit: self.limit });
        }
        self.text.push_str(piece);
        Ok(())
    }

    pub(crate) fn push(&mut self, c: char) -> Result<(), ExtractError> {
        self.push_str(c.encode_utf8(&mut [0; 4]))
    }

    /// Ends a block (paragraph, cell) unless the text already ends with a line break.
    pub(crate) fn end_block(&mut self) -> Result<(), ExtractError> {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.push('\n')?;
        }
        Ok(())
    }
}
