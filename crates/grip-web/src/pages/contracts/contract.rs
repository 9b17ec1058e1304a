//! One contract: its AI baseline in force as a table (earlier versions listed), the change
//! notices with their triage, and the forms to add notices and a new baseline version.

use super::{ContractRow, contract_row};
use crate::AppState;
use crate::auth::Viewer;
use crate::error::{PageError, render, status_of};
use crate::error::{refusal_text, shown_inline};
use crate::shell::Shell;
use askama::Template;
use axum::Form;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use grip_app::AppError;
use grip_app::contracts::{self, ContractView};
use grip_app::triage::Baseline;
use grip_core::contract::ChangeNotice;
use grip_core::dossier::Dossier;
use grip_core::{Action, LabelNames};
use serde::Deserialize;

/// A baseline component as the page shows it.
pub struct ComponentRow {
    pub name: String,
    pub purpose: String,
    pub ai: bool,
    pub categories: String,
    pub model: String,
    pub provider: String,
    pub deployment: String,
    pub switchable: String,
}

pub struct NoticeRow {
    pub id: String,
    pub name: String,
    pub received: String,
    pub impact: &'static str,
    pub proposal: &'static str,
    pub proposal_code: &'static str,
    pub decision: String,
}

#[derive(Template)]
#[template(path = "contracts/contract.html")]
struct ContractPage {
    shell: Shell,
    d: Dossier,
    labels: LabelNames,
    message: Option<String>,
    c: ContractRow,
    version: i64,
    components: Vec<ComponentRow>,
    conditions: Vec<String>,
    /// (version, reason, by, when)
    versions: Vec<(i64, String, String, String)>,
    notices: Vec<NoticeRow>,
    baseline_json: String,
    may_manage: bool,
}

pub async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    contract_page(&state, &viewer, &id, None, StatusCode::OK).await
}

async fn contract_page(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
    message: Option<String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let app = &state.app;
    let view = contracts::get(app, &viewer.actor, id).await?;
    let dossier_id = view.contract.dossier_id.clone();
    let d = grip_app::dossiers::get(app, &viewer.actor, &dossier_id).await?;
    let permissions = grip_app::access::permissions(app, &viewer.actor, &dossier_id).await?;
    let baseline = view.current_baseline()?;
    let page = ContractPage {
        shell: Shell::new(viewer, "dossiers", &format!("/contracts/{id}")),
        labels: grip_app::organisation::label_names(app).await?,
        message,
        c: contract_row(viewer, &view.contract),
        version: view.baselines.first().map_or(1, |b| b.version),
        components: components(viewer, &baseline)?,
        conditions: baseline.conditions.clone(),
        versions: versions(viewer, &view),
        notices: view.notices.iter().map(|n| notice_row(viewer, n)).collect(),
        baseline_json: serde_json::to_string_pretty(&baseline).unwrap_or_default(),
        may_manage: permissions.may(Action::ManageContract),
        d,
    };
    Ok((status, render(&page)?).into_response())
}

/// Readable names of AI categories in the reader's language.
pub(super) fn category_names(viewer: &Viewer, codes: &[String]) -> Result<String, AppError> {
    let probe = &grip_app::packages::knowledge()?
        .questions
        .content()
        .finding_probe;
    Ok(codes
        .iter()
        .map(|c| {
            let name = probe.category_name(c);
            viewer.lang.pick(&name.nl, &name.en).to_owned()
        })
        .collect::<Vec<_>>()
        .join(", "))
}

fn components(viewer: &Viewer, baseline: &Baseline) -> Result<Vec<ComponentRow>, AppError> {
    let t = |key: &str| viewer.lang.t(key).to_owned();
    baseline
        .components
        .iter()
        .map(|c| {
            Ok(ComponentRow {
                name: c.name.clone(),
                purpose: c.purpose.clone().unwrap_or_default(),
                ai: c.ai,
                categories: category_names(viewer, &c.categories)?,
                model: [c.model.as_deref(), c.version.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" "),
                provider: c.provider.clone().unwrap_or_default(),
                deployment: c
                    .deployment
                    .map(|d| t(&format!("deployment_{}", d.as_str())))
                    .unwrap_or_default(),
                switchable: match c.switchable {
                    Some(true) => t("answer_yes"),
                    Some(false) => t("answer_no"),
                    None => String::new(),
                },
            })
        })
        .collect()
}

fn versions(viewer: &Viewer, view: &ContractView) -> Vec<(i64, String, String, String)> {
    view.baselines
        .iter()
        .map(|b| {
            (
                b.version,
                b.reason.clone(),
                b.created_by.clone(),
                viewer.lang.date_time(b.created_at),
            )
        })
        .collect()
}

fn notice_row(viewer: &Viewer, n: &ChangeNotice) -> NoticeRow {
    NoticeRow {
        id: n.id.clone(),
        name: n.name.clone(),
        received: viewer.lang.date_time(n.received_at),
        impact: viewer.lang.pick(n.impact.label_nl(), n.impact.label_en()),
        proposal: viewer
            .lang
            .pick(n.proposed.label_nl(), n.proposed.label_en()),
        proposal_code: n.proposed.code(),
        decision: n
            .decision
            .as_ref()
            .map(|d| {
                viewer
                    .lang
                    .pick(d.triage.label_nl(), d.triage.label_en())
                    .to_owned()
            })
            .unwrap_or_default(),
    }
}

/// Notices as files, one or many.
pub async fn upload(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    multipart: Multipart,
) -> Result<Response, PageError> {
    let limit = state.app.limits.max_document_bytes;
    let result = match crate::uploads::read_files_form(multipart, limit).await {
        Ok((files, _)) => contracts::record_notices(&state.app, &viewer.actor, &id, files).await,
        Err(err) => Err(err),
    };
    after(&state, &viewer, &id, result.map(|_| ())).await
}

/// The supplier's entry in the Algorithm Register standard for the contracted product.
pub async fn register_entry(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    multipart: Multipart,
) -> Result<Response, PageError> {
    let limit = grip_register::read::MAX_FILE_BYTES;
    let result = match crate::uploads::read_document_form(multipart, limit).await {
        Ok(((_, bytes), _)) => {
            grip_app::register::import_for_contract(&state.app, &viewer.actor, &id, &bytes).await
        }
        Err(err) => Err(err),
    };
    match result {
        Ok((item, _)) => Ok(Redirect::to(&format!("/inventory/{item}/register")).into_response()),
        Err(err) => after(&state, &viewer, &id, Err(err)).await,
    }
}

#[derive(Deserialize)]
pub struct PastedNotice {
    name: String,
    text: String,
}

/// A notice pasted as text (an e-mail, say).
pub async fn paste(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<PastedNotice>,
) -> Result<Response, PageError> {
    let name = match form.name.trim() {
        "" => viewer.lang.t("notice_of").to_owned(),
        name => name.to_owned(),
    };
    let result = if form.text.trim().is_empty() {
        Err(AppError::invalid(
            "text",
            "required",
            "invalid-text-required",
        ))
    } else {
        let files = vec![(name, form.text.into_bytes())];
        contracts::record_notices(&state.app, &viewer.actor, &id, files)
            .await
            .map(|_| ())
    };
    after(&state, &viewer, &id, result).await
}

#[derive(Deserialize)]
pub struct NewVersion {
    baseline: String,
    reason: String,
}

pub async fn new_version(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<NewVersion>,
) -> Result<Response, PageError> {
    let result =
        contracts::record_baseline(&state.app, &viewer.actor, &id, &form.baseline, &form.reason)
            .await
            .map(|_| ());
    after(&state, &viewer, &id, result).await
}

async fn after(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
    result: Result<(), AppError>,
) -> Result<Response, PageError> {
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/contracts/{id}")).into_response()),
        Err(err) if shown_inline(&err) => {
            let message = refusal_text(viewer, &err);
            contract_page(state, viewer, id, Some(message), status_of(&err)).await
        }
        Err(err) => Err(err.into()),
    }
}
