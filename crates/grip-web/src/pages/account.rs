//! The signed-in person's own account: who they are, their roles, and changing their own
//! password (the current one is asked again, so an unattended browser cannot take it over).

use crate::AppState;
use crate::auth::Viewer;
use crate::error::{PageError, render};
use crate::shell::Shell;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use grip_app::AppError;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/account", get(show))
        .route("/account/password", post(change_password))
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    shell: Shell,
    changed: bool,
    errors: Vec<String>,
    min_password: usize,
}

fn page(viewer: &Viewer, changed: bool, errors: Vec<String>) -> AccountPage {
    AccountPage {
        shell: Shell::new(viewer, "account", "/account"),
        changed,
        errors,
        min_password: grip_app::auth::MIN_PASSWORD_CHARS,
    }
}

#[derive(Deserialize, Default)]
struct Shown {
    #[serde(default)]
    done: String,
}

async fn show(viewer: Viewer, Query(shown): Query<Shown>) -> Result<Response, PageError> {
    render(&page(&viewer, shown.done == "password", Vec::new()))
}

#[derive(Deserialize)]
struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_repeat: String,
}

async fn change_password(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<PasswordForm>,
) -> Result<Response, PageError> {
    let result = if form.password != form.password_repeat {
        Err(AppError::invalid(
            "password_repeat",
            "mismatch",
            "invalid-password-mismatch",
        ))
    } else {
        grip_app::users::change_own_password(
            &state.app,
            &viewer.actor,
            Some(&viewer.session_secret),
            &form.current_password,
            &form.password,
        )
        .await
    };
    match result {
        Ok(()) => Ok(Redirect::to("/account?done=password").into_response()),
        Err(AppError::Invalid(list)) => {
            let errors = list.iter().map(|e| viewer.lang.field_error(e)).collect();
            let html = render(&page(&viewer, false, errors))?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
        Err(other) => Err(other.into()),
    }
}
