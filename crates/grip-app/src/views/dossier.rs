//! Everything the dossier page shows.

use grip_core::audit::StoredEvent;
use grip_core::document::Document;
use grip_core::dossier::{Dossier, Member};
use grip_core::inventory::InventoryItem;
use grip_core::obligation::Obligation;
use grip_core::package::PackageState;
use grip_core::screening_job::ScreeningJob;
use grip_store::{
    Paging, audit, classifications, documents, dossiers, inventory, packages, screening_jobs,
    screenings, users,
};

use crate::access::{Permissions, on_dossier};
use crate::checklists::{PhaseChecklist, checklist_on};
use crate::classification::StoredClassification;
use crate::organisation::label_names_on;
use crate::{Actor, App, AppError};
use grip_core::LabelNames;
use grip_core::ReadScope;

/// Most recent trail events shown on the page.
const HISTORY: i64 = 50;
/// Most recent bulk screening jobs shown on the page.
const JOBS: i64 = 20;

pub struct DossierPage {
    pub dossier: Dossier,
    /// What the organisation calls each data level.
    pub labels: LabelNames,
    pub permissions: Permissions,
    pub members: Vec<Member>,
    pub suppliers: Vec<String>,
    /// Each document with its screening verdict, when screened.
    pub documents: Vec<(Document, Option<String>)>,
    pub inventory: Vec<InventoryItem>,
    pub history: Vec<StoredEvent>,
    pub classification: Option<StoredClassification>,
    pub obligations: Vec<Obligation>,
    pub checklist: PhaseChecklist,
    /// The newest package version and its state.
    pub package: Option<(i64, PackageState)>,
    pub jobs: Vec<ScreeningJob>,
    /// Active people who can be added to the team (only for those who may edit).
    pub candidates: Vec<(String, String)>,
    /// Suppliers a document may come from (id, name): the dossier's own first, then the
    /// rest of the catalogue. Only for those who may upload.
    pub supplier_choices: Vec<(String, String)>,
}

pub async fn dossier_page(app: &App, actor: &Actor, id: &str) -> Result<DossierPage, AppError> {
    let mut tx = app.store.begin_read().await?;
    let conn = &mut *tx;
    let permissions = on_dossier(conn, actor, id).await?;
    let dossier = dossiers::get(conn, id)
        .await?
        .ok_or(AppError::NotFound("dossier"))?;
    let verdicts: std::collections::HashMap<String, String> =
        screenings::verdicts_for_dossier(conn, id)
            .await?
            .into_iter()
            .collect();
    let documents = documents::list_for_dossier(conn, id)
        .await?
        .into_iter()
        .map(|doc| {
            let verdict = verdicts.get(doc.id.as_str()).cloned();
            (doc, verdict)
        })
        .collect();
    let candidates = if permissions.edit {
        users::list(conn)
            .await?
            .into_iter()
            .filter(|u| u.active)
            .map(|u| (u.username, u.display_name))
            .collect()
    } else {
        Vec::new()
    };
    let supplier_choices = if permissions.upload {
        supplier_choices(conn, id).await?
    } else {
        Vec::new()
    };
    Ok(DossierPage {
        supplier_choices,
        members: dossiers::members(conn, id).await?,
        suppliers: dossiers::supplier_names(conn, id).await?,
        documents,
        inventory: inventory::for_dossier(conn, id).await?,
        history: audit::list(
            conn,
            Some(id),
            &ReadScope::Everything,
            crate::audit::blind_for(actor),
            Paging::new(Some(1), Some(HISTORY)),
        )
        .await?
        .items,
        classification: crate::classification::newest_on(conn, id).await?,
        obligations: classifications::obligations(conn, id).await?,
        checklist: checklist_on(conn, actor, &dossier, &permissions).await?,
        package: packages::latest(conn, id)
            .await?
            .map(|p| (p.version, p.state)),
        jobs: screening_jobs::jobs_for_dossier(conn, id, JOBS).await?,
        candidates,
        labels: label_names_on(conn).await?,
        permissions,
        dossier,
    })
}

/// Every supplier of the catalogue (id, name), the dossier's own suppliers first.
async fn supplier_choices(
    conn: &mut grip_store::Conn,
    dossier_id: &str,
) -> Result<Vec<(String, String)>, AppError> {
    let own = dossiers::supplier_names(conn, dossier_id).await?;
    let all = grip_store::catalogue::list_suppliers(conn, Paging::new(Some(1), Some(1000)))
        .await?
        .items;
    let (mut first, rest): (Vec<_>, Vec<_>) = all
        .into_iter()
        .map(|s| (s.id.to_string(), s.name))
        .partition(|(_, name)| own.contains(name));
    first.extend(rest);
    Ok(first)
}
