//! POST /api/v1/triage: change notices and a `grip.contract-baseline/1` in, one
//! `grip.change-triage/1` object per notice out (in order). Stores nothing; a bad baseline is
//! a 422 problem with the reason.

use super::problem::{ApiError, Problem, json_rejection};
use crate::AppState;
use crate::auth::ApiActor;
use axum::Json;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use grip_app::AppError;
use grip_app::triage::{self, Baseline, Lang};
use grip_core::dossier::FieldError;
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Most notices one request may carry.
const MAX_NOTICES: usize = 200;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::default().routes(routes!(triage_notices))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TriageRequest {
    /// A `grip.contract-baseline/1` object.
    #[schema(value_type = ApiBaseline)]
    pub baseline: serde_json::Value,
    /// The notices, each as text (a release note, an e-mail).
    pub notices: Vec<NoticeText>,
    /// Language of the reasons: `nl` (default) or `en`.
    #[serde(default)]
    pub lang: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NoticeText {
    /// A name for the notice, e.g. the file name or the e-mail subject.
    pub name: String,
    pub text: String,
}

/// A `grip.contract-baseline/1` object: what the supplier declared about AI at signature.
#[derive(Debug, ToSchema)]
#[allow(dead_code)] // documents the request shape; the body is read as JSON and checked
pub struct ApiBaseline {
    /// Always `grip.contract-baseline/1`.
    schema: String,
    system: String,
    supplier: Option<String>,
    components: Vec<ApiBaselineComponent>,
    classification: Option<ApiBaselineClassification>,
    conditions: Option<Vec<String>>,
}

#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub struct ApiBaselineComponent {
    name: String,
    purpose: Option<String>,
    ai: bool,
    categories: Option<Vec<String>>,
    model: Option<String>,
    version: Option<String>,
    provider: Option<String>,
    /// `on_device`, `on_premises`, `cloud_eu`, `cloud_non_eu` or `unknown`.
    deployment: Option<String>,
    switchable: Option<bool>,
}

#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub struct ApiBaselineClassification {
    verdict: Option<String>,
    annex_iii_points: Option<Vec<String>>,
}

/// A `grip.change-triage/1` object (the published contract `change-triage.schema.json`).
#[derive(Debug, serde::Serialize, ToSchema)]
pub struct ApiChangeTriage {
    /// Always `grip.change-triage/1`.
    pub schema: String,
    pub notice: ApiNotice,
    /// `adds_ai`, `changes_ai`, `removes_ai`, `no_ai_impact` or `unreadable`.
    pub impact: String,
    /// `no_impact`, `reassess`, `escalate` or `unreadable`.
    pub triage: String,
    pub categories: Vec<String>,
    pub new_categories: Vec<String>,
    pub affected_components: Vec<String>,
    pub annex_iii_hints: Vec<String>,
    pub findings: Vec<ApiChangeFinding>,
    pub reasons: Vec<String>,
    pub error: Option<String>,
}

#[derive(Debug, serde::Serialize, ToSchema)]
pub struct ApiNotice {
    pub name: String,
    /// `pdf`, `docx`, `odt`, `html`, `txt` or `md`.
    pub format: String,
    pub chars: u64,
    /// `nl`, `en`, `mixed` or `unknown`.
    pub language: String,
}

#[derive(Debug, serde::Serialize, ToSchema)]
pub struct ApiChangeFinding {
    pub indicator: String,
    pub category: String,
    pub excerpt: String,
    pub start: u64,
    pub end: u64,
    pub negated: bool,
    /// `adds`, `changes`, `removes` or `mentions`.
    pub change: String,
}

impl From<triage::ChangeTriage> for ApiChangeTriage {
    fn from(t: triage::ChangeTriage) -> Self {
        let change = |k: grip_app::triage::ChangeKind| {
            serde_json::to_value(k)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default()
        };
        ApiChangeTriage {
            schema: t.schema,
            notice: ApiNotice {
                name: t.notice.name,
                format: t.notice.format.as_str().into(),
                chars: t.notice.chars as u64,
                language: t.notice.language.as_str().into(),
            },
            impact: t.impact.as_str().into(),
            triage: t.triage.as_str().into(),
            categories: t.categories,
            new_categories: t.new_categories,
            affected_components: t.affected_components,
            annex_iii_hints: t.annex_iii_hints,
            findings: t
                .findings
                .into_iter()
                .map(|f| ApiChangeFinding {
                    indicator: f.indicator,
                    category: f.category,
                    excerpt: f.excerpt,
                    start: f.start as u64,
                    end: f.end as u64,
                    negated: f.negated,
                    change: change(f.change),
                })
                .collect(),
            reasons: t.reasons,
            error: t.error,
        }
    }
}

#[utoipa::path(post, path = "/triage", tag = "contracts",
    request_body(content = TriageRequest, description = "a baseline and the notices to triage against it"),
    responses((status = 200, body = Vec<ApiChangeTriage>, description = "one `grip.change-triage/1` object per notice, in order; nothing is stored"),
        (status = 401, body = Problem), (status = 413, body = Problem), (status = 422, body = Problem)))]
pub async fn triage_notices(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    body: Result<Json<TriageRequest>, JsonRejection>,
) -> Result<Json<Vec<ApiChangeTriage>>, ApiError> {
    let Json(request) = body.map_err(json_rejection)?;
    let baseline = parse_baseline(request.baseline)?;
    let lang = match request.lang.as_deref() {
        None | Some("nl") => Lang::Nl,
        Some("en") => Lang::En,
        Some(_) => return Err(AppError::invalid("lang", "invalid_lang", "invalid-lang").into()),
    };
    if request.notices.len() > MAX_NOTICES {
        return Err(AppError::from(
            FieldError::new(
                "notices",
                "too_many_files",
                "invalid-too-many-files-per-form",
            )
            .with("max", MAX_NOTICES),
        )
        .into());
    }
    let files: Vec<(String, Vec<u8>)> = request
        .notices
        .into_iter()
        .map(|n| (n.name, n.text.into_bytes()))
        .collect();
    let app = state.app.clone();
    // Extraction and matching are CPU-bound; keep them off the async workers.
    let assessments =
        tokio::task::spawn_blocking(move || triage::assess_files(&app, &actor, &baseline, &files))
            .await
            .map_err(|e| AppError::Internal(format!("triage task: {e}")))??;
    Ok(Json(
        assessments
            .iter()
            .map(|a| a.to_contract(lang).into())
            .collect(),
    ))
}

fn parse_baseline(value: serde_json::Value) -> Result<Baseline, AppError> {
    let baseline: Baseline = serde_json::from_value(value).map_err(|e| {
        FieldError::new("baseline", "invalid_baseline", "invalid-baseline").with("detail", e)
    })?;
    baseline.check().map_err(|e| {
        FieldError::new("baseline", "invalid_baseline", "invalid-baseline").with("detail", e)
    })?;
    Ok(baseline)
}
