//! The model register: the AI models in procured systems, both ways: each model with the
//! products that carry it, and on a system's page the models in its components.

use crate::AppState;
use crate::auth::Viewer;
use crate::error::{PageError, render};
use crate::i18n::Lang;
use crate::shell::Shell;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use grip_app::AppError;
use grip_app::models::{self, ModelEntry, ModelForm};
use grip_core::model::{Hosting, Modality, ModelUse};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/models", get(list))
        .route("/models/export", get(export))
        .route("/models/{id}", get(detail))
        .route("/inventory/{id}/models", post(add))
}

pub fn modality_label(lang: Lang, m: Modality) -> &'static str {
    lang.t(&format!("modality.{}", m.code()))
}

pub fn hosting_label(lang: Lang, h: Hosting) -> &'static str {
    lang.t(&format!("hosting.{}", h.code()))
}

/// A model's name with its version, as people write it.
pub fn title(name: &str, version: &str) -> String {
    if version.is_empty() {
        name.to_string()
    } else {
        format!("{name} {version}")
    }
}

/// One model use as a row: the system or model it points to, in words.
pub struct UseRow {
    pub item_id: String,
    pub item_name: String,
    pub model_id: String,
    pub model: String,
    pub provider: String,
    pub component: String,
    pub modality: &'static str,
    pub hosting: &'static str,
    /// On a system's page: the other systems that carry the model, in words.
    pub also_in: Option<String>,
}

pub fn use_row(lang: Lang, u: &ModelUse, systems: usize) -> UseRow {
    UseRow {
        item_id: u.item_id.to_string(),
        item_name: u.item_name.clone(),
        model_id: u.model.id.to_string(),
        model: title(&u.model.name, &u.model.version),
        provider: u.model.provider.clone(),
        component: u.component.clone(),
        modality: modality_label(lang, u.model.modality),
        hosting: hosting_label(lang, u.hosting),
        also_in: match systems {
            0 | 1 => None,
            2 => Some(lang.t("model-also-in-one").to_string()),
            n => Some(lang.t_with("model-also-in-many", &[("count", &(n - 1).to_string())])),
        },
    }
}

pub struct ModelRow {
    pub id: String,
    pub title: String,
    pub provider: String,
    pub modality: &'static str,
    pub training_data: String,
    pub systems: usize,
    pub uses: Vec<UseRow>,
}

fn distinct_systems(entry: &ModelEntry) -> usize {
    let mut ids: Vec<&str> = entry.uses.iter().map(|u| u.item_id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.len()
}

fn model_row(lang: Lang, entry: &ModelEntry) -> ModelRow {
    let systems = distinct_systems(entry);
    ModelRow {
        id: entry.model.id.to_string(),
        title: title(&entry.model.name, &entry.model.version),
        provider: entry.model.provider.clone(),
        modality: modality_label(lang, entry.model.modality),
        training_data: entry.model.training_data.clone(),
        systems,
        uses: entry
            .uses
            .iter()
            .map(|u| use_row(lang, u, systems))
            .collect(),
    }
}

#[derive(Template)]
#[template(path = "models/list.html")]
struct ListPage {
    shell: Shell,
    models: Vec<ModelRow>,
    shared: usize,
}

async fn list(State(state): State<AppState>, viewer: Viewer) -> Result<Response, PageError> {
    let entries = models::register(&state.app, &viewer.actor).await?;
    let models: Vec<ModelRow> = entries.iter().map(|e| model_row(viewer.lang, e)).collect();
    render(&ListPage {
        shell: Shell::new(&viewer, "inventory", "/models"),
        shared: models.iter().filter(|m| m.systems > 1).count(),
        models,
    })
}

#[derive(Template)]
#[template(path = "models/detail.html")]
struct DetailPage {
    shell: Shell,
    m: ModelRow,
}

async fn detail(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let entry = models::model(&state.app, &viewer.actor, &id).await?;
    render(&DetailPage {
        shell: Shell::new(&viewer, "inventory", &format!("/models/{id}")),
        m: model_row(viewer.lang, &entry),
    })
}

async fn add(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<ModelForm>,
) -> Result<Response, PageError> {
    match models::record_use(&state.app, &viewer.actor, &id, &form).await {
        Ok(_) => Ok(Redirect::to(&format!("/inventory/{id}#models")).into_response()),
        Err(err @ AppError::Invalid(_)) => {
            super::inventory::detail_with(&state, &viewer, &id, Some((err, form))).await
        }
        Err(other) => Err(other.into()),
    }
}

/// The model register as a table: one row per model in a system's component.
async fn export(
    State(state): State<AppState>,
    viewer: Viewer,
    axum::extract::Query(q): axum::extract::Query<crate::downloads::FormatQuery>,
) -> Result<Response, PageError> {
    use grip_workbook::{Cell, Sheet};
    let lang = viewer.lang;
    let entries = models::register(&state.app, &viewer.actor).await?;
    let rows = entries
        .iter()
        .flat_map(|e| e.uses.iter())
        .map(|u| {
            vec![
                Cell::Text(u.model.name.clone()),
                Cell::Text(u.model.version.clone()),
                Cell::Text(u.model.provider.clone()),
                Cell::Text(modality_label(lang, u.model.modality).to_string()),
                Cell::Text(u.item_name.clone()),
                Cell::Text(u.component.clone()),
                Cell::Text(hosting_label(lang, u.hosting).to_string()),
                Cell::Text(u.model.training_data.clone()),
            ]
        })
        .collect();
    let headers = [
        "model-name",
        "model-version",
        "model-provider",
        "model-modality",
        "model-system",
        "model-component",
        "model-hosting",
        "model-training-data",
    ];
    let sheet = Sheet {
        name: lang.t("models-title").to_string(),
        headers: headers.iter().map(|h| lang.t(h).to_string()).collect(),
        rows,
    };
    crate::downloads::table_response("modelregister", &q.format, sheet)
}
