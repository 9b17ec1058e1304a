//! A supplier's register entry for a contracted product: the product gets its system in the
//! inventory (linked to the contract's dossier, found again by name on the next file), and
//! the entry goes there, in one transaction.

use super::import::{changed_fields, keep_own_fields, read, store_entry};
use crate::record::append_event;
use crate::{Action, Actor, App, AppError, now_ms};
use grip_core::audit_event as ev;
use grip_core::dossier::FieldError;
use grip_core::inventory::{AiExposure, InventoryItem, InventorySource, SystemStatus};
use grip_register::Finding;
use grip_store::audit::NewEvent;
use sha2::{Digest, Sha256};

/// Imports one entry for the contract's product; returns the system's id and the notes.
pub async fn import_for_contract(
    app: &App,
    actor: &Actor,
    contract_id: &str,
    bytes: &[u8],
) -> Result<(String, Vec<Finding>), AppError> {
    crate::access::require(actor, Action::ManageInventory)?;
    let contract = crate::contracts::get(app, actor, contract_id)
        .await?
        .contract;
    let read = read(bytes)?;
    let [incoming] = read.entries.as_slice() else {
        return Err(AppError::from(
            FieldError::new("file", "one_entry_expected", "invalid-register-one-entry")
                .with("count", read.entries.len()),
        ));
    };
    let sha = hex::encode(Sha256::digest(bytes));
    let mut tx = app.store.begin_write().await?;
    let existing = grip_store::inventory::for_dossier(&mut tx, &contract.dossier_id)
        .await?
        .into_iter()
        .find(|i| i.name == contract.system);
    let item = match existing {
        Some(item) => item,
        None => {
            let now = now_ms();
            let item = InventoryItem {
                id: grip_store::new_id().into(),
                name: contract.system.clone(),
                supplier_id: None,
                supplier_name: None,
                description: incoming.description_short.clone().unwrap_or_default(),
                status: SystemStatus::InUse,
                ai_exposure: AiExposure::Suspected,
                dossier_id: Some(contract.dossier_id.clone().into()),
                dossier_title: None,
                source: InventorySource::SupplierEntry,
                source_id: Some(format!("contract:{contract_id}")),
                source_organisation: Some(contract.supplier.clone()),
                created_at: now,
                updated_at: now,
            };
            grip_store::inventory::insert(&mut tx, &item).await?;
            append_event(
                &mut tx,
                NewEvent {
                    at_ms: now,
                    actor: &actor.username,
                    dossier: Some(&contract.dossier_id),
                    event: ev::InventoryCreated {
                        item_id: item.id.to_string(),
                        name: item.name.clone(),
                        ai_exposure: item.ai_exposure,
                    }
                    .into(),
                },
            )
            .await?;
            item
        }
    };
    let before = super::entry::stored_entry(&mut tx, item.id.as_str()).await?;
    let merged = keep_own_fields(incoming.clone(), before.as_ref());
    let fields = changed_fields(before.as_ref(), &merged);
    store_entry(&mut tx, actor, &item, &merged, Some(&sha), fields).await?;
    tx.commit().await.map_err(grip_store::StoreError::from)?;
    Ok((item.id.into_string(), read.findings))
}
