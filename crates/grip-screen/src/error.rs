//! Typed errors for extraction and for loading the indicator lexicon.
//! Messages are written for a procurement officer: they say what is wrong with the file.

use thiserror::Error;

/// Why a document could not be turned into text.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ExtractError {
    #[error("file is empty")]
    Empty,
    #[error("file is {size} bytes, above the limit of {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    #[error("unrecognised file format: not PDF, DOCX, ODT, HTML or text")]
    UnknownFormat,
    #[error("PDF is encrypted; ask the supplier for an unprotected copy")]
    Encrypted,
    #[error("PDF has no text layer (scanned?); needs OCR")]
    NeedsOcr,
    #[error("document has {pages} pages, above the limit of {limit}")]
    TooManyPages { pages: usize, limit: usize },
    #[error("archive has {entries} entries, above the limit of {limit}")]
    TooManyEntries { entries: usize, limit: usize },
    #[error("archive expands to {bytes} bytes, above the limit of {limit} (ZIP bomb?)")]
    ExpansionTooLarge { bytes: u64, limit: u64 },
    #[error("archive entry {entry} expands {ratio}x, above the limit of {limit}x (ZIP bomb?)")]
    ExpansionRatio {
        entry: String,
        ratio: u64,
        limit: u64,
    },
    #[error("elements nested deeper than {limit} levels (XML or HTML)")]
    TooDeep { limit: usize },
    #[error("extraction took longer than {seconds} s")]
    Timeout { seconds: u64 },
    #[error("extracted text exceeds {limit} bytes")]
    TextTooLong { limit: usize },
    #[error("{format} file is corrupt or truncated: {detail}")]
    Corrupt {
        format: &'static str,
        detail: String,
    },
    #[error("{format} is missing required part {part}")]
    MissingPart {
        format: &'static str,
        part: &'static str,
    },
    #[error("text is not valid in any supported encoding")]
    Encoding,
    #[error("the {format} parser failed unexpectedly; the file is probably malformed")]
    ParserPanic { format: &'static str },
}

/// Why the indicator lexicon could not be loaded.
#[derive(Debug, Error)]
pub enum LexiconError {
    #[error("cannot read lexicon {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("lexicon file {file} is not valid TOML for the pack format: {message}")]
    Parse { file: String, message: String },
    #[error("lexicon is invalid: {0}")]
    Invalid(String),
    #[error("lexicon pattern {id} does not compile: {message}")]
    Pattern { id: String, message: String },
}
