//! What the generator is told about a dossier: its category and description, its newest AI Act
//! classification, the scenario slot values the buyer gave, and the passages that screening
//! found in the documents suppliers sent. Internal documents (and those whose origin was
//! never recorded) are never quoted: a finding question goes to the supplier it quotes.

use std::collections::BTreeMap;

use grip_core::dossier::Dossier;
use grip_knowledge::tender::questions::SCENARIO_SLOTS;
use grip_knowledge::tender::{ClassificationFacts, DossierFacts, ScreeningFinding};
use grip_knowledge::{Classification, Verdict};
use grip_store::{Conn, Paging, classifications, documents, screenings};

use crate::AppError;

/// Longest scenario slot value accepted.
pub const MAX_SLOT_CHARS: usize = 200;
/// Screening passages turned into probing questions, at most, per package.
const MAX_FINDINGS: usize = 12;

/// Keeps the known slots with a value; refuses unknown names and overlong or control text.
pub fn check_slots(slots: &BTreeMap<String, String>) -> Result<BTreeMap<String, String>, AppError> {
    let mut kept = BTreeMap::new();
    for (name, value) in slots {
        if !SCENARIO_SLOTS.contains(&name.as_str()) {
            return Err(grip_core::dossier::FieldError::new(
                format!("slots.{name}"),
                "unknown_slot",
                "invalid-unknown-slot",
            )
            .with("name", name)
            .with("known", SCENARIO_SLOTS.join(", "))
            .into());
        }
        let value = value.trim();
        if value.chars().count() > MAX_SLOT_CHARS || value.chars().any(char::is_control) {
            return Err(grip_core::dossier::FieldError::new(
                format!("slots.{name}"),
                "invalid_slot",
                "invalid-slot",
            )
            .with("max", MAX_SLOT_CHARS)
            .into());
        }
        if !value.is_empty() {
            kept.insert(name.clone(), value.to_string());
        }
    }
    Ok(kept)
}

pub(crate) async fn dossier_facts(
    conn: &mut Conn,
    dossier: &Dossier,
    slots: BTreeMap<String, String>,
) -> Result<DossierFacts, AppError> {
    Ok(DossierFacts {
        title: dossier.title.clone(),
        category: dossier
            .category
            .as_ref()
            .map(|c| c.code.clone())
            .unwrap_or_default(),
        operational_context: dossier.description.clone(),
        classification: classification_facts(conn, &dossier.id).await?,
        slots,
        findings: findings(conn, &dossier.id).await?,
    })
}

/// The id of the dossier's newest classification, if it has one.
pub(crate) async fn newest_classification_id(
    conn: &mut Conn,
    dossier_id: &str,
) -> Result<Option<String>, AppError> {
    Ok(
        classifications::list_for_dossier(conn, dossier_id, Paging::new(Some(1), Some(1)))
            .await?
            .items
            .into_iter()
            .next()
            .map(|c| c.row.id),
    )
}

/// Without a classification the verdict is undetermined, which the generator treats as
/// high-risk as a precaution.
async fn classification_facts(
    conn: &mut Conn,
    dossier_id: &str,
) -> Result<ClassificationFacts, AppError> {
    let newest = classifications::list_for_dossier(conn, dossier_id, Paging::new(Some(1), Some(1)))
        .await?
        .items
        .into_iter()
        .next();
    let Some(result) = newest.map(|c| c.row.result) else {
        return Ok(ClassificationFacts {
            verdict: Verdict::Undetermined,
            route: None,
            annex_iii_points: vec![],
            transparency: vec![],
        });
    };
    let c: Classification = serde_json::from_str(&result)
        .map_err(|e| AppError::Internal(format!("stored classification unreadable: {e}")))?;
    Ok(ClassificationFacts {
        verdict: c.verdict,
        route: c.high_risk.as_ref().map(|h| h.route),
        annex_iii_points: c.high_risk.map(|h| h.annex_iii_points).unwrap_or_default(),
        transparency: c.transparency_obligations,
    })
}

/// Non-negated findings of the screened documents that suppliers sent, one per document and
/// category, each addressed to the supplier whose document it is.
async fn findings(conn: &mut Conn, dossier_id: &str) -> Result<Vec<ScreeningFinding>, AppError> {
    let mut out = Vec::new();
    for doc in documents::list_for_dossier(conn, dossier_id).await? {
        let Some(supplier) = doc.provenance.supplier() else {
            continue;
        };
        let Some(row) = screenings::get(conn, &doc.id).await? else {
            continue;
        };
        let found: Vec<grip_screen::Finding> =
            serde_json::from_str(&row.findings).unwrap_or_default();
        let mut categories = std::collections::BTreeSet::new();
        for f in found.into_iter().filter(|f| !f.negated) {
            if categories.insert(f.category.clone()) && out.len() < MAX_FINDINGS {
                out.push(ScreeningFinding {
                    document: doc.original_name.clone(),
                    category: f.category,
                    excerpt: f.excerpt,
                    addressee: Some(supplier.id.to_string()),
                });
            }
        }
    }
    Ok(out)
}
