//! Screening of supplier documents for AI indicators: the embedded indicator lexicon, loaded
//! once, and the limits every extraction runs under.

use crate::AppError;
pub use grip_screen::{Extracted, Lexicon, Limits, Screening, Verdict, screening_text_report};
use std::sync::OnceLock;

/// The indicator lexicon built into this binary (validated on first use).
pub fn lexicon() -> Result<&'static Lexicon, AppError> {
    static LEXICON: OnceLock<Result<Lexicon, String>> = OnceLock::new();
    LEXICON
        .get_or_init(|| Lexicon::embedded().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| AppError::Internal(format!("indicator lexicon: {e}")))
}

/// Extracts and screens one document; an unreadable one gets verdict `unreadable` and its reason.
pub fn screen(name: &str, bytes: &[u8]) -> Result<Screening, AppError> {
    Ok(grip_screen::screen_bytes(
        name,
        bytes,
        lexicon()?,
        &Limits::default(),
    ))
}

/// Extraction alone, for showing a document's text with its findings.
pub fn extract(bytes: &[u8]) -> Result<Extracted, grip_screen::ExtractError> {
    grip_screen::extract(bytes, &Limits::default())
}
