//! The audit trail: every event, newest first, and (for auditors and administrators) a
//! verification of the whole hash chain.

use crate::AppState;
use crate::auth::Viewer;
use crate::error::{PageError, render};
use crate::pages::{Pager, page_param};
use crate::shell::Shell;
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use grip_app::Paging;
use grip_core::audit::{StoredEvent, Verification};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new().route("/audit", get(audit))
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    shell: Shell,
    events: Vec<StoredEvent>,
    pager: Pager,
    verification: Option<(bool, String)>,
}

#[derive(Deserialize)]
struct AuditQuery {
    page: Option<String>,
    verify: Option<String>,
}

async fn audit(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<AuditQuery>,
) -> Result<Response, PageError> {
    let list = grip_app::audit::list(
        &state.app,
        &viewer.actor,
        None,
        Paging::new(page_param(&q.page), Some(50)),
    )
    .await?;
    let verification = match q.verify.as_deref() {
        Some("1") => Some(
            match grip_app::audit::verify(&state.app, Some(&viewer.actor)).await? {
                Verification::Intact { events } => {
                    (true, format!("{events} {}", viewer.lang.t("events")))
                }
                Verification::Broken(broken) => (false, broken.to_string()),
            },
        ),
        _ => None,
    };
    render(&AuditPage {
        shell: Shell::new(&viewer, "audit", "/audit"),
        pager: Pager::new("/audit", &list, &[]),
        events: list.items,
        verification,
    })
}
