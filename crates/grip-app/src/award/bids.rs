//! Recording bids (typed in, from the response workbook, or through the API) and reading
//! them back with their answers and documents.

use grip_core::audit_event as ev;
use grip_core::award::bid::{self, Bid, BidAnswer, BidSource};
use grip_core::document::{Document, Provenance, SupplierRef};
use grip_store::audit::NewEvent;
use grip_store::{bids, catalogue, documents};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::frozen_package;
use crate::access::{require_on_dossier, require_read};
use crate::packages::StoredPackage;
use crate::record::{append_event, commit_with_event};
use crate::{Action, Actor, App, AppError, now_ms};

/// A bid as someone submits it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewBid {
    pub supplier_id: String,
    /// The frozen package version answered; the newest frozen one when absent.
    #[serde(default)]
    pub package_version: Option<i64>,
    #[serde(default)]
    pub price_cents: Option<i64>,
    #[serde(default)]
    pub answers: Vec<BidAnswer>,
}

/// A bid with its answers and documents.
#[derive(Debug, Clone, serde::Serialize)]
pub struct BidView {
    pub bid: Bid,
    pub answers: Vec<BidAnswer>,
    pub documents: Vec<Document>,
}

/// Records a bid with all its answers in one transaction.
pub async fn record(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    new: NewBid,
    source: BidSource,
) -> Result<Bid, AppError> {
    let mut tx = app.store.begin_write().await?;
    require_on_dossier(&mut tx, actor, Action::RecordBid, dossier_id).await?;
    let package = frozen_package(&mut tx, dossier_id, new.package_version).await?;
    let supplier = catalogue::get_supplier(&mut tx, &new.supplier_id)
        .await?
        .ok_or_else(|| {
            AppError::invalid(
                "supplier_id",
                "unknown_supplier",
                "invalid-provenance-unknown-supplier",
            )
        })?;
    if bids::exists(&mut tx, &package.header.id, &supplier.id).await? {
        return Err(AppError::AlreadyExists(format!(
            "Een inschrijving van {} op versie {} van het pakket",
            supplier.name, package.version
        )));
    }
    let keys = item_keys(&package);
    let answers = bid::check_answers(new.answers, &keys)?;
    let price_cents = bid::check_price(new.price_cents)?;
    let now = now_ms();
    let bid = Bid {
        id: grip_store::new_id().into(),
        dossier_id: dossier_id.into(),
        package_id: package.header.id.clone(),
        package_version: package.version,
        supplier_id: supplier.id.clone(),
        supplier_name: supplier.name.clone(),
        price_cents,
        source,
        created_by: actor.username.clone(),
        created_at: now,
    };
    bids::insert(&mut tx, &bid, &answers).await?;
    grip_store::dossiers::link_supplier(&mut tx, dossier_id, &supplier.id).await?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &actor.username,
            dossier: Some(dossier_id),
            event: ev::BidRecorded {
                bid_id: bid.id.to_string(),
                supplier: supplier.name,
                package_version: package.version,
                source,
                answers: answers.iter().filter(|a| !a.answer.is_empty()).count(),
            }
            .into(),
        },
    )
    .await?;
    Ok(bid)
}

/// The keys of every item a supplier answers, in package order.
pub(crate) fn item_keys(package: &StoredPackage) -> Vec<String> {
    package.package.items().map(|i| i.key.clone()).collect()
}

/// The bids of a dossier.
pub async fn list(app: &App, actor: &Actor, dossier_id: &str) -> Result<Vec<Bid>, AppError> {
    let mut conn = app.store.conn().await?;
    require_read(&mut conn, actor, dossier_id).await?;
    Ok(bids::for_dossier(&mut conn, dossier_id).await?)
}

/// One bid of a dossier with its answers and documents.
pub async fn get(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    bid_id: &str,
) -> Result<BidView, AppError> {
    let mut conn = app.store.conn().await?;
    require_read(&mut conn, actor, dossier_id).await?;
    view(&mut conn, dossier_id, bid_id).await
}

pub(crate) async fn view(
    conn: &mut grip_store::Conn,
    dossier_id: &str,
    bid_id: &str,
) -> Result<BidView, AppError> {
    let bid = bids::get(conn, bid_id)
        .await?
        .filter(|b| b.dossier_id.as_str() == dossier_id)
        .ok_or(AppError::NotFound("bid"))?;
    let answers = bids::answers(conn, bid_id).await?;
    let mut docs = Vec::new();
    for id in bids::document_ids(conn, bid_id).await? {
        if let Some(doc) = documents::get(conn, &id).await? {
            docs.push(doc);
        }
    }
    Ok(BidView {
        bid,
        answers,
        documents: docs,
    })
}

/// Attaches a supplier document to a bid: stored and screened like every upload, with the
/// bid's supplier as its provenance.
pub async fn attach_document(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    bid_id: &str,
    name: &str,
    bytes: &[u8],
) -> Result<Document, AppError> {
    let bid = {
        let mut conn = app.store.conn().await?;
        require_on_dossier(&mut conn, actor, Action::RecordBid, dossier_id).await?;
        view(&mut conn, dossier_id, bid_id).await?.bid
    };
    let (name, media_type) = crate::documents::check_upload(app, name, bytes)?;
    let screening = {
        let (name, bytes) = (name.clone(), bytes.to_vec());
        tokio::task::spawn_blocking(move || crate::screening::screen(&name, &bytes))
            .await
            .map_err(|e| AppError::Internal(format!("screening task: {e}")))??
    };
    let mut tx = app.store.begin_write().await?;
    require_on_dossier(&mut tx, actor, Action::RecordBid, dossier_id).await?;
    let now = now_ms();
    let sha256 = hex::encode(Sha256::digest(bytes));
    documents::put_blob(&mut tx, &sha256, bytes).await?;
    let accepted = crate::documents::Accepted {
        name,
        media_type: media_type.into(),
        sha256,
        size: bytes.len() as i64,
        provenance: Provenance::Supplier {
            supplier: SupplierRef {
                id: bid.supplier_id.clone(),
                name: bid.supplier_name.clone(),
            },
            reference: Some(format!("inschrijving {}", bid.id)),
        },
    };
    let (doc, uploaded) =
        crate::documents::store_screened(&mut tx, actor, dossier_id, accepted, &screening, now)
            .await?;
    bids::attach_document(&mut tx, bid_id, &doc.id).await?;
    let event = |event: ev::AuditEvent| NewEvent {
        at_ms: now,
        actor: &actor.username,
        dossier: Some(dossier_id),
        event,
    };
    append_event(&mut tx, event(uploaded.into())).await?;
    commit_with_event(
        tx,
        event(
            ev::BidDocumentAttached {
                bid_id: bid_id.into(),
                document_id: doc.id.to_string(),
                name: doc.original_name.clone(),
            }
            .into(),
        ),
    )
    .await?;
    Ok(doc)
}

/// Links a document already in the dossier to a bid: it must come from the bid's supplier.
pub async fn link_document(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    bid_id: &str,
    document_id: &str,
) -> Result<(), AppError> {
    let mut tx = app.store.begin_write().await?;
    require_on_dossier(&mut tx, actor, Action::RecordBid, dossier_id).await?;
    let current = view(&mut tx, dossier_id, bid_id).await?;
    let doc = documents::get(&mut tx, document_id)
        .await?
        .filter(|d| d.dossier_id.as_str() == dossier_id)
        .ok_or(AppError::NotFound("document"))?;
    if doc.provenance.supplier().map(|s| &s.id) != Some(&current.bid.supplier_id) {
        return Err(AppError::Conflict(
            "Alleen documenten van de inschrijver zelf horen bij een inschrijving.".into(),
        ));
    }
    if current.documents.iter().any(|d| d.id == doc.id) {
        return Ok(());
    }
    bids::attach_document(&mut tx, bid_id, document_id).await?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now_ms(),
            actor: &actor.username,
            dossier: Some(dossier_id),
            event: ev::BidDocumentAttached {
                bid_id: bid_id.into(),
                document_id: document_id.into(),
                name: doc.original_name,
            }
            .into(),
        },
    )
    .await?;
    Ok(())
}
