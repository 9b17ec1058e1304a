//! Where a system is published and in which category, derived from its AI Act classification
//! with the reason a buyer reads: high-risk systems are "Hoog-risico AI-systeem"; high-risk
//! systems in law enforcement, migration, asylum and border control go to the non-public part
//! of the EU database instead (Art. 49(4)); a prohibited practice is not published at all.

use crate::entry::PublicationCategory;
use grip_knowledge::classification::Verdict;
use grip_knowledge::common::{Lang, Text};

/// The newest classification of a system, as far as publication needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassificationFacts {
    pub verdict: Verdict,
    /// Annex III points such as `6a`.
    pub annex_iii_points: Vec<String>,
    /// The classification's date (`YYYY-MM-DD`).
    pub as_of: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Destination {
    /// The public Algorithm Register.
    PublicRegister,
    /// The secure non-public section of the EU database (Art. 49(4) AI Act).
    EuDatabaseNonPublic,
    /// Not published: the practice is prohibited (Art. 5 AI Act).
    NotPublished,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publication {
    pub destination: Destination,
    /// `None` when neither the classification nor the entry settles it.
    pub category: Option<PublicationCategory>,
    pub reason: Text,
}

/// Annex III areas whose high-risk systems are registered non-publicly: 1 (biometrics, as
/// used by law enforcement and migration authorities), 6 (law enforcement) and 7 (migration,
/// asylum and border control).
fn non_public_points(points: &[String]) -> Vec<String> {
    points
        .iter()
        .filter(|p| ['1', '6', '7'].into_iter().any(|area| is_area(p, area)))
        .cloned()
        .collect()
}

fn is_area(point: &str, area: char) -> bool {
    point.starts_with(area) && point[1..].chars().all(|c| c.is_ascii_lowercase())
}

/// The publication of a system with this classification (if any) and the category its entry
/// states (the supplier's or the organisation's choice).
pub fn derive(
    facts: Option<&ClassificationFacts>,
    stated: Option<PublicationCategory>,
) -> Publication {
    let Some(facts) = facts else {
        return from_statement(stated, None);
    };
    match facts.verdict {
        Verdict::Prohibited => Publication {
            destination: Destination::NotPublished,
            category: None,
            reason: Text {
                nl: format!(
                    "De classificatie van {} wijst op een verboden praktijk (art. 5 AI-verordening): zo'n systeem wordt niet gepubliceerd maar uit gebruik genomen.",
                    facts.as_of
                ),
                en: format!(
                    "The classification of {} finds a prohibited practice (Art. 5 AI Act): such a system is not published but taken out of use.",
                    facts.as_of
                ),
            },
        },
        Verdict::HighRisk => high_risk(facts),
        Verdict::Undetermined => from_statement(stated, Some(facts)),
        _ => {
            let mut publication = from_statement(
                stated.filter(|c| *c != PublicationCategory::HighRiskAi),
                Some(facts),
            );
            if stated == Some(PublicationCategory::HighRiskAi) {
                publication.reason = Text {
                    nl: format!(
                        "De aangeleverde beschrijving noemt het een hoog-risico AI-systeem, maar de classificatie van {} niet ({}). Kies zelf: impactvol of overig.",
                        facts.as_of,
                        facts.verdict.label().nl
                    ),
                    en: format!(
                        "The supplied entry calls it a high-risk AI system, the classification of {} does not ({}). Choose: impactful or other.",
                        facts.as_of,
                        facts.verdict.label().en
                    ),
                };
            }
            publication
        }
    }
}

fn high_risk(facts: &ClassificationFacts) -> Publication {
    let points = facts.annex_iii_points.join(", ");
    let hidden = non_public_points(&facts.annex_iii_points);
    if !hidden.is_empty() {
        return Publication {
            destination: Destination::EuDatabaseNonPublic,
            category: Some(PublicationCategory::HighRiskAi),
            reason: Text {
                nl: format!(
                    "Hoog-risico AI-systeem volgens de classificatie van {} (bijlage III, punt {}): op het gebied van rechtshandhaving, migratie, asiel en grenstoezicht wordt het geregistreerd in het niet-openbare deel van de EU-databank (art. 49, lid 4, AI-verordening), niet in het openbare Algoritmeregister.",
                    facts.as_of,
                    hidden.join(", ")
                ),
                en: format!(
                    "High-risk AI system by the classification of {} (Annex III, point {}): in law enforcement, migration, asylum and border control it is registered in the non-public section of the EU database (Art. 49(4) AI Act), not in the public Algorithm Register.",
                    facts.as_of,
                    hidden.join(", ")
                ),
            },
        };
    }
    let basis = if points.is_empty() {
        String::new()
    } else {
        format!(" (bijlage III, punt {points})")
    };
    let basis_en = if points.is_empty() {
        String::new()
    } else {
        format!(" (Annex III, point {points})")
    };
    Publication {
        destination: Destination::PublicRegister,
        category: Some(PublicationCategory::HighRiskAi),
        reason: Text {
            nl: format!(
                "Hoog-risico AI-systeem volgens de classificatie van {}{basis} (art. 6 AI-verordening).",
                facts.as_of
            ),
            en: format!(
                "High-risk AI system by the classification of {}{basis_en} (Art. 6 AI Act).",
                facts.as_of
            ),
        },
    }
}

fn from_statement(
    stated: Option<PublicationCategory>,
    facts: Option<&ClassificationFacts>,
) -> Publication {
    let context = |lang: Lang| match (facts, lang) {
        (None, Lang::Nl) => "Er is nog geen classificatie".to_string(),
        (None, Lang::En) => "There is no classification yet".to_string(),
        (Some(f), Lang::Nl) => format!(
            "De classificatie van {} is {}, geen hoog risico",
            f.as_of,
            f.verdict.label().nl.to_lowercase()
        ),
        (Some(f), Lang::En) => format!(
            "The classification of {} is {}, not high risk",
            f.as_of,
            f.verdict.label().en.to_lowercase()
        ),
    };
    let reason = match stated {
        Some(category) => Text {
            nl: format!(
                "{}; de categorie \u{201c}{}\u{201d} komt uit de beschrijving van het systeem.",
                context(Lang::Nl),
                category.label()
            ),
            en: format!(
                "{}; the category \u{201c}{}\u{201d} comes from the system's entry.",
                context(Lang::En),
                category.label()
            ),
        },
        None => Text {
            nl: format!(
                "{}; kies of het algoritme impactvol is (rechtsgevolgen of aanzienlijke gevolgen voor burgers) of overig.",
                context(Lang::Nl)
            ),
            en: format!(
                "{}; choose whether the algorithm is impactful (legal or significant effects on citizens) or other.",
                context(Lang::En)
            ),
        },
    };
    Publication {
        destination: Destination::PublicRegister,
        category: stated,
        reason,
    }
}
