//! Role × phase guidance: the checklist card on the dossier page (own items with their
//! explanation, the open mandatory items that hold the phase gate), ticking items off and
//! waiving them, and the administrator's setting of who may waive.

use crate::AppState;
use crate::auth::Viewer;
use crate::error::{PageError, render};
use crate::shell::Shell;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use grip_app::access::Permissions;
use grip_app::checklists::{self, CheckStatus, CheckView, PhaseChecklist};
use grip_app::{AppError, Role};
use grip_core::LabelNames;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/dossiers/{id}/checklist", post(set_status))
        .route("/settings", get(settings).post(save_settings))
        .route("/settings/labels", post(save_label_names))
        .route("/settings/signers", post(save_signers))
}

/// One checklist item in the viewer's language.
pub struct CheckLine {
    pub id: String,
    pub text: String,
    pub why: String,
    pub legal_basis: Option<String>,
    pub role: String,
    pub mandatory: bool,
    pub status: &'static str,
    pub reason: Option<String>,
    /// Who proposed the waiver that waits for (or got) a second person.
    pub proposed_by: Option<String>,
    /// The viewer holds the item's role: they waive it themselves, without a second person.
    pub holder: bool,
    /// The viewer proposed the pending waiver: they may withdraw it, not confirm it.
    pub own_proposal: bool,
}

impl CheckLine {
    pub fn is_proposed(&self) -> bool {
        self.status == CheckStatus::WaiverProposed.code()
    }
}

impl CheckLine {
    fn new(viewer: &Viewer, item: &CheckView) -> CheckLine {
        let lang = viewer.lang;
        CheckLine {
            id: item.check.id.clone(),
            text: lang
                .pick(&item.check.text.nl, &item.check.text.en)
                .to_string(),
            why: lang
                .pick(&item.check.why.nl, &item.check.why.en)
                .to_string(),
            legal_basis: item.check.legal_basis.clone(),
            role: lang.role_id(&item.check.role),
            mandatory: item.check.mandatory,
            status: item.status,
            reason: item.reason.clone(),
            proposed_by: item.proposed_by.clone(),
            holder: item.mine,
            own_proposal: item.status == CheckStatus::WaiverProposed.code()
                && item.proposed_by.as_deref() == Some(viewer.actor.username.as_str()),
        }
    }
}

/// What the dossier page's checklist card shows.
pub struct ChecklistView {
    pub mine: Vec<CheckLine>,
    pub gate: Vec<CheckLine>,
    pub may_update: bool,
    pub may_waive: bool,
}

impl ChecklistView {
    pub fn new(viewer: &Viewer, list: &PhaseChecklist, permissions: &Permissions) -> ChecklistView {
        ChecklistView {
            mine: list.mine().map(|i| CheckLine::new(viewer, i)).collect(),
            gate: list
                .open_mandatory()
                .map(|i| CheckLine::new(viewer, i))
                .collect(),
            may_update: permissions.update_checklist,
            may_waive: list.may_waive,
        }
    }
}

#[derive(Deserialize, Default)]
struct StatusForm {
    #[serde(default)]
    item: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    reason: String,
}

async fn set_status(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<StatusForm>,
) -> Result<Response, PageError> {
    let result = match CheckStatus::from_code(&form.status) {
        Some(status) => {
            checklists::set_status(
                &state.app,
                &viewer.actor,
                &id,
                &form.item,
                status,
                &form.reason,
            )
            .await
        }
        None => Err(AppError::invalid(
            "status",
            "unknown_status",
            "invalid-unknown-status",
        )),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/dossiers/{id}#checklist")).into_response()),
        Err(err @ (AppError::Invalid(_) | AppError::Conflict(_))) => {
            super::dossiers::page_with_error(&state, &viewer, &id, err).await
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "admin/settings.html")]
struct SettingsPage {
    shell: Shell,
    roles: Vec<(&'static str, String, bool)>,
    /// The roles that sign an award decision (id, label, chosen).
    signers: Vec<(&'static str, String, bool)>,
    /// Each data level: its code, the text key of its description and its current name.
    levels: Vec<(&'static str, String, String)>,
    errors: Vec<String>,
    saved: bool,
}

async fn settings_page(
    state: &AppState,
    viewer: &Viewer,
    saved: bool,
) -> Result<Response, PageError> {
    let names = grip_app::organisation::label_names(&state.app).await?;
    settings_with(state, viewer, saved, &names, Vec::new()).await
}

async fn settings_with(
    state: &AppState,
    viewer: &Viewer,
    saved: bool,
    names: &LabelNames,
    errors: Vec<String>,
) -> Result<Response, PageError> {
    let allowed = checklists::waive_roles_setting(&state.app, &viewer.actor).await?;
    let signers = grip_app::award::decisions::award_signers(&state.app, &viewer.actor).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = render(&SettingsPage {
        levels: names
            .all()
            .into_iter()
            .map(|(level, name)| (level.code(), format!("level_{}", level.code()), name.into()))
            .collect(),
        errors,
        shell: Shell::new(viewer, "settings", "/settings"),
        roles: Role::ALL
            .iter()
            .map(|r| (r.id(), viewer.lang.role_id(r.id()), allowed.contains(r)))
            .collect(),
        signers: Role::ALL
            .iter()
            .map(|r| (r.id(), viewer.lang.role_id(r.id()), signers.contains(r)))
            .collect(),
        saved,
    })?;
    Ok((status, page).into_response())
}

async fn settings(State(state): State<AppState>, viewer: Viewer) -> Result<Response, PageError> {
    settings_page(&state, &viewer, false).await
}

async fn save_settings(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let roles: Vec<Role> = form
        .iter()
        .filter(|(k, _)| k == "waive_role")
        .filter_map(|(_, v)| Role::parse(v))
        .collect();
    checklists::set_waive_roles(&state.app, &viewer.actor, &roles).await?;
    settings_page(&state, &viewer, true).await
}

async fn save_signers(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let roles: Vec<Role> = form
        .iter()
        .filter(|(k, _)| k == "signer_role")
        .filter_map(|(_, v)| Role::parse(v))
        .collect();
    match grip_app::award::decisions::set_award_signers(&state.app, &viewer.actor, &roles).await {
        Ok(()) => settings_page(&state, &viewer, true).await,
        Err(AppError::Invalid(errors)) => {
            let names = grip_app::organisation::label_names(&state.app).await?;
            let errors = errors.iter().map(|e| viewer.lang.field_error(e)).collect();
            settings_with(&state, &viewer, false, &names, errors).await
        }
        Err(other) => Err(other.into()),
    }
}

async fn save_label_names(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(names): Form<LabelNames>,
) -> Result<Response, PageError> {
    match grip_app::organisation::set_label_names(&state.app, &viewer.actor, &names).await {
        Ok(saved) => settings_with(&state, &viewer, true, &saved, Vec::new()).await,
        Err(AppError::Invalid(errors)) => {
            let errors = errors.iter().map(|e| viewer.lang.field_error(e)).collect();
            settings_with(&state, &viewer, false, &names, errors).await
        }
        Err(other) => Err(other.into()),
    }
}
