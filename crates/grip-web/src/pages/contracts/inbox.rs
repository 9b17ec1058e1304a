//! The inbox: escalated change notices waiting for the roles the reader holds on each
//! dossier's team, soonest due first, each closed with a sealed decision record.

use crate::AppState;
use crate::auth::Viewer;
use crate::error::{PageError, render, status_of};
use crate::error::{refusal_text, shown_inline};
use crate::shell::Shell;
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use grip_app::escalations;
use grip_core::Role;
use serde::Deserialize;

pub struct TaskRow {
    pub id: String,
    pub contract_id: String,
    pub notice_id: String,
    pub notice: String,
    pub system: String,
    pub role: String,
    pub due: String,
    pub overdue: bool,
    /// Sealed decision records of the dossier: (id, words).
    pub decisions: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "contracts/inbox.html")]
struct InboxPage {
    shell: Shell,
    message: Option<String>,
    tasks: Vec<TaskRow>,
}

pub async fn page(State(state): State<AppState>, viewer: Viewer) -> Result<Response, PageError> {
    inbox_page(&state, &viewer, None, StatusCode::OK).await
}

async fn inbox_page(
    state: &AppState,
    viewer: &Viewer,
    message: Option<String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let app = &state.app;
    let today = grip_app::classification::today().to_string();
    let mut tasks = Vec::new();
    for row in escalations::inbox(app, &viewer.actor).await? {
        let decisions = grip_app::award::decisions::list(app, &viewer.actor, &row.dossier_id)
            .await?
            .into_iter()
            .filter(|d| d.sealed_at.is_some())
            .map(|d| {
                let outcome = viewer.lang.pick(d.outcome.label_nl(), d.outcome.label_en());
                let when = d
                    .sealed_at
                    .map(|t| viewer.lang.date_time(t))
                    .unwrap_or_default();
                (d.id.to_string(), format!("{outcome} — {when}"))
            })
            .collect();
        let role = Role::parse(&row.role)
            .map(|r| viewer.lang.pick(r.label_nl(), r.label_en()).to_owned())
            .unwrap_or_default();
        tasks.push(TaskRow {
            overdue: row.due_on < today,
            due: super::date(viewer, &row.due_on),
            id: row.id,
            contract_id: row.contract_id,
            notice_id: row.notice_id,
            notice: row.notice_name,
            system: row.system,
            role,
            decisions,
        });
    }
    let page = InboxPage {
        shell: Shell::new(viewer, "inbox", "/inbox"),
        message,
        tasks,
    };
    Ok((status, render(&page)?).into_response())
}

#[derive(Deserialize)]
pub struct CloseForm {
    #[serde(default)]
    decision_id: String,
}

pub async fn close(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(task): Path<String>,
    Form(form): Form<CloseForm>,
) -> Result<Response, PageError> {
    match escalations::close(&state.app, &viewer.actor, &task, &form.decision_id).await {
        Ok(()) => Ok(Redirect::to("/inbox").into_response()),
        Err(err) if shown_inline(&err) => {
            let message = refusal_text(&viewer, &err);
            inbox_page(&state, &viewer, Some(message), status_of(&err)).await
        }
        Err(err) => Err(err.into()),
    }
}
