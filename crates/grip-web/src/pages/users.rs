//! The administrator's page: people, their roles (as checkboxes), whether their account is
//! open, when they last signed in; adding people, resetting a password, deactivating and
//! reactivating. Every change redirects back with a confirmation naming what changed.

use crate::AppState;
use crate::auth::Viewer;
use crate::error::{PageError, message_of, render, status_of};
use crate::i18n::Lang;
use crate::shell::Shell;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use grip_app::users::{self, Operator};
use grip_app::{AppError, Role};
use grip_core::user::User;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/users", get(list).post(add))
        .route("/users/{username}/roles", post(set_roles))
        .route("/users/{username}/password", post(reset_password))
        .route("/users/{username}/deactivate", post(deactivate))
        .route("/users/{username}/reactivate", post(reactivate))
}

/// One person as the page shows them.
struct UserRow {
    user: User,
    /// Every role with its label and whether the person holds it.
    roles: Vec<(&'static str, String, bool)>,
    role_labels: String,
    last_sign_in: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/users.html")]
struct UsersPage {
    shell: Shell,
    users: Vec<UserRow>,
    /// Every role with its label, for the form that adds a person.
    all_roles: Vec<(&'static str, String)>,
    confirmation: Option<String>,
    errors: Vec<String>,
    min_password: usize,
}

fn row(lang: Lang, user: User) -> UserRow {
    UserRow {
        roles: Role::ALL
            .iter()
            .map(|r| (r.id(), lang.role_id(r.id()), user.roles.contains(r)))
            .collect(),
        role_labels: user
            .roles
            .iter()
            .map(|r| lang.role_id(r.id()))
            .collect::<Vec<_>>()
            .join(", "),
        last_sign_in: user.last_sign_in_at.map(|ms| lang.date_time(ms)),
        user,
    }
}

async fn page(
    state: &AppState,
    viewer: &Viewer,
    confirmation: Option<String>,
    errors: Vec<String>,
) -> Result<UsersPage, PageError> {
    let users = users::list_users(&state.app, Operator::Person(&viewer.actor)).await?;
    let lang = viewer.lang;
    Ok(UsersPage {
        shell: Shell::new(viewer, "users", "/users"),
        users: users.into_iter().map(|u| row(lang, u)).collect(),
        all_roles: Role::ALL
            .iter()
            .map(|r| (r.id(), lang.role_id(r.id())))
            .collect(),
        confirmation,
        errors,
        min_password: grip_app::auth::MIN_PASSWORD_CHARS,
    })
}

/// What the redirect after a change says happened (`?done=roles&user=jurist`).
#[derive(Deserialize, Default)]
struct Done {
    #[serde(default)]
    done: String,
    #[serde(default)]
    user: String,
}

impl Done {
    fn message(&self, lang: Lang) -> Option<String> {
        let key = match self.done.as_str() {
            "added" => "users-done-added",
            "roles" => "users-done-roles",
            "password" => "users-done-password",
            "deactivated" => "users-done-deactivated",
            "reactivated" => "users-done-reactivated",
            _ => return None,
        };
        Some(lang.t_with(key, &[("user", &self.user)]))
    }
}

fn done(kind: &str, username: &str) -> Response {
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("done", kind)
        .append_pair("user", username)
        .finish();
    Redirect::to(&format!("/users?{query}")).into_response()
}

async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(done): Query<Done>,
) -> Result<Response, PageError> {
    let confirmation = done.message(viewer.lang);
    render(&page(&state, &viewer, confirmation, Vec::new()).await?)
}

/// Re-shows the page with the problem for errors a person can fix; the rest is an error page.
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
            Ok((status, render(&page(state, viewer, None, message).await?)?).into_response())
        }
        other => Err(other.into()),
    }
}

/// The checked role boxes (`role=jurist&role=inkoper`); unknown roles are named, not dropped.
fn checked_roles(form: &[(String, String)]) -> Result<Vec<Role>, AppError> {
    let mut roles = Vec::new();
    for (_, id) in form.iter().filter(|(k, _)| k == "role") {
        let role = Role::parse(id).ok_or_else(|| {
            AppError::from(
                grip_core::dossier::FieldError::new(
                    "roles",
                    "unknown_role",
                    "invalid-unknown-role",
                )
                .with("role", id),
            )
        })?;
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
    roles.sort();
    Ok(roles)
}

fn field<'a>(form: &'a [(String, String)], name: &str) -> &'a str {
    form.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

async fn add(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let username = field(&form, "username").trim();
    let added = match checked_roles(&form) {
        Ok(roles) => users::add_user(
            &state.app,
            Operator::Person(&viewer.actor),
            username,
            field(&form, "display_name"),
            field(&form, "password"),
            &roles,
        )
        .await
        .map(|_| ()),
        Err(err) => Err(err),
    };
    match added {
        Ok(()) => Ok(done("added", username)),
        Err(err) => refused(&state, &viewer, err).await,
    }
}

async fn set_roles(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(username): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let by = Operator::Person(&viewer.actor);
    let changed = match checked_roles(&form) {
        Ok(roles) => users::set_roles(&state.app, by, &username, &roles).await,
        Err(err) => Err(err),
    };
    match changed {
        Ok(()) => Ok(done("roles", &username)),
        Err(err) => refused(&state, &viewer, err).await,
    }
}

#[derive(Deserialize)]
struct PasswordForm {
    #[serde(default)]
    password: String,
}

async fn reset_password(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(username): Path<String>,
    Form(form): Form<PasswordForm>,
) -> Result<Response, PageError> {
    let by = Operator::Person(&viewer.actor);
    match users::reset_password(&state.app, by, &username, &form.password).await {
        Ok(()) => Ok(done("password", &username)),
        Err(err) => refused(&state, &viewer, err).await,
    }
}

async fn deactivate(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(username): Path<String>,
) -> Result<Response, PageError> {
    let by = Operator::Person(&viewer.actor);
    match users::deactivate(&state.app, by, &username).await {
        Ok(()) => Ok(done("deactivated", &username)),
        Err(err) => refused(&state, &viewer, err).await,
    }
}

async fn reactivate(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(username): Path<String>,
) -> Result<Response, PageError> {
    let by = Operator::Person(&viewer.actor);
    match users::reactivate(&state.app, by, &username).await {
        Ok(()) => Ok(done("reactivated", &username)),
        Err(err) => refused(&state, &viewer, err).await,
    }
}
