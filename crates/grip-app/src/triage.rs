//! Triage of supplier change notices against a contract's AI baseline: the `changes`
//! knowledge, compiled once, and the use case behind `grip triage` and `POST /api/v1/triage`.

use std::sync::OnceLock;

pub use grip_knowledge::{Lang, Text};
pub use grip_triage::{
    Assessment, Baseline, BaselineError, ChangeKind, ChangeKnowledge, ChangeTriage, Impact,
    Proposal,
};

use crate::{Actor, App, AppError};

/// Largest baseline accepted: a baseline lists components, not documents.
pub const MAX_BASELINE_BYTES: usize = 1 << 20;

/// The change knowledge built into this binary (validated on first use).
pub fn knowledge() -> Result<&'static ChangeKnowledge, AppError> {
    static KNOWLEDGE: OnceLock<Result<ChangeKnowledge, String>> = OnceLock::new();
    KNOWLEDGE
        .get_or_init(|| ChangeKnowledge::embedded().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| AppError::Internal(format!("changes pack: {e}")))
}

/// Triages one notice (any format Grip screens) against a baseline.
pub fn assess(name: &str, bytes: &[u8], baseline: &Baseline) -> Result<Assessment, AppError> {
    Ok(assess_document(name, bytes, baseline)?.0)
}

/// [`assess`] with the notice's text as read (empty when unreadable), extracted once.
pub fn assess_document(
    name: &str,
    bytes: &[u8],
    baseline: &Baseline,
) -> Result<(Assessment, String), AppError> {
    Ok(grip_triage::triage_document(
        name,
        bytes,
        baseline,
        crate::screening::lexicon()?,
        knowledge()?,
        &grip_screen::Limits::default(),
    ))
}

/// Triages uploaded notices without storing anything (the API's `POST /triage`).
pub fn assess_files(
    app: &App,
    actor: &Actor,
    baseline: &Baseline,
    files: &[(String, Vec<u8>)],
) -> Result<Vec<Assessment>, AppError> {
    crate::screening::check_uploads(app, actor, files, "notice")?;
    files
        .iter()
        .map(|(name, bytes)| assess(name, bytes, baseline))
        .collect()
}
