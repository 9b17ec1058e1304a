//! The checks Grip runs on every bid, each with its evidence: AI found in answers and
//! documents, a "no AI" declaration its own documents contradict, AI categories the disclosure
//! answers left out, generic or copied answers, empty knock-out answers, and the evidence
//! matrix per requirement. Computed when asked, from the stored bid and screenings.

use std::collections::BTreeSet;

use grip_core::award::bid::{BidCheckKind, Evidence};
use grip_knowledge::common::Text;
use grip_knowledge::tender::{SectionKind, Use};
use grip_store::{bids, screenings};

use super::bids::{BidView, view};
use crate::access::require_read;
use crate::packages::StoredPackage;
use crate::screening::{Screening, Verdict};
use crate::{Actor, App, AppError};

/// Scenario and probing answers below this specificity read as generic.
pub const GENERIC_BELOW: f64 = 0.35;
/// Answers whose word sequences are this much alike across suppliers are flagged.
pub const NEAR_DUPLICATE: f64 = 0.6;
/// Answers this much made of the question's own words are flagged.
pub const ECHO_AT_LEAST: f64 = 0.5;
/// The disclosure items whose answer says whether the product contains AI.
const AI_PRESENT_ITEMS: [&str; 2] = ["d-ai-present", "p-no-ai"];

/// One thing a check found, with the passage that shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct BidFinding {
    pub kind: BidCheckKind,
    pub item_key: Option<String>,
    /// The document the passage comes from, when not from an answer.
    pub document: Option<String>,
    pub excerpt: String,
    pub explanation: Text,
}

/// A row of the evidence matrix: one knock-out requirement of the package.
#[derive(Debug, Clone, serde::Serialize)]
pub struct MatrixCell {
    pub item_key: String,
    /// The requirement's text, so readers see words rather than keys.
    pub text: Text,
    pub evidence: Evidence,
}

/// Everything the checks found on one bid.
#[derive(Debug, Clone, serde::Serialize)]
pub struct BidChecks {
    pub bid_id: String,
    pub supplier_name: String,
    pub declared_no_ai: bool,
    pub categories_found: Vec<String>,
    pub findings: Vec<BidFinding>,
    pub matrix: Vec<MatrixCell>,
}

/// The checks on every bid of a dossier (bids on older package versions against their own).
pub async fn for_dossier(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
) -> Result<Vec<BidChecks>, AppError> {
    let mut conn = app.store.conn().await?;
    require_read(&mut conn, actor, dossier_id).await?;
    let mut inputs = Vec::new();
    for bid in bids::for_dossier(&mut conn, dossier_id).await? {
        let view = view(&mut conn, dossier_id, &bid.id).await?;
        let header = grip_store::packages::by_version(&mut conn, dossier_id, bid.package_version)
            .await?
            .ok_or(AppError::NotFound("package"))?;
        let package = crate::packages::load(&mut conn, header).await?;
        let mut docs = Vec::new();
        for doc in &view.documents {
            if let Some(row) = screenings::get(&mut conn, &doc.id).await?
                && let Ok(s) = serde_json::from_str::<Screening>(&row.result)
            {
                docs.push((doc.original_name.clone(), s));
            }
        }
        inputs.push((view, package, docs));
    }
    tokio::task::spawn_blocking(move || run_checks(&inputs))
        .await
        .map_err(|e| AppError::Internal(format!("bid checks: {e}")))?
}

pub(super) type CheckInput = (BidView, StoredPackage, Vec<(String, Screening)>);

fn run_checks(inputs: &[CheckInput]) -> Result<Vec<BidChecks>, AppError> {
    let mut all = Vec::with_capacity(inputs.len());
    for (view, package, docs) in inputs {
        all.push(check_bid(view, package, docs)?);
    }
    super::copies::flag_copies(inputs, &mut all);
    for checks in &mut all {
        checks.findings.sort_by_key(|f| severity(f.kind));
    }
    Ok(all)
}

fn check_bid(
    view: &BidView,
    package: &StoredPackage,
    docs: &[(String, Screening)],
) -> Result<BidChecks, AppError> {
    let mut findings = Vec::new();
    let answer_of = |key: &str| {
        view.answers
            .iter()
            .find(|a| a.item_key == key)
            .map_or("", |a| a.answer.as_str())
    };
    let declared_no_ai = AI_PRESENT_ITEMS
        .iter()
        .any(|k| declares_no_ai(answer_of(k)));
    let mut disclosed = BTreeSet::new();
    let mut found: Vec<(Option<String>, Option<String>, Screening)> = Vec::new();
    for section in &package.package.sections {
        for item in &section.items {
            let text = answer_of(&item.key);
            if text.is_empty() {
                continue;
            }
            let screening = crate::screening::screen("antwoord.txt", text.as_bytes())?;
            if section.kind == SectionKind::Disclosure {
                disclosed.extend(positive_categories(&screening));
            }
            if matches!(section.kind, SectionKind::Scenario | SectionKind::Probing) {
                generic_answer(&item.key, text, &screening, &mut findings);
            }
            found.push((Some(item.key.clone()), None, screening));
        }
    }
    for (name, screening) in docs {
        found.push((None, Some(name.clone()), screening.clone()));
    }
    let mut categories = BTreeSet::new();
    for (item, document, screening) in &found {
        if screening.verdict != Verdict::AiIndicated {
            continue;
        }
        let Some(first) = telling(screening, None) else {
            continue;
        };
        categories.extend(positive_categories(screening));
        let kind = if declared_no_ai {
            BidCheckKind::NoAiContradicted
        } else {
            BidCheckKind::AiFound
        };
        findings.push(BidFinding {
            kind,
            item_key: item.clone(),
            document: document.clone(),
            excerpt: first.excerpt.clone(),
            explanation: ai_found_text(declared_no_ai, document.as_deref()),
        });
        if document.is_some() {
            for category in positive_categories(screening) {
                if !disclosed.contains(&category) {
                    findings.push(undisclosed(&category, document.as_deref(), screening));
                }
            }
        }
    }
    dedupe_undisclosed(&mut findings);
    let matrix = evidence_matrix(view, package, declared_no_ai && !categories.is_empty());
    for cell in matrix.iter().filter(|c| c.evidence == Evidence::Missing) {
        findings.push(BidFinding {
            kind: BidCheckKind::KnockOutMissing,
            item_key: Some(cell.item_key.clone()),
            document: None,
            excerpt: String::new(),
            explanation: Text {
                nl: "Deze knock-outeis is niet beantwoord; zonder antwoord voldoet de \
                     inschrijving er niet aantoonbaar aan."
                    .into(),
                en: "This knock-out requirement is unanswered; without an answer the bid \
                     does not demonstrably meet it."
                    .into(),
            },
        });
    }
    Ok(BidChecks {
        bid_id: view.bid.id.to_string(),
        supplier_name: view.bid.supplier_name.clone(),
        declared_no_ai,
        categories_found: categories.into_iter().collect(),
        findings,
        matrix,
    })
}

/// The passage that best shows AI (of `category`, when given): a finding that is not
/// negated and not a question, with a precise category before a vague one, and of those the
/// fullest sentence.
fn telling<'a>(
    screening: &'a Screening,
    category: Option<&str>,
) -> Option<&'a crate::screening::Finding> {
    screening
        .findings
        .iter()
        .filter(|f| !f.negated && category.is_none_or(|c| f.category == c))
        .max_by_key(|f| {
            let question = f.excerpt.trim_end().ends_with('?');
            let vague = f.category == "unspecified_ai";
            (!question, !vague, f.excerpt.chars().count().min(300))
        })
}

/// Most telling first: what contradicts the bid, then what is missing, then style.
pub fn severity(kind: BidCheckKind) -> u8 {
    match kind {
        BidCheckKind::NoAiContradicted => 0,
        BidCheckKind::UndisclosedCategory => 1,
        BidCheckKind::KnockOutMissing => 2,
        BidCheckKind::NearDuplicate => 3,
        BidCheckKind::EchoesQuestion => 4,
        BidCheckKind::GenericAnswer => 5,
        BidCheckKind::AiFound => 6,
    }
}

/// "Nee", "No", "Geen AI", "The product contains no AI" and the like.
pub fn declares_no_ai(answer: &str) -> bool {
    let text = answer.trim().to_lowercase();
    let starts = ["nee", "no ", "no.", "no,", "geen", "none"];
    let says = [
        "geen ai",
        "no ai",
        "geen kunstmatige intelligentie",
        "no artificial intelligence",
        "bevat geen",
        "contains no",
        "does not contain",
        "niet van toepassing",
    ];
    text == "no"
        || starts.iter().any(|s| text.starts_with(s))
        || says.iter().any(|s| text.contains(s))
}

fn positive_categories(screening: &Screening) -> BTreeSet<String> {
    screening
        .findings
        .iter()
        .filter(|f| !f.negated)
        .map(|f| f.category.clone())
        .filter(|c| c != "unspecified_ai")
        .collect()
}

fn generic_answer(key: &str, text: &str, screening: &Screening, out: &mut Vec<BidFinding>) {
    let Some(specificity) = screening.specificity else {
        return;
    };
    if specificity >= GENERIC_BELOW {
        return;
    }
    out.push(BidFinding {
        kind: BidCheckKind::GenericAnswer,
        item_key: Some(key.into()),
        document: None,
        excerpt: excerpt(text),
        explanation: Text {
            nl: format!(
                "Het antwoord is algemeen: concreetheid {} op een schaal van 0 (algemeen) tot \
                 1 (concreet); er staan weinig getallen, namen, stappen of voorwaarden in. \
                 Grens: {}.",
                decimal_nl(specificity),
                decimal_nl(GENERIC_BELOW)
            ),
            en: format!(
                "The answer is generic: specificity {specificity:.2} on a scale from 0 \
                 (generic) to 1 (concrete); it holds few figures, names, steps or conditions. \
                 Threshold: {GENERIC_BELOW:.2}."
            ),
        },
    });
}

fn ai_found_text(declared_no_ai: bool, document: Option<&str>) -> Text {
    let whence_nl = document.map_or("een antwoord".to_string(), |d| format!("het document {d}"));
    let whence_en = document.map_or("an answer".to_string(), |d| format!("the document {d}"));
    if declared_no_ai {
        Text {
            nl: format!(
                "De inschrijver verklaart dat het product geen AI bevat, maar {whence_nl} \
                 beschrijft een functie die vrijwel altijd met AI werkt."
            ),
            en: format!(
                "The bidder declares that the product contains no AI, but {whence_en} \
                 describes a function that is nearly always built with AI."
            ),
        }
    } else {
        Text {
            nl: format!("De screening vond AI in {whence_nl}."),
            en: format!("Screening found AI in {whence_en}."),
        }
    }
}

fn undisclosed(category: &str, document: Option<&str>, screening: &Screening) -> BidFinding {
    let name = crate::packages::knowledge()
        .map(|k| k.questions.content().finding_probe.category_name(category))
        .unwrap_or_else(|_| Text {
            nl: "AI-functionaliteit".into(),
            en: "AI functionality".into(),
        });
    let passage = telling(screening, Some(category))
        .map(|f| f.excerpt.clone())
        .unwrap_or_default();
    BidFinding {
        kind: BidCheckKind::UndisclosedCategory,
        item_key: None,
        document: document.map(str::to_owned),
        excerpt: passage,
        explanation: Text {
            nl: format!(
                "De documenten beschrijven {}, maar de antwoorden op de openheidsvragen noemen \
                 dit niet.",
                name.nl.to_lowercase()
            ),
            en: format!(
                "The documents describe {}, but the answers to the disclosure questions do not \
                 mention it.",
                name.en.to_lowercase()
            ),
        },
    }
}

/// One undisclosed-category finding per category and document is enough.
fn dedupe_undisclosed(findings: &mut Vec<BidFinding>) {
    let mut seen = BTreeSet::new();
    findings.retain(|f| {
        f.kind != BidCheckKind::UndisclosedCategory
            || seen.insert((f.document.clone(), f.explanation.nl.clone()))
    });
}

fn evidence_matrix(view: &BidView, package: &StoredPackage, contradicted: bool) -> Vec<MatrixCell> {
    package
        .package
        .items()
        .filter(|i| i.use_ == Use::KnockOut)
        .map(|i| {
            let answer = view
                .answers
                .iter()
                .find(|a| a.item_key == i.key)
                .map_or("", |a| a.answer.as_str());
            let evidence = if answer.trim().is_empty() {
                Evidence::Missing
            } else if contradicted && AI_PRESENT_ITEMS.contains(&i.knowledge_id.as_str()) {
                Evidence::Contradicted
            } else {
                Evidence::Provided
            };
            MatrixCell {
                item_key: i.key.clone(),
                text: i.title.clone().unwrap_or_else(|| i.text.clone()),
                evidence,
            }
        })
        .collect()
}

/// Two decimals with a decimal comma, as Dutch readers write them.
fn decimal_nl(value: f64) -> String {
    format!("{value:.2}").replace('.', ",")
}

/// The start of a text, cut at a word boundary.
pub(super) fn excerpt(text: &str) -> String {
    shortened(text, 240)
}

/// At most `max` characters, cut after a whole word and marked with an ellipsis.
pub fn shortened(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let at = cut.rfind(char::is_whitespace).unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_ai_declarations_are_recognised() {
        for yes in [
            "Nee.",
            "No",
            "Geen AI in dit product",
            "The product contains no AI.",
        ] {
            assert!(declares_no_ai(yes), "{yes}");
        }
        for no in [
            "Ja, gezichtsherkenning.",
            "Yes: the camera detects persons.",
            "Nobody knows",
        ] {
            assert!(!declares_no_ai(no), "{no}");
        }
    }

    #[test]
    fn excerpts_end_at_a_word() {
        let long = "woord ".repeat(100);
        let cut = excerpt(&long);
        assert!(cut.ends_with("woord…"));
    }
}
