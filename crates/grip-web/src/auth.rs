//! Who is asking: the signed-in person of a browser session (cookie), or the holder of an API
//! token (Authorization: Bearer). Pages send the anonymous to the sign-in page; the API
//! answers 401 with a problem object.

use crate::AppState;
use crate::api::problem::ApiError;
use crate::i18n::Lang;
use axum::extract::{FromRef, FromRequestParts, OptionalFromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use grip_app::{Actor, AppError, auth};

pub const SESSION_COOKIE: &str = "grip_session";
pub const LANG_COOKIE: &str = "grip_lang";

pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

pub fn lang_of(headers: &HeaderMap) -> Lang {
    cookie(headers, LANG_COOKIE)
        .and_then(Lang::parse)
        .unwrap_or_default()
}

pub fn session_cookie(value: &str, secure: bool, max_age_secs: i64) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!(
        "{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{secure}"
    )
}

/// The language of the request, for pages anyone may see.
pub struct PageLang(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for PageLang {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(PageLang(lang_of(&parts.headers)))
    }
}

/// The address a request came from, when the server knows it (the binary serves with the
/// peer address; tests that call the router directly do not).
pub struct ClientAddress(pub Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>();
        Ok(ClientAddress(peer.map(|c| c.0.ip().to_string())))
    }
}

/// A signed-in person using the web pages.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub actor: Actor,
    pub lang: Lang,
    pub session_secret: String,
    /// The organisation's name, for the page frame.
    pub organisation: String,
    /// Open escalations waiting for this person (the inbox count in the page frame).
    pub inbox: i64,
}

impl<S> FromRequestParts<S> for Viewer
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match <Viewer as OptionalFromRequestParts<S>>::from_request_parts(parts, state).await? {
            Some(viewer) => Ok(viewer),
            None => {
                let next = parts
                    .uri
                    .path_and_query()
                    .map(|p| p.as_str())
                    .unwrap_or("/");
                let target = format!(
                    "/login?next={}",
                    percent_encoding::utf8_percent_encode(next, percent_encoding::NON_ALPHANUMERIC)
                );
                Err(Redirect::to(&target).into_response())
            }
        }
    }
}

impl<S> OptionalFromRequestParts<S> for Viewer
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &S,
    ) -> Result<Option<Self>, Self::Rejection> {
        let state = AppState::from_ref(state);
        let Some(secret) = cookie(&parts.headers, SESSION_COOKIE) else {
            return Ok(None);
        };
        let actor = auth::session_actor(&state.app, secret)
            .await
            .map_err(|e| crate::error::PageError::from(e).into_response())?;
        let Some(actor) = actor else {
            return Ok(None);
        };
        // A count the frame can do without: a failure shows no number rather than no page.
        let inbox = grip_app::escalations::inbox_count(&state.app, &actor)
            .await
            .unwrap_or(0);
        Ok(Some(Viewer {
            actor,
            lang: lang_of(&parts.headers),
            session_secret: secret.to_string(),
            organisation: state.organisation_name().await,
            inbox,
        }))
    }
}

/// The holder of a valid API token.
#[derive(Debug, Clone)]
pub struct ApiActor(pub Actor);

impl<S> FromRequestParts<S> for ApiActor
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let state = AppState::from_ref(state);
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .ok_or(ApiError(AppError::Unauthenticated))?;
        match auth::token_actor(&state.app, token).await? {
            Some(actor) => Ok(ApiActor(actor)),
            None => Err(ApiError(AppError::Unauthenticated)),
        }
    }
}
