//! /api/v1/audit-events: the audit trail, newest first, optionally for one dossier.

use super::problem::{ApiError, Problem};
use super::{ApiQuery, List, PageParams};
use crate::AppState;
use crate::auth::ApiActor;
use axum::Json;
use axum::extract::State;
use grip_app::rfc3339_ms;
use grip_core::audit::StoredEvent;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::default().routes(routes!(events))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiAuditEvent {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub dossier_id: Option<String>,
    pub kind: String,
    #[schema(value_type = Object)]
    pub payload: serde_json::Value,
    pub prev_hash: String,
    pub hash: String,
}

impl From<StoredEvent> for ApiAuditEvent {
    fn from(e: StoredEvent) -> Self {
        ApiAuditEvent {
            seq: e.seq,
            at: rfc3339_ms(e.at_ms),
            actor: e.actor,
            dossier_id: e.dossier,
            kind: e.kind,
            payload: serde_json::from_str(&e.payload)
                .unwrap_or(serde_json::Value::String(e.payload)),
            prev_hash: e.prev_hash,
            hash: e.hash,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    pub dossier_id: Option<String>,
    pub page: Option<String>,
    pub per_page: Option<String>,
}

#[utoipa::path(get, path = "/audit-events", tag = "audit", params(AuditQuery),
    responses((status = 200, body = List<ApiAuditEvent>), (status = 401, body = Problem)))]
pub async fn events(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiQuery(q): ApiQuery<AuditQuery>,
) -> Result<Json<List<ApiAuditEvent>>, ApiError> {
    let paging = PageParams {
        page: q.page,
        per_page: q.per_page,
    }
    .paging()?;
    let page = grip_app::audit::list(
        &state.app,
        &actor,
        q.dossier_id.as_deref().filter(|s| !s.is_empty()),
        paging,
    )
    .await?;
    Ok(Json(List::from_page(page, ApiAuditEvent::from)))
}
