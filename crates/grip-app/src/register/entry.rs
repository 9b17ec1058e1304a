//! A system's entry in the publication standard as Grip shows it: what is stored, completed
//! with the organisation's fields and the publication category derived from the newest
//! classification, and what is still open before it can be exported. The organisation's own
//! fields are edited here too.

use super::import::{changed_fields, store_entry};
use super::settings::organisation_fields;
use crate::{Action, Actor, App, AppError, Paging};
use grip_core::dossier::FieldError;
use grip_core::inventory::{InventoryItem, StoredRegisterEntry, SystemStatus};
use grip_knowledge::classification::Classification;
use grip_register::{
    ClassificationFacts, Finding, Publication, PublicationCategory, RegisterEntry, RegisterStatus,
    export, publication,
};
use grip_store::{Conn, register_entries};
use serde::Deserialize;

pub struct RegisterView {
    pub item: InventoryItem,
    /// What is stored for the system (none: Grip starts from the inventory's own fields).
    pub stored: Option<StoredRegisterEntry>,
    /// The entry as it would be exported.
    pub completed: RegisterEntry,
    pub publication: Publication,
    /// Required fields still empty, and other problems that keep it from export.
    pub open_points: Vec<Finding>,
}

pub(super) async fn stored_entry(
    conn: &mut Conn,
    item_id: &str,
) -> Result<Option<RegisterEntry>, AppError> {
    let Some(stored) = register_entries::get(conn, item_id).await? else {
        return Ok(None);
    };
    Ok(Some(parse_stored(&stored)?))
}

fn parse_stored(stored: &StoredRegisterEntry) -> Result<RegisterEntry, AppError> {
    serde_json::from_str(&stored.entry_json)
        .map_err(|e| AppError::Conflict(format!("the stored register entry cannot be read: {e}")))
}

/// The entry of a system that has none yet, from what the inventory knows.
fn from_inventory(item: &InventoryItem) -> RegisterEntry {
    RegisterEntry {
        name: Some(item.name.clone()),
        description_short: Some(item.description.clone()).filter(|d| !d.trim().is_empty()),
        provider: item.supplier_name.clone(),
        ..RegisterEntry::default()
    }
}

fn status_of(status: SystemStatus) -> Option<RegisterStatus> {
    match status {
        SystemStatus::InUse => Some(RegisterStatus::InUse),
        SystemStatus::InDevelopment => Some(RegisterStatus::InDevelopment),
        SystemStatus::Retired => Some(RegisterStatus::Retired),
        SystemStatus::Unknown => None,
    }
}

async fn classification_facts(
    conn: &mut Conn,
    item: &InventoryItem,
) -> Result<Option<ClassificationFacts>, AppError> {
    let Some(dossier) = &item.dossier_id else {
        return Ok(None);
    };
    let newest = grip_store::classifications::list_for_dossier(
        conn,
        dossier.as_str(),
        Paging::new(Some(1), Some(1)),
    )
    .await?
    .items
    .into_iter()
    .next();
    Ok(newest
        .and_then(|c| serde_json::from_str::<Classification>(&c.row.result).ok())
        .map(|c| ClassificationFacts {
            verdict: c.verdict,
            annex_iii_points: c.high_risk.map(|h| h.annex_iii_points).unwrap_or_default(),
            as_of: c.as_of.to_string(),
        }))
}

/// The entry of a system with what keeps it from export, for a reader of that system.
pub(super) async fn view_in(
    conn: &mut Conn,
    actor: &Actor,
    item_id: &str,
) -> Result<RegisterView, AppError> {
    let item = crate::inventory::readable(conn, actor, item_id).await?;
    let stored = register_entries::get(conn, item_id).await?;
    let mut entry = match &stored {
        Some(s) => parse_stored(s)?,
        None => from_inventory(&item),
    };
    if entry.status.is_none() {
        entry.status = status_of(item.status);
    }
    let facts = classification_facts(conn, &item).await?;
    let publication = publication::derive(facts.as_ref(), entry.publication_category);
    let org = organisation_fields(conn).await?;
    let completed = export::completed(&entry, &org, &publication);
    let open_points = export::open_points(&entry, &org, &publication);
    Ok(RegisterView {
        item,
        stored,
        completed,
        publication,
        open_points,
    })
}

pub async fn view(app: &App, actor: &Actor, item_id: &str) -> Result<RegisterView, AppError> {
    let mut conn = app.store.conn().await?;
    view_in(&mut conn, actor, item_id).await
}

/// The fields an organisation writes about its own use of a system, as a form sends them:
/// plain text; paragraphs become the standard's `<p>`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct OwnFieldsInput {
    /// `impactful`, `other` or empty (high-risk follows from the classification only).
    #[serde(default)]
    pub publication_category: String,
    #[serde(default)]
    pub lawful_basis: String,
    #[serde(default)]
    pub proportionality: String,
    #[serde(default)]
    pub begin_date: String,
}

/// Plain text as the standard's HTML: one `<p>` per paragraph, everything escaped.
fn as_paragraphs(text: &str) -> Option<String> {
    let paragraphs: Vec<String> = text
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .map(|p| {
            let escaped = p
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            format!("<p>{escaped}</p>")
        })
        .collect();
    (!paragraphs.is_empty()).then(|| paragraphs.concat())
}

fn apply(entry: &mut RegisterEntry, input: &OwnFieldsInput) -> Result<(), AppError> {
    entry.publication_category = match input.publication_category.trim() {
        "" => entry
            .publication_category
            .filter(|c| *c == PublicationCategory::HighRiskAi),
        "impactful" => Some(PublicationCategory::Impactful),
        "other" => Some(PublicationCategory::Other),
        _ => {
            return Err(AppError::from(
                FieldError::new(
                    "publication_category",
                    "unknown_category",
                    "invalid-choose-from",
                )
                .with("allowed", "impactful, other"),
            ));
        }
    };
    entry.lawful_basis = as_paragraphs(&input.lawful_basis);
    entry.proportionality = as_paragraphs(&input.proportionality);
    let begin = input.begin_date.trim();
    if !begin.is_empty() && !is_year_month(begin) {
        return Err(AppError::invalid(
            "begin_date",
            "invalid_month",
            "invalid-month",
        ));
    }
    entry.begin_date = Some(begin.to_string()).filter(|b| !b.is_empty());
    let problems = grip_register::validate::check(1, &entry.standard_fields(), false);
    if let Some(p) = problems.into_iter().find(|p| p.issue.refuses()) {
        return Err(AppError::from(FieldError::verbatim(
            p.key.clone(),
            "invalid_register_field",
            p.describe(grip_knowledge::Lang::Nl),
        )));
    }
    Ok(())
}

/// `YYYY-MM`, as the register writes months.
fn is_year_month(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 7
        && b[4] == b'-'
        && b[..4].iter().chain(&b[5..]).all(u8::is_ascii_digit)
        && matches!(
            &s[5..],
            "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12"
        )
}

/// Saves the organisation's own fields of a system's entry (creating the entry if needed).
pub async fn update_own_fields(
    app: &App,
    actor: &Actor,
    item_id: &str,
    input: &OwnFieldsInput,
) -> Result<(), AppError> {
    crate::access::require(actor, Action::ManageInventory)?;
    let mut tx = app.store.begin_write().await?;
    let item = crate::inventory::readable(&mut tx, actor, item_id).await?;
    let before = stored_entry(&mut tx, item_id).await?;
    let mut entry = before.clone().unwrap_or_else(|| from_inventory(&item));
    apply(&mut entry, input)?;
    let fields = changed_fields(before.as_ref(), &entry);
    store_entry(&mut tx, actor, &item, &entry, None, fields).await?;
    tx.commit().await.map_err(grip_store::StoreError::from)?;
    Ok(())
}
