//! A supplier's bid: one answer per item of the frozen package version it answers, and the
//! rules every way in (typed, workbook, API) applies alike.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::dossier::FieldError;
use crate::ids::{BidId, DossierId, PackageId, SupplierId};

/// Longest answer accepted for one item.
pub const MAX_ANSWER_CHARS: usize = 20_000;
/// Longest list of document references for one item.
pub const MAX_REFERENCE_CHARS: usize = 2_000;

code_enum! {
    /// How a bid reached Grip.
    pub enum BidSource {
        Typed = "typed",
        Workbook = "workbook",
        Api = "api",
    }
}

impl BidSource {
    pub fn label_nl(self) -> &'static str {
        match self {
            BidSource::Typed => "ingevoerd door de inkoper",
            BidSource::Workbook => "ingelezen uit de antwoordwerkmap",
            BidSource::Api => "aangeleverd via de koppeling",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            BidSource::Typed => "typed in by the buyer",
            BidSource::Workbook => "read from the response workbook",
            BidSource::Api => "delivered through the API",
        }
    }
}

/// A bid as stored; its answers are read separately.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bid {
    pub id: BidId,
    pub dossier_id: DossierId,
    pub package_id: PackageId,
    /// The version number of the frozen package the bid answers; never changes.
    pub package_version: i64,
    pub supplier_id: SupplierId,
    pub supplier_name: String,
    /// The total price offered, in euro cents, when the bid names one.
    pub price_cents: Option<i64>,
    pub source: BidSource,
    pub created_by: String,
    pub created_at: i64,
}

/// The answer to one package item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BidAnswer {
    pub item_key: String,
    #[serde(default)]
    pub answer: String,
    /// Which attached documents the supplier points to for this item, as written.
    #[serde(default)]
    pub documents: String,
}

/// Checks the answers of a new bid against the keys of the package version it answers:
/// every key known, none twice, texts bounded and free of control characters. Answers are
/// trimmed; an item left out is stored as an empty answer so gaps stay visible.
pub fn check_answers(
    answers: Vec<BidAnswer>,
    item_keys: &[String],
) -> Result<Vec<BidAnswer>, FieldError> {
    let mut seen = BTreeSet::new();
    let mut checked = Vec::with_capacity(item_keys.len());
    for answer in answers {
        let field = format!("answers.{}", answer.item_key);
        if !item_keys.contains(&answer.item_key) {
            return Err(
                FieldError::new(field, "unknown_item", "invalid-bid-unknown-item")
                    .with("item", &answer.item_key),
            );
        }
        if !seen.insert(answer.item_key.clone()) {
            return Err(
                FieldError::new(field, "duplicate_item", "invalid-bid-duplicate-item")
                    .with("item", &answer.item_key),
            );
        }
        let text = bounded(&field, &answer.answer, MAX_ANSWER_CHARS)?;
        let documents = bounded(&field, &answer.documents, MAX_REFERENCE_CHARS)?;
        checked.push(BidAnswer {
            item_key: answer.item_key,
            answer: text,
            documents,
        });
    }
    for key in item_keys {
        if !seen.contains(key) {
            checked.push(BidAnswer {
                item_key: key.clone(),
                answer: String::new(),
                documents: String::new(),
            });
        }
    }
    Ok(checked)
}

fn bounded(field: &str, text: &str, max: usize) -> Result<String, FieldError> {
    let text = text.replace("\r\n", "\n");
    let trimmed = text.trim();
    if trimmed.chars().count() > max {
        return Err(
            FieldError::new(field.to_string(), "too_long", "invalid-text-too-long")
                .with("max", max),
        );
    }
    if trimmed
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(FieldError::new(
            field.to_string(),
            "control_characters",
            "invalid-text-control-characters",
        ));
    }
    Ok(trimmed.to_string())
}

/// Checks a price in euro cents: absent, or positive and below a trillion euro.
pub fn check_price(price_cents: Option<i64>) -> Result<Option<i64>, FieldError> {
    match price_cents {
        Some(p) if p <= 0 || p >= 100_000_000_000_000 => Err(FieldError::new(
            "price",
            "out_of_range",
            "invalid-bid-price",
        )),
        other => Ok(other),
    }
}

code_enum! {
    /// How a bid stands on one requirement (knock-out item) in the evidence matrix.
    pub enum Evidence {
        Provided = "provided",
        Missing = "missing",
        Contradicted = "contradicted",
    }
}

code_enum! {
    /// What a check on a bid found.
    pub enum BidCheckKind {
        /// The bid says it has no AI; its own documents or answers describe AI.
        NoAiContradicted = "no_ai_contradicted",
        /// An AI category found in the bid's documents that its disclosure answers do not name.
        UndisclosedCategory = "undisclosed_category",
        /// A scenario or probing answer with little concrete content.
        GenericAnswer = "generic_answer",
        /// A passage near-identical to one in another supplier's bid.
        NearDuplicate = "near_duplicate",
        /// An answer that mostly repeats the question.
        EchoesQuestion = "echoes_question",
        /// A knock-out item without an answer.
        KnockOutMissing = "knock_out_missing",
        /// AI found by screening an answer or a document of the bid.
        AiFound = "ai_found",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(key: &str, text: &str) -> BidAnswer {
        BidAnswer {
            item_key: key.into(),
            answer: text.into(),
            documents: String::new(),
        }
    }

    #[test]
    fn answers_are_checked_against_the_package_items() {
        let keys = vec!["a".to_string(), "b".to_string()];
        let ok = check_answers(vec![answer("a", "  Ja.\r\n")], &keys).expect("valid");
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[0].answer, "Ja.");
        assert_eq!(ok[1].item_key, "b");
        assert!(ok[1].answer.is_empty());
        let unknown = check_answers(vec![answer("z", "x")], &keys).unwrap_err();
        assert_eq!(unknown.code, "unknown_item");
        let twice = check_answers(vec![answer("a", "x"), answer("a", "y")], &keys).unwrap_err();
        assert_eq!(twice.code, "duplicate_item");
        let long = "x".repeat(MAX_ANSWER_CHARS + 1);
        assert_eq!(
            check_answers(vec![answer("a", &long)], &keys)
                .unwrap_err()
                .code,
            "too_long"
        );
        assert_eq!(
            check_answers(vec![answer("a", "a\u{7}b")], &keys)
                .unwrap_err()
                .code,
            "control_characters"
        );
    }

    #[test]
    fn prices_are_positive() {
        assert_eq!(check_price(None).unwrap(), None);
        assert_eq!(check_price(Some(150)).unwrap(), Some(150));
        assert!(check_price(Some(0)).is_err());
        assert!(check_price(Some(-5)).is_err());
    }
}
