//! PDF: lopdf per page first; pdf_oxide as a second opinion when the lopdf text looks broken
//! (replacement/private-use characters, almost no letters). Encrypted and image-only PDFs
//! get their own errors.

use lopdf::{Document, LoadOptions};

use super::{Deadline, Extracted, Format};
use crate::{ExtractError, Limits};

/// Fewer letters than this per page on average means there is no usable text layer.
const MIN_LETTERS_PER_PAGE: usize = 10;
/// Share (per mille) of suspicious characters above which the text counts as broken.
const MAX_SUSPICIOUS_PER_MILLE: usize = 50;
/// Bound on decompressed content per page and per stream, against deflate bombs.
const MAX_DECOMPRESSED_PER_STREAM: usize = 64 * 1024 * 1024;
/// How far from the end the `%%EOF` marker may sit.
const EOF_WINDOW: usize = 1024;

pub(crate) fn extract_pdf(
    bytes: &[u8],
    limits: &Limits,
    deadline: &Deadline,
) -> Result<Extracted, ExtractError> {
    if !has_end_marker(bytes) {
        return Err(ExtractError::Corrupt {
            format: "PDF",
            detail: "the file ends before its %%EOF marker (truncated?)".into(),
        });
    }
    // pdf_oxide gets a file lopdf cannot parse at all; one that parses but has lost pages
    // or their content is refused by lopdf_pages, not read in part by another reader.
    let pages = match load(bytes) {
        Ok(document) => lopdf_pages(&document, limits, deadline)?,
        Err(ExtractError::Corrupt { .. }) if cfg!(feature = "pdf-oxide") => {
            fallback::oxide_pages(bytes, limits, deadline)?
        }
        Err(e) => return Err(e),
    };
    let pages = if looks_broken(&pages) {
        better_of(pages, bytes, limits, deadline)?
    } else {
        pages
    };
    if letters(&pages) < MIN_LETTERS_PER_PAGE * pages.len().max(1) / 2 + 1 {
        return Err(ExtractError::NeedsOcr);
    }
    Ok(Extracted::from_pages(Format::Pdf, &pages))
}

/// Every complete PDF ends with `%%EOF` (readers allow some trailing junk after it); a file
/// without one was cut off, and whatever a lenient reader recovers from it is incomplete.
fn has_end_marker(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(EOF_WINDOW)..];
    memchr::memmem::rfind(tail, b"%%EOF").is_some()
}

fn load(bytes: &[u8]) -> Result<Document, ExtractError> {
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_DECOMPRESSED_PER_STREAM),
        ..Default::default()
    };
    Document::load_mem_with_options(bytes, options).map_err(map_lopdf_error)
}

fn lopdf_pages(
    document: &Document,
    limits: &Limits,
    deadline: &Deadline,
) -> Result<Vec<String>, ExtractError> {
    if document.is_encrypted() {
        return Err(ExtractError::Encrypted);
    }
    let page_tree = document.get_pages();
    let page_numbers: Vec<u32> = page_tree.keys().copied().collect();
    if page_numbers.len() > limits.max_pages {
        return Err(ExtractError::TooManyPages {
            pages: page_numbers.len(),
            limit: limits.max_pages,
        });
    }
    if page_numbers.is_empty() {
        return Err(ExtractError::Corrupt {
            format: "PDF",
            detail: "no pages".into(),
        });
    }
    // A truncated file can still parse, minus its last pages or their content: screening
    // what is left would pass over whatever the lost part says, so it is refused instead.
    if let Some(declared) = declared_page_count(document)
        && declared > page_numbers.len()
    {
        return Err(ExtractError::Corrupt {
            format: "PDF",
            detail: format!(
                "{} of its {declared} pages are missing (truncated?)",
                declared - page_numbers.len()
            ),
        });
    }
    let mut pages = Vec::with_capacity(page_numbers.len());
    let mut total = 0usize;
    for (index, number) in page_numbers.into_iter().enumerate() {
        deadline.check()?;
        // The page tree may name pages whose objects, or whose content streams, are gone.
        let lost = page_tree.get(&number).is_none_or(|&page| {
            document.get_object(page).is_err()
                || document
                    .get_page_contents(page)
                    .iter()
                    .any(|&stream| document.get_object(stream).is_err())
        });
        if lost {
            return Err(ExtractError::Corrupt {
                format: "PDF",
                detail: format!("page {} is missing (truncated?)", index + 1),
            });
        }
        let text = document
            .extract_text_chunks_with_limit(&[number], MAX_DECOMPRESSED_PER_STREAM)
            .into_iter()
            .collect::<Result<String, _>>()
            .map_err(|e| ExtractError::Corrupt {
                format: "PDF",
                detail: format!("page {} cannot be read ({e}); truncated?", index + 1),
            })?;
        total += text.len();
        if total > limits.max_text_bytes {
            return Err(ExtractError::TextTooLong {
                limit: limits.max_text_bytes,
            });
        }
        pages.push(text);
    }
    Ok(pages)
}

/// The page count the document's page tree declares, when it says.
fn declared_page_count(document: &Document) -> Option<usize> {
    let pages = document
        .catalog()
        .ok()?
        .get(b"Pages")
        .ok()?
        .as_reference()
        .ok()?;
    let count = document
        .get_dictionary(pages)
        .ok()?
        .get(b"Count")
        .ok()?
        .as_i64()
        .ok()?;
    usize::try_from(count).ok()
}

fn map_lopdf_error(error: lopdf::Error) -> ExtractError {
    match error {
        lopdf::Error::Decryption(_)
        | lopdf::Error::InvalidPassword
        | lopdf::Error::AlreadyEncrypted => ExtractError::Encrypted,
        other => ExtractError::Corrupt {
            format: "PDF",
            detail: other.to_string(),
        },
    }
}

fn letters(pages: &[String]) -> usize {
    pages
        .iter()
        .map(|p| p.chars().filter(|c| c.is_alphabetic()).count())
        .sum()
}

/// Replacement characters, private-use glyph codes and stray controls betray a font
/// whose encoding lopdf could not map.
fn looks_broken(pages: &[String]) -> bool {
    let mut total = 0usize;
    let mut suspicious = 0usize;
    for c in pages.iter().flat_map(|p| p.chars()) {
        total += 1;
        let private_use = ('\u{e000}'..='\u{f8ff}').contains(&c);
        if c == '\u{fffd}' || private_use || (c.is_control() && !c.is_whitespace()) {
            suspicious += 1;
        }
    }
    total == 0
        || suspicious * 1000 > total * MAX_SUSPICIOUS_PER_MILLE
        || letters(pages) < MIN_LETTERS_PER_PAGE * pages.len()
}

fn better_of(
    lopdf: Vec<String>,
    bytes: &[u8],
    limits: &Limits,
    deadline: &Deadline,
) -> Result<Vec<String>, ExtractError> {
    match fallback::oxide_pages(bytes, limits, deadline) {
        Ok(oxide) if letters(&oxide) > letters(&lopdf) && !looks_broken(&oxide) => Ok(oxide),
        Ok(_) | Err(ExtractError::Corrupt { .. } | ExtractError::ParserPanic { .. }) => Ok(lopdf),
        Err(e) => Err(e),
    }
}

#[cfg(feature = "pdf-oxide")]
mod fallback {
    use std::panic::{AssertUnwindSafe, catch_unwind};

    use super::super::Deadline;
    use crate::{ExtractError, Limits};

    /// pdf_oxide page texts; its own panics are contained here so lopdf's result survives.
    pub(super) fn oxide_pages(
        bytes: &[u8],
        limits: &Limits,
        deadline: &Deadline,
    ) -> Result<Vec<String>, ExtractError> {
        catch_unwind(AssertUnwindSafe(|| read(bytes, limits, deadline)))
            .unwrap_or(Err(ExtractError::ParserPanic { format: "PDF" }))
    }

    fn read(
        bytes: &[u8],
        limits: &Limits,
        deadline: &Deadline,
    ) -> Result<Vec<String>, ExtractError> {
        let corrupt = |e: pdf_oxide::Error| ExtractError::Corrupt {
            format: "PDF",
            detail: e.to_string(),
        };
        let document = pdf_oxide::PdfDocument::from_bytes(bytes.to_vec()).map_err(corrupt)?;
        if document.is_encrypted() {
            return Err(ExtractError::Encrypted);
        }
        let count = document.page_count().map_err(corrupt)?;
        if count > limits.max_pages {
            return Err(ExtractError::TooManyPages {
                pages: count,
                limit: limits.max_pages,
            });
        }
        let mut pages = Vec::with_capacity(count);
        for index in 0..count {
            deadline.check()?;
            let text = document
                .extract_text(index)
                .map_err(|e| ExtractError::Corrupt {
                    format: "PDF",
                    detail: format!("page {} cannot be read ({e})", index + 1),
                })?;
            pages.push(text);
        }
        Ok(pages)
    }
}

#[cfg(not(feature = "pdf-oxide"))]
mod fallback {
    use super::super::Deadline;
    use crate::{ExtractError, Limits};

    pub(super) fn oxide_pages(
        _: &[u8],
        _: &Limits,
        _: &Deadline,
    ) -> Result<Vec<String>, ExtractError> {
        Err(ExtractError::Corrupt {
            format: "PDF",
            detail: "no fallback extractor built in".into(),
        })
    }
}
