//! The inventory of procured systems with (possible) AI: list, read, add by hand.

use crate::access::require;
use crate::record::commit_with_event;
use crate::{Action, Actor, App, AppError, Page, Paging, now_ms};
use grip_core::audit_event as ev;
use grip_core::dossier::Dossier;
use grip_core::dossier::FieldError;
use grip_core::inventory::{
    AiExposure, InventoryFilter, InventoryItem, InventoryScope, InventorySource, ListedSystem,
    SystemStatus, VerdictFilter,
};
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
        && let Err(AppError::NotFound(_)) = crate::access::require_read(&mut tx, actor, id).await
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

/// An inventory filter as typed in a query string; empty values do not filter.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct FilterInput {
    pub q: Option<String>,
    /// `own` (the default), `register` or `all`.
    pub scope: Option<String>,
    pub source: Option<String>,
    pub status: Option<String>,
    pub exposure: Option<String>,
    /// A verdict code, or `none` for systems without a classification.
    pub classification: Option<String>,
}

/// The value of `classification` that asks for systems without one.
pub const UNCLASSIFIED: &str = "none";

/// The verdict codes a classification can have, in the order a filter offers them.
pub const VERDICTS: [&str; 8] = [
    "prohibited",
    "high_risk",
    "transparency",
    "minimal",
    "gpai_model",
    "not_ai_system",
    "out_of_scope",
    "undetermined",
];

impl FilterInput {
    /// Forgets the value of one field (by its name in errors), keeping the others.
    pub fn clear(&mut self, field: &str) {
        let slot = match field {
            "q" => &mut self.q,
            "scope" => &mut self.scope,
            "source" => &mut self.source,
            "status" => &mut self.status,
            "exposure" => &mut self.exposure,
            "classification" => &mut self.classification,
            _ => return,
        };
        *slot = None;
    }

    /// The checked filter, or every field that names no known value.
    pub fn parse(&self) -> Result<InventoryFilter, AppError> {
        let mut errors = Vec::new();
        let scope = pick(&self.scope, "scope", &mut errors)
            .flatten()
            .unwrap_or(InventoryScope::Own);
        let classification = match non_empty(&self.classification) {
            None => None,
            Some(v) if v == UNCLASSIFIED => Some(VerdictFilter::Unclassified),
            Some(v) if VERDICTS.contains(&v.as_str()) => Some(VerdictFilter::Verdict(v)),
            Some(v) => {
                errors.push(unknown_value("classification", &v));
                None
            }
        };
        let filter = InventoryFilter {
            query: non_empty(&self.q).map(|q| q.chars().take(200).collect()),
            scope: (scope != InventoryScope::All).then_some(scope),
            source: pick(&self.source, "source", &mut errors).flatten(),
            status: pick(&self.status, "status", &mut errors).flatten(),
            exposure: pick(&self.exposure, "exposure", &mut errors).flatten(),
            verdict: classification,
        };
        if errors.is_empty() {
            Ok(filter)
        } else {
            Err(AppError::Invalid(errors))
        }
    }
}

/// A code from a query string: `None` when it names nothing known (the error is recorded),
/// `Some(None)` when empty.
fn pick<T: std::str::FromStr>(
    value: &Option<String>,
    field: &'static str,
    errors: &mut Vec<FieldError>,
) -> Option<Option<T>> {
    match non_empty(value) {
        None => Some(None),
        Some(v) => match v.parse() {
            Ok(parsed) => Some(Some(parsed)),
            Err(_) => {
                errors.push(unknown_value(field, &v));
                None
            }
        },
    }
}

fn unknown_value(field: &'static str, value: &str) -> FieldError {
    let shown: String = value.chars().take(40).collect();
    FieldError::new(field, "unknown_filter_value", "invalid-filter-value").with("value", shown)
}

/// One page of the systems that pass the filter. A page past the end shows the last page, so
/// narrowing a filter on page 9 does not leave an empty list.
pub async fn list(
    app: &App,
    actor: &Actor,
    filter: &InventoryFilter,
    paging: Paging,
) -> Result<Page<ListedSystem>, AppError> {
    require(actor, Action::Read)?;
    let mut conn = app.store.conn().await?;
    let scope = crate::access::read_scope(&mut conn, actor).await?;
    let page = inventory::list(&mut conn, filter, &scope, paging).await?;
    if page.items.is_empty() && page.total > 0 && paging.page > 1 {
        let last = (page.total + paging.per_page - 1) / paging.per_page;
        let paging = Paging::new(Some(last), Some(paging.per_page));
        return Ok(inventory::list(&mut conn, filter, &scope, paging).await?);
    }
    Ok(page)
}

/// A system with what it links to: its dossier, that dossier's newest classification, its
/// contracts and the obligations the classification put on it, with their status.
pub struct SystemPage {
    pub item: InventoryItem,
    pub dossier: Option<Dossier>,
    /// The newest classification of the dossier: its id and verdict code.
    pub classification: Option<(String, String)>,
    pub contracts: Vec<grip_core::contract::Contract>,
    pub obligations: Vec<grip_core::obligation::Obligation>,
}

pub async fn system(app: &App, actor: &Actor, id: &str) -> Result<SystemPage, AppError> {
    require(actor, Action::Read)?;
    let mut tx = app.store.begin_read().await?;
    let conn = &mut *tx;
    let item = inventory::get(conn, id)
        .await?
        .ok_or(AppError::NotFound("inventory item"))?;
    if let Some(dossier_id) = &item.dossier_id {
        crate::access::require_read_of(conn, actor, dossier_id, "inventory item").await?;
    }
    let (dossier, classification) = match item.dossier_id.as_deref() {
        Some(d) => {
            let newest = grip_store::classifications::list_for_dossier(
                conn,
                d,
                Paging::new(Some(1), Some(1)),
            )
            .await?
            .items
            .into_iter()
            .next()
            .map(|c| (c.row.id.clone(), c.row.verdict.clone()));
            (grip_store::dossiers::get(conn, d).await?, newest)
        }
        None => (None, None),
    };
    let (contracts, obligations) = match item.dossier_id.as_deref() {
        Some(d) => (
            grip_store::contracts::for_dossier(conn, d).await?,
            grip_store::classifications::obligations(conn, d).await?,
        ),
        None => (Vec::new(), Vec::new()),
    };
    Ok(SystemPage {
        item,
        dossier,
        classification,
        contracts,
        obligations,
    })
}

pub async fn get(app: &App, actor: &Actor, id: &str) -> Result<InventoryItem, AppError> {
    let mut conn = app.store.conn().await?;
    readable(&mut conn, actor, id).await
}

/// The item, for a reader who may see it: need-to-know follows its dossier.
pub(crate) async fn readable(
    conn: &mut grip_store::Conn,
    actor: &Actor,
    id: &str,
) -> Result<InventoryItem, AppError> {
    require(actor, Action::Read)?;
    let item = inventory::get(conn, id)
        .await?
        .ok_or(AppError::NotFound("inventory item"))?;
    if let Some(dossier_id) = &item.dossier_id {
        crate::access::require_read_of(conn, actor, dossier_id.as_str(), "inventory item").await?;
    }
    Ok(item)
}
