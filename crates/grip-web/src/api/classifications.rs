//! Per dossier: PUT /api/v1/dossiers/{id}/profile (classify and store), GET
//! .../classifications (history, newest first), GET .../obligations and
//! PUT .../obligations/{obligation_id} (follow-up status).

use std::collections::BTreeMap;

use super::classification_result::{ApiChanges, ApiClassificationResult, ApiTraceStep};
use super::classify::AsOfQuery;
use super::problem::{ApiError, Problem, json_rejection};
use super::system_profile::SystemProfile;
use super::{ApiQuery, List, PageParams};
use crate::AppState;
use crate::auth::ApiActor;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use grip_app::classification::{self, StoredClassification, Submission};
use grip_app::rfc3339_ms;
use grip_core::obligation::Obligation;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::default()
        .routes(routes!(put_profile))
        .routes(routes!(history))
        .routes(routes!(obligations))
        .routes(routes!(set_status))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileBody {
    /// The `grip.system-profile/1` object.
    #[schema(value_type = SystemProfile)]
    pub profile: serde_json::Value,
    /// Per question (profile path) the answer as given, e.g. `"unknown"` or `"vraag leverancier"`.
    #[serde(default)]
    pub answers: BTreeMap<String, String>,
    /// Per profile path, why the answer is what it is.
    #[serde(default)]
    pub justifications: BTreeMap<String, String>,
    /// YYYY-MM-DD; default today.
    #[serde(default)]
    pub as_of: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiPack {
    pub id: String,
    pub version: String,
    /// SHA-256 of the pack files; replays use the pack with this hash.
    pub content_hash: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiClassification {
    pub id: String,
    pub dossier_id: String,
    pub classification: ApiClassificationResult,
    pub trace: Vec<ApiTraceStep>,
    /// The `grip.system-profile/1` object that was classified.
    #[schema(value_type = SystemProfile)]
    pub profile: serde_json::Value,
    pub answers: BTreeMap<String, String>,
    pub justifications: BTreeMap<String, String>,
    pub pack: ApiPack,
    pub as_of: String,
    pub created_by: String,
    pub created_at: String,
    /// What changed against the classification before it (null in history lists).
    pub changes: Option<ApiChanges>,
}

impl From<StoredClassification> for ApiClassification {
    fn from(s: StoredClassification) -> Self {
        ApiClassification {
            classification: s.classification.into(),
            trace: s.trace.into_iter().map(Into::into).collect(),
            changes: s.changes.map(Into::into),
            id: s.id,
            dossier_id: s.dossier_id,
            profile: s.profile,
            answers: s.answers,
            justifications: s.justifications,
            pack: ApiPack {
                id: s.pack_id,
                version: s.pack_version,
                content_hash: s.pack_hash,
            },
            as_of: s.as_of,
            created_by: s.created_by,
            created_at: rfc3339_ms(s.created_at),
        }
    }
}

#[utoipa::path(put, path = "/dossiers/{id}/profile", tag = "classification", request_body = ProfileBody,
    responses((status = 200, body = ApiClassification), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn put_profile(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    body: Result<Json<ProfileBody>, JsonRejection>,
) -> Result<Json<ApiClassification>, ApiError> {
    let Json(body) = body.map_err(json_rejection)?;
    let as_of = AsOfQuery { as_of: body.as_of }.date()?;
    let submission = Submission {
        profile: body.profile,
        answers: body.answers,
        justifications: body.justifications,
        as_of,
    };
    let stored = classification::record(&state.app, &actor, &id, submission).await?;
    Ok(Json(stored.into()))
}

#[utoipa::path(get, path = "/dossiers/{id}/classifications", tag = "classification", params(PageParams),
    responses((status = 200, body = List<ApiClassification>), (status = 404, body = Problem)))]
pub async fn history(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<PageParams>,
) -> Result<Json<List<ApiClassification>>, ApiError> {
    let page = classification::history(&state.app, &actor, &id, q.paging()?).await?;
    Ok(Json(List::from_page(page, ApiClassification::from)))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiObligation {
    pub id: String,
    pub article: String,
    /// deployer or provider.
    pub holder: String,
    pub summary_nl: String,
    pub summary_en: String,
    /// Who in the buying organisation typically picks this up.
    pub owner_nl: String,
    pub owner_en: String,
    /// YYYY-MM-DD.
    pub applies_from: String,
    /// open, in_progress, done or not_applicable.
    pub status: String,
    pub reason: String,
    pub classification_id: String,
    pub updated_at: String,
}

impl From<Obligation> for ApiObligation {
    fn from(o: Obligation) -> Self {
        ApiObligation {
            id: o.obligation_id,
            article: o.article,
            holder: o.holder,
            summary_nl: o.summary_nl,
            summary_en: o.summary_en,
            owner_nl: o.owner_nl,
            owner_en: o.owner_en,
            applies_from: o.applies_from,
            status: o.status.id().to_string(),
            reason: o.reason,
            classification_id: o.classification_id.into_string(),
            updated_at: rfc3339_ms(o.updated_at),
        }
    }
}

#[utoipa::path(get, path = "/dossiers/{id}/obligations", tag = "classification",
    responses((status = 200, body = List<ApiObligation>), (status = 404, body = Problem)))]
pub async fn obligations(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<List<ApiObligation>>, ApiError> {
    let rows = classification::obligations(&state.app, &actor, &id).await?;
    let total = rows.len() as i64;
    // All obligations of one classification fit one page; the list shape stays uniform.
    Ok(Json(List {
        items: rows.into_iter().map(ApiObligation::from).collect(),
        total,
        page: 1,
        per_page: total.max(1),
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ObligationStatusBody {
    /// open, in_progress, done or not_applicable.
    pub status: String,
    /// Required for not_applicable.
    #[serde(default)]
    pub reason: String,
}

#[utoipa::path(put, path = "/dossiers/{id}/obligations/{obligation_id}", tag = "classification", request_body = ObligationStatusBody,
    responses((status = 200, body = ApiObligation), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn set_status(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path((id, obligation_id)): Path<(String, String)>,
    body: Result<Json<ObligationStatusBody>, JsonRejection>,
) -> Result<Json<ApiObligation>, ApiError> {
    let Json(body) = body.map_err(json_rejection)?;
    let row = classification::set_obligation_status(
        &state.app,
        &actor,
        &id,
        &obligation_id,
        &body.status,
        &body.reason,
    )
    .await?;
    Ok(Json(row.into()))
}
