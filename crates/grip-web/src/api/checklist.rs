//! /api/v1/dossiers/{id}/checklist: the role × phase checklist of the dossier's phase with
//! each item's status, and marking an item done, waived (with a reason) or open.

use super::problem::{ApiError, Problem, json_rejection};
use crate::AppState;
use crate::auth::ApiActor;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::routing::{get, put};
use axum::{Json, Router};
use grip_app::checklists::{self, CheckStatus, PhaseChecklist};
use grip_core::dossier::FieldError;
use serde::Deserialize;
use utoipa::ToSchema;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/dossiers/{id}/checklist", get(list))
        .route("/dossiers/{id}/checklist/{item}", put(set_status))
}

#[utoipa::path(get, path = "/api/v1/dossiers/{id}/checklist", tag = "checklist",
    responses((status = 200, description = "`phase`, `items` (each with `check`, `status`, `reason`, `mine`) and `may_waive`"), (status = 404, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<PhaseChecklist>, ApiError> {
    Ok(Json(
        checklists::for_dossier(&state.app, &actor, &id).await?,
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusBody {
    /// `done`, `waived` or `open`.
    pub status: String,
    /// Required when waiving.
    #[serde(default)]
    pub reason: String,
}

#[utoipa::path(put, path = "/api/v1/dossiers/{id}/checklist/{item}", tag = "checklist", request_body = StatusBody,
    responses((status = 200, description = "the checklist after the change"), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn set_status(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path((id, item)): Path<(String, String)>,
    body: Result<Json<StatusBody>, JsonRejection>,
) -> Result<Json<PhaseChecklist>, ApiError> {
    let Json(b) = body.map_err(json_rejection)?;
    let status = CheckStatus::parse(&b.status).ok_or_else(|| {
        ApiError(
            FieldError::new("status", "unknown_status", "invalid-checklist-status")
                .with("status", &b.status)
                .into(),
        )
    })?;
    checklists::set_status(&state.app, &actor, &id, &item, status, &b.reason).await?;
    Ok(Json(
        checklists::for_dossier(&state.app, &actor, &id).await?,
    ))
}
