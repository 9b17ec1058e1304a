//! Import of the public Dutch Algorithm Register listing (other organisations' entries, for
//! reference) into the inventory. Entries keep their register id, so importing the same
//! listing again adds nothing twice.

use crate::record::commit_with_event;
use crate::{App, AppError, now_ms};
use grip_core::audit_event as ev;
use grip_core::inventory::{AiExposure, InventoryItem, InventorySource, SystemStatus};
use grip_store::WriteTx;
use grip_store::audit::NewEvent;
use grip_store::inventory;
use serde::Deserialize;
use sha2::{Digest, Sha256};

pub const MAX_LISTING_BYTES: usize = 100 * 1024 * 1024;
const MAX_FIELD_CHARS: usize = 20_000;

#[derive(Debug, Deserialize)]
struct Listing {
    algoritmes: Vec<RegisterEntry>,
}

/// One register entry (fields Grip does not use are ignored).
#[derive(Debug, Clone, Deserialize)]
pub struct RegisterEntry {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub organisatie: String,
    #[serde(default)]
    pub doel: String,
    #[serde(default)]
    pub status: String,
}

#[derive(Debug, thiserror::Error)]
pub enum RegisterError {
    #[error("the listing is {0} bytes; the limit is {MAX_LISTING_BYTES} bytes")]
    TooLarge(usize),
    #[error("the listing is not a register listing: {0}")]
    Malformed(String),
}

pub fn parse(bytes: &[u8]) -> Result<Vec<RegisterEntry>, RegisterError> {
    if bytes.len() > MAX_LISTING_BYTES {
        return Err(RegisterError::TooLarge(bytes.len()));
    }
    let listing: Listing =
        serde_json::from_slice(bytes).map_err(|e| RegisterError::Malformed(e.to_string()))?;
    for (i, entry) in listing.algoritmes.iter().enumerate() {
        if entry.id.trim().is_empty() || entry.title.trim().is_empty() {
            return Err(RegisterError::Malformed(format!(
                "entry {i} has no id or title"
            )));
        }
        if entry.doel.chars().count() > MAX_FIELD_CHARS
            || entry.title.chars().count() > MAX_FIELD_CHARS
        {
            return Err(RegisterError::Malformed(format!(
                "entry {} has an over-long field",
                entry.id
            )));
        }
    }
    Ok(listing.algoritmes)
}

fn status_of(entry: &RegisterEntry) -> SystemStatus {
    entry.status.parse().unwrap_or(SystemStatus::Unknown)
}

pub(crate) fn imported_event<'a>(
    actor: &'a str,
    listing_sha256: &str,
    report: ImportReport,
) -> NewEvent<'a> {
    NewEvent {
        at_ms: now_ms(),
        actor,
        dossier: None,
        event: ev::RegisterImported {
            source: InventorySource::AlgorithmRegister,
            listing_sha256: listing_sha256.into(),
            imported: report.imported,
            skipped: report.skipped,
        }
        .into(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportReport {
    pub imported: usize,
    pub skipped: usize,
}

/// Adds the entries not yet in the inventory, inside `tx`; the caller records the event
/// (`imported_event`) with the rest of its change.
pub(crate) async fn import_into(
    tx: &mut WriteTx,
    entries: &[RegisterEntry],
) -> Result<ImportReport, AppError> {
    let now = now_ms();
    let mut report = ImportReport {
        imported: 0,
        skipped: 0,
    };
    for entry in entries {
        if inventory::exists_by_source(tx, InventorySource::AlgorithmRegister, &entry.id).await? {
            report.skipped += 1;
            continue;
        }
        let record = InventoryItem {
            id: grip_store::new_id().into(),
            name: entry.title.trim().into(),
            supplier_id: None,
            supplier_name: None,
            description: entry.doel.trim().into(),
            status: status_of(entry),
            // The register carries no AI label; screening or a person decides later.
            ai_exposure: AiExposure::Unknown,
            dossier_id: None,
            dossier_title: None,
            source: InventorySource::AlgorithmRegister,
            source_id: Some(entry.id.clone()),
            source_organisation: Some(entry.organisatie.trim().into()),
            created_at: now,
            updated_at: now,
        };
        inventory::insert(tx, &record).await?;
        report.imported += 1;
    }
    Ok(report)
}

/// `grip import register FILE`: the whole import is one transaction; a bad file changes nothing.
pub async fn import_listing(
    app: &App,
    actor: &str,
    bytes: &[u8],
) -> Result<ImportReport, AppError> {
    let entries = parse(bytes).map_err(|e| {
        AppError::from(grip_core::dossier::FieldError::verbatim(
            "file",
            "invalid_listing",
            e,
        ))
    })?;
    let sha = hex::encode(Sha256::digest(bytes));
    let mut tx = app.store.begin_write().await?;
    let report = import_into(&mut tx, &entries).await?;
    commit_with_event(tx, imported_event(actor, &sha, report)).await?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_listings_are_refused() {
        assert!(parse(b"not json").is_err());
        assert!(parse(br#"{"algoritmes": [{"id": "", "title": "x"}]}"#).is_err());
        assert!(parse(br#"{"items": []}"#).is_err());
        let ok = parse(
            br#"{"algoritmes": [{"id": "1", "title": "MONOcam", "organisatie": "Politie"}]}"#,
        )
        .unwrap();
        assert_eq!(ok[0].organisatie, "Politie");
    }
}
