//! /api/v1/dossiers/{id}/package: generate the tender package, edit its draft item by item,
//! freeze a version, start a revision, and download it as JSON, Markdown, DOCX or PDF.

use std::collections::BTreeMap;

use super::problem::{ApiError, Problem, json_rejection};
use super::tender_package::ApiPackageVersion;
use super::{ApiQuery, FileBytes};
use crate::AppState;
use crate::auth::ApiActor;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use grip_app::packages::{self, Direction, ExportFormat, ItemEdit, NewItem};
use grip_app::{AppError, classification::Lang};
use grip_core::dossier::FieldError;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::default()
        .routes(routes!(get_package, generate))
        .routes(routes!(add_item))
        .routes(routes!(edit_item, remove_item))
        .routes(routes!(move_item))
        .routes(routes!(freeze))
        .routes(routes!(revise))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PackageQuery {
    /// `json` (default: the stored version with state), `md`, `docx` or `pdf` for a download.
    pub format: Option<String>,
    /// A version number; default the newest.
    pub version: Option<i64>,
    /// `nl` (default) or `en`, for the downloads.
    pub lang: Option<String>,
    /// For the downloads: the supplier (id) the export is addressed to; it then also holds
    /// the questions quoting that supplier's own documents. Default: every bidder, with no
    /// quotes from any document. Downloads never carry Grip's internal reasons.
    pub supplier: Option<String>,
}

fn lang(code: Option<&str>) -> Result<Lang, ApiError> {
    match code.unwrap_or("nl") {
        "nl" => Ok(Lang::Nl),
        "en" => Ok(Lang::En),
        other => Err(ApiError(
            FieldError::new("lang", "unknown_language", "invalid-api-language")
                .with("lang", other)
                .into(),
        )),
    }
}

#[utoipa::path(get, path = "/dossiers/{id}/package", tag = "packages", params(PackageQuery),
    responses((status = 200, description = "without `format`: the stored version; with `format`: the document as an attachment (`format=json`: the `ApiTenderPackage` inside the version)",
            content(
                (ApiPackageVersion = "application/json"),
                (FileBytes = "text/markdown"),
                (FileBytes = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                (FileBytes = "application/pdf"),
            )),
        (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn get_package(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<PackageQuery>,
) -> Result<Response, ApiError> {
    let Some(name) = q.format.as_deref().filter(|f| !f.is_empty()) else {
        let stored = packages::get(&state.app, &actor, &id, q.version).await?;
        return Ok(Json(ApiPackageVersion::from(stored)).into_response());
    };
    let format = ExportFormat::parse(name).ok_or_else(|| {
        ApiError(
            FieldError::new("format", "unknown_format", "invalid-api-format")
                .with("format", name)
                .with("allowed", ExportFormat::NAMES)
                .into(),
        )
    })?;
    let exported = packages::export(
        &state.app,
        &actor,
        &id,
        q.version,
        format,
        lang(q.lang.as_deref())?,
        q.supplier.as_deref().filter(|s| !s.is_empty()),
    )
    .await?;
    Ok(crate::downloads::attachment_response(
        &exported.file_name,
        exported.media_type,
        exported.bytes,
    ))
}

#[derive(Debug, Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct GenerateBody {
    /// Scenario slot values: `time`, `place`, `incident`, `people`, `load`.
    #[serde(default)]
    pub slots: BTreeMap<String, String>,
}

#[utoipa::path(post, path = "/dossiers/{id}/package", tag = "packages", request_body(content = GenerateBody, description = "optional"),
    responses((status = 201, body = ApiPackageVersion, description = "the generated draft version"), (status = 403, body = Problem), (status = 422, body = Problem), (status = 404, body = Problem)))]
pub async fn generate(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    body: Option<Json<GenerateBody>>,
) -> Result<Response, ApiError> {
    let body = body.map(|b| b.0).unwrap_or_default();
    let stored = packages::generate(&state.app, &actor, &id, &body.slots).await?;
    Ok((StatusCode::CREATED, Json(ApiPackageVersion::from(stored))).into_response())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EditBody {
    pub text_nl: Option<String>,
    pub text_en: Option<String>,
    /// `knock_out`, `award` or `information`.
    #[serde(rename = "use")]
    pub use_: Option<String>,
    /// 0 to 100; `null` clears it. Leave the field out to keep the weight.
    #[serde(default, with = "double_option")]
    #[schema(value_type = Option<i64>)]
    pub weight: Option<Option<i64>>,
}

/// Tells a missing field (keep) from an explicit `null` (clear).
mod double_option {
    use serde::{Deserialize, Deserializer};
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<i64>>, D::Error> {
        Option::<i64>::deserialize(d).map(Some)
    }
}

fn parse_use(name: Option<&str>) -> Result<Option<packages::Use>, ApiError> {
    name.map(|n| {
        packages::parse_use(n).ok_or_else(|| {
            ApiError(
                FieldError::new("use", "unknown_use", "invalid-api-use")
                    .with("use", n)
                    .into(),
            )
        })
    })
    .transpose()
}

async fn current(
    state: &AppState,
    actor: &grip_app::Actor,
    id: &str,
) -> Result<Response, ApiError> {
    let stored = packages::get(&state.app, actor, id, None).await?;
    Ok(Json(ApiPackageVersion::from(stored)).into_response())
}

#[utoipa::path(patch, path = "/dossiers/{id}/package/items/{key}", tag = "packages", request_body = EditBody,
    responses((status = 200, body = ApiPackageVersion, description = "the draft after the change"), (status = 409, body = Problem), (status = 422, body = Problem), (status = 404, body = Problem)))]
pub async fn edit_item(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path((id, key)): Path<(String, String)>,
    body: Result<Json<EditBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(b) = body.map_err(json_rejection)?;
    let edit = ItemEdit {
        text_nl: b.text_nl,
        text_en: b.text_en,
        use_: parse_use(b.use_.as_deref())?,
        weight: b.weight,
    };
    packages::edit_item(&state.app, &actor, &id, &key, &edit).await?;
    current(&state, &actor, &id).await
}

#[utoipa::path(delete, path = "/dossiers/{id}/package/items/{key}", tag = "packages",
    responses((status = 200, body = ApiPackageVersion, description = "the draft after the change"), (status = 409, body = Problem), (status = 422, body = Problem), (status = 404, body = Problem)))]
pub async fn remove_item(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path((id, key)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    packages::remove_item(&state.app, &actor, &id, &key).await?;
    current(&state, &actor, &id).await
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemMoveBody {
    /// `up` or `down`.
    pub direction: String,
}

#[utoipa::path(post, path = "/dossiers/{id}/package/items/{key}/move", tag = "packages", request_body = ItemMoveBody,
    responses((status = 200, body = ApiPackageVersion, description = "the draft after the change"), (status = 409, body = Problem), (status = 422, body = Problem), (status = 404, body = Problem)))]
pub async fn move_item(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path((id, key)): Path<(String, String)>,
    body: Result<Json<ItemMoveBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(b) = body.map_err(json_rejection)?;
    let direction = match b.direction.as_str() {
        "up" => Direction::Up,
        "down" => Direction::Down,
        other => {
            return Err(ApiError(
                FieldError::new("direction", "unknown_direction", "invalid-api-direction")
                    .with("direction", other)
                    .into(),
            ));
        }
    };
    packages::move_item(&state.app, &actor, &id, &key, direction).await?;
    current(&state, &actor, &id).await
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddBody {
    /// The key of an item the generator selects for this dossier (to put back a removed one).
    pub knowledge_key: Option<String>,
    /// For an own item: `disclosure`, `probing`, `scenario`, `requirement`, `clause`, `award`.
    pub section: Option<String>,
    pub text_nl: Option<String>,
    pub text_en: Option<String>,
    #[serde(rename = "use")]
    pub use_: Option<String>,
}

#[utoipa::path(post, path = "/dossiers/{id}/package/items", tag = "packages", request_body = AddBody,
    responses((status = 201, body = ApiPackageVersion, description = "the draft after the change"), (status = 409, body = Problem), (status = 422, body = Problem), (status = 404, body = Problem)))]
pub async fn add_item(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    body: Result<Json<AddBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(b) = body.map_err(json_rejection)?;
    let new = match (b.knowledge_key, b.section) {
        (Some(key), None) => NewItem::Knowledge { key },
        (None, Some(section)) => NewItem::Own {
            section: packages::parse_section(&section).ok_or_else(|| {
                ApiError(
                    FieldError::new("section", "unknown_section", "invalid-api-section")
                        .with("section", &section)
                        .into(),
                )
            })?,
            text_nl: b.text_nl.unwrap_or_default(),
            text_en: b.text_en.unwrap_or_default(),
            use_: parse_use(b.use_.as_deref())?.unwrap_or(packages::Use::Information),
        },
        _ => {
            return Err(ApiError(AppError::invalid(
                "body",
                "knowledge_key_or_section",
                "invalid-api-item-source",
            )));
        }
    };
    packages::add_item(&state.app, &actor, &id, &new).await?;
    let stored = packages::get(&state.app, &actor, &id, None).await?;
    Ok((StatusCode::CREATED, Json(ApiPackageVersion::from(stored))).into_response())
}

#[derive(Debug, Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct FreezeBody {
    /// When given, must be the current draft's version.
    pub expected_version: Option<i64>,
    /// Freezes a draft whose dossier changed since it was generated (new classification,
    /// new screening findings, other category), with this reason; without it such a freeze
    /// is refused (409) naming the changes.
    pub stale_reason: Option<String>,
}

#[utoipa::path(post, path = "/dossiers/{id}/package/freeze", tag = "packages", request_body(content = FreezeBody, description = "optional"),
    responses((status = 200, body = ApiPackageVersion, description = "the frozen version with its content hash"), (status = 409, body = Problem), (status = 422, body = Problem), (status = 404, body = Problem)))]
pub async fn freeze(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    body: Option<Json<FreezeBody>>,
) -> Result<Response, ApiError> {
    let body = body.map(|b| b.0).unwrap_or_default();
    let stored = packages::freeze(
        &state.app,
        &actor,
        &id,
        body.expected_version,
        body.stale_reason.as_deref(),
    )
    .await?;
    Ok(Json(ApiPackageVersion::from(stored)).into_response())
}

#[utoipa::path(post, path = "/dossiers/{id}/package/revise", tag = "packages",
    responses((status = 201, body = ApiPackageVersion, description = "a new draft version copied from the newest frozen one"), (status = 409, body = Problem), (status = 404, body = Problem)))]
pub async fn revise(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let stored = packages::revise(&state.app, &actor, &id).await?;
    Ok((StatusCode::CREATED, Json(ApiPackageVersion::from(stored))).into_response())
}
