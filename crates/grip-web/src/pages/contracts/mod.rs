//! The contract pages: a dossier's contracts with the form to record one, a contract with its
//! AI baseline and change notices, and one notice with Grip's triage and the decision on it.

mod contract;
mod inbox;
mod notice;

use crate::AppState;
use crate::auth::Viewer;
use crate::error::{PageError, refusal_text, render, shown_inline, status_of};
use crate::shell::Shell;
use crate::uploads::FormFields;
use askama::Template;
use axum::Router;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use grip_app::AppError;
use grip_app::contracts::{self, NewContract};
use grip_core::contract::Contract;
use grip_core::dossier::Dossier;
use grip_core::{Action, LabelNames};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/dossiers/{id}/contracts", get(list).post(create))
        .route("/contracts/{id}", get(contract::page))
        .route("/contracts/{id}/notices", post(contract::upload))
        .route("/contracts/{id}/notices/text", post(contract::paste))
        .route("/contracts/{id}/register", post(contract::register_entry))
        .route("/contracts/{id}/baselines", post(contract::new_version))
        .route("/contracts/{id}/notices/{notice}", get(notice::page))
        .route(
            "/contracts/{id}/notices/{notice}/decision",
            post(notice::decide),
        )
        .route("/inbox", get(inbox::page))
        .route("/inbox/{task}/close", post(inbox::close))
}

/// One contract in a list.
pub struct ContractRow {
    pub id: String,
    pub system: String,
    pub supplier: String,
    pub term: String,
    pub value: String,
}

fn contract_row(viewer: &Viewer, c: &Contract) -> ContractRow {
    let term = match (&c.starts_on, &c.ends_on) {
        (Some(s), Some(e)) => format!("{} – {}", date(viewer, s), date(viewer, e)),
        (Some(s), None) => date(viewer, s),
        _ => String::new(),
    };
    ContractRow {
        id: c.id.clone(),
        system: c.system.clone(),
        supplier: c.supplier.clone(),
        term,
        value: c
            .value_cents
            .map(|v| crate::pages::award::euros(viewer, v))
            .unwrap_or_default(),
    }
}

/// A stored `YYYY-MM-DD` in the reader's words.
fn date(viewer: &Viewer, iso: &str) -> String {
    iso.parse::<jiff::civil::Date>()
        .map(|d| viewer.lang.date(d))
        .unwrap_or_else(|_| iso.to_owned())
}

#[derive(Template)]
#[template(path = "contracts/list.html")]
struct ListPage {
    shell: Shell,
    d: Dossier,
    labels: LabelNames,
    message: Option<String>,
    contracts: Vec<ContractRow>,
    may_manage: bool,
    /// What the form shows: a prefilled baseline, or what was typed.
    form: ContractForm,
}

#[derive(Default)]
struct ContractForm {
    supplier: String,
    starts_on: String,
    ends_on: String,
    value: String,
    baseline: String,
}

pub async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    list_page(&state, &viewer, &id, None, StatusCode::OK, None).await
}

async fn list_page(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
    message: Option<String>,
    status: StatusCode,
    form: Option<ContractForm>,
) -> Result<Response, PageError> {
    let app = &state.app;
    let d = grip_app::dossiers::get(app, &viewer.actor, id).await?;
    let permissions = grip_app::access::permissions(app, &viewer.actor, id).await?;
    let list = contracts::for_dossier(app, &viewer.actor, id).await?;
    let form = form.unwrap_or_else(|| ContractForm {
        baseline: starter_baseline(&d.title),
        ..Default::default()
    });
    let page = ListPage {
        shell: Shell::new(viewer, "dossiers", &format!("/dossiers/{id}/contracts")),
        labels: grip_app::organisation::label_names(app).await?,
        contracts: list.iter().map(|c| contract_row(viewer, c)).collect(),
        may_manage: permissions.may(Action::ManageContract),
        d,
        message,
        form,
    };
    Ok((status, render(&page)?).into_response())
}

/// A baseline to start from: the dossier's title as the system, one component to fill in.
fn starter_baseline(title: &str) -> String {
    let starter = serde_json::json!({
        "schema": "grip.contract-baseline/1",
        "system": title,
        "supplier": null,
        "components": [{
            "name": "",
            "purpose": "",
            "ai": false,
            "categories": [],
            "model": null,
            "version": null,
            "provider": null,
            "deployment": "unknown",
            "switchable": null
        }],
        "conditions": []
    });
    serde_json::to_string_pretty(&starter).unwrap_or_default()
}

pub async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    multipart: Multipart,
) -> Result<Response, PageError> {
    let limit = grip_app::triage::MAX_BASELINE_BYTES;
    let (file, fields) = match crate::uploads::read_optional_file_form(multipart, limit).await {
        Ok(read) => read,
        Err(err) => return again(&state, &viewer, &id, err, None).await,
    };
    let form = ContractForm {
        supplier: fields.get("supplier").unwrap_or_default(),
        starts_on: fields.get("starts_on").unwrap_or_default(),
        ends_on: fields.get("ends_on").unwrap_or_default(),
        value: fields.get("value").unwrap_or_default(),
        baseline: baseline_text(file, &fields),
    };
    let result = match parse_value(&form.value) {
        Ok(value_cents) => {
            let new = NewContract {
                supplier: form.supplier.clone(),
                starts_on: Some(form.starts_on.clone()),
                ends_on: Some(form.ends_on.clone()),
                value_cents,
                baseline: form.baseline.clone(),
            };
            contracts::create(&state.app, &viewer.actor, &id, new).await
        }
        Err(err) => Err(err),
    };
    match result {
        Ok(c) => Ok(Redirect::to(&format!("/contracts/{}", c.id)).into_response()),
        Err(err) => again(&state, &viewer, &id, err, Some(form)).await,
    }
}

/// The uploaded baseline file when one was chosen, else the typed text.
fn baseline_text(file: Option<(String, Vec<u8>)>, fields: &FormFields) -> String {
    match file {
        Some((_, bytes)) if !bytes.is_empty() => String::from_utf8_lossy(&bytes).into_owned(),
        _ => fields.get("baseline").unwrap_or_default(),
    }
}

/// The value field: empty is no value; otherwise euros in either notation (the bid form's
/// reading), refused when it is not an amount.
fn parse_value(text: &str) -> Result<Option<i64>, AppError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    crate::pages::award::parse_euros(text)
        .map(Some)
        .ok_or_else(|| AppError::invalid("value", "invalid_amount", "invalid-amount"))
}

async fn again(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
    err: AppError,
    form: Option<ContractForm>,
) -> Result<Response, PageError> {
    if !shown_inline(&err) {
        return Err(err.into());
    }
    list_page(
        state,
        viewer,
        id,
        Some(refusal_text(viewer, &err)),
        status_of(&err),
        form,
    )
    .await
}
