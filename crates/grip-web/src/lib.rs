//! Grip's HTTP face: server-rendered pages (askama, with htmx for in-page updates), the REST
//! API under /api/v1 with its OpenAPI document, sign-in, CSRF protection and security headers.
//! Handlers only translate HTTP to grip-app use cases; they never touch SQL.

mod activity;
mod api;
mod assets;
mod auth;
mod csrf;
mod downloads;
mod error;
mod headers;
pub mod i18n;
mod pages;
mod shell;
mod uploads;

use axum::Router;
use grip_app::App;
use std::sync::Arc;

pub use api::openapi_json;

/// Settings of the web server process.
#[derive(Debug, Clone, Default)]
pub struct WebConfig {
    /// Mark cookies `Secure` (set when Grip is served over HTTPS).
    pub secure_cookies: bool,
}

#[derive(Clone)]
pub struct AppState {
    pub app: App,
    pub config: Arc<WebConfig>,
    /// The organisation's name for the page header, read once it exists.
    organisation: Arc<tokio::sync::OnceCell<String>>,
}

impl AppState {
    /// The organisation's name, or an empty text before it has been set up (not remembered
    /// then, so the name shows as soon as `grip demo` or setup has created it).
    pub async fn organisation_name(&self) -> String {
        if let Some(name) = self.organisation.get() {
            return name.clone();
        }
        match grip_app::organisation::get(&self.app).await {
            Ok(Some(org)) => self
                .organisation
                .get_or_init(|| async { org.name })
                .await
                .clone(),
            _ => String::new(),
        }
    }
}

/// The whole web application: pages, API, assets, with CSRF and security headers on all.
pub fn router(app: App, config: WebConfig) -> Router {
    let state = AppState {
        app,
        config: Arc::new(config),
        organisation: Arc::default(),
    };
    Router::new()
        .merge(pages::routes())
        .merge(api::routes())
        .merge(assets::routes())
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            error::localise,
        ))
        .layer(axum::middleware::from_fn(csrf::refuse_cross_site))
        .layer(axum::middleware::from_fn_with_state(
            state.config.secure_cookies,
            headers::add_security_headers,
        ))
        .layer(tower_http::trace::TraceLayer::new_for_http())
        .with_state(state)
}
