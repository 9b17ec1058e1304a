//! The inventory of procured systems with (possible) AI: list, read, add by hand.

use crate::record::commit_with_event;
use crate::{Action, Actor, App, AppError, Page, Paging, now_ms};
use grip_core::dossier::FieldError;
use grip_store::audit::NewEvent;
use grip_store::inventory::{self, InventoryRecord, InventoryView};
use serde::Deserialize;
use serde_json::json;

pub const STATUSES: [&str; 4] = ["in_gebruik", "ontwikkeling", "buiten_gebruik", "onbekend"];
pub const EXPOSURES: [&str; 4] = ["confirmed", "suspected", "unknown", "none"];

#[derive(Debug, Clone, Default, Deserialize)]
pub struct InventoryInput {
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub supplier_id: Option<String>,
    #[serde(default)]
    pub dossier_id: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub ai_exposure: Option<String>,
}

fn non_empty(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

pub async fn create(app: &App, actor: &Actor, input: &InventoryInput) -> Result<String, AppError> {
    if !actor.may(Action::ManageInventory) {
        return Err(AppError::Forbidden);
    }
    let mut errors = Vec::new();
    let name = input.name.trim().to_string();
    if name.is_empty() || name.chars().count() > 200 {
        errors.push(FieldError::new("name", "invalid_name", "invalid-name"));
    }
    let status = non_empty(&input.status).unwrap_or_else(|| "onbekend".into());
    if !STATUSES.contains(&status.as_str()) {
        errors.push(
            FieldError::new("status", "unknown_status", "invalid-choose-from")
                .with("allowed", STATUSES.join(", ")),
        );
    }
    let exposure = non_empty(&input.ai_exposure).unwrap_or_else(|| "suspected".into());
    if !EXPOSURES.contains(&exposure.as_str()) {
        errors.push(
            FieldError::new("ai_exposure", "unknown_exposure", "invalid-choose-from")
                .with("allowed", EXPOSURES.join(", ")),
        );
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let now = now_ms();
    let record = InventoryRecord {
        id: grip_store::new_id(),
        name,
        supplier_id: non_empty(&input.supplier_id),
        description: input.description.trim().into(),
        status,
        ai_exposure: exposure,
        dossier_id: non_empty(&input.dossier_id),
        source: "manual".into(),
        source_id: None,
        source_organisation: None,
        created_at: now,
        updated_at: now,
    };
    let mut tx = app.store.begin_write().await?;
    if let Some(id) = &record.supplier_id
        && grip_store::catalogue::get_supplier(&mut tx, id)
            .await?
            .is_none()
    {
        return Err(AppError::invalid(
            "supplier_id",
            "unknown_supplier",
            "invalid-unknown-supplier",
        ));
    }
    if let Some(id) = &record.dossier_id
        && grip_store::dossiers::get(&mut tx, id).await?.is_none()
    {
        return Err(AppError::invalid(
            "dossier_id",
            "unknown_dossier",
            "invalid-unknown-dossier",
        ));
    }
    inventory::insert(&mut tx, &record).await?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &actor.username,
            dossier: record.dossier_id.as_deref(),
            kind: "inventory.created",
            payload: json!({"item_id": record.id, "name": record.name, "ai_exposure": record.ai_exposure}),
        },
    )
    .await?;
    Ok(record.id)
}

pub async fn list(
    app: &App,
    actor: &Actor,
    query: Option<&str>,
    paging: Paging,
) -> Result<Page<InventoryView>, AppError> {
    if !actor.may(Action::Read) {
        return Err(AppError::Forbidden);
    }
    let mut conn = app.store.conn().await?;
    Ok(inventory::list(&mut conn, query, paging).await?)
}

pub async fn get(app: &App, actor: &Actor, id: &str) -> Result<InventoryView, AppError> {
    if !actor.may(Action::Read) {
        return Err(AppError::Forbidden);
    }
    let mut conn = app.store.conn().await?;
    inventory::get(&mut conn, id)
        .await?
        .ok_or(AppError::NotFound("inventory item"))
}
