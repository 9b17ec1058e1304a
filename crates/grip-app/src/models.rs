//! The model register: which AI models sit in which procured systems. A model is known by
//! name, version and provider; recording it in a second product finds the same model, so the
//! register shows every product that carries it.

use crate::record::commit_with_event;
use crate::{Action, Actor, App, AppError, now_ms};
use grip_core::audit_event as ev;
use grip_core::dossier::FieldError;
use grip_core::model::{Hosting, Modality, Model, ModelUse};
use grip_store::audit::NewEvent;
use grip_store::{Conn, models};
use serde::Deserialize;

/// A model in a system's component, as a form or the API sends it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ModelForm {
    #[serde(default)]
    pub component: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub version: String,
    #[serde(default)]
    pub provider: String,
    #[serde(default)]
    pub modality: String,
    #[serde(default)]
    pub hosting: String,
    #[serde(default)]
    pub training_data: String,
}

/// A model with the systems that use it (those the reader may see).
#[derive(Debug, Clone)]
pub struct ModelEntry {
    pub model: Model,
    pub uses: Vec<ModelUse>,
}

fn text(
    errors: &mut Vec<FieldError>,
    field: &'static str,
    value: &str,
    required: bool,
    max: usize,
) -> String {
    let value = value.trim();
    if (required && value.is_empty()) || value.chars().count() > max {
        errors.push(FieldError::new(field, "invalid_text", "invalid-model-text").with("max", max));
    }
    value.to_string()
}

fn parsed(form: &ModelForm) -> Result<(Model, String, Hosting), AppError> {
    let mut errors = Vec::new();
    let component = text(&mut errors, "component", &form.component, true, 200);
    let name = text(&mut errors, "name", &form.name, true, 200);
    let version = text(&mut errors, "version", &form.version, false, 100);
    let provider = text(&mut errors, "provider", &form.provider, true, 200);
    let training_data = text(
        &mut errors,
        "training_data",
        &form.training_data,
        false,
        5000,
    );
    let modality = form.modality.parse::<Modality>().ok();
    if modality.is_none() {
        errors.push(
            FieldError::new("modality", "unknown_modality", "invalid-choose-from").with(
                "allowed",
                Modality::ALL
                    .iter()
                    .map(|m| m.code())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        );
    }
    let hosting = match form.hosting.trim() {
        "" => Some(Hosting::Unknown),
        code => code.parse::<Hosting>().ok(),
    };
    if hosting.is_none() {
        errors.push(
            FieldError::new("hosting", "unknown_hosting", "invalid-choose-from").with(
                "allowed",
                Hosting::ALL
                    .iter()
                    .map(|h| h.code())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        );
    }
    let (Some(modality), Some(hosting), true) = (modality, hosting, errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    let model = Model {
        id: grip_store::new_id().into(),
        name,
        version,
        provider,
        modality,
        training_data,
        created_at: now_ms(),
    };
    Ok((model, component, hosting))
}

/// Whether the actor may see the system (need-to-know on its dossier).
async fn visible(conn: &mut Conn, actor: &Actor, item_id: &str) -> Result<bool, AppError> {
    match crate::inventory::readable(conn, actor, item_id).await {
        Ok(_) => Ok(true),
        Err(AppError::NotFound(_)) => Ok(false),
        Err(other) => Err(other),
    }
}

/// Records a model in a component of a system; the model is found by name, version and
/// provider (letter case aside) or added to the register.
pub async fn record_use(
    app: &App,
    actor: &Actor,
    item_id: &str,
    form: &ModelForm,
) -> Result<String, AppError> {
    crate::access::require(actor, Action::ManageInventory)?;
    let (candidate, component, hosting) = parsed(form)?;
    let mut tx = app.store.begin_write().await?;
    let item = crate::inventory::readable(&mut tx, actor, item_id).await?;
    let known = models::find(
        &mut tx,
        &candidate.name,
        &candidate.version,
        &candidate.provider,
    )
    .await?;
    let new_model = known.is_none();
    let model = match known {
        Some(model) => model,
        None => {
            models::insert(&mut tx, &candidate, &actor.username).await?;
            candidate
        }
    };
    let model_use = ModelUse {
        item_id: item.id.clone(),
        item_name: item.name.clone(),
        model: model.clone(),
        component,
        hosting,
        created_by: actor.username.clone(),
        created_at: now_ms(),
    };
    if !models::insert_use(&mut tx, &model_use).await? {
        return Err(AppError::invalid(
            "name",
            "already_recorded",
            "invalid-model-already-recorded",
        ));
    }
    commit_with_event(
        tx,
        NewEvent {
            at_ms: model_use.created_at,
            actor: &actor.username,
            dossier: item.dossier_id.as_ref().map(|d| d.as_str()),
            event: ev::ModelRecorded {
                item_id: item.id.to_string(),
                item_name: item.name,
                model_id: model.id.to_string(),
                name: model.name,
                version: model.version,
                provider: model.provider,
                component: model_use.component,
                hosting,
                new_model,
            }
            .into(),
        },
    )
    .await?;
    Ok(model.id.into_string())
}

/// The models in a system.
pub async fn of_system(app: &App, actor: &Actor, item_id: &str) -> Result<Vec<ModelUse>, AppError> {
    let mut conn = app.store.conn().await?;
    crate::inventory::readable(&mut conn, actor, item_id).await?;
    Ok(models::of_item(&mut conn, item_id).await?)
}

async fn visible_uses(
    conn: &mut Conn,
    actor: &Actor,
    uses: Vec<ModelUse>,
) -> Result<Vec<ModelUse>, AppError> {
    let mut out = Vec::new();
    for u in uses {
        if visible(conn, actor, u.item_id.as_str()).await? {
            out.push(u);
        }
    }
    Ok(out)
}

/// Every model with the systems that use it, most used first; a model whose every system is
/// hidden from the reader is left out.
pub async fn register(app: &App, actor: &Actor) -> Result<Vec<ModelEntry>, AppError> {
    crate::access::require(actor, Action::Read)?;
    let mut conn = app.store.conn().await?;
    let uses = models::all_uses(&mut conn).await?;
    let uses = visible_uses(&mut conn, actor, uses).await?;
    let mut entries: Vec<ModelEntry> = Vec::new();
    for u in uses {
        match entries.iter_mut().find(|e| e.model.id == u.model.id) {
            Some(entry) => entry.uses.push(u),
            None => entries.push(ModelEntry {
                model: u.model.clone(),
                uses: vec![u],
            }),
        }
    }
    entries.sort_by(|a, b| {
        let systems = |e: &ModelEntry| {
            let mut ids: Vec<_> = e.uses.iter().map(|u| u.item_id.as_str()).collect();
            ids.dedup();
            ids.len()
        };
        systems(b).cmp(&systems(a)).then_with(|| {
            a.model
                .name
                .to_lowercase()
                .cmp(&b.model.name.to_lowercase())
        })
    });
    Ok(entries)
}

/// One model with the systems that use it.
pub async fn model(app: &App, actor: &Actor, id: &str) -> Result<ModelEntry, AppError> {
    crate::access::require(actor, Action::Read)?;
    let mut conn = app.store.conn().await?;
    let model = models::get(&mut conn, id)
        .await?
        .ok_or(AppError::NotFound("model"))?;
    let uses = models::uses_of(&mut conn, id).await?;
    let uses = visible_uses(&mut conn, actor, uses).await?;
    if uses.is_empty() {
        // A model only in systems the reader may not see is not theirs to know of.
        return Err(AppError::NotFound("model"));
    }
    Ok(ModelEntry { model, uses })
}
