//! Everything the tender package page shows.

use std::collections::BTreeMap;

use grip_core::dossier::Dossier;
use grip_core::package::PackageVersion;
use grip_knowledge::tender::TenderPackage;
use grip_store::{dossiers, packages};

use crate::access::{Permissions, on_dossier};
use crate::organisation::label_names_on;
use crate::packages::{StoredPackage, facts, knowledge, load};
use crate::{Actor, App, AppError};
use grip_core::LabelNames;

pub struct PackagePage {
    pub dossier: Dossier,
    /// What the organisation calls each data level.
    pub labels: LabelNames,
    pub permissions: Permissions,
    /// The version asked for, or the newest; None before the first generation.
    pub stored: Option<StoredPackage>,
    pub versions: Vec<PackageVersion>,
    /// What the generator selects now, for showing which items a draft left out (only
    /// when the viewer may edit the draft).
    pub generated: Option<TenderPackage>,
    pub slots: BTreeMap<String, String>,
    /// What changed in the dossier since the shown draft was generated; a freeze is refused
    /// (or must be confirmed with a reason) while this is not empty.
    pub stale: Vec<grip_knowledge::Text>,
    /// The suppliers (id, name) that items of the shown version are addressed to alone.
    pub addressees: Vec<(String, String)>,
}

pub async fn package_page(
    app: &App,
    actor: &Actor,
    id: &str,
    version: Option<i64>,
) -> Result<PackagePage, AppError> {
    let mut tx = app.store.begin_read().await?;
    let conn = &mut *tx;
    let permissions = on_dossier(conn, actor, id).await?;
    let dossier = dossiers::get(conn, id)
        .await?
        .ok_or(AppError::NotFound("dossier"))?;
    let header = match version {
        Some(v) => Some(
            packages::by_version(conn, id, v)
                .await?
                .ok_or(AppError::NotFound("package"))?,
        ),
        None => packages::latest(conn, id).await?,
    };
    let stored = match header {
        Some(header) => Some(load(conn, header).await?),
        None => None,
    };
    let slots = stored.as_ref().map(|s| s.slots.clone()).unwrap_or_default();
    let generated = match &stored {
        Some(s) if s.is_draft() && permissions.edit_package => {
            let facts = facts::dossier_facts(conn, &dossier, slots.clone()).await?;
            Some(grip_knowledge::tender::generate(knowledge()?, &facts))
        }
        _ => None,
    };
    let stale = match &stored {
        Some(s) if s.is_draft() => {
            crate::packages::inputs::changes_since(conn, &dossier, &s.header).await?
        }
        _ => Vec::new(),
    };
    let mut addressees = Vec::new();
    for supplier in stored.iter().flat_map(|s| s.package.addressees()) {
        let name = grip_store::catalogue::get_supplier(conn, &supplier)
            .await?
            .map(|s| s.name)
            .unwrap_or_else(|| supplier.clone());
        addressees.push((supplier, name));
    }
    Ok(PackagePage {
        stale,
        addressees,
        versions: packages::versions(conn, id).await?,
        labels: label_names_on(conn).await?,
        dossier,
        permissions,
        stored,
        generated,
        slots,
    })
}
