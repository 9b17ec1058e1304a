//! Sign-in and sign-out pages, and the language switch.

use crate::AppState;
use crate::auth::{LANG_COOKIE, PageLang, Viewer, session_cookie};
use crate::error::{PageError, render};
use crate::i18n::Lang;
use crate::pages::local_path;
use crate::shell::Shell;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use grip_app::{AppError, auth};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_page).post(login))
        .route("/logout", post(logout))
        .route("/lang/{code}", get(switch_language))
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    shell: Shell,
    next: String,
    username: String,
    failed: bool,
}

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
}

async fn login_page(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    viewer: Option<Viewer>,
    Query(q): Query<NextQuery>,
) -> Result<Response, PageError> {
    let next = local_path(q.next.as_deref().unwrap_or("/")).to_string();
    if viewer.is_some() {
        return Ok(Redirect::to(&next).into_response());
    }
    render(&LoginPage {
        shell: Shell::anonymous(lang, "/login").at_organisation(state.organisation_name().await),
        next,
        username: String::new(),
        failed: false,
    })
}

#[derive(Deserialize)]
struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

async fn login(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    Form(form): Form<LoginForm>,
) -> Result<Response, PageError> {
    let next = local_path(&form.next).to_string();
    match auth::sign_in(&state.app, &form.username, &form.password).await {
        Ok(signed) => {
            let cookie = session_cookie(
                &signed.session_secret,
                state.config.secure_cookies,
                auth::SESSION_ABSOLUTE_MS / 1000,
            );
            Ok(([(header::SET_COOKIE, cookie)], Redirect::to(&next)).into_response())
        }
        Err(AppError::Unauthenticated) => {
            let page = LoginPage {
                shell: Shell::anonymous(lang, "/login")
                    .at_organisation(state.organisation_name().await),
                next,
                username: form.username.chars().take(64).collect(),
                failed: true,
            };
            Ok((StatusCode::UNAUTHORIZED, render(&page)?).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

async fn logout(
    State(state): State<AppState>,
    viewer: Option<Viewer>,
) -> Result<Response, PageError> {
    if let Some(viewer) = viewer {
        auth::sign_out(&state.app, &viewer.session_secret).await?;
    }
    let expired = session_cookie("", state.config.secure_cookies, 0);
    Ok(([(header::SET_COOKIE, expired)], Redirect::to("/login")).into_response())
}

#[derive(Deserialize)]
struct BackQuery {
    back: Option<String>,
}

async fn switch_language(Path(code): Path<String>, Query(q): Query<BackQuery>) -> Response {
    let lang = Lang::parse(&code).unwrap_or_default();
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; SameSite=Lax; Max-Age=31536000",
        lang.code()
    );
    let back = local_path(q.back.as_deref().unwrap_or("/")).to_string();
    ([(header::SET_COOKIE, cookie)], Redirect::to(&back)).into_response()
}
