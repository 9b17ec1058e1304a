//! Turning a failed use case into an HTML page with the right status. The cause of internal
//! errors is logged, never shown.

use crate::AppState;
use crate::auth::lang_of;
use crate::i18n::Lang;
use crate::shell::Shell;
use askama::Template;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use grip_app::AppError;

pub fn status_of(err: &AppError) -> StatusCode {
    match err {
        AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
        AppError::Forbidden => StatusCode::FORBIDDEN,
        AppError::NotFound(_) => StatusCode::NOT_FOUND,
        AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::Conflict(_) | AppError::AlreadyExists(_) => StatusCode::CONFLICT,
        AppError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
        AppError::TooManyAttempts { .. } => StatusCode::TOO_MANY_REQUESTS,
        AppError::UnsupportedMedia(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        AppError::Store(_) | AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// A message fit for the person: Dutch first, then English.
pub fn message_of(err: &AppError) -> (String, String) {
    match err {
        AppError::Unauthenticated => (
            "U bent niet ingelogd.".into(),
            "You are not signed in.".into(),
        ),
        AppError::Forbidden => (
            "U heeft geen recht om dit te doen.".into(),
            "You do not have the right to do this.".into(),
        ),
        AppError::NotFound(what) => {
            let key = format!("not_found_{}", what.replace(' ', "_"));
            let text = |lang: Lang| match lang.t(&key) {
                "??" => lang.t("not_found").to_string(),
                text => text.to_string(),
            };
            (text(Lang::Nl), text(Lang::En))
        }
        AppError::Invalid(errors) => {
            let text = |lang: Lang| {
                errors
                    .iter()
                    .map(|e| lang.field_error(e))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            (text(Lang::Nl), text(Lang::En))
        }
        AppError::Conflict(text) | AppError::UnsupportedMedia(text) => (text.clone(), text.clone()),
        AppError::TooLarge { size, limit } => (
            format!(
                "Het bestand is te groot ({} MB); de grens is {} MB.",
                mb(*size),
                mb(*limit)
            ),
            format!(
                "The file is too large ({} MB); the limit is {} MB.",
                mb(*size),
                mb(*limit)
            ),
        ),
        AppError::TooManyAttempts { retry_after_secs } => {
            let minutes = retry_after_secs.div_ceil(60);
            (
                format!(
                    "Te veel mislukte pogingen om in te loggen. Probeer het over {minutes} {} opnieuw.",
                    if minutes == 1 { "minuut" } else { "minuten" }
                ),
                format!(
                    "Too many failed sign-ins. Try again in {minutes} {}.",
                    if minutes == 1 { "minute" } else { "minutes" }
                ),
            )
        }
        AppError::AlreadyExists(what) => (
            format!("{what} bestaat al."),
            format!("{what} already exists."),
        ),
        AppError::Store(_) | AppError::Internal(_) => (
            "Er ging iets mis aan onze kant; er is niets gewijzigd.".into(),
            "Something went wrong on our side; nothing was changed.".into(),
        ),
    }
}

fn mb(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    shell: Shell,
    status: u16,
    message: String,
}

/// An error page's texts in both languages, kept on the response so that `localise` can show
/// the one the reader uses (the error itself does not know the request).
#[derive(Clone)]
struct ErrorText {
    status: u16,
    nl: String,
    en: String,
}

impl ErrorText {
    fn render(&self, lang: Lang, path: &str, organisation: String) -> Option<String> {
        ErrorPage {
            shell: Shell::anonymous(lang, path).at_organisation(organisation),
            status: self.status,
            message: lang.pick(&self.nl, &self.en).to_string(),
        }
        .render()
        .ok()
    }
}

/// Words error pages in the reader's language and puts them in the page frame.
pub async fn localise(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let lang = lang_of(request.headers());
    let path = request.uri().path().to_string();
    let mut response = next.run(request).await;
    if let Some(text) = response.extensions_mut().remove::<ErrorText>()
        && let Some(html) = text.render(lang, &path, state.organisation_name().await)
    {
        *response.body_mut() = Body::from(html);
    }
    response
}

#[derive(Debug)]
pub struct PageError(pub AppError);

impl From<AppError> for PageError {
    fn from(err: AppError) -> Self {
        PageError(err)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let status = status_of(&self.0);
        if status.is_server_error() {
            tracing::error!(error = %self.0, "request failed");
        }
        let (nl, en) = message_of(&self.0);
        let text = ErrorText {
            status: status.as_u16(),
            nl,
            en,
        };
        let mut response = match text.render(Lang::Nl, "/", String::new()) {
            Some(html) => (status, Html(html)).into_response(),
            None => status.into_response(),
        };
        response.extensions_mut().insert(text);
        if let AppError::TooManyAttempts { retry_after_secs } = self.0 {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, retry_after_secs.into());
        }
        response
    }
}

/// Renders a template, turning a (never expected) rendering failure into a 500.
pub fn render(template: &impl Template) -> Result<Response, PageError> {
    template
        .render()
        .map(|html| Html(html).into_response())
        .map_err(|e| PageError(AppError::Internal(format!("template: {e}"))))
}

/// The refusal of a use case in the reader's language, for showing on the page again.
pub(crate) fn refusal_text(viewer: &crate::auth::Viewer, err: &AppError) -> String {
    let (nl, en) = message_of(err);
    if viewer.lang == Lang::En { en } else { nl }
}

/// Errors a form page shows inline with what was typed (the rest become an error page).
pub(crate) fn shown_inline(err: &AppError) -> bool {
    matches!(
        err,
        AppError::Invalid(_)
            | AppError::Conflict(_)
            | AppError::AlreadyExists(_)
            | AppError::TooLarge { .. }
            | AppError::UnsupportedMedia(_)
    )
}
