//! Categories (from the portfolio pack) and suppliers.

use crate::record::commit_with_event;
use crate::{Action, Actor, App, AppError, Page, Paging, now_ms};
use grip_core::audit_event as ev;
use grip_core::catalogue::{Category, Supplier};
use grip_store::audit::NewEvent;
use grip_store::catalogue;
use serde::Deserialize;

fn require(actor: &Actor, action: Action) -> Result<(), AppError> {
    if actor.may(action) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

pub async fn list_categories(app: &App, actor: &Actor) -> Result<Vec<Category>, AppError> {
    require(actor, Action::Read)?;
    let mut conn = app.store.conn().await?;
    Ok(catalogue::list_categories(&mut conn).await?)
}

pub async fn get_category(app: &App, actor: &Actor, id: &str) -> Result<Category, AppError> {
    require(actor, Action::Read)?;
    let mut conn = app.store.conn().await?;
    catalogue::get_category(&mut conn, id)
        .await?
        .ok_or(AppError::NotFound("category"))
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct SupplierInput {
    pub name: String,
    #[serde(default)]
    pub kvk: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub description: String,
}

impl SupplierInput {
    fn validate(&self) -> Result<SupplierInput, AppError> {
        let mut errors = Vec::new();
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > 200 {
            errors.push(grip_core::dossier::FieldError::new(
                "name",
                "invalid_name",
                "invalid-name",
            ));
        }
        let kvk = self.kvk.trim();
        let valid_kvk = kvk.len() == 8 && kvk.chars().all(|c| c.is_ascii_digit());
        if !kvk.is_empty() && !valid_kvk {
            errors.push(grip_core::dossier::FieldError::new(
                "kvk",
                "invalid_kvk",
                "invalid-kvk",
            ));
        }
        if self.description.chars().count() > 5000 || self.city.chars().count() > 100 {
            errors.push(grip_core::dossier::FieldError::new(
                "description",
                "too_long",
                "invalid-description-or-city",
            ));
        }
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        Ok(SupplierInput {
            name: name.into(),
            kvk: kvk.into(),
            city: self.city.trim().into(),
            description: self.description.trim().into(),
        })
    }
}

pub async fn create_supplier(
    app: &App,
    actor: &Actor,
    input: &SupplierInput,
) -> Result<String, AppError> {
    require(actor, Action::ManageCatalogue)?;
    let input = input.validate()?;
    let now = now_ms();
    let row = Supplier {
        id: grip_store::new_id().into(),
        name: input.name,
        kvk: input.kvk,
        city: input.city,
        description: input.description,
        created_at: now,
    };
    let mut tx = app.store.begin_write().await?;
    catalogue::insert_supplier(&mut tx, &row)
        .await
        .map_err(|e| match e {
            grip_store::StoreError::Conflict { .. } => {
                AppError::Conflict(format!("Leverancier '{}' bestaat al.", row.name))
            }
            other => other.into(),
        })?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &actor.username,
            dossier: None,
            event: ev::SupplierCreated {
                supplier_id: row.id.to_string(),
                name: row.name.clone(),
                kvk: Some(row.kvk.clone()),
            }
            .into(),
        },
    )
    .await?;
    Ok(row.id.into_string())
}

pub async fn list_suppliers(
    app: &App,
    actor: &Actor,
    paging: Paging,
) -> Result<Page<Supplier>, AppError> {
    require(actor, Action::Read)?;
    let mut conn = app.store.conn().await?;
    Ok(catalogue::list_suppliers(&mut conn, paging).await?)
}

pub async fn get_supplier(app: &App, actor: &Actor, id: &str) -> Result<Supplier, AppError> {
    require(actor, Action::Read)?;
    let mut conn = app.store.conn().await?;
    catalogue::get_supplier(&mut conn, id)
        .await?
        .ok_or(AppError::NotFound("supplier"))
}
