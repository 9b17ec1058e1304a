//! /api/v1/register: entries in the Algorithm Register's publication standard 1.0, imported
//! from supplier files and exported for the register.

use super::problem::{ApiError, Problem};
use crate::AppState;
use crate::auth::ApiActor;
use axum::Json;
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use grip_app::classification::Lang;
use grip_app::register::{self, ImportedFile};
use grip_register::{Destination, Finding};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::default()
        .routes(routes!(export))
        .routes(routes!(import).layer(DefaultBodyLimit::max(
            grip_register::read::MAX_FILE_BYTES + 1024 * 1024,
        )))
}

/// A remark on one field of one entry, in both languages.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiFinding {
    /// The entry's position in the file (from 1).
    pub entry: usize,
    /// The standard's key of the field.
    pub field: String,
    pub nl: String,
    pub en: String,
}

impl From<&Finding> for ApiFinding {
    fn from(f: &Finding) -> Self {
        ApiFinding {
            entry: f.entry,
            field: f.key.clone(),
            nl: f.describe(Lang::Nl),
            en: f.describe(Lang::En),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiLeftOut {
    pub system: String,
    /// `eu_database_non_public`, `not_published` or `incomplete`.
    pub why: String,
    pub reason_nl: String,
    pub reason_en: String,
    /// For `incomplete`: the fields still to fill or fix.
    pub problems: Vec<ApiFinding>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ApiLink {
    pub title: String,
    pub link: Option<String>,
}

/// One entry in the Algorithm Register publication standard 1.0: the standard's own keys;
/// HTML fields hold only `div`, `br`, `p`, `ul`, `ol` and `li`; empty fields are null.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ApiStandardEntry {
    pub name: String,
    pub description_short: String,
    pub organization: String,
    pub category: Option<Vec<String>>,
    /// In ontwikkeling, In gebruik or Buiten gebruik.
    pub status: String,
    pub begin_date: Option<String>,
    pub end_date: Option<String>,
    pub contact_email: String,
    pub website: Option<String>,
    /// Hoog-risico AI-systeem, Impactvolle algoritmes or Overige algoritmes.
    pub publication_category: String,
    pub url: Option<String>,
    pub goal: Option<String>,
    pub proportionality: Option<String>,
    pub human_intervention: Option<String>,
    pub risks: Option<String>,
    pub lawful_basis: Option<String>,
    pub lawful_basis_grouping: Option<Vec<ApiLink>>,
    pub process_index_url: Option<String>,
    pub impacttoetsen_grouping: Option<Vec<ApiLink>>,
    pub impacttoetsen: Option<String>,
    pub source_data: Option<String>,
    pub source_data_grouping: Option<Vec<ApiLink>>,
    pub methods_and_models: Option<String>,
    pub provider: Option<String>,
    pub publiccode: Option<String>,
    /// Always nld.
    pub lang: String,
    pub standard_version: Option<String>,
    pub source_id: Option<String>,
    pub tags: Option<String>,
    pub lars: Option<String>,
    pub publication_dt: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiRegisterExport {
    /// Entries valid under publication standard 1.0, ready for the register.
    pub entries: Vec<ApiStandardEntry>,
    pub left_out: Vec<ApiLeftOut>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// One system (inventory id); default every system with a register entry.
    pub system: Option<String>,
}

#[utoipa::path(get, path = "/register/export", tag = "register", params(ExportQuery),
    responses((status = 200, body = ApiRegisterExport), (status = 404, body = Problem)))]
pub async fn export(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Query(q): Query<ExportQuery>,
) -> Result<Json<ApiRegisterExport>, ApiError> {
    let report = register::export(&state.app, &actor, q.system.as_deref()).await?;
    let mut left_out: Vec<ApiLeftOut> = report
        .withheld
        .into_iter()
        .map(|(system, p)| ApiLeftOut {
            system,
            why: match p.destination {
                Destination::NotPublished => "not_published",
                _ => "eu_database_non_public",
            }
            .into(),
            reason_nl: p.reason.nl,
            reason_en: p.reason.en,
            problems: Vec::new(),
        })
        .collect();
    left_out.extend(
        report
            .incomplete
            .into_iter()
            .map(|(system, problems)| ApiLeftOut {
                system,
                why: "incomplete".into(),
                reason_nl: "Nog niet compleet volgens de standaard.".into(),
                reason_en: "Not yet complete under the standard.".into(),
                problems: problems.iter().map(ApiFinding::from).collect(),
            }),
    );
    let entries = report
        .entries
        .into_iter()
        .map(|fields| serde_json::from_value(serde_json::Value::Object(fields)))
        .collect::<Result<Vec<ApiStandardEntry>, _>>()
        .map_err(|e| grip_app::AppError::Internal(format!("register export: {e}")))?;
    Ok(Json(ApiRegisterExport { entries, left_out }))
}

/// The form of a register file upload.
#[derive(ToSchema)]
#[expect(dead_code, reason = "describes the form; the upload reader reads it")]
pub struct RegisterUpload {
    /// The register's listing, or entries in publication standard 1.0 (JSON, at most 20 MB).
    #[schema(value_type = super::FileBytes)]
    file: (),
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiSystemRef {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiRegisterImport {
    /// `listing` (the register's public listing) or `standard` (entries in standard 1.0).
    pub kind: String,
    pub imported: usize,
    pub skipped: usize,
    /// For `standard`: the systems made or found, in file order.
    pub systems: Vec<ApiSystemRef>,
    /// What was corrected or set aside while reading.
    pub notes: Vec<ApiFinding>,
}

#[utoipa::path(post, path = "/register/import", tag = "register",
    request_body(content = RegisterUpload, content_type = "multipart/form-data", description = "field `file`: a register file; refused as a whole when any entry holds a value the standard cannot hold"),
    responses((status = 201, body = ApiRegisterImport), (status = 413, body = Problem), (status = 415, body = Problem), (status = 422, body = Problem)))]
pub async fn import(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    super::ApiMultipart(multipart): super::ApiMultipart,
) -> Result<Response, ApiError> {
    let ((_, bytes), _) =
        crate::uploads::read_document_form(multipart, grip_register::read::MAX_FILE_BYTES).await?;
    let body = match register::import_file(&state.app, &actor, &bytes).await? {
        ImportedFile::Listing(r) => ApiRegisterImport {
            kind: "listing".into(),
            imported: r.imported,
            skipped: r.skipped,
            systems: Vec::new(),
            notes: Vec::new(),
        },
        ImportedFile::Standard(r) => ApiRegisterImport {
            kind: "standard".into(),
            imported: r.imported,
            skipped: r.skipped,
            systems: r
                .items
                .into_iter()
                .map(|(id, name)| ApiSystemRef { id, name })
                .collect(),
            notes: r.notes.iter().map(ApiFinding::from).collect(),
        },
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}
