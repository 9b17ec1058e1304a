//! The dossier's tender package: generated from the dossier's facts and the knowledge packs,
//! edited item by item as a draft, frozen as a numbered version that never changes again, and
//! exported. Every change is one transaction with its audit event.

mod edit;
pub mod export;
pub(crate) mod facts;
mod freeze;
pub(crate) mod inputs;
mod rows;

use grip_core::audit_event as ev;
use std::collections::BTreeMap;

use grip_core::package::PackageVersion;
use grip_core::package::{PackageState, unbalanced_award_groups};
use grip_knowledge::tender::TenderKnowledge;
use grip_store::audit::NewEvent;
use grip_store::packages;
use grip_store::{Conn, dossiers};
use sha2::{Digest, Sha256};

use crate::access::{require_on_dossier, require_read};
use crate::record::commit_with_event;
use crate::{Action, Actor, App, AppError, now_ms};

pub use edit::{Direction, ItemEdit, NewItem, add_item, edit_item, move_item, remove_item};
pub use export::{ExportFormat, Exported, export};
pub use facts::{MAX_SLOT_CHARS, check_slots};
pub use freeze::{freeze, stale_changes};
pub use grip_knowledge::tender::questions::SCENARIO_SLOTS;
pub use grip_knowledge::tender::{PackageItem, SectionKind, TenderPackage, Use};
pub use rows::{parse_section, parse_use};

/// The tender packs compiled into this binary, loaded and validated once per process.
pub fn knowledge() -> Result<&'static TenderKnowledge, AppError> {
    static PACKS: std::sync::OnceLock<Result<TenderKnowledge, String>> = std::sync::OnceLock::new();
    PACKS
        .get_or_init(|| TenderKnowledge::embedded().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| AppError::Internal(format!("the tender knowledge packs are invalid: {e}")))
}

/// One version of a dossier's package as stored.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StoredPackage {
    #[serde(skip)]
    pub header: PackageVersion,
    pub version: i64,
    pub state: PackageState,
    pub frozen_at: Option<i64>,
    pub frozen_by: Option<String>,
    pub content_hash: Option<String>,
    pub slots: BTreeMap<String, String>,
    /// Award-criterion groups whose weights do not add up to 100, with their sum.
    pub unbalanced: Vec<(String, i64)>,
    pub package: TenderPackage,
}

impl StoredPackage {
    pub fn is_draft(&self) -> bool {
        self.state == PackageState::Draft
    }
}

pub(crate) async fn load(
    conn: &mut Conn,
    header: PackageVersion,
) -> Result<StoredPackage, AppError> {
    let items = packages::items(conn, &header.id).await?;
    let package = rows::assemble(&header, &items)?;
    Ok(StoredPackage {
        version: header.version,
        state: header.state,
        frozen_at: header.frozen_at,
        frozen_by: header.frozen_by.clone(),
        content_hash: header.content_hash.clone(),
        slots: serde_json::from_str(&header.slots).unwrap_or_default(),
        unbalanced: award_balance(&package),
        package,
        header,
    })
}

fn award_balance(package: &TenderPackage) -> Vec<(String, i64)> {
    let weights = package
        .items()
        .filter(|i| i.use_ == Use::Award && i.weight.is_some())
        .map(|i| (i.group.as_deref(), i64::from(i.weight.unwrap_or(0))));
    unbalanced_award_groups(weights)
}

/// The SHA-256 of the package as stored (the JSON document with the team's reasons and
/// every addressed question): what a freeze seals. Exports are derived from it per addressee.
pub fn content_hash(package: &TenderPackage) -> String {
    let bytes = serde_json::to_vec(package).unwrap_or_default();
    hex::encode(Sha256::digest(&bytes))
}

/// The newest version (draft or frozen), if a package was ever generated.
pub async fn current(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
) -> Result<Option<StoredPackage>, AppError> {
    let mut conn = app.store.conn().await?;
    require_read(&mut conn, actor, dossier_id).await?;
    match packages::latest(&mut conn, dossier_id).await? {
        Some(header) => Ok(Some(load(&mut conn, header).await?)),
        None => Ok(None),
    }
}

/// A given version, or the newest when `version` is None.
pub async fn get(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    version: Option<i64>,
) -> Result<StoredPackage, AppError> {
    let mut conn = app.store.conn().await?;
    require_read(&mut conn, actor, dossier_id).await?;
    let header = match version {
        Some(v) => packages::by_version(&mut conn, dossier_id, v).await?,
        None => packages::latest(&mut conn, dossier_id).await?,
    };
    load(&mut conn, header.ok_or(AppError::NotFound("package"))?).await
}

/// Every version, newest first.
pub async fn versions(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
) -> Result<Vec<PackageVersion>, AppError> {
    let mut conn = app.store.conn().await?;
    require_read(&mut conn, actor, dossier_id).await?;
    Ok(packages::versions(&mut conn, dossier_id).await?)
}

/// The package the generator makes for the dossier now (not stored): for showing which
/// knowledge items a draft left out.
pub async fn preview(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    slots: BTreeMap<String, String>,
) -> Result<TenderPackage, AppError> {
    let mut conn = app.store.conn().await?;
    require_read(&mut conn, actor, dossier_id).await?;
    let dossier = dossiers::get(&mut conn, dossier_id)
        .await?
        .ok_or(AppError::NotFound("dossier"))?;
    let facts = facts::dossier_facts(&mut conn, &dossier, slots).await?;
    Ok(grip_knowledge::tender::generate(knowledge()?, &facts))
}

/// Generates the package from the dossier's facts. A draft in progress is replaced (its
/// edits are in the audit trail); after a frozen version the new draft gets the next number.
pub async fn generate(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    slots: &BTreeMap<String, String>,
) -> Result<StoredPackage, AppError> {
    let slots = check_slots(slots)?;
    let mut tx = app.store.begin_write().await?;
    let dossier = dossiers::get(&mut tx, dossier_id)
        .await?
        .ok_or(AppError::NotFound("dossier"))?;
    require_on_dossier(&mut tx, actor, Action::EditPackage, dossier_id).await?;
    let facts = facts::dossier_facts(&mut tx, &dossier, slots.clone()).await?;
    let package = grip_knowledge::tender::generate(knowledge()?, &facts);
    let classification_id = facts::newest_classification_id(&mut tx, dossier_id).await?;
    let generated_from = inputs::PackageInputs::of(&dossier, &facts, classification_id);
    let latest = packages::latest(&mut tx, dossier_id).await?;
    let (version, replaced) = match &latest {
        Some(p) if p.state == PackageState::Draft => {
            packages::delete_draft(&mut tx, &p.id).await?;
            (p.version, true)
        }
        Some(p) => (p.version + 1, false),
        None => (1, false),
    };
    let now = now_ms();
    let header = PackageVersion {
        id: grip_store::new_id().into(),
        dossier_id: dossier_id.into(),
        version,
        state: PackageState::Draft,
        title: package.title.clone(),
        category: package.category.clone(),
        verdict: rows::wire_name(&package.verdict),
        knowledge: serde_json::to_string(&package.knowledge).unwrap_or_else(|_| "[]".into()),
        slots: serde_json::to_string(&slots).unwrap_or_else(|_| "{}".into()),
        created_by: actor.username.clone(),
        created_at: now,
        updated_at: now,
        frozen_by: None,
        frozen_at: None,
        content_hash: None,
        inputs: generated_from.to_json(),
    };
    packages::insert(&mut tx, &header).await?;
    insert_items(&mut tx, &header.id, &package).await?;
    let counts: BTreeMap<String, usize> = package
        .sections
        .iter()
        .map(|s| (rows::wire_name(&s.kind), s.items.len()))
        .collect();
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &actor.username,
            dossier: Some(dossier_id),
            event: ev::PackageGenerated {
                version,
                replaced_draft: replaced,
                verdict: header.verdict.clone(),
                knowledge: package.knowledge.clone(),
                slots: slots.clone(),
                items: counts,
            }
            .into(),
        },
    )
    .await?;
    get(app, actor, dossier_id, Some(version)).await
}

async fn insert_items(
    tx: &mut Conn,
    package_id: &str,
    package: &TenderPackage,
) -> Result<(), AppError> {
    for section in &package.sections {
        for (n, item) in section.items.iter().enumerate() {
            let ordinal = i64::try_from(n).unwrap_or(i64::MAX);
            packages::insert_item(tx, &rows::item_row(package_id, section.kind, ordinal, item))
                .await?;
        }
    }
    Ok(())
}

/// The newest version if it is a draft; a conflict otherwise (frozen versions never change).
pub(crate) async fn draft_for_change(
    tx: &mut Conn,
    actor: &Actor,
    action: Action,
    dossier_id: &str,
) -> Result<PackageVersion, AppError> {
    dossiers::get(tx, dossier_id)
        .await?
        .ok_or(AppError::NotFound("dossier"))?;
    require_on_dossier(tx, actor, action, dossier_id).await?;
    let latest = packages::latest(tx, dossier_id)
        .await?
        .ok_or(AppError::NotFound("package"))?;
    if latest.state != PackageState::Draft {
        return Err(AppError::Conflict(format!(
            "Versie {} van het pakket is bevroren en verandert niet meer; begin een nieuwe versie.",
            latest.version
        )));
    }
    Ok(latest)
}

/// Starts a new draft version as a copy of the newest frozen version: its items with their
/// edits, its scenario situation and what it was generated from.
pub async fn revise(app: &App, actor: &Actor, dossier_id: &str) -> Result<StoredPackage, AppError> {
    let mut tx = app.store.begin_write().await?;
    dossiers::get(&mut tx, dossier_id)
        .await?
        .ok_or(AppError::NotFound("dossier"))?;
    require_on_dossier(&mut tx, actor, Action::EditPackage, dossier_id).await?;
    let latest = packages::latest(&mut tx, dossier_id)
        .await?
        .ok_or(AppError::NotFound("package"))?;
    if latest.state == PackageState::Draft {
        return Err(AppError::Conflict(format!(
            "Versie {} is nog een concept.",
            latest.version
        )));
    }
    let frozen = load(&mut tx, latest.clone()).await?;
    let now = now_ms();
    let header = PackageVersion {
        id: grip_store::new_id().into(),
        version: latest.version + 1,
        state: PackageState::Draft,
        created_by: actor.username.clone(),
        created_at: now,
        updated_at: now,
        frozen_by: None,
        frozen_at: None,
        content_hash: None,
        ..latest.clone()
    };
    packages::insert(&mut tx, &header).await?;
    insert_items(&mut tx, &header.id, &frozen.package).await?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &actor.username,
            dossier: Some(dossier_id),
            event: ev::PackageRevised {
                version: header.version,
                from_version: latest.version,
            }
            .into(),
        },
    )
    .await?;
    get(app, actor, dossier_id, Some(header.version)).await
}

/// Sections in the fixed order, for forms.
pub fn sections() -> [SectionKind; 6] {
    SectionKind::ALL
}
