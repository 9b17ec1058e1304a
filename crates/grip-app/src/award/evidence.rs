//! What a decision record links as its evidence, frozen when it is proposed: the newest
//! classification, the dossier's screened documents, and per bid its consensus scores and
//! rank. Stored as JSON with the record and covered by its seal.

use serde::Serialize;

use grip_store::{Conn, bids, classifications, scores, screenings};

use crate::{AppError, Paging};

#[derive(Debug, Clone, Serialize, serde::Deserialize, Default)]
pub struct DecisionEvidence {
    pub classification: Option<ClassificationRef>,
    pub documents: Vec<DocumentRef>,
    pub bids: Vec<BidRef>,
}

#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct ClassificationRef {
    pub id: String,
    pub verdict: String,
    pub pack: String,
}

#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct DocumentRef {
    pub id: String,
    pub name: String,
    pub verdict: String,
}

#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct BidRef {
    pub id: String,
    pub supplier: String,
    pub package_version: i64,
    pub price_cents: Option<i64>,
    /// Consensus level per criterion key.
    pub consensus: Vec<(String, u8)>,
}

/// The evidence of a dossier now, as JSON in a fixed order.
pub(crate) async fn collect(conn: &mut Conn, dossier_id: &str) -> Result<String, AppError> {
    let evidence = gather(conn, dossier_id).await?;
    serde_json::to_string(&evidence).map_err(|e| AppError::Internal(format!("evidence: {e}")))
}

async fn gather(conn: &mut Conn, dossier_id: &str) -> Result<DecisionEvidence, AppError> {
    let classification =
        classifications::list_for_dossier(conn, dossier_id, Paging::new(Some(1), Some(1)))
            .await?
            .items
            .into_iter()
            .next()
            .map(|c| ClassificationRef {
                id: c.row.id,
                verdict: c.row.verdict,
                pack: format!("{}@{}", c.row.pack_id, c.row.pack_version),
            });
    let verdicts = screenings::verdicts_for_dossier(conn, dossier_id).await?;
    let mut documents = Vec::new();
    for doc in grip_store::documents::list_for_dossier(conn, dossier_id).await? {
        let verdict = verdicts
            .iter()
            .find(|(id, _)| *id == doc.id.as_str())
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        documents.push(DocumentRef {
            id: doc.id.to_string(),
            name: doc.original_name,
            verdict,
        });
    }
    let mut bid_refs = Vec::new();
    for bid in bids::for_dossier(conn, dossier_id).await? {
        let consensus = scores::consensus(conn, &bid.id)
            .await?
            .into_iter()
            .map(|c| (c.criterion_key, c.level))
            .collect();
        bid_refs.push(BidRef {
            id: bid.id.to_string(),
            supplier: bid.supplier_name,
            package_version: bid.package_version,
            price_cents: bid.price_cents,
            consensus,
        });
    }
    Ok(DecisionEvidence {
        classification,
        documents,
        bids: bid_refs,
    })
}

/// Reads stored evidence back (an empty record for text it cannot read).
pub fn parse(text: &str) -> DecisionEvidence {
    serde_json::from_str(text).unwrap_or_default()
}
