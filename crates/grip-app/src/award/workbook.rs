//! The response workbook: the frozen package as an XLSX a supplier fills in, read back into
//! a bid; and the overview workbook of bids, scores and the evidence matrix. A workbook with
//! any problem imports nothing, and the message names the row and column.

use grip_core::award::bid::{BidAnswer, BidSource};
use grip_core::award::scoring::ScoreVisibility;
use grip_knowledge::tender::{SectionKind, Use};
use grip_workbook::{Cell, ItemKind, Sheet, WorkbookItem, WorkbookPackage};

use super::bids::{NewBid, record};
use super::frozen_package;
use crate::access::require_read;
use crate::packages::StoredPackage;
use crate::packages::export::Exported;
use crate::{Actor, App, AppError};

pub use grip_workbook::MAX_WORKBOOK_BYTES;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn workbook_items(package: &StoredPackage) -> Vec<WorkbookItem> {
    package
        .package
        .sections
        .iter()
        .flat_map(|s| s.items.iter().map(move |i| (s.kind, i)))
        .map(|(kind, i)| {
            let title = kind.title();
            WorkbookItem {
                key: i.key.clone(),
                section_nl: title.nl,
                section_en: title.en,
                text_nl: i.text.nl.clone(),
                text_en: i.text.en.clone(),
                kind: match (kind, i.use_) {
                    (_, Use::KnockOut) => ItemKind::KnockOut,
                    (SectionKind::Award, _) | (_, Use::Award) => ItemKind::Award,
                    _ => ItemKind::Information,
                },
            }
        })
        .collect()
}

fn workbook_package(package: &StoredPackage, dossier_title: &str) -> WorkbookPackage {
    WorkbookPackage {
        dossier_title: dossier_title.to_string(),
        package_id: package.header.id.to_string(),
        version: package.version,
        content_hash: package.content_hash.clone().unwrap_or_default(),
    }
}

/// What the response workbook of the newest frozen version holds: the package it answers
/// and its items for every bidder (items quoting one supplier's documents are left out, as
/// in every export for all bidders).
pub async fn response_form(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
) -> Result<(WorkbookPackage, Vec<WorkbookItem>), AppError> {
    let dossier = crate::dossiers::get(app, actor, dossier_id).await?;
    let mut conn = app.store.conn().await?;
    let package = frozen_package(&mut conn, dossier_id, None).await?;
    Ok((
        workbook_package(&package, &dossier.title),
        bidder_items(&package),
    ))
}

/// The response workbook of the newest frozen package version, for every bidder.
pub async fn response_workbook(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
) -> Result<Exported, AppError> {
    let (package, items) = response_form(app, actor, dossier_id).await?;
    let bytes = grip_workbook::write_response_workbook(&package, &items)
        .map_err(|e| AppError::Internal(format!("response workbook: {e}")))?;
    Ok(Exported {
        bytes,
        file_name: format!("antwoordwerkmap-v{}.xlsx", package.version),
        media_type: XLSX,
    })
}

fn bidder_items(package: &StoredPackage) -> Vec<WorkbookItem> {
    let addressed: Vec<&str> = package
        .package
        .items()
        .filter(|i| i.addressee.is_some())
        .map(|i| i.key.as_str())
        .collect();
    workbook_items(package)
        .into_iter()
        .filter(|i| !addressed.contains(&i.key.as_str()))
        .collect()
}

/// Reads a filled-in workbook into a bid of `supplier_id` (or, when None, the catalogue
/// supplier whose name the supplier wrote in the workbook).
pub async fn import(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    supplier_id: Option<&str>,
    bytes: &[u8],
) -> Result<grip_core::award::bid::Bid, AppError> {
    let dossier = crate::dossiers::get(app, actor, dossier_id).await?;
    let package = {
        let mut conn = app.store.conn().await?;
        crate::access::require_on_dossier(&mut conn, actor, crate::Action::RecordBid, dossier_id)
            .await?;
        frozen_package(&mut conn, dossier_id, None).await?
    };
    let items = bidder_items(&package);
    let expected = workbook_package(&package, &dossier.title);
    let data = bytes.to_vec();
    let read = tokio::task::spawn_blocking(move || {
        grip_workbook::read_response_workbook(&data, &expected, &items)
    })
    .await
    .map_err(|e| AppError::Internal(format!("workbook task: {e}")))?;
    let response = read.map_err(|problems| {
        AppError::Conflict(format!(
            "De werkmap is niet ingelezen; er is niets opgeslagen. {}",
            problems.nl()
        ))
    })?;
    let supplier = match supplier_id.filter(|s| !s.is_empty()) {
        Some(id) => id.to_string(),
        None => {
            let mut conn = app.store.conn().await?;
            grip_store::catalogue::supplier_by_name(&mut conn, response.supplier_name.trim())
                .await?
                .map(|s| s.id.to_string())
                .ok_or_else(|| {
                    AppError::Conflict(format!(
                        "De leverancier \u{201e}{}\u{201d} uit de werkmap staat niet in de \
                         catalogus; kies de leverancier bij het inlezen.",
                        response.supplier_name
                    ))
                })?
        }
    };
    let answers = response
        .rows
        .into_iter()
        .map(|r| BidAnswer {
            item_key: r.item_key,
            answer: r.answer,
            documents: r.documents,
        })
        .collect();
    let new = NewBid {
        supplier_id: supplier,
        package_version: Some(package.version),
        price_cents: None,
        answers,
    };
    record(app, actor, dossier_id, new, BidSource::Workbook).await
}

/// Bids, the scores the actor may see, and the evidence matrix as one workbook.
pub async fn overview(app: &App, actor: &Actor, dossier_id: &str) -> Result<Exported, AppError> {
    {
        let mut conn = app.store.conn().await?;
        require_read(&mut conn, actor, dossier_id).await?;
    }
    let bids = super::bids::list(app, actor, dossier_id).await?;
    let checks = super::checks::for_dossier(app, actor, dossier_id).await?;
    let assessment = super::scoring::assessment(app, actor, dossier_id).await?;
    let text = |s: &str| Cell::Text(s.to_string());
    let bid_sheet = Sheet {
        name: "Inschrijvingen".into(),
        headers: [
            "Inschrijver",
            "Pakketversie",
            "Prijs (euro)",
            "Bron",
            "Bevindingen",
        ]
        .map(String::from)
        .to_vec(),
        rows: bids
            .iter()
            .map(|b| {
                let findings = checks
                    .iter()
                    .find(|c| c.bid_id == b.id.as_str())
                    .map_or(0, |c| c.findings.len());
                vec![
                    text(&b.supplier_name),
                    Cell::Number(b.package_version as f64),
                    b.price_cents
                        .map_or(Cell::Empty, |p| Cell::Number(p as f64 / 100.0)),
                    text(b.source.label_nl()),
                    Cell::Number(findings as f64),
                ]
            })
            .collect(),
    };
    let mut score_rows = Vec::new();
    for b in assessment
        .bids
        .iter()
        .filter(|b| b.visibility == ScoreVisibility::AllSubmitted)
    {
        for s in &b.submitted {
            score_rows.push(vec![
                text(&b.supplier_name),
                text(&criterion_title(&assessment.criteria, &s.criterion_key)),
                text(&s.assessor),
                Cell::Number(f64::from(s.level)),
                text(&s.reason),
            ]);
        }
        for c in &b.consensus {
            score_rows.push(vec![
                text(&b.supplier_name),
                text(&criterion_title(&assessment.criteria, &c.criterion_key)),
                text("consensus"),
                Cell::Number(f64::from(c.level)),
                text(&c.reason),
            ]);
        }
    }
    let score_sheet = Sheet {
        name: "Scores".into(),
        headers: [
            "Inschrijver",
            "Gunningscriterium",
            "Beoordelaar",
            "Niveau (0-4)",
            "Reden",
        ]
        .map(String::from)
        .to_vec(),
        rows: score_rows,
    };
    let matrix_sheet = Sheet {
        name: "Bewijsmatrix".into(),
        headers: ["Inschrijver", "Eis", "Bewijs"].map(String::from).to_vec(),
        rows: checks
            .iter()
            .flat_map(|c| {
                c.matrix.iter().map(move |m| {
                    vec![
                        Cell::Text(c.supplier_name.clone()),
                        Cell::Text(m.text.nl.clone()),
                        Cell::Text(evidence_nl(m.evidence).into()),
                    ]
                })
            })
            .collect(),
    };
    let bytes = grip_workbook::write_tables(&[bid_sheet, score_sheet, matrix_sheet])
        .map_err(|e| AppError::Internal(format!("overview workbook: {e}")))?;
    Ok(Exported {
        bytes,
        file_name: "inschrijvingen-en-scores.xlsx".into(),
        media_type: XLSX,
    })
}

fn criterion_title(criteria: &[super::Criterion], key: &str) -> String {
    criteria
        .iter()
        .find(|c| c.key == key)
        .map_or_else(|| key.to_string(), |c| c.title_nl.clone())
}

pub fn evidence_nl(e: grip_core::award::bid::Evidence) -> &'static str {
    use grip_core::award::bid::Evidence::*;
    match e {
        Provided => "aangeleverd",
        Missing => "ontbreekt",
        Contradicted => "tegengesproken",
    }
}
