//! Text extraction from supplier documents (PDF, DOCX, ODT, HTML, TXT, Markdown) and
//! screening of that text for AI indicators in Dutch and English. Pure: no I/O besides the
//! bytes given (and an optional lexicon folder), no clock except per-document deadlines.

mod analysis;
mod archive;
mod ascii;
mod error;
mod extract;
mod lexicon;
mod limits;
mod report;
#[cfg(feature = "testing")]
pub mod samples;
mod screening;
pub mod similarity;
#[cfg(test)]
mod test_texts;

pub use analysis::{Measures, Specificity, analyse, assess_specificity, detect as detect_language};
pub use archive::{ArchiveEntry, ArchiveError, ArchiveLimits, SkipReason, expand_zip};
pub use error::{ExtractError, LexiconError};
pub use extract::{Extracted, Format, detect_format, extract};
pub use lexicon::{
    CATEGORIES, FunctionEntry, IndicatorEntry, Lexicon, LookalikeEntry, NegationRules, PACK_FILE,
    PackMeta, check_lexicon,
};
pub use limits::Limits;
pub use report::screening_text_report;
pub use screening::{
    DocumentInfo, Finding, Language, SCREENING_SCHEMA, Screening, Verdict, char_range_to_bytes,
};

/// Extracts and analyses one document. An extraction failure yields verdict `unreadable`
/// with the error message, so a batch run can go on with the next document.
pub fn screen_bytes(doc_name: &str, bytes: &[u8], lexicon: &Lexicon, limits: &Limits) -> Screening {
    prepare(doc_name, bytes, limits).screen(lexicon)
}

/// A document extracted and measured, waiting for the lexicon: the first half of
/// [`screen_bytes`], which a batch can run while the lexicon is still being compiled.
#[derive(Debug)]
pub enum Prepared {
    Text {
        doc_name: String,
        extracted: Extracted,
        measures: Measures,
    },
    /// Extraction failed: the screening is complete without a lexicon.
    Unreadable(Box<Screening>),
}

/// Extracts `bytes` and measures what needs no lexicon.
pub fn prepare(doc_name: &str, bytes: &[u8], limits: &Limits) -> Prepared {
    match extract(bytes, limits) {
        Ok(extracted) => Prepared::Text {
            doc_name: doc_name.to_owned(),
            measures: Measures::of(&extracted.text),
            extracted,
        },
        Err(error) => Prepared::Unreadable(Box::new(unreadable(doc_name, bytes, limits, &error))),
    }
}

impl Prepared {
    /// The second half of [`screen_bytes`]: the lexicon's findings and the verdict.
    pub fn screen(self, lexicon: &Lexicon) -> Screening {
        match self {
            Prepared::Text {
                doc_name,
                extracted,
                measures,
            } => analysis::analyse_measured(&doc_name, &extracted, measures, lexicon),
            Prepared::Unreadable(screening) => *screening,
        }
    }
}

fn unreadable(doc_name: &str, bytes: &[u8], limits: &Limits, error: &ExtractError) -> Screening {
    let format = detect_format(bytes, limits)
        .ok()
        .unwrap_or_else(|| format_from_name(doc_name));
    Screening {
        schema: SCREENING_SCHEMA.to_owned(),
        document: DocumentInfo {
            name: doc_name.to_owned(),
            format,
            chars: 0,
            pages: None,
            language: Language::Unknown,
        },
        verdict: Verdict::Unreadable,
        findings: Vec::new(),
        categories: Vec::new(),
        annex_iii_hints: Vec::new(),
        contradiction: false,
        specificity: None,
        error: Some(error.to_string()),
    }
}

/// The contract needs a format even for unreadable files; the name is only a fallback label.
fn format_from_name(name: &str) -> Format {
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "pdf" => Format::Pdf,
        "docx" | "doc" => Format::Docx,
        "odt" => Format::Odt,
        "html" | "htm" | "xhtml" => Format::Html,
        "md" | "markdown" => Format::Md,
        _ => Format::Txt,
    }
}
