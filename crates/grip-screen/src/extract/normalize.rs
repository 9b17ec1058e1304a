//! Post-processing shared by all formats: NFKC (ligatures, full-width forms) and re-joining
//! words hyphenated across line breaks, keeping page starts pointing at the same text.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

use super::{Deadline, Extracted, Format};
use crate::ExtractError;

/// NFKC-normalises and de-hyphenates each page separately so page offsets stay exact.
pub(crate) fn normalise(doc: Extracted, deadline: &Deadline) -> Result<Extracted, ExtractError> {
    let dehyphenate = matches!(doc.format, Format::Pdf | Format::Txt | Format::Md);
    let needs_nfkc = !doc.text.is_ascii()
        && non_ascii_segments(&doc.text)
            .any(|(s, e)| is_nfkc_quick(doc.text[s..e].chars()) != IsNormalized::Yes);
    if !(needs_nfkc || dehyphenate && find_break_hyphen(&doc.text).is_some()) {
        return Ok(doc);
    }
    let bounds = page_bounds(&doc);
    let mut text = String::with_capacity(doc.text.len());
    let mut page_starts = Vec::with_capacity(doc.page_starts.len());
    for (start, end) in bounds {
        deadline.check()?;
        if !doc.page_starts.is_empty() {
            page_starts.push(text.len());
        }
        let page = &doc.text[start..end];
        let page = if needs_nfkc {
            nfkc(page)
        } else {
            page.to_owned()
        };
        if dehyphenate {
            rejoin_hyphenated(&page, &mut text);
        } else {
            text.push_str(&page);
        }
    }
    Ok(Extracted {
        format: doc.format,
        text,
        page_starts,
    })
}

/// NFKC of `text`, normalising only around non-ASCII characters. Every ASCII character is a
/// normalisation boundary (stable, and never the second half of a composition), so the text
/// can be cut before each one and the pieces normalised alone: mostly-ASCII documents then
/// skip the per-character decomposition that took a tenth of the screening time.
fn nfkc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (start, end) in non_ascii_segments(text) {
        out.push_str(&text[copied..start]);
        out.extend(text[start..end].nfkc());
        copied = end;
    }
    out.push_str(&text[copied..]);
    out
}

/// Byte ranges holding a run of non-ASCII characters plus the ASCII character before it
/// (which may compose with the run), each ending before an ASCII character.
fn non_ascii_segments(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let run = i + crate::ascii::next_non_ascii(&bytes[i..])?;
        let end = bytes[run..]
            .iter()
            .position(u8::is_ascii)
            .map_or(bytes.len(), |n| run + n);
        let start = if run > i { run - 1 } else { run };
        i = end;
        Some((start, end))
    })
}

fn page_bounds(doc: &Extracted) -> Vec<(usize, usize)> {
    if doc.page_starts.is_empty() {
        return vec![(0, doc.text.len())];
    }
    let mut bounds = Vec::with_capacity(doc.page_starts.len());
    for (i, &start) in doc.page_starts.iter().enumerate() {
        let end = doc
            .page_starts
            .get(i + 1)
            .copied()
            .unwrap_or(doc.text.len());
        bounds.push((start, end));
    }
    bounds
}

/// Offset of the next hyphen at a line end (memchr's searcher: `str::find` was a tenth of
/// the extraction time on long texts).
fn find_break_hyphen(text: &str) -> Option<usize> {
    memchr::memmem::find(text.as_bytes(), b"-\n")
}

/// "gezichts-\nherkenning" → "gezichtsherkenning"; "AI-\nsysteem" → "AI-systeem" (an
/// uppercase letter before the hyphen marks a real compound hyphen, so only the break goes).
fn rejoin_hyphenated(page: &str, out: &mut String) {
    let mut rest = page;
    while let Some(pos) = find_break_hyphen(rest) {
        let before = rest[..pos].chars().next_back();
        let after_break = rest[pos + 2..].trim_start_matches([' ', '\t']);
        let next = after_break.chars().next();
        out.push_str(&rest[..pos]);
        match (before, next) {
            (Some(b), Some(n)) if b.is_lowercase() && n.is_lowercase() => {
                rest = after_break;
            }
            (Some(b), Some(n)) if b.is_alphanumeric() && n.is_alphanumeric() => {
                out.push('-');
                rest = after_break;
            }
            _ => {
                out.push_str("-\n");
                rest = &rest[pos + 2..];
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rejoin(s: &str) -> String {
        let mut out = String::new();
        rejoin_hyphenated(s, &mut out);
        out
    }

    #[test]
    fn segmented_nfkc_equals_whole_text_nfkc() {
        for text in [
            "",
            "plain ascii",
            "ﬁrmware e\u{301}e\u{301} ＡＩ-systeem\u{a0}… café ﬃ",
            "é",
            "a\u{301}",
            "\u{301}start",
            "x\u{1100}\u{1161}y ẞ İ Å",
        ] {
            assert_eq!(nfkc(text), text.nfkc().collect::<String>(), "{text:?}");
        }
    }

    #[test]
    fn rejoins_lowercase_breaks_and_keeps_compound_hyphens() {
        assert_eq!(rejoin("gezichts-\nherkenning"), "gezichtsherkenning");
        assert_eq!(rejoin("AI-\nsysteem"), "AI-systeem");
        assert_eq!(rejoin("list -\n item"), "list -\n item");
    }
}
