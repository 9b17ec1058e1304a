//! Entries in the publication standard into Grip: a supplier's template (one object or a
//! list) becomes a system of the organisation's own, with every field the supplier wrote;
//! or it fills the entry of a system that exists. A refused file changes nothing; the same
//! file twice adds nothing the second time.

use super::listing::{self, ImportReport};
use crate::record::{append_event, commit_with_event};
use crate::{Action, Actor, App, AppError, now_ms};
use grip_core::audit_event as ev;
use grip_core::dossier::FieldError;
use grip_core::inventory::{
    AiExposure, EntryOrigin, InventoryItem, InventorySource, StoredRegisterEntry, SystemStatus,
};
use grip_knowledge::Lang;
use grip_register::{
    FileError, Finding, PublicationCategory, RegisterEntry, RegisterStatus, read_file,
};
use grip_store::audit::NewEvent;
use grip_store::{WriteTx, inventory, register_entries};
use sha2::{Digest, Sha256};

/// What a register file was and what importing it did.
#[derive(Debug)]
pub enum ImportedFile {
    /// The public listing of the register (other organisations' entries).
    Listing(ImportReport),
    /// Entries in the publication standard.
    Standard(StandardImport),
}

#[derive(Debug, Default)]
pub struct StandardImport {
    pub imported: usize,
    pub skipped: usize,
    /// The systems made or found (id, name), in file order.
    pub items: Vec<(String, String)>,
    /// What was corrected or kept aside on the way.
    pub notes: Vec<Finding>,
}

fn is_listing(bytes: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(bytes)
        .is_ok_and(|v| v.get("algoritmes").is_some_and(serde_json::Value::is_array))
}

/// A refused file as field errors, one per finding, worded in both languages (the detail, for
/// a terminal, in English).
fn refused(findings: impl Iterator<Item = Finding>) -> AppError {
    AppError::Invalid(
        findings
            .map(|f| {
                FieldError::new(
                    format!("entry.{}.{}", f.entry, f.key),
                    "invalid_register_entry",
                    "invalid-register-finding",
                )
                .with("entry", f.entry)
                .with("nl", f.describe(Lang::Nl))
                .with("en", f.describe(Lang::En))
                .with(
                    "detail",
                    format!("entry {}: {}", f.entry, f.describe(Lang::En)),
                )
            })
            .collect(),
    )
}

/// A file that is not a register file, in words for both languages (and English for a terminal).
fn file_refused(e: FileError) -> AppError {
    let error = match &e {
        FileError::TooLarge(size) => {
            FieldError::new("file", "too_large", "invalid-register-too-large")
                .with("size", size)
                .with("limit", grip_register::read::MAX_FILE_BYTES)
        }
        FileError::NotJson { line, column } => {
            FieldError::new("file", "not_json", "invalid-register-not-json")
                .with("line", line)
                .with("column", column)
        }
        FileError::NotEntries => {
            FieldError::new("file", "no_entries", "invalid-register-no-entries")
        }
        FileError::TooMany(count) => {
            FieldError::new("file", "too_many", "invalid-register-too-many")
                .with("count", count)
                .with("limit", grip_register::read::MAX_ENTRIES)
        }
    };
    AppError::from(error.with("detail", e))
}

pub(super) fn read(bytes: &[u8]) -> Result<grip_register::ReadFile, AppError> {
    let read = read_file(bytes).map_err(file_refused)?;
    if read.is_refused() {
        return Err(refused(
            read.refusals().cloned().collect::<Vec<_>>().into_iter(),
        ));
    }
    // Grip names every system; the standard requires a name too.
    let nameless = read
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.name.is_none());
    let nameless: Vec<Finding> = nameless
        .map(|(i, _)| Finding {
            entry: i + 1,
            key: "name".into(),
            issue: grip_register::Issue::Missing,
        })
        .collect();
    if !nameless.is_empty() {
        return Err(refused(nameless.into_iter()));
    }
    Ok(read)
}

/// `grip import register FILE`: the listing or a file in the standard, one transaction.
pub async fn import_file(app: &App, actor: &Actor, bytes: &[u8]) -> Result<ImportedFile, AppError> {
    crate::access::require(actor, Action::ManageInventory)?;
    if is_listing(bytes) {
        return Ok(ImportedFile::Listing(
            listing::import_listing(app, &actor.username, bytes).await?,
        ));
    }
    let read = read(bytes)?;
    let sha = hex::encode(Sha256::digest(bytes));
    let mut report = StandardImport {
        notes: read.findings.clone(),
        ..StandardImport::default()
    };
    let mut tx = app.store.begin_write().await?;
    for entry in &read.entries {
        let key = source_key(entry);
        if let Some(id) =
            inventory::id_by_source(&mut tx, InventorySource::SupplierEntry, &key).await?
        {
            report.skipped += 1;
            report
                .items
                .push((id, entry.name.clone().unwrap_or_default()));
            continue;
        }
        let item = new_system(entry, key);
        inventory::insert(&mut tx, &item).await?;
        store_entry(
            &mut tx,
            actor,
            &item,
            entry,
            Some(&sha),
            changed_fields(None, entry),
        )
        .await?;
        report.imported += 1;
        report.items.push((item.id.into_string(), item.name));
    }
    let summary = ImportReport {
        imported: report.imported,
        skipped: report.skipped,
    };
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now_ms(),
            actor: &actor.username,
            dossier: None,
            event: ev::RegisterImported {
                source: InventorySource::SupplierEntry,
                listing_sha256: sha,
                imported: summary.imported,
                skipped: summary.skipped,
            }
            .into(),
        },
    )
    .await?;
    Ok(ImportedFile::Standard(report))
}

/// A supplier's (new) entry for a system that exists. The organisation's own fields that
/// the file leaves empty keep what the organisation wrote.
pub async fn import_entry_into(
    app: &App,
    actor: &Actor,
    item_id: &str,
    bytes: &[u8],
) -> Result<Vec<Finding>, AppError> {
    crate::access::require(actor, Action::ManageInventory)?;
    let read = read(bytes)?;
    let [incoming] = read.entries.as_slice() else {
        return Err(AppError::from(
            FieldError::new("file", "one_entry_expected", "invalid-register-one-entry")
                .with("count", read.entries.len()),
        ));
    };
    let sha = hex::encode(Sha256::digest(bytes));
    let mut tx = app.store.begin_write().await?;
    let item = crate::inventory::readable(&mut tx, actor, item_id).await?;
    let before = super::entry::stored_entry(&mut tx, item_id).await?;
    let merged = keep_own_fields(incoming.clone(), before.as_ref());
    let fields = changed_fields(before.as_ref(), &merged);
    store_entry(&mut tx, actor, &item, &merged, Some(&sha), fields).await?;
    tx.commit().await.map_err(grip_store::StoreError::from)?;
    Ok(read.findings)
}

/// The organisation-written fields of `before` fill what the supplier's file leaves empty.
pub(super) fn keep_own_fields(
    mut incoming: RegisterEntry,
    before: Option<&RegisterEntry>,
) -> RegisterEntry {
    let Some(before) = before else {
        return incoming;
    };
    let mut fields = incoming.standard_fields();
    let old = before.standard_fields();
    for spec in grip_register::standard::FIELDS {
        if spec.writer == grip_register::standard::Writer::Supplier {
            continue;
        }
        let empty = fields
            .get(spec.key)
            .is_none_or(|v| !grip_register::read::is_filled(v));
        if let Some(value) = old
            .get(spec.key)
            .filter(|v| empty && grip_register::read::is_filled(v))
        {
            fields.insert(spec.key.into(), value.clone());
        }
    }
    let extra = std::mem::take(&mut incoming.extra);
    let mut merged: RegisterEntry =
        serde_json::from_value(serde_json::Value::Object(fields)).unwrap_or(incoming);
    merged.extra = extra;
    merged
}

/// The standard's keys whose value differs between `before` and `after`.
pub(super) fn changed_fields(before: Option<&RegisterEntry>, after: &RegisterEntry) -> Vec<String> {
    let old = before
        .map(RegisterEntry::standard_fields)
        .unwrap_or_default();
    let new = after.standard_fields();
    grip_register::standard::FIELDS
        .iter()
        .filter(|f| {
            let a = old.get(f.key).filter(|v| grip_register::read::is_filled(v));
            let b = new.get(f.key).filter(|v| grip_register::read::is_filled(v));
            a != b
        })
        .map(|f| f.key.to_string())
        .collect()
}

/// Writes the system's entry and its audit event (in `tx`).
pub(super) async fn store_entry(
    tx: &mut WriteTx,
    actor: &Actor,
    item: &InventoryItem,
    entry: &RegisterEntry,
    file_sha256: Option<&str>,
    fields: Vec<String>,
) -> Result<(), AppError> {
    let origin = if file_sha256.is_some() {
        EntryOrigin::File
    } else {
        EntryOrigin::Edited
    };
    let now = now_ms();
    register_entries::put(
        tx,
        &StoredRegisterEntry {
            item_id: item.id.clone(),
            entry_json: serde_json::to_string(entry).expect("plain data serialises"),
            origin,
            file_sha256: file_sha256.map(str::to_string),
            updated_by: actor.username.clone(),
            updated_at: now,
        },
    )
    .await?;
    append_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &actor.username,
            dossier: item.dossier_id.as_ref().map(|d| d.as_str()),
            event: ev::RegisterEntrySet {
                item_id: item.id.to_string(),
                name: item.name.clone(),
                origin,
                file_sha256: file_sha256.map(str::to_string),
                fields,
            }
            .into(),
        },
    )
    .await?;
    Ok(())
}

/// What identifies an entry across imports: the supplier's own id, the register's, or else
/// the entry's content.
fn source_key(entry: &RegisterEntry) -> String {
    let own = entry.extra.get("id").and_then(|v| v.as_str());
    own.or(entry.source_id.as_deref())
        .or(entry.lars.as_deref())
        .map(|k| k.trim().to_string())
        .filter(|k| !k.is_empty())
        .unwrap_or_else(|| {
            let canonical = serde_json::to_string(&entry.standard_fields()).unwrap_or_default();
            format!(
                "sha256:{}",
                hex::encode(Sha256::digest(canonical.as_bytes()))
            )
        })
}

fn new_system(entry: &RegisterEntry, key: String) -> InventoryItem {
    let now = now_ms();
    let name = entry.name.clone().unwrap_or_default();
    InventoryItem {
        id: grip_store::new_id().into(),
        name: name.trim().chars().take(200).collect(),
        supplier_id: None,
        supplier_name: None,
        description: entry.description_short.clone().unwrap_or_default(),
        status: match entry.status {
            Some(RegisterStatus::InUse) => SystemStatus::InUse,
            Some(RegisterStatus::InDevelopment) => SystemStatus::InDevelopment,
            Some(RegisterStatus::Retired) => SystemStatus::Retired,
            None => SystemStatus::Unknown,
        },
        // An entry the supplier calls a high-risk AI system is AI; any other algorithm may be.
        ai_exposure: if entry.publication_category == Some(PublicationCategory::HighRiskAi) {
            AiExposure::Confirmed
        } else {
            AiExposure::Suspected
        },
        dossier_id: None,
        dossier_title: None,
        source: InventorySource::SupplierEntry,
        source_id: Some(key),
        source_organisation: entry.provider.clone(),
        created_at: now,
        updated_at: now,
    }
}
