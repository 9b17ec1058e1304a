//! What a package version was generated from — the dossier's category, its newest AI Act
//! classification and the screening findings of the suppliers' documents — so that freezing
//! can refuse a package whose dossier has changed since (a decision must not go stale).

use std::collections::BTreeSet;

use grip_core::dossier::Dossier;
use grip_core::package::PackageVersion;
use grip_knowledge::tender::DossierFacts;
use grip_knowledge::{Text, Verdict};
use grip_store::Conn;
use serde::{Deserialize, Serialize};

use super::{facts, rows};
use crate::AppError;

/// The inputs of one generation, stored as JSON on the version.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackageInputs {
    /// Portfolio category code and its Dutch and English names.
    pub category: String,
    pub category_nl: String,
    pub category_en: String,
    /// Id of the newest classification, if the dossier had one.
    pub classification_id: Option<String>,
    /// The screening findings quoted: document name and category code.
    pub findings: BTreeSet<(String, String)>,
}

impl PackageInputs {
    pub(crate) fn of(
        dossier: &Dossier,
        facts: &DossierFacts,
        classification_id: Option<String>,
    ) -> Self {
        let (nl, en) = dossier
            .category
            .as_ref()
            .map(|c| (c.name_nl.clone(), c.name_en.clone()))
            .unwrap_or_default();
        PackageInputs {
            category: facts.category.clone(),
            category_nl: nl,
            category_en: en,
            classification_id,
            findings: facts
                .findings
                .iter()
                .map(|f| (f.document.clone(), f.category.clone()))
                .collect(),
        }
    }

    pub(crate) fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The stored inputs; None for versions made before Grip recorded them.
    pub(crate) fn stored(header: &PackageVersion) -> Option<PackageInputs> {
        serde_json::from_str(&header.inputs).ok()
    }
}

/// The inputs of the dossier now, and the verdict of its newest classification.
pub(crate) async fn current(
    conn: &mut Conn,
    dossier: &Dossier,
) -> Result<(PackageInputs, Verdict), AppError> {
    let facts = facts::dossier_facts(conn, dossier, Default::default()).await?;
    let id = facts::newest_classification_id(conn, &dossier.id).await?;
    Ok((
        PackageInputs::of(dossier, &facts, id),
        facts.classification.verdict,
    ))
}

/// What changed since `header` was generated, in plain words; empty when nothing did.
pub(crate) async fn changes_since(
    conn: &mut Conn,
    dossier: &Dossier,
    header: &PackageVersion,
) -> Result<Vec<Text>, AppError> {
    let (now, verdict) = current(conn, dossier).await?;
    let before = PackageInputs::stored(header);
    let mut changes = Vec::new();
    let generated_for: Option<Verdict> = rows::from_wire(&header.verdict);
    let reclassified = match &before {
        Some(b) => b.classification_id != now.classification_id,
        None => generated_for != Some(verdict),
    };
    if reclassified {
        let was = generated_for.unwrap_or(Verdict::Undetermined).label();
        let is = verdict.label();
        changes.push(Text {
            nl: format!(
                "het dossier is opnieuw geclassificeerd (het pakket gaat uit van \u{201c}{}\u{201d}, \
                 de classificatie is nu \u{201c}{}\u{201d})",
                was.nl, is.nl
            ),
            en: format!(
                "the dossier was classified again (the package assumes \u{201c}{}\u{201d}, the \
                 classification is now \u{201c}{}\u{201d})",
                was.en, is.en
            ),
        });
    }
    if header.category != now.category {
        let was = before
            .as_ref()
            .map(|b| (b.category_nl.clone(), b.category_en.clone()))
            .filter(|(nl, _)| !nl.is_empty())
            .unwrap_or_else(|| ("een andere categorie".into(), "another category".into()));
        changes.push(Text {
            nl: format!(
                "de categorie is gewijzigd van \u{201c}{}\u{201d} in \u{201c}{}\u{201d}",
                was.0, now.category_nl
            ),
            en: format!(
                "the category changed from \u{201c}{}\u{201d} to \u{201c}{}\u{201d}",
                was.1, now.category_en
            ),
        });
    }
    let new_documents: BTreeSet<&str> = match &before {
        Some(b) => now
            .findings
            .difference(&b.findings)
            .map(|(doc, _)| doc.as_str())
            .collect(),
        None => BTreeSet::new(),
    };
    if !new_documents.is_empty() {
        let list = new_documents
            .iter()
            .map(|d| format!("\u{201c}{d}\u{201d}"))
            .collect::<Vec<_>>()
            .join(", ");
        changes.push(Text {
            nl: format!("screening vond nieuwe passages in {list}"),
            en: format!("screening found new passages in {list}"),
        });
    }
    Ok(changes)
}

/// One sentence naming every change, for a refusal.
pub(crate) fn refusal(changes: &[Text]) -> String {
    let list = changes
        .iter()
        .map(|c| c.nl.as_str())
        .collect::<Vec<_>>()
        .join("; ");
    format!(
        "Het pakket is niet meer actueel: {list}. Maak het pakket opnieuw, of bevries het toch \
         en geef daarbij de reden op."
    )
}
