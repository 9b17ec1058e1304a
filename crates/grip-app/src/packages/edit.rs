//! Editing a draft package item by item: reword, mark knock-out or award, weigh, remove,
//! move within its section, and add an item (one the draft left out, or the buyer's own).

use grip_core::audit_event::{self as ev, AuditEvent};
use grip_core::package::PackageVersion;
use grip_core::package::{MAX_ITEMS, check_item_text, check_weight};
use grip_knowledge::Text;
use grip_knowledge::tender::{PackageItem, SectionKind, Use};
use grip_store::WriteTx;
use grip_store::audit::NewEvent;
use grip_store::packages::{self, ItemRow};
use serde_json::{Value, json};

use super::{draft_for_change, rows};
use crate::record::commit_with_event;
use crate::{Action, Actor, App, AppError, now_ms};

/// The changes to one item; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct ItemEdit {
    pub text_nl: Option<String>,
    pub text_en: Option<String>,
    pub use_: Option<Use>,
    /// `Some(None)` clears the weight.
    pub weight: Option<Option<i64>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// An item to add: a knowledge item the generator selects for this dossier (by its key), or
/// the buyer's own text.
#[derive(Debug, Clone)]
pub enum NewItem {
    Knowledge {
        key: String,
    },
    Own {
        section: SectionKind,
        text_nl: String,
        text_en: String,
        use_: Use,
    },
}

/// An item key names a resource (it is part of the API path), so an unknown one is not found.
fn not_found_item(_key: &str) -> AppError {
    AppError::NotFound("package item")
}

fn find<'a>(rows: &'a [ItemRow], key: &str) -> Result<&'a ItemRow, AppError> {
    rows.iter()
        .find(|r| r.item_key == key)
        .ok_or_else(|| not_found_item(key))
}

fn note(changes: &mut ev::Changes, field: &str, from: Value, to: Value) {
    if from != to {
        changes.insert(field.into(), ev::FieldChange { from, to });
    }
}

/// Applies an edit to the draft's item; the audit event lists each changed field.
pub async fn edit_item(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    key: &str,
    edit: &ItemEdit,
) -> Result<(), AppError> {
    let mut tx = app.store.begin_write().await?;
    let header = draft_for_change(&mut tx, actor, Action::EditPackage, dossier_id).await?;
    let items = packages::items(&mut tx, &header.id).await?;
    let current = find(&items, key)?.clone();
    let mut next = current.clone();
    let mut errors = Vec::new();
    if let Some(text) = &edit.text_nl {
        match check_item_text("text_nl", text) {
            Ok(t) => next.text_nl = t,
            Err(e) => errors.push(e),
        }
    }
    if let Some(text) = &edit.text_en {
        match check_item_text("text_en", text) {
            Ok(t) => next.text_en = t,
            Err(e) => errors.push(e),
        }
    }
    if let Some(use_) = edit.use_ {
        next.use_kind = rows::wire_name(&use_);
    }
    if let Some(weight) = edit.weight {
        match weight.map(check_weight).transpose() {
            Ok(w) => next.weight = w,
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let mut changes = ev::Changes::new();
    let fields = [
        ("text_nl", json!(current.text_nl), json!(next.text_nl)),
        ("text_en", json!(current.text_en), json!(next.text_en)),
        ("use", json!(current.use_kind), json!(next.use_kind)),
        ("weight", json!(current.weight), json!(next.weight)),
    ];
    for (field, from, to) in fields {
        note(&mut changes, field, from, to);
    }
    if changes.is_empty() {
        return Ok(());
    }
    packages::update_item(&mut tx, &next).await?;
    commit_draft_change(
        tx,
        &header,
        actor,
        dossier_id,
        ev::PackageItemEdited {
            key: key.into(),
            knowledge_id: current.knowledge_id.clone(),
            changes,
            version: header.version,
        }
        .into(),
    )
    .await?;
    Ok(())
}

pub async fn remove_item(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    key: &str,
) -> Result<(), AppError> {
    let mut tx = app.store.begin_write().await?;
    let header = draft_for_change(&mut tx, actor, Action::EditPackage, dossier_id).await?;
    let items = packages::items(&mut tx, &header.id).await?;
    let current = find(&items, key)?;
    packages::delete_item(&mut tx, &header.id, key).await?;
    commit_draft_change(
        tx,
        &header,
        actor,
        dossier_id,
        ev::PackageItemRemoved {
            key: key.into(),
            knowledge_id: current.knowledge_id.clone(),
            section: current.section.clone(),
            text_nl: current.text_nl.clone(),
            version: header.version,
        }
        .into(),
    )
    .await?;
    Ok(())
}

/// Swaps the item with its neighbour in the section; at either end nothing changes.
pub async fn move_item(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    key: &str,
    direction: Direction,
) -> Result<(), AppError> {
    let mut tx = app.store.begin_write().await?;
    let header = draft_for_change(&mut tx, actor, Action::EditPackage, dossier_id).await?;
    let items = packages::items(&mut tx, &header.id).await?;
    let current = find(&items, key)?.clone();
    let mut section: Vec<ItemRow> = items
        .into_iter()
        .filter(|r| r.section == current.section)
        .collect();
    section.sort_by_key(|r| r.ordinal);
    let at = section.iter().position(|r| r.item_key == key).unwrap_or(0);
    let other = match direction {
        Direction::Up if at > 0 => at - 1,
        Direction::Down if at + 1 < section.len() => at + 1,
        _ => return Ok(()),
    };
    // Renumber the whole section so equal or sparse ordinals cannot make a swap a no-op.
    section.swap(at, other);
    for (n, row) in section.iter_mut().enumerate() {
        row.ordinal = i64::try_from(n).unwrap_or(i64::MAX);
        packages::update_item(&mut tx, row).await?;
    }
    commit_draft_change(
        tx,
        &header,
        actor,
        dossier_id,
        ev::PackageItemMoved {
            key: key.into(),
            section: current.section.clone(),
            from: at + 1,
            to: other + 1,
            version: header.version,
        }
        .into(),
    )
    .await?;
    Ok(())
}

/// Adds an item at the end of its section and returns its key.
pub async fn add_item(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    new: &NewItem,
) -> Result<String, AppError> {
    let slots = {
        let mut conn = app.store.conn().await?;
        grip_store::packages::latest(&mut conn, dossier_id)
            .await?
            .map(|p| serde_json::from_str(&p.slots).unwrap_or_default())
            .unwrap_or_default()
    };
    let (section, item) = match new {
        NewItem::Knowledge { key } => {
            let generated = super::preview(app, actor, dossier_id, slots).await?;
            generated
                .sections
                .iter()
                .find_map(|s| {
                    s.items
                        .iter()
                        .find(|i| &i.key == key)
                        .map(|i| (s.kind, i.clone()))
                })
                .ok_or_else(|| not_found_item(key))?
        }
        NewItem::Own {
            section,
            text_nl,
            text_en,
            use_,
        } => (
            *section,
            own_item(text_nl, text_en, *use_, &actor.username)?,
        ),
    };
    let mut tx = app.store.begin_write().await?;
    let header = draft_for_change(&mut tx, actor, Action::EditPackage, dossier_id).await?;
    let items = packages::items(&mut tx, &header.id).await?;
    if items.len() >= MAX_ITEMS {
        return Err(grip_core::dossier::FieldError::new(
            "key",
            "too_many_items",
            "invalid-too-many-items",
        )
        .with("max", MAX_ITEMS)
        .into());
    }
    if items.iter().any(|r| r.item_key == item.key) {
        return Err(AppError::Conflict(format!(
            "Het item '{}' staat al in het pakket.",
            item.key
        )));
    }
    let name = rows::wire_name(&section);
    let ordinal = items
        .iter()
        .filter(|r| r.section == name)
        .map(|r| r.ordinal + 1)
        .max()
        .unwrap_or(0);
    packages::insert_item(
        &mut tx,
        &rows::item_row(&header.id, section, ordinal, &item),
    )
    .await?;
    commit_draft_change(
        tx,
        &header,
        actor,
        dossier_id,
        ev::PackageItemAdded {
            key: item.key.clone(),
            knowledge_id: item.knowledge_id.clone(),
            section: name.to_string(),
            text_nl: item.text.nl.clone(),
            version: header.version,
        }
        .into(),
    )
    .await?;
    Ok(item.key)
}

/// The buyer's own item: no knowledge item behind it, which its reason says.
fn own_item(
    text_nl: &str,
    text_en: &str,
    use_: Use,
    username: &str,
) -> Result<PackageItem, AppError> {
    let nl = check_item_text("text_nl", text_nl).map_err(|e| AppError::Invalid(vec![e]))?;
    // An English text is optional for an own item; the Dutch one stands in for it.
    let en = if text_en.trim().is_empty() {
        nl.clone()
    } else {
        check_item_text("text_en", text_en).map_err(|e| AppError::Invalid(vec![e]))?
    };
    let key = format!("eigen-{}", grip_store::new_id());
    Ok(PackageItem {
        key,
        knowledge_id: "eigen".into(),
        title: None,
        text: Text { nl, en },
        use_,
        reason: Text {
            nl: format!("Eigen item, toegevoegd door {username}; geen kennisitem."),
            en: format!("Own item, added by {username}; not from a knowledge pack."),
        },
        purpose: None,
        secures: None,
        source: None,
        group: None,
        weight: None,
        original: None,
        addressee: None,
    })
}

/// Marks the draft as changed and commits the change with its audit event, which names the
/// package version.
async fn commit_draft_change(
    mut tx: WriteTx,
    header: &PackageVersion,
    actor: &Actor,
    dossier_id: &str,
    event: AuditEvent,
) -> Result<(), AppError> {
    let now = now_ms();
    packages::touch(&mut tx, &header.id, now).await?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &actor.username,
            dossier: Some(dossier_id),
            event,
        },
    )
    .await?;
    Ok(())
}
