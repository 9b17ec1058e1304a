//! The inventory of procured systems with (possible) AI, searchable, with manual additions.

use crate::AppState;
use crate::auth::Viewer;
use crate::error::{PageError, render, status_of};
use crate::pages::{Pager, page_param};
use crate::shell::Shell;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use grip_app::inventory::{self, InventoryInput};
use grip_app::{Action, AppError, Paging};
use grip_core::inventory::InventoryItem;
use grip_core::inventory::{AiExposure, SystemStatus};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new().route("/inventory", get(list).post(add))
}

#[derive(Template)]
#[template(path = "inventory.html")]
struct InventoryPage {
    shell: Shell,
    q: String,
    items: Vec<InventoryItem>,
    pager: Pager,
    may_manage: bool,
    exposures: Vec<&'static str>,
    statuses: Vec<&'static str>,
    errors: Vec<String>,
}

#[derive(Deserialize, Default)]
struct ListQuery {
    q: Option<String>,
    page: Option<String>,
}

async fn page(
    state: &AppState,
    viewer: &Viewer,
    q: &ListQuery,
    errors: Vec<String>,
) -> Result<InventoryPage, PageError> {
    let query: String = q.q.clone().unwrap_or_default().chars().take(200).collect();
    let list = inventory::list(
        &state.app,
        &viewer.actor,
        Some(&query).filter(|s| !s.is_empty()).map(|s| s.as_str()),
        Paging::new(page_param(&q.page), Some(50)),
    )
    .await?;
    Ok(InventoryPage {
        shell: Shell::new(viewer, "inventory", "/inventory"),
        pager: Pager::new("/inventory", &list, &[("q", &query)]),
        items: list.items,
        q: query,
        may_manage: viewer.actor.may(Action::ManageInventory),
        exposures: AiExposure::ALL.iter().map(|e| e.code()).collect(),
        statuses: SystemStatus::ALL.iter().map(|s| s.code()).collect(),
        errors,
    })
}

async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<ListQuery>,
) -> Result<Response, PageError> {
    render(&page(&state, &viewer, &q, Vec::new()).await?)
}

async fn add(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<InventoryInput>,
) -> Result<Response, PageError> {
    match inventory::create(&state.app, &viewer.actor, &form).await {
        Ok(_) => Ok(Redirect::to(&format!(
            "/inventory?q={}",
            percent_encoding::utf8_percent_encode(
                form.name.trim(),
                percent_encoding::NON_ALPHANUMERIC
            )
        ))
        .into_response()),
        Err(AppError::Invalid(errors)) => {
            let messages = errors.iter().map(|e| viewer.lang.field_error(e)).collect();
            let status = status_of(&AppError::Invalid(errors));
            Ok((
                status,
                render(&page(&state, &viewer, &ListQuery::default(), messages).await?)?,
            )
                .into_response())
        }
        Err(other) => Err(other.into()),
    }
}
