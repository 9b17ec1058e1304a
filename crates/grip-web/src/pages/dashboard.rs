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
use grip_app::{Paging, dossiers};
use grip_store::audit::AuditRow;

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
    events: Vec<AuditRow>,
}

async fn dashboard(State(state): State<AppState>, viewer: Viewer) -> Result<Response, PageError> {
    let app = &state.app;
    let counts = dossiers::counts_per_phase(app, &viewer.actor).await?;
    let events =
        grip_app::audit::list(app, &viewer.actor, None, Paging::new(Some(1), Some(15))).await?;
    let org = grip_app::organisation(app).await?;
    render(&DashboardPage {
        organisation: org
            .as_ref()
            .map(|o| o.name.clone())
            .unwrap_or_else(|| "Grip".into()),
        demo: org.is_some_and(|o| o.is_demo == 1),
        phase_counts: counts
            .into_iter()
            .map(|(p, n)| (p.id(), viewer.lang.phase(p), n))
            .collect(),
        events: events.items,
        shell: Shell::new(&viewer, "dashboard", "/"),
    })
}
