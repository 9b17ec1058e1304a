//! The award pages of a dossier: bids and their checks, the blind assessment with its
//! consensus round, and the decision records with their sign-offs, documents and letters.

mod assessment;
mod bid;
mod bids;
mod decisions;

pub(crate) use bids::{euros, parse_euros};

use crate::AppState;
use crate::auth::Viewer;
use crate::error::{PageError, refusal_text, shown_inline, status_of};
use axum::Router;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use grip_app::AppError;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/dossiers/{id}/bids", get(bids::page).post(bids::create))
        .route("/dossiers/{id}/bids/new", get(bids::new_form))
        .route(
            "/dossiers/{id}/bids/workbook",
            get(bids::workbook).post(bids::import),
        )
        .route("/dossiers/{id}/bids/overview.xlsx", get(bids::overview))
        .route("/dossiers/{id}/bids/{bid}", get(bid::detail))
        .route("/dossiers/{id}/bids/{bid}/documents", post(bid::attach))
        .route("/dossiers/{id}/assessment", get(assessment::page))
        .route(
            "/dossiers/{id}/assessment/declaration",
            post(assessment::declare),
        )
        .route("/dossiers/{id}/assessment/scores", post(assessment::score))
        .route("/dossiers/{id}/assessment/submit", post(assessment::submit))
        .route(
            "/dossiers/{id}/assessment/consensus",
            post(assessment::consensus),
        )
        .route("/dossiers/{id}/assessment/rule", post(assessment::rule))
        .route(
            "/dossiers/{id}/decisions",
            get(decisions::page).post(decisions::propose),
        )
        .route("/decisions/{id}/sign", post(decisions::sign))
        .route("/decisions/{id}/document", get(decisions::document))
        .route("/decisions/{id}/letters/{bid}", get(decisions::letter))
}

/// After a form: on to `to`; a refusal the reader can act on is shown on the page again (by
/// `again`, with the message and the refusal's status); anything else is an error page.
async fn after<F, Fut>(
    viewer: &Viewer,
    result: Result<(), AppError>,
    to: &str,
    again: F,
) -> Result<Response, PageError>
where
    F: FnOnce(Option<String>, StatusCode) -> Fut,
    Fut: std::future::Future<Output = Result<Response, PageError>>,
{
    match result {
        Ok(()) => Ok(Redirect::to(to).into_response()),
        Err(err) if shown_inline(&err) => {
            again(Some(refusal_text(viewer, &err)), status_of(&err)).await
        }
        Err(err) => Err(err.into()),
    }
}

/// A rendered document or workbook as a download.
fn download(file: grip_app::packages::export::Exported) -> Response {
    crate::downloads::attachment_response(&file.file_name, file.media_type, file.bytes)
}
