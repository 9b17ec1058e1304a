//! The administrator's page: people and their roles.

use crate::AppState;
use crate::auth::Viewer;
use crate::error::{PageError, message_of, render, status_of};
use crate::shell::Shell;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use grip_app::users::{self, Operator};
use grip_app::{AppError, Role};
use grip_core::dossier::FieldError;
use grip_core::role::parse_role_list;
use grip_core::user::User;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/users", get(list).post(add))
        .route("/users/{username}/roles", post(set_roles))
}

#[derive(Template)]
#[template(path = "admin/users.html")]
struct UsersPage {
    shell: Shell,
    users: Vec<(User, Vec<&'static str>)>,
    role_ids: String,
    errors: Vec<String>,
}

async fn page(
    state: &AppState,
    viewer: &Viewer,
    errors: Vec<String>,
) -> Result<UsersPage, PageError> {
    let users = users::list_users(&state.app, Operator::Person(&viewer.actor)).await?;
    Ok(UsersPage {
        shell: Shell::new(viewer, "users", "/users"),
        users: users
            .into_iter()
            .map(|u| {
                let roles = u.roles.iter().map(|r| r.id()).collect();
                (u, roles)
            })
            .collect(),
        role_ids: Role::ALL
            .iter()
            .map(|r| r.id())
            .collect::<Vec<_>>()
            .join(", "),
        errors,
    })
}

async fn list(State(state): State<AppState>, viewer: Viewer) -> Result<Response, PageError> {
    render(&page(&state, &viewer, Vec::new()).await?)
}

/// Re-shows the page with the problem for errors a person can fix.
async fn refused(state: &AppState, viewer: &Viewer, err: AppError) -> Result<Response, PageError> {
    match err {
        AppError::Invalid(_) | AppError::Conflict(_) | AppError::NotFound(_) => {
            let status = status_of(&err);
            let message = match &err {
                AppError::Invalid(list) => {
                    list.iter().map(|e| viewer.lang.field_error(e)).collect()
                }
                other => vec![message_of(other).0],
            };
            Ok((status, render(&page(state, viewer, message).await?)?).into_response())
        }
        other => Err(other.into()),
    }
}

fn roles_from(text: &str) -> Result<Vec<Role>, AppError> {
    parse_role_list(text)
        .map_err(|message| FieldError::verbatim("roles", "unknown_role", message).into())
}

#[derive(Deserialize)]
struct AddForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    roles: String,
}

async fn add(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<AddForm>,
) -> Result<Response, PageError> {
    let by = Operator::Person(&viewer.actor);
    let added = match roles_from(&form.roles) {
        Ok(roles) => users::add_user(
            &state.app,
            by,
            form.username.trim(),
            &form.display_name,
            &form.password,
            &roles,
        )
        .await
        .map(|_| ()),
        Err(err) => Err(err),
    };
    match added {
        Ok(_) => Ok(Redirect::to("/users").into_response()),
        Err(err) => refused(&state, &viewer, err).await,
    }
}

#[derive(Deserialize)]
struct RolesForm {
    #[serde(default)]
    roles: String,
}

async fn set_roles(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(username): Path<String>,
    Form(form): Form<RolesForm>,
) -> Result<Response, PageError> {
    let by = Operator::Person(&viewer.actor);
    let changed = match roles_from(&form.roles) {
        Ok(roles) => users::set_roles(&state.app, by, &username, &roles).await,
        Err(err) => Err(err),
    };
    match changed {
        Ok(()) => Ok(Redirect::to("/users").into_response()),
        Err(err) => refused(&state, &viewer, err).await,
    }
}
