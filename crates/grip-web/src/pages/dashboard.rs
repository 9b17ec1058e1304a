//! The dashboard: dossiers per phase and recent activity.

use crate::AppState;
use crate::auth::Viewer;
use crate::error::{PageError, render};
use crate::shell::Shell;
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use grip_core::audit::StoredEvent;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(dashboard))
        .route("/healthz", get(|| async { "ok" }))
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    shell: Shell,
    organisation: String,
    demo: bool,
    phase_counts: Vec<(&'static str, &'static str, i64)>,
    events: Vec<StoredEvent>,
}

async fn dashboard(State(state): State<AppState>, viewer: Viewer) -> Result<Response, PageError> {
    let view = grip_app::views::dashboard::dashboard(&state.app, &viewer.actor).await?;
    let org = view.organisation;
    render(&DashboardPage {
        organisation: org
            .as_ref()
            .map(|o| o.name.clone())
            .unwrap_or_else(|| "Grip".into()),
        demo: org.is_some_and(|o| o.is_demo),
        phase_counts: view
            .phase_counts
            .into_iter()
            .map(|(p, n)| (p.id(), viewer.lang.phase(p), n))
            .collect(),
        events: view.recent,
        shell: Shell::new(&viewer, "dashboard", "/"),
    })
}
