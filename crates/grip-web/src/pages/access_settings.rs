//! The administrator's need-to-know setting: up to which data level every colleague reads a
//! dossier, and which roles read every dossier (see grip-core `ReadPolicy`).

use crate::AppState;
use crate::auth::Viewer;
use crate::error::{PageError, render};
use crate::shell::Shell;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use grip_app::{Action, AppError, Role, access};
use grip_core::{DataLabel, ReadPolicy};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new().route("/settings/access", get(show).post(save))
}

#[derive(Template)]
#[template(path = "admin/access.html")]
struct AccessPage {
    shell: Shell,
    /// The levels that may be opened to everyone: code, the organisation's name, chosen.
    levels: Vec<(&'static str, String, bool)>,
    roles: Vec<(&'static str, String, bool)>,
    saved: bool,
    errors: Vec<String>,
}

async fn page(
    state: &AppState,
    viewer: &Viewer,
    policy: &ReadPolicy,
    saved: bool,
    errors: Vec<String>,
) -> Result<Response, PageError> {
    access::require(&viewer.actor, Action::ManageSettings)?;
    let names = grip_app::organisation::label_names(&state.app).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let html = render(&AccessPage {
        shell: Shell::new(viewer, "settings", "/settings/access"),
        levels: DataLabel::ALL
            .iter()
            .filter(|l| **l != DataLabel::Secret)
            .map(|l| {
                (
                    l.code(),
                    names.name(*l).to_string(),
                    *l == policy.open_up_to,
                )
            })
            .collect(),
        roles: Role::ALL
            .iter()
            .map(|r| {
                (
                    r.id(),
                    viewer.lang.role_id(r.id()),
                    policy.roles.contains(r),
                )
            })
            .collect(),
        saved,
        errors,
    })?;
    Ok((status, html).into_response())
}

#[derive(Deserialize, Default)]
struct Shown {
    #[serde(default)]
    saved: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(shown): Query<Shown>,
) -> Result<Response, PageError> {
    access::require(&viewer.actor, Action::ManageSettings)?;
    let policy = access::read_policy(&state.app).await?;
    page(&state, &viewer, &policy, shown.saved.is_some(), Vec::new()).await
}

/// Reads the form; an unknown level or role is refused by name rather than ignored.
fn policy_from(form: &[(String, String)]) -> Result<ReadPolicy, AppError> {
    let level = form
        .iter()
        .find(|(k, _)| k == "open_up_to")
        .map(|(_, v)| v.as_str())
        .unwrap_or("");
    let open_up_to = DataLabel::from_code(level).ok_or_else(|| {
        AppError::from(
            grip_core::dossier::FieldError::new(
                "open_up_to",
                "unknown_label",
                "invalid-read-policy-level",
            )
            .with("level", level),
        )
    })?;
    let mut roles = Vec::new();
    for (_, id) in form.iter().filter(|(k, _)| k == "role") {
        roles.push(Role::parse(id).ok_or_else(|| {
            AppError::from(
                grip_core::dossier::FieldError::new(
                    "roles",
                    "unknown_role",
                    "invalid-unknown-role",
                )
                .with("role", id),
            )
        })?);
    }
    Ok(ReadPolicy { open_up_to, roles })
}

async fn save(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    access::require(&viewer.actor, Action::ManageSettings)?;
    let result = match policy_from(&form) {
        Ok(policy) => access::set_read_policy(&state.app, &viewer.actor, &policy).await,
        Err(err) => Err(err),
    };
    match result {
        Ok(()) => Ok(Redirect::to("/settings/access?saved=1").into_response()),
        Err(AppError::Invalid(list)) => {
            let errors = list.iter().map(|e| viewer.lang.field_error(e)).collect();
            let current = access::read_policy(&state.app).await?;
            page(&state, &viewer, &current, false, errors).await
        }
        Err(other) => Err(other.into()),
    }
}
