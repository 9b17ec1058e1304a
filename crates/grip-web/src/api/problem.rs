//! RFC 9457 problem objects for every API error, with a stable `code` and, for invalid
//! input, the list of field errors.

use crate::error::status_of;
use crate::i18n::Lang;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use grip_app::AppError;
use grip_core::dossier::FieldError;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem (relative to the API).
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// Stable machine-readable code, e.g. `invalid_input`, `forbidden`, `not_found`.
    pub code: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ProblemField>,
}

/// One invalid field; `message` is worded in Dutch (the interface's first language).
#[derive(Debug, Serialize, ToSchema)]
pub struct ProblemField {
    pub field: String,
    pub code: String,
    pub message: String,
}

#[derive(Debug)]
pub struct ApiError(pub AppError);

impl From<AppError> for ApiError {
    fn from(err: AppError) -> Self {
        ApiError(err)
    }
}

pub fn problem(
    status: StatusCode,
    code: &str,
    detail: String,
    errors: Vec<ProblemField>,
) -> Response {
    let body = Problem {
        kind: format!("/api/v1/problems/{code}"),
        title: status.canonical_reason().unwrap_or("Error").into(),
        status: status.as_u16(),
        detail,
        code: code.into(),
        errors,
    };
    let mut response = (status, Json(body)).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("application/problem+json"),
    );
    if status == StatusCode::UNAUTHORIZED {
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            header::HeaderValue::from_static("Bearer realm=\"grip\""),
        );
    }
    response
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = status_of(&self.0);
        if status.is_server_error() {
            tracing::error!(error = %self.0, "API request failed");
        }
        let detail = match &self.0 {
            AppError::Store(_) | AppError::Internal(_) => {
                "internal error; nothing was changed".to_string()
            }
            other => other.to_string(),
        };
        let errors = match &self.0 {
            AppError::Invalid(list) => list
                .iter()
                .map(|e| ProblemField {
                    field: e.field.to_string(),
                    code: e.code.into(),
                    message: Lang::Nl.field_error(e),
                })
                .collect(),
            _ => Vec::new(),
        };
        problem(status, self.0.code(), detail, errors)
    }
}

/// A JSON body that could not be read becomes a problem object too.
/// axum's default body limit, which the JSON routes keep.
const JSON_BODY_LIMIT: usize = 2 * 1024 * 1024;

pub fn json_rejection(rejection: JsonRejection) -> ApiError {
    let code = match rejection.status() {
        StatusCode::UNSUPPORTED_MEDIA_TYPE => {
            return ApiError(AppError::UnsupportedMedia(
                "expected Content-Type: application/json".into(),
            ));
        }
        // A body over the route's limit (axum's default for JSON) is a 413, not bad input.
        StatusCode::PAYLOAD_TOO_LARGE => {
            return ApiError(AppError::TooLarge {
                size: JSON_BODY_LIMIT + 1,
                limit: JSON_BODY_LIMIT,
            });
        }
        _ => "malformed_json",
    };
    ApiError(FieldError::verbatim("body", code, rejection.body_text()).into())
}
