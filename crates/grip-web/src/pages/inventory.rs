//! The inventory: the organisation's own systems apart from the register entries of other
//! organisations, filtered by source, status, AI exposure and classification, with a page per
//! system that links its dossier, supplier and classification; and adding a system by hand.

use crate::AppState;
use crate::auth::Viewer;
use crate::error::{PageError, render, status_of};
use crate::i18n::Lang;
use crate::pages::{Pager, page_param};
use crate::shell::Shell;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use grip_app::inventory::{self, FilterInput, InventoryInput, UNCLASSIFIED, VERDICTS};
use grip_app::{Action, AppError, Paging};
use grip_core::inventory::{
    AiExposure, InventoryScope, InventorySource, ListedSystem, SystemStatus,
};
use grip_core::model::{Hosting, Modality};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/inventory", get(list).post(add))
        .route("/inventory/export", get(super::inventory_export::export))
        .route("/inventory/{id}", get(detail))
}

/// A choice in a filter: its code, its label, and whether it is the current one.
pub struct Choice {
    pub code: &'static str,
    pub label: String,
    pub selected: bool,
}

fn choices(codes: &[&'static str], current: &str, label: impl Fn(&str) -> String) -> Vec<Choice> {
    codes
        .iter()
        .map(|&code| Choice {
            code,
            label: label(code),
            selected: code == current,
        })
        .collect()
}

pub fn exposure_label(lang: Lang, code: &str) -> String {
    lang.t(&format!("system_exposure.{code}")).to_string()
}

pub fn status_label(lang: Lang, code: &str) -> String {
    lang.t(&format!("system_status.{code}")).to_string()
}

pub fn source_label(lang: Lang, code: &str) -> String {
    lang.t(&format!("inventory_source.{code}")).to_string()
}

fn verdict_label(lang: Lang, code: &str) -> String {
    if code == UNCLASSIFIED {
        lang.t("inv_unclassified").to_string()
    } else {
        super::classification::verdict_label(lang, code).to_string()
    }
}

#[derive(Template)]
#[template(path = "inventory.html")]
struct InventoryPage {
    shell: Shell,
    q: String,
    scopes: Vec<Choice>,
    sources: Vec<Choice>,
    statuses: Vec<Choice>,
    exposures: Vec<Choice>,
    classifications: Vec<Choice>,
    items: Vec<ListedSystem>,
    pager: Pager,
    may_manage: bool,
    /// The list's filters for its downloads (`&name=value…`).
    export_query: String,
    /// The organisation's name and contact address for the Algorithm Register.
    register: grip_app::register::RegisterSettings,
    errors: Vec<String>,
}

impl InventoryPage {
    fn exposure(&self, e: &AiExposure) -> String {
        exposure_label(self.shell.lang, e.code())
    }
    fn status(&self, s: &SystemStatus) -> String {
        status_label(self.shell.lang, s.code())
    }
    fn source(&self, s: &InventorySource) -> String {
        source_label(self.shell.lang, s.code())
    }
    fn verdict(&self, v: &str) -> String {
        verdict_label(self.shell.lang, v)
    }
}

#[derive(Deserialize, Default)]
struct ListQuery {
    #[serde(flatten)]
    filter: FilterInput,
    page: Option<String>,
}

fn codes<T: Copy>(all: &[T], code: impl Fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|v| code(*v)).collect()
}

async fn page(
    state: &AppState,
    viewer: &Viewer,
    q: &ListQuery,
    mut errors: Vec<String>,
) -> Result<(InventoryPage, bool), PageError> {
    let lang = viewer.lang;
    // A filter value that names nothing is left out (and named in an error above the list);
    // the rest of the filter still applies.
    let mut input = q.filter.clone();
    let (filter, bad) = match input.parse() {
        Ok(filter) => (filter, false),
        Err(AppError::Invalid(fields)) => {
            errors.extend(fields.iter().map(|e| lang.field_error(e)));
            for e in &fields {
                input.clear(&e.field);
            }
            (input.parse()?, true)
        }
        Err(other) => return Err(other.into()),
    };
    let list = inventory::list(
        &state.app,
        &viewer.actor,
        &filter,
        Paging::new(page_param(&q.page), Some(50)),
    )
    .await?;
    let f = input;
    let value = |v: &Option<String>| v.clone().unwrap_or_default();
    let (query, scope, source, status, exposure, class) = (
        value(&f.q),
        Some(value(&f.scope))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "own".into()),
        value(&f.source),
        value(&f.status),
        value(&f.exposure),
        value(&f.classification),
    );
    let params = [
        ("q", query.as_str()),
        ("scope", scope.as_str()),
        ("source", source.as_str()),
        ("status", status.as_str()),
        ("exposure", exposure.as_str()),
        ("classification", class.as_str()),
    ];
    let verdicts: Vec<&'static str> = VERDICTS.iter().copied().chain([UNCLASSIFIED]).collect();
    let page = InventoryPage {
        shell: Shell::new(viewer, "inventory", "/inventory"),
        pager: Pager::new("/inventory", &list, &params),
        export_query: super::filter_query(&params),
        scopes: choices(
            &codes(InventoryScope::ALL, InventoryScope::code),
            &scope,
            |c| lang.t(&format!("inv_scope_{c}")).to_string(),
        ),
        sources: choices(
            &codes(InventorySource::ALL, InventorySource::code),
            &source,
            |c| source_label(lang, c),
        ),
        statuses: choices(
            &codes(SystemStatus::ALL, SystemStatus::code),
            &status,
            |c| status_label(lang, c),
        ),
        exposures: choices(&codes(AiExposure::ALL, AiExposure::code), &exposure, |c| {
            exposure_label(lang, c)
        }),
        classifications: choices(&verdicts, &class, |c| verdict_label(lang, c)),
        items: list.items,
        q: query,
        may_manage: viewer.actor.may(Action::ManageInventory),
        register: grip_app::register::settings(&state.app).await?,
        errors,
    };
    Ok((page, bad))
}

async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<ListQuery>,
) -> Result<Response, PageError> {
    let (page, bad) = page(&state, &viewer, &q, Vec::new()).await?;
    if bad {
        let status = status_of(&AppError::Invalid(Vec::new()));
        return Ok((status, render(&page)?).into_response());
    }
    render(&page)
}

async fn add(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<InventoryInput>,
) -> Result<Response, PageError> {
    match inventory::create(&state.app, &viewer.actor, &form).await {
        Ok(id) => Ok(Redirect::to(&format!("/inventory/{id}")).into_response()),
        Err(AppError::Invalid(errors)) => {
            let messages = errors.iter().map(|e| viewer.lang.field_error(e)).collect();
            let status = status_of(&AppError::Invalid(errors));
            let (page, _) = page(&state, &viewer, &ListQuery::default(), messages).await?;
            Ok((status, render(&page)?).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "inventory_detail.html")]
struct DetailPage {
    shell: Shell,
    s: grip_app::inventory::SystemPage,
    exposure: String,
    status: String,
    source: String,
    verdict: Option<(String, String)>,
    models: Vec<super::models::UseRow>,
    model_errors: Vec<String>,
    model_form: grip_app::models::ModelForm,
    modalities: Vec<Choice>,
    hostings: Vec<Choice>,
    may_manage: bool,
}

impl DetailPage {
    fn ob_status(&self, status: &grip_core::obligation::ObligationStatus) -> &'static str {
        self.shell.t(&format!("ob_status_{}", status.id()))
    }
}

async fn detail(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    detail_with(&state, &viewer, &id, None).await
}

/// The system's page; with a refused model form, its problems and what was typed.
pub(super) async fn detail_with(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
    failed: Option<(AppError, grip_app::models::ModelForm)>,
) -> Result<Response, PageError> {
    let s = inventory::system(&state.app, &viewer.actor, id).await?;
    let uses = grip_app::models::of_system(&state.app, &viewer.actor, id).await?;
    let lang = viewer.lang;
    // How many systems (the reader may see) carry each of this system's models.
    let mut systems_of = std::collections::HashMap::new();
    for u in &uses {
        let id = u.model.id.as_str();
        if !systems_of.contains_key(id) {
            let entry = grip_app::models::model(&state.app, &viewer.actor, id).await?;
            let mut items: Vec<&str> = entry.uses.iter().map(|u| u.item_id.as_str()).collect();
            items.sort_unstable();
            items.dedup();
            systems_of.insert(id.to_string(), items.len());
        }
    }
    let systems_of = |model_id: &str| systems_of.get(model_id).copied().unwrap_or(1);
    let models = uses
        .iter()
        .map(|u| super::models::use_row(lang, u, systems_of(u.model.id.as_str())))
        .collect();
    let (status_code, model_errors, model_form) = match failed {
        Some((err, form)) => {
            let messages = match &err {
                AppError::Invalid(errors) => errors.iter().map(|e| lang.field_error(e)).collect(),
                other => vec![crate::error::refusal_text(viewer, other)],
            };
            (status_of(&err), messages, form)
        }
        None => (axum::http::StatusCode::OK, Vec::new(), Default::default()),
    };
    let modality = model_form.modality.clone();
    let hosting = model_form.hosting.clone();
    let page = DetailPage {
        shell: Shell::new(viewer, "inventory", &format!("/inventory/{id}")),
        exposure: exposure_label(lang, s.item.ai_exposure.code()),
        status: status_label(lang, s.item.status.code()),
        source: source_label(lang, s.item.source.code()),
        verdict: s
            .classification
            .as_ref()
            .map(|(cid, v)| (cid.clone(), verdict_label(lang, v))),
        s,
        models,
        model_errors,
        model_form,
        modalities: choices(&codes(Modality::ALL, Modality::code), &modality, |c| {
            lang.t(&format!("modality.{c}")).to_string()
        }),
        hostings: choices(&codes(Hosting::ALL, Hosting::code), &hosting, |c| {
            lang.t(&format!("hosting.{c}")).to_string()
        }),
        may_manage: viewer.actor.may(Action::ManageInventory),
    };
    Ok((status_code, render(&page)?).into_response())
}
