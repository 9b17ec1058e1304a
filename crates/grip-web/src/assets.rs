//! Static assets, compiled into the binary: the style sheet, htmx and Grip's small script.

use crate::AppState;
use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

const CSS: &str = include_str!("../assets/grip.css");
const SCRIPT: &str = include_str!("../assets/grip.js");
const HTMX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/htmx.min.js"));
const ICON: &str = include_str!("../assets/favicon.svg");

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/assets/grip.css",
            get(|| async { asset("text/css; charset=utf-8", CSS.as_bytes()) }),
        )
        .route(
            "/assets/grip.js",
            get(|| async { asset("text/javascript; charset=utf-8", SCRIPT.as_bytes()) }),
        )
        .route(
            "/assets/htmx.min.js",
            get(|| async { asset("text/javascript; charset=utf-8", HTMX) }),
        )
        .route(
            "/favicon.svg",
            get(|| async { asset("image/svg+xml", ICON.as_bytes()) }),
        )
}

fn asset(content_type: &'static str, body: &'static [u8]) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
}
