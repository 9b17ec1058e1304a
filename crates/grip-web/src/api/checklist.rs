//! /api/v1/dossiers/{id}/checklist: the role × phase checklist of the dossier's phase with
//! each item's status, and marking an item done, waived (with a reason) or open.

use super::ApiText;
use super::problem::{ApiError, Problem, json_rejection};
use crate::AppState;
use crate::auth::ApiActor;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use grip_app::checklists::{self, CheckStatus, PhaseChecklist};
use grip_core::dossier::FieldError;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::default()
        .routes(routes!(list))
        .routes(routes!(set_status))
}

#[utoipa::path(get, path = "/dossiers/{id}/checklist", tag = "checklist",
    responses((status = 200, body = ApiChecklist), (status = 404, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<ApiChecklist>, ApiError> {
    Ok(Json(
        checklists::for_dossier(&state.app, &actor, &id)
            .await?
            .into(),
    ))
}

/// The checklist of the dossier's current phase, for the roles of the viewer and the others.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiChecklist {
    /// The phase id, e.g. `specificatie`.
    pub phase: String,
    pub items: Vec<ApiChecklistItem>,
    /// The viewer may waive items.
    pub may_waive: bool,
}

/// One checklist item with its status on this dossier.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiChecklistItem {
    pub check: ApiCheck,
    /// `open`, `done`, `waived`, or `waiver_proposed` (a mandatory item waived by someone
    /// without its role; it holds the gate until a second person confirms).
    pub status: String,
    pub reason: Option<String>,
    pub set_by: Option<String>,
    /// Epoch milliseconds.
    pub set_at: Option<i64>,
    /// Who proposed the waiver (pending, or confirmed by `set_by`).
    pub proposed_by: Option<String>,
    /// The item belongs to one of the viewer's roles.
    pub mine: bool,
}

/// What the roles-phases knowledge pack says of an item.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiCheck {
    pub id: String,
    pub role: String,
    pub text: ApiText,
    /// Why this matters now.
    pub why: ApiText,
    /// Mandatory items must be done or waived with a reason before the phase gate.
    pub mandatory: bool,
    pub legal_basis: Option<String>,
}

impl From<PhaseChecklist> for ApiChecklist {
    fn from(list: PhaseChecklist) -> Self {
        ApiChecklist {
            phase: list.phase.to_string(),
            items: list
                .items
                .into_iter()
                .map(|i| ApiChecklistItem {
                    check: ApiCheck {
                        id: i.check.id,
                        role: i.check.role,
                        text: ApiText {
                            nl: i.check.text.nl,
                            en: i.check.text.en,
                        },
                        why: ApiText {
                            nl: i.check.why.nl,
                            en: i.check.why.en,
                        },
                        mandatory: i.check.mandatory,
                        legal_basis: i.check.legal_basis,
                    },
                    status: i.status.into(),
                    reason: i.reason,
                    set_by: i.set_by,
                    set_at: i.set_at,
                    proposed_by: i.proposed_by,
                    mine: i.mine,
                })
                .collect(),
            may_waive: list.may_waive,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckStatusBody {
    /// `done`, `waived` or `open`. A member holding the item's role waives it at once; anyone
    /// else allowed to waive proposes the waiver of a mandatory item, and a second person
    /// confirms it with `waived`; the proposer withdraws it with `open`.
    pub status: String,
    /// Required when waiving.
    #[serde(default)]
    pub reason: String,
}

#[utoipa::path(put, path = "/dossiers/{id}/checklist/{item}", tag = "checklist", request_body = CheckStatusBody,
    responses((status = 200, body = ApiChecklist, description = "the checklist after the change"), (status = 403, body = Problem), (status = 422, body = Problem), (status = 404, body = Problem)))]
pub async fn set_status(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path((id, item)): Path<(String, String)>,
    body: Result<Json<CheckStatusBody>, JsonRejection>,
) -> Result<Json<ApiChecklist>, ApiError> {
    let Json(b) = body.map_err(json_rejection)?;
    let status = CheckStatus::from_code(&b.status).ok_or_else(|| {
        ApiError(
            FieldError::new("status", "unknown_status", "invalid-checklist-status")
                .with("status", &b.status)
                .into(),
        )
    })?;
    checklists::set_status(&state.app, &actor, &id, &item, status, &b.reason).await?;
    Ok(Json(
        checklists::for_dossier(&state.app, &actor, &id)
            .await?
            .into(),
    ))
}
