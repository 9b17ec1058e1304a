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
    #[error(transparent)]
    Store(StoreError),
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    pub fn invalid(
        field: impl Into<std::borrow::Cow<'static, str>>,
        code: &'static str,
        message: impl Into<String>,
    ) -> AppError {
        AppError::Invalid(vec![FieldError::new(field, code, message)])
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

/// The first human message of an error, for recording it as text (a skipped item's reason).
pub(crate) fn first_message(err: &AppError) -> String {
    match err {
        AppError::Invalid(errors) => errors
            .first()
            .map(|e| e.message.clone())
            .unwrap_or_default(),
        other => other.to_string(),
    }
}
