//! Sign-in and sign-out pages, and the language switch.

use crate::AppState;
use crate::auth::{ClientAddress, LANG_COOKIE, PageLang, Viewer, session_cookie};
use crate::error::{PageError, message_of, render};
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
    /// Why the last attempt was refused, in the reader's language.
    refusal: Option<String>,
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
        refusal: None,
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
    ClientAddress(address): ClientAddress,
    Form(form): Form<LoginForm>,
) -> Result<Response, PageError> {
    let next = local_path(&form.next).to_string();
    let attempt = auth::sign_in_from(
        &state.app,
        &form.username,
        &form.password,
        address.as_deref(),
    );
    match attempt.await {
        Ok(signed) => {
            let cookie = session_cookie(
                &signed.session_secret,
                state.config.secure_cookies,
                auth::SESSION_ABSOLUTE_MS / 1000,
            );
            Ok(([(header::SET_COOKIE, cookie)], Redirect::to(&next)).into_response())
        }
        Err(err @ (AppError::Unauthenticated | AppError::TooManyAttempts { .. })) => {
            let (status, refusal, retry_after) = match &err {
                AppError::TooManyAttempts { retry_after_secs } => {
                    let (nl, en) = message_of(&err);
                    let text = lang.pick(&nl, &en).to_string();
                    (StatusCode::TOO_MANY_REQUESTS, text, Some(*retry_after_secs))
                }
                _ => (
                    StatusCode::UNAUTHORIZED,
                    lang.t("sign_in_failed").to_string(),
                    None,
                ),
            };
            let page = LoginPage {
                shell: Shell::anonymous(lang, "/login")
                    .at_organisation(state.organisation_name().await),
                next,
                username: form.username.chars().take(64).collect(),
                refusal: Some(refusal),
            };
            let mut response = (status, render(&page)?).into_response();
            if let Some(secs) = retry_after {
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, secs.into());
            }
            Ok(response)
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
