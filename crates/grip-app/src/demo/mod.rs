//! `grip demo`: builds a demonstration database with the police procurement service's
//! organisation, accounts for every role, the portfolio, suppliers, dossiers in every phase
//! with documents, and an inventory (optionally with the real Algorithm Register listing).
//! Everything is written in one transaction with its audit events; a database that already
//! holds an organisation is left as it is.

mod award;
mod classifications;
mod contracts;
mod models;
mod register_entries;
mod spend;

use crate::portfolio::{self, PortfolioPack};
use crate::record::{append_event, commit_with_event};
use crate::register;
use crate::{App, AppError, Phase, Role, now_ms};
use grip_core::DataLabel;
use grip_core::audit_event::{self as ev, AuditEvent};
use grip_core::catalogue::{Category, Supplier};
use grip_core::document::{Document, Provenance, SupplierRef};
use grip_core::dossier::{CategoryRef, Dossier, DossierStatus, UserRef};
use grip_core::inventory::InventoryItem;
use grip_core::inventory::{AiExposure, InventorySource, SystemStatus};
use grip_core::user::Organisation;
use grip_store::audit::NewEvent;
use grip_store::catalogue;
use grip_store::dossiers;
use grip_store::inventory;
use grip_store::organisation;
use grip_store::{WriteTx, documents, users};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

pub const DEMO_TOML: &str = include_str!("../../demo/demo.toml");
pub const DEFAULT_PASSWORD: &str = "grip-demo";
const ACTOR: &str = "demo";

/// The demo accounts: username and role.
/// Made-up names for the demo accounts, so that activity reads "Jurist Jeroen de Vries heeft…".
const DEMO_NAMES: [(&str, &str); 11] = [
    ("inkoper", "Anouk Bakker"),
    ("behoeftesteller", "Ravi Soekhoe"),
    ("contractmanager", "Marieke de Boer"),
    ("jurist", "Jeroen de Vries"),
    ("privacy", "Fatima El Amrani"),
    ("security", "Tom Jansen"),
    ("ai-expert", "Lisa van Dijk"),
    ("beoordelaar1", "Peter Smit"),
    ("beoordelaar2", "Noor Visser"),
    ("beheerder", "Sander Mulder"),
    ("auditor", "Karin Bos"),
];

pub const ACCOUNTS: [(&str, Role); 11] = [
    ("inkoper", Role::Inkoper),
    ("behoeftesteller", Role::Behoeftesteller),
    ("contractmanager", Role::Contractmanager),
    ("jurist", Role::Jurist),
    ("privacy", Role::Privacy),
    ("security", Role::Security),
    ("ai-expert", Role::AiExpert),
    ("beoordelaar1", Role::Beoordelaar),
    ("beoordelaar2", Role::Beoordelaar),
    ("beheerder", Role::Beheerder),
    ("auditor", Role::Auditor),
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoData {
    organisation: DemoOrganisation,
    #[serde(rename = "supplier")]
    suppliers: Vec<DemoSupplier>,
    #[serde(rename = "dossier")]
    dossiers: Vec<DemoDossier>,
    #[serde(rename = "inventory")]
    inventory: Vec<DemoInventory>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoOrganisation {
    name: String,
    short_name: String,
    description: String,
    /// The organisation's names for the data classification levels.
    labels: grip_core::LabelNames,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoSupplier {
    name: String,
    kvk: String,
    city: String,
    description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoDossier {
    title: String,
    description: String,
    category: String,
    phase: Phase,
    status: DossierStatus,
    classification_label: DataLabel,
    requester: String,
    estimated_value_eur: Option<i64>,
    members: Vec<DemoMember>,
    #[serde(default)]
    suppliers: Vec<String>,
    #[serde(default, rename = "document")]
    documents: Vec<DemoDocument>,
    /// Scenario details for the tender package (`time`, `place`, `incident`, `people`, `load`).
    #[serde(default)]
    slots: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoMember {
    user: String,
    role: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoDocument {
    name: String,
    /// The supplier who sent it (a name from the catalogue), with its bid or notice.
    #[serde(default)]
    supplier: Option<String>,
    #[serde(default)]
    reference: Option<String>,
    /// Or the role inside the police that wrote it.
    #[serde(default)]
    role: Option<Role>,
    media_type: String,
    content: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoInventory {
    name: String,
    supplier: String,
    description: String,
    status: SystemStatus,
    dossier: String,
    ai_exposure: AiExposure,
}

/// What `load` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DemoOutcome {
    Created {
        dossiers: usize,
        register_imported: usize,
    },
    /// The database already holds an organisation; nothing was changed.
    AlreadyPresent { organisation: String },
}

/// The real register listing to import, if the caller found one.
pub struct RegisterListing<'a> {
    pub bytes: &'a [u8],
}

pub async fn load(
    app: &App,
    password: &str,
    listing: Option<RegisterListing<'_>>,
) -> Result<DemoOutcome, AppError> {
    let data: DemoData =
        toml::from_str(DEMO_TOML).map_err(|e| AppError::Internal(format!("demo data: {e}")))?;
    let pack = portfolio::embedded().map_err(AppError::Internal)?;
    let entries = match &listing {
        Some(l) => Some(register::parse(l.bytes).map_err(|e| {
            AppError::from(grip_core::dossier::FieldError::verbatim(
                "register",
                "invalid_listing",
                e,
            ))
        })?),
        None => None,
    };
    {
        let mut conn = app.store.conn().await?;
        if let Some(org) = organisation::get(&mut conn).await? {
            return Ok(DemoOutcome::AlreadyPresent {
                organisation: org.name,
            });
        }
    }
    // Hash before the transaction: argon2 is slow and the write lock should be short.
    let mut hashes = Vec::new();
    for _ in ACCOUNTS {
        hashes.push(crate::auth::hash_password(password).await?);
    }
    let mut tx = app.store.begin_write().await?;
    // A concurrent `grip demo` may have won the race for the write lock.
    if let Some(org) = organisation::get(&mut tx).await? {
        return Ok(DemoOutcome::AlreadyPresent {
            organisation: org.name,
        });
    }
    let now = now_ms();
    insert_organisation(&mut tx, &data.organisation, now).await?;
    let user_ids = insert_accounts(&mut tx, &hashes, now).await?;
    let category_ids = insert_categories(&mut tx, &pack, now).await?;
    let supplier_ids = insert_suppliers(&mut tx, &data.suppliers, now).await?;
    let dossier_ids = insert_dossiers(
        &mut tx,
        &data.dossiers,
        &category_ids,
        &supplier_ids,
        &user_ids,
        &data.organisation.labels,
        now,
    )
    .await?;
    insert_inventory(&mut tx, &data.inventory, &supplier_ids, &dossier_ids, now).await?;
    let mut register_imported = 0;
    if let (Some(entries), Some(listing)) = (entries, listing) {
        let report = register::import_into(&mut tx, &entries).await?;
        register_imported = report.imported;
        let sha = hex::encode(Sha256::digest(listing.bytes));
        append_event(&mut tx, register::imported_event(ACTOR, &sha, report)).await?;
    }
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now_ms(),
            actor: ACTOR,
            dossier: None,
            event: ev::DemoLoaded {
                dossiers: dossier_ids.len(),
                register_imported,
            }
            .into(),
        },
    )
    .await?;
    generate_packages(app, &data.dossiers, &dossier_ids, &user_ids).await?;
    award::run(app, &dossier_ids, &|name| demo_actor(&user_ids, name)).await?;
    contracts::run(app, &dossier_ids, &|name| demo_actor(&user_ids, name)).await?;
    register_entries::run(
        app,
        &demo_actor(&user_ids, "beheerder")?,
        &demo_actor(&user_ids, "inkoper")?,
    )
    .await?;
    models::run(app, &demo_actor(&user_ids, "inkoper")?).await?;
    classifications::run(app, &dossier_ids, &demo_actor(&user_ids, "inkoper")?).await?;
    spend::run(app, &demo_actor(&user_ids, "inkoper")?).await?;
    Ok(DemoOutcome::Created {
        dossiers: dossier_ids.len(),
        register_imported,
    })
}

/// Dossiers from tender preparation on get their package through the use cases, as the
/// dossier's buyer (confidential dossiers are readable only by their team); from evaluation
/// on that version is frozen, as it went out to the market.
async fn generate_packages(
    app: &App,
    dossiers_in: &[DemoDossier],
    dossier_ids: &HashMap<String, String>,
    user_ids: &HashMap<String, String>,
) -> Result<(), AppError> {
    for d in dossiers_in {
        let (phase, Some(id)) = (d.phase, dossier_ids.get(&d.title)) else {
            continue;
        };
        if phase < Phase::Specificatie {
            continue;
        }
        let buyer = d
            .members
            .iter()
            .find(|m| m.role == crate::Role::Inkoper.id())
            .map_or("beheerder", |m| m.user.as_str());
        let actor = demo_actor(user_ids, buyer)?;
        crate::packages::generate(app, &actor, id, &d.slots).await?;
        if phase > Phase::Specificatie {
            crate::packages::freeze(app, &actor, id, None, None).await?;
        }
    }
    Ok(())
}

/// The demo account `name` as an actor of the use cases.
fn demo_actor(user_ids: &HashMap<String, String>, name: &str) -> Result<crate::Actor, AppError> {
    Ok(crate::Actor {
        user_id: lookup(user_ids, name, "user")?.clone(),
        username: name.into(),
        roles: ACCOUNTS
            .iter()
            .filter(|(account, _)| *account == name)
            .map(|(_, role)| *role)
            .collect(),
    })
}

async fn event(
    tx: &mut WriteTx,
    dossier: Option<&str>,
    event: impl Into<AuditEvent>,
    at_ms: i64,
) -> Result<(), AppError> {
    append_event(
        tx,
        NewEvent {
            at_ms,
            actor: ACTOR,
            dossier,
            event: event.into(),
        },
    )
    .await?;
    Ok(())
}

async fn insert_organisation(
    tx: &mut WriteTx,
    org: &DemoOrganisation,
    now: i64,
) -> Result<(), AppError> {
    let row = Organisation {
        id: grip_store::new_id(),
        name: org.name.clone(),
        short_name: org.short_name.clone(),
        description: org.description.clone(),
        is_demo: true,
        created_at: now,
    };
    organisation::insert(tx, &row).await?;
    event(
        tx,
        None,
        ev::OrganisationCreated {
            name: row.name.clone(),
            demo: true,
        },
        now,
    )
    .await?;
    let names = serde_json::to_string(&org.labels)
        .map_err(|e| AppError::Internal(format!("label names: {e}")))?;
    grip_store::settings::put(
        tx,
        crate::organisation::LABEL_NAMES_SETTING,
        &names,
        ACTOR,
        now,
    )
    .await?;
    event(
        tx,
        None,
        ev::LabelNamesSet {
            names: org.labels.clone(),
        },
        now,
    )
    .await
}

async fn insert_accounts(
    tx: &mut WriteTx,
    hashes: &[String],
    now: i64,
) -> Result<HashMap<String, String>, AppError> {
    let mut ids = HashMap::new();
    for ((username, role), hash) in ACCOUNTS.iter().zip(hashes) {
        let id = grip_store::new_id();
        let display = DEMO_NAMES
            .iter()
            .find(|(name, _)| name == username)
            .map_or_else(
                || format!("{} (demo)", role.label_nl()),
                |(_, n)| (*n).to_string(),
            );
        users::insert(
            tx,
            &users::NewUser {
                id: &id,
                username,
                display_name: &display,
                password_hash: hash,
                roles: &[*role],
                at_ms: now,
            },
        )
        .await?;
        event(
            tx,
            None,
            ev::UserCreated {
                user_id: id.clone(),
                username: username.to_string(),
                roles: vec![*role],
            },
            now,
        )
        .await?;
        ids.insert(username.to_string(), id);
    }
    Ok(ids)
}

async fn insert_categories(
    tx: &mut WriteTx,
    pack: &PortfolioPack,
    now: i64,
) -> Result<HashMap<String, String>, AppError> {
    let mut ids = HashMap::new();
    for c in &pack.categories {
        let row = Category {
            id: grip_store::new_id().into(),
            code: c.code.clone(),
            name_nl: c.name_nl.clone(),
            name_en: c.name_en.clone(),
            cpv_codes: c.cpv.clone(),
            exposure: c
                .exposure
                .parse()
                .map_err(|_| AppError::Internal(format!("portfolio exposure '{}'", c.exposure)))?,
            reason_nl: c.reason_nl.clone(),
            reason_en: c.reason_en.clone(),
        };
        catalogue::insert_category(tx, &row).await?;
        ids.insert(c.code.clone(), row.id.into_string());
    }
    event(
        tx,
        None,
        ev::PortfolioLoaded {
            pack: pack.pack.id.to_string(),
            version: pack.pack.version.to_string(),
            categories: pack.categories.len(),
        },
        now,
    )
    .await?;
    Ok(ids)
}

async fn insert_suppliers(
    tx: &mut WriteTx,
    suppliers: &[DemoSupplier],
    now: i64,
) -> Result<HashMap<String, String>, AppError> {
    let mut ids = HashMap::new();
    for s in suppliers {
        let row = Supplier {
            id: grip_store::new_id().into(),
            name: s.name.clone(),
            kvk: s.kvk.clone(),
            city: s.city.clone(),
            description: s.description.clone(),
            created_at: now,
        };
        catalogue::insert_supplier(tx, &row).await?;
        event(
            tx,
            None,
            ev::SupplierCreated {
                supplier_id: row.id.to_string(),
                name: row.name.clone(),
                kvk: None,
            },
            now,
        )
        .await?;
        ids.insert(s.name.clone(), row.id.into_string());
    }
    Ok(ids)
}

fn lookup<'a>(
    map: &'a HashMap<String, String>,
    key: &str,
    what: &str,
) -> Result<&'a String, AppError> {
    map.get(key)
        .ok_or_else(|| AppError::Internal(format!("demo data refers to unknown {what} '{key}'")))
}

async fn insert_dossiers(
    tx: &mut WriteTx,
    dossiers_in: &[DemoDossier],
    categories: &HashMap<String, String>,
    suppliers: &HashMap<String, String>,
    users_by_name: &HashMap<String, String>,
    labels: &grip_core::LabelNames,
    now: i64,
) -> Result<HashMap<String, String>, AppError> {
    const DAY_MS: i64 = 24 * 60 * 60 * 1000;
    let mut ids = HashMap::new();
    for (i, d) in dossiers_in.iter().enumerate() {
        let phase = d.phase;
        // Older phases started longer ago, so the list reads like a real portfolio.
        let created = now - (phase.number() as i64 * 45 + i as i64) * DAY_MS;
        let record = Dossier {
            id: grip_store::new_id().into(),
            title: d.title.clone(),
            description: d.description.clone(),
            category: Some(CategoryRef {
                id: lookup(categories, &d.category, "category")?.as_str().into(),
                code: d.category.clone(),
                name_nl: String::new(),
                name_en: String::new(),
            }),
            requester: Some(UserRef {
                id: lookup(users_by_name, &d.requester, "user")?.as_str().into(),
                username: d.requester.clone(),
            }),
            phase,
            classification_label: d.classification_label,
            status: d.status,
            estimated_value_eur: d.estimated_value_eur,
            created_at: created,
            updated_at: now - i as i64 * 3_600_000,
        };
        dossiers::insert(tx, &record).await?;
        let id = record.id.as_str();
        event(
            tx,
            Some(id),
            ev::DossierCreated {
                title: record.title.clone(),
                category_id: record.category_id().map(|c| c.to_string()),
                phase: record.phase,
                classification_label: labels.name(record.classification_label).to_string(),
                status: record.status,
            },
            now,
        )
        .await?;
        for m in &d.members {
            dossiers::add_member(
                tx,
                id,
                lookup(users_by_name, &m.user, "user")?,
                &m.role,
                now,
            )
            .await?;
        }
        for name in &d.suppliers {
            dossiers::link_supplier(tx, id, lookup(suppliers, name, "supplier")?).await?;
        }
        let uploader = lookup(users_by_name, "inkoper", "user")?;
        for doc in &d.documents {
            let provenance = demo_provenance(doc, suppliers)?;
            insert_document(tx, id, uploader, doc, provenance, now).await?;
        }
        ids.insert(d.title.clone(), record.id.to_string());
    }
    Ok(ids)
}

/// Every demo document says where it came from: a supplier of the dossier, or a role.
fn demo_provenance(
    doc: &DemoDocument,
    suppliers: &HashMap<String, String>,
) -> Result<Provenance, AppError> {
    match (&doc.supplier, doc.role) {
        (Some(name), None) => Ok(Provenance::Supplier {
            supplier: SupplierRef {
                id: lookup(suppliers, name, "supplier")?.as_str().into(),
                name: name.clone(),
            },
            reference: doc.reference.clone(),
        }),
        (None, Some(role)) => Ok(Provenance::Internal { role }),
        _ => Err(AppError::Internal(format!(
            "demo document '{}' must name either its supplier or its role",
            doc.name
        ))),
    }
}

async fn insert_document(
    tx: &mut WriteTx,
    dossier_id: &str,
    uploader: &str,
    doc: &DemoDocument,
    provenance: Provenance,
    now: i64,
) -> Result<(), AppError> {
    let bytes = doc.content.trim_start().as_bytes();
    let screening = crate::screening::screen(&doc.name, bytes)?;
    let sha256 = hex::encode(Sha256::digest(bytes));
    documents::put_blob(tx, &sha256, bytes).await?;
    let row = Document {
        id: grip_store::new_id().into(),
        dossier_id: dossier_id.into(),
        sha256,
        size: bytes.len() as i64,
        media_type: doc.media_type.clone(),
        original_name: doc.name.clone(),
        uploaded_by: uploader.into(),
        uploaded_at: now,
        provenance,
    };
    let uploaded = crate::documents::insert_screened(tx, &row, &screening, now).await?;
    event(tx, Some(dossier_id), uploaded, now).await
}

async fn insert_inventory(
    tx: &mut WriteTx,
    items: &[DemoInventory],
    suppliers: &HashMap<String, String>,
    dossiers_by_title: &HashMap<String, String>,
    now: i64,
) -> Result<(), AppError> {
    for item in items {
        let dossier_id = if item.dossier.is_empty() {
            None
        } else {
            Some(lookup(dossiers_by_title, &item.dossier, "dossier")?.clone())
        };
        let record = InventoryItem {
            id: grip_store::new_id().into(),
            name: item.name.clone(),
            supplier_id: Some(
                lookup(suppliers, &item.supplier, "supplier")?
                    .as_str()
                    .into(),
            ),
            supplier_name: None,
            description: item.description.clone(),
            status: item.status,
            ai_exposure: item.ai_exposure,
            dossier_id: dossier_id.map(Into::into),
            dossier_title: None,
            source: InventorySource::Demo,
            source_id: None,
            source_organisation: None,
            created_at: now,
            updated_at: now,
        };
        inventory::insert(tx, &record).await?;
        event(
            tx,
            record.dossier_id.as_deref(),
            ev::InventoryCreated {
                item_id: record.id.to_string(),
                name: record.name.clone(),
                ai_exposure: record.ai_exposure,
            },
            now,
        )
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_data_is_complete_and_consistent() {
        let data: DemoData = toml::from_str(DEMO_TOML).unwrap();
        let pack = portfolio::embedded().unwrap();
        assert!(data.suppliers.len() >= 10);
        assert!(data.dossiers.len() >= 12);
        for phase in Phase::ALL {
            assert!(
                data.dossiers.iter().any(|d| d.phase == phase),
                "no dossier in {phase:?}"
            );
        }
        for d in &data.dossiers {
            assert!(
                pack.categories.iter().any(|c| c.code == d.category),
                "{}",
                d.category
            );
            for m in &d.members {
                assert!(ACCOUNTS.iter().any(|(u, _)| *u == m.user), "{}", m.user);
            }
            // Every document says where it came from: one of the dossier's own suppliers,
            // or a role inside the police.
            for doc in &d.documents {
                match (&doc.supplier, doc.role) {
                    (Some(s), None) => assert!(d.suppliers.contains(s), "{}: {s}", doc.name),
                    (None, Some(_)) => assert!(doc.reference.is_none(), "{}", doc.name),
                    _ => panic!("{} names neither or both a supplier and a role", doc.name),
                }
            }
        }
        let internal = data
            .dossiers
            .iter()
            .flat_map(|d| &d.documents)
            .filter(|doc| doc.role.is_some())
            .count();
        assert!(internal >= 5, "the demo shows internal documents too");
    }
}
