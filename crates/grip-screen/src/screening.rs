//! The `grip.screening/1` result type. Field names and shapes follow
//! `shared/contracts/screening.schema.json` exactly; do not add fields here.

use serde::{Deserialize, Serialize};

use crate::extract::Format;

/// Value of the `schema` field.
pub const SCREENING_SCHEMA: &str = "grip.screening/1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Screening {
    pub schema: String,
    pub document: DocumentInfo,
    pub verdict: Verdict,
    pub findings: Vec<Finding>,
    pub categories: Vec<String>,
    pub annex_iii_hints: Vec<String>,
    pub contradiction: bool,
    pub specificity: Option<f64>,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentInfo {
    pub name: String,
    pub format: Format,
    /// Unicode scalar values in the extracted text.
    pub chars: usize,
    pub pages: Option<u32>,
    pub language: Language,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    AiIndicated,
    NoAiIndicated,
    Unreadable,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Nl,
    En,
    Mixed,
    Unknown,
}

impl Language {
    /// The contract's name: `nl`, `en`, `mixed` or `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Language::Nl => "nl",
            Language::En => "en",
            Language::Mixed => "mixed",
            Language::Unknown => "unknown",
        }
    }
}

/// One indicator occurrence. `start`/`end` are character (Unicode scalar) offsets into the
/// extracted text, as the contract says; use [`char_range_to_bytes`] to slice a `&str`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// Lexicon indicator id, e.g. `bio.face_matching`.
    pub indicator: String,
    pub category: String,
    /// The sentence holding the match (or a window of at most 300 characters around it).
    pub excerpt: String,
    pub start: usize,
    pub end: usize,
    pub page: Option<u32>,
    pub negated: bool,
}

impl Screening {
    /// One compact JSON line, as `grip screen` prints it.
    pub fn to_json_line(&self) -> String {
        self.to_json()
            .unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }

    /// Compact JSON, as the contract shapes it.
    pub fn to_json(&self) -> serde_json::Result<String> {
        serde_json::to_string(self)
    }
}

/// Converts a finding's character range into a byte range of `text` (None when out of range).
pub fn char_range_to_bytes(text: &str, start: usize, end: usize) -> Option<std::ops::Range<usize>> {
    let mut indices = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    let byte_start = indices.nth(start)?;
    let byte_end = if end == start {
        byte_start
    } else {
        indices.nth(end - start - 1)?
    };
    Some(byte_start..byte_end)
}
