//! What can go wrong in a use case, in terms the edges (web, API, CLI) can turn into a
//! message and a status without knowing about storage.

use grip_core::dossier::FieldError;
use grip_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not signed in or the credentials are not valid")]
    Unauthenticated,
    #[error("you do not have the right to do this")]
    Forbidden,
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("the input is not valid")]
    Invalid(Vec<FieldError>),
    #[error("{0}")]
    Conflict(String),
    #[error("the file is {size} bytes; the limit is {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    #[error("{0}")]
    UnsupportedMedia(String),
    /// Something with this name or key is already there (a unique constraint refused it).
    #[error("{0} already exists")]
    AlreadyExists(String),
    /// Too many wrong passwords: the next attempt may come after this many seconds.
    #[error("too many failed sign-ins; try again in {retry_after_secs} s")]
    TooManyAttempts { retry_after_secs: u64 },
    #[error(transparent)]
    Store(StoreError),
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    /// One invalid field; `text` names the sentence the interface shows (see `FieldError`).
    pub fn invalid(
        field: impl Into<std::borrow::Cow<'static, str>>,
        code: &'static str,
        text: &'static str,
    ) -> AppError {
        AppError::Invalid(vec![FieldError::new(field, code, text)])
    }

    /// The error as lines for a terminal: each invalid field with its detail, else the message.
    pub fn lines(&self) -> Vec<String> {
        match self {
            AppError::Invalid(errors) => errors
                .iter()
                .map(|e| match e.arg("detail") {
                    Some(detail) => detail.to_string(),
                    None => format!("{}: {}", e.field, e.code),
                })
                .collect(),
            other => vec![other.to_string()],
        }
    }

    /// A stable, machine-readable code for API clients.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Unauthenticated => "unauthenticated",
            AppError::Forbidden => "forbidden",
            AppError::NotFound(_) => "not_found",
            AppError::Invalid(_) => "invalid_input",
            AppError::Conflict(_) => "conflict",
            AppError::TooLarge { .. } => "payload_too_large",
            AppError::TooManyAttempts { .. } => "too_many_attempts",
            AppError::UnsupportedMedia(_) => "unsupported_media_type",
            AppError::AlreadyExists(_) => "conflict",
            AppError::Store(_) | AppError::Internal(_) => "internal_error",
        }
    }
}

impl From<StoreError> for AppError {
    fn from(err: StoreError) -> AppError {
        match err {
            StoreError::Conflict { what } => AppError::AlreadyExists(what),
            other => AppError::Store(other),
        }
    }
}

impl From<FieldError> for AppError {
    fn from(err: FieldError) -> Self {
        AppError::Invalid(vec![err])
    }
}

/// The first problem of an error as Dutch text, for recording it (a skipped item's reason is
/// stored in Dutch, like the other reasons in `bulk::judge`). Only the file-name checks of
/// `documents::clean_file_name` reach here; anything else is named by its code.
pub(crate) fn first_message(err: &AppError) -> String {
    match err {
        AppError::Invalid(errors) => errors
            .first()
            .map(|e| match e.text {
                "invalid-file-missing-name" => "Het bestand heeft geen naam.".to_string(),
                "invalid-file-name-too-long" => format!(
                    "De bestandsnaam mag hoogstens {} tekens hebben.",
                    e.arg("max").unwrap_or_default()
                ),
                _ => e.code.to_string(),
            })
            .unwrap_or_default(),
        other => other.to_string(),
    }
}
