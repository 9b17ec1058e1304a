//! The inventory of procured systems with (possible) AI: list, read, add by hand.

use crate::record::commit_with_event;
use crate::{Action, Actor, App, AppError, Page, Paging, now_ms};
use grip_core::audit_event as ev;
use grip_core::dossier::FieldError;
use grip_core::inventory::{AiExposure, InventoryItem, InventorySource, SystemStatus};
use grip_store::audit::NewEvent;
use grip_store::inventory;
use serde::Deserialize;

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
    let status = non_empty(&input.status).map_or(Some(SystemStatus::Unknown), |s| s.parse().ok());
    if status.is_none() {
        errors.push(
            FieldError::new("status", "unknown_status", "invalid-choose-from")
                .with("allowed", codes(SystemStatus::ALL)),
        );
    }
    let exposure =
        non_empty(&input.ai_exposure).map_or(Some(AiExposure::Suspected), |s| s.parse().ok());
    if exposure.is_none() {
        errors.push(
            FieldError::new("ai_exposure", "unknown_exposure", "invalid-choose-from")
                .with("allowed", codes(AiExposure::ALL)),
        );
    }
    let (Some(status), Some(exposure), true) = (status, exposure, errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    let now = now_ms();
    let record = InventoryItem {
        id: grip_store::new_id().into(),
        name,
        supplier_id: non_empty(&input.supplier_id).map(Into::into),
        supplier_name: None,
        description: input.description.trim().into(),
        status,
        ai_exposure: exposure,
        dossier_id: non_empty(&input.dossier_id).map(Into::into),
        dossier_title: None,
        source: InventorySource::Manual,
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
            event: ev::InventoryCreated {
                item_id: record.id.to_string(),
                name: record.name.clone(),
                ai_exposure: record.ai_exposure,
            }
            .into(),
        },
    )
    .await?;
    Ok(record.id.into_string())
}

fn codes<T: std::fmt::Display>(all: &[T]) -> String {
    all.iter().map(T::to_string).collect::<Vec<_>>().join(", ")
}

pub async fn list(
    app: &App,
    actor: &Actor,
    query: Option<&str>,
    paging: Paging,
) -> Result<Page<InventoryItem>, AppError> {
    if !actor.may(Action::Read) {
        return Err(AppError::Forbidden);
    }
    let mut conn = app.store.conn().await?;
    Ok(inventory::list(&mut conn, query, paging).await?)
}

pub async fn get(app: &App, actor: &Actor, id: &str) -> Result<InventoryItem, AppError> {
    if !actor.may(Action::Read) {
        return Err(AppError::Forbidden);
    }
    let mut conn = app.store.conn().await?;
    inventory::get(&mut conn, id)
        .await?
        .ok_or(AppError::NotFound("inventory item"))
}
