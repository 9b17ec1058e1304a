//! Screening of supplier documents for AI indicators: the embedded indicator lexicon, loaded
//! once, the limits every extraction runs under, and the screenings stored with documents.

use crate::{Action, Actor, App, AppError};
use grip_core::document::Document;
pub use grip_screen::{
    Extracted, Finding, Lexicon, Limits, Prepared, Screening, Verdict, screening_text_report,
};
use grip_store::screenings::{self, ScreeningRow};
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
    Ok(prepare(name, bytes).screen(lexicon()?))
}

/// The part of [`screen`] that needs no lexicon (extraction, language, specificity), for
/// batches that start before the lexicon is compiled; finish with [`Prepared::screen`].
pub fn prepare(name: &str, bytes: &[u8]) -> Prepared {
    grip_screen::prepare(name, bytes, &Limits::default())
}

/// Extraction alone, for showing a document's text with its findings.
pub fn extract(bytes: &[u8]) -> Result<Extracted, grip_screen::ExtractError> {
    grip_screen::extract(bytes, &Limits::default())
}

/// The contract's name of a verdict (`ai_indicated`, `no_ai_indicated`, `unreadable`).
pub fn verdict_name(verdict: Verdict) -> String {
    serde_json::to_value(verdict)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The row stored with a document, naming the lexicon that produced the screening.
pub(crate) fn row_for(
    document_id: &str,
    screening: &Screening,
    now: i64,
) -> Result<ScreeningRow, AppError> {
    let lexicon = lexicon()?;
    Ok(ScreeningRow {
        document_id: document_id.into(),
        verdict: verdict_name(screening.verdict),
        categories: json(&screening.categories),
        hints: json(&screening.annex_iii_hints),
        contradiction: i16::from(screening.contradiction),
        specificity: screening.specificity,
        findings: json(&screening.findings),
        result: json(screening),
        lexicon_id: lexicon.id().into(),
        lexicon_version: lexicon.version().into(),
        lexicon_hash: lexicon.content_hash().into(),
        screened_at: now,
    })
}

/// Serialising the screening's plain data cannot fail.
fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".into())
}

/// A stored screening with the lexicon it was made with.
#[derive(Debug, Clone)]
pub struct StoredScreening {
    pub screening: Screening,
    pub lexicon_id: String,
    pub lexicon_version: String,
    pub lexicon_hash: String,
    pub screened_at: i64,
}

impl StoredScreening {
    /// The verdict's contract name (`ai_indicated`, ...).
    pub fn verdict_name(&self) -> String {
        verdict_name(self.screening.verdict)
    }
}

/// The screening stored with a document (None for documents from before screening existed).
pub async fn for_document(
    app: &App,
    actor: &Actor,
    document_id: &str,
) -> Result<(Document, Option<StoredScreening>), AppError> {
    let document = crate::documents::get(app, actor, document_id).await?;
    let mut conn = app.store.conn().await?;
    let stored = match screenings::get(&mut conn, document_id).await? {
        Some(row) => Some(StoredScreening {
            screening: serde_json::from_str(&row.result)
                .map_err(|e| AppError::Internal(format!("stored screening: {e}")))?,
            lexicon_id: row.lexicon_id,
            lexicon_version: row.lexicon_version,
            lexicon_hash: row.lexicon_hash,
            screened_at: row.screened_at,
        }),
        None => None,
    };
    Ok((document, stored))
}

/// Verdict name per document id of a dossier.
pub async fn verdicts_for_dossier(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
) -> Result<std::collections::HashMap<String, String>, AppError> {
    let mut conn = app.store.conn().await?;
    crate::access::require_read(&mut conn, actor, dossier_id).await?;
    Ok(screenings::verdicts_for_dossier(&mut conn, dossier_id)
        .await?
        .into_iter()
        .collect())
}

/// Screens uploaded files without storing anything (the API's `POST /screen`).
pub fn screen_files(
    app: &App,
    actor: &Actor,
    files: &[(String, Vec<u8>)],
) -> Result<Vec<Screening>, AppError> {
    check_uploads(app, actor, files, "file")?;
    files
        .iter()
        .map(|(name, bytes)| screen(name, bytes))
        .collect()
}

/// What every read-only analysis of uploaded files checks first: the right to read, at least
/// one file (`field` names the form field), and no file above the document limit.
pub(crate) fn check_uploads(
    app: &App,
    actor: &Actor,
    files: &[(String, Vec<u8>)],
    field: &'static str,
) -> Result<(), AppError> {
    if !actor.may(Action::Read) {
        return Err(AppError::Forbidden);
    }
    if files.is_empty() {
        return Err(AppError::invalid(field, "no_files", "invalid-no-files"));
    }
    let limit = app.limits.max_document_bytes;
    match files.iter().find(|(_, bytes)| bytes.len() > limit) {
        Some((_, bytes)) => Err(AppError::TooLarge {
            size: bytes.len(),
            limit,
        }),
        None => Ok(()),
    }
}

/// A document with its stored screening and its text extracted again for display (the
/// text is not stored: the blob and the extractor reproduce it, offsets included).
pub struct DocumentView {
    pub document: Document,
    pub stored: Option<StoredScreening>,
    /// The extracted text, or why it could not be extracted.
    pub text: Result<String, String>,
}

pub async fn document_view(
    app: &App,
    actor: &Actor,
    document_id: &str,
) -> Result<DocumentView, AppError> {
    let (document, stored) = for_document(app, actor, document_id).await?;
    let (_, bytes) = crate::documents::download(app, actor, document_id).await?;
    let text = tokio::task::spawn_blocking(move || extract(&bytes))
        .await
        .map_err(|e| AppError::Internal(format!("extraction task: {e}")))?
        .map(|e| e.text)
        .map_err(|e| e.to_string());
    Ok(DocumentView {
        document,
        stored,
        text,
    })
}
