//! Copied text in bids: answers nearly identical to another supplier's answer, and answers
//! that mostly repeat their own question — signs of boilerplate or machine-written text.

use grip_core::award::bid::BidCheckKind;
use grip_knowledge::common::Text;
use grip_screen::similarity::{Passage, echoes_question, near_duplicates};

use super::checks::{BidChecks, BidFinding, CheckInput, ECHO_AT_LEAST, NEAR_DUPLICATE, excerpt};

/// Near-identical answers across suppliers, and answers that repeat their question.
pub(super) fn flag_copies(inputs: &[CheckInput], all: &mut [BidChecks]) {
    let mut passages = Vec::new();
    for (view, package, _) in inputs {
        for item in package.package.items() {
            let Some(a) = view.answers.iter().find(|a| a.item_key == item.key) else {
                continue;
            };
            if a.answer.is_empty() {
                continue;
            }
            passages.push(Passage {
                owner: view.bid.supplier_id.to_string(),
                key: item.key.clone(),
                text: a.answer.clone(),
            });
            let share = echoes_question(&a.answer, &item.text.nl)
                .into_iter()
                .chain(echoes_question(&a.answer, &item.text.en))
                .reduce(f64::max)
                .filter(|s| *s >= ECHO_AT_LEAST);
            if let Some(share) = share
                && let Some(checks) = all.iter_mut().find(|c| c.bid_id == view.bid.id.as_str())
            {
                checks
                    .findings
                    .push(echo_finding(&item.key, &a.answer, share));
            }
        }
    }
    let owner_bid = |owner: &str| {
        inputs
            .iter()
            .find(|(v, _, _)| v.bid.supplier_id.as_str() == owner)
            .map(|(v, _, _)| (v.bid.id.to_string(), v.bid.supplier_name.clone()))
    };
    for pair in near_duplicates(&passages, NEAR_DUPLICATE) {
        let (a, b) = (&passages[pair.a], &passages[pair.b]);
        for (this, other) in [(a, b), (b, a)] {
            let (Some((bid_id, _)), Some((_, other_name))) =
                (owner_bid(&this.owner), owner_bid(&other.owner))
            else {
                continue;
            };
            if let Some(checks) = all.iter_mut().find(|c| c.bid_id == bid_id) {
                checks.findings.push(BidFinding {
                    kind: BidCheckKind::NearDuplicate,
                    item_key: Some(this.key.clone()),
                    document: None,
                    excerpt: pair.excerpt.clone(),
                    explanation: Text {
                        nl: format!(
                            "Dit antwoord is voor {:.0}% gelijk aan een antwoord van {other_name}: \
                             een teken van standaardtekst of machinaal geschreven tekst.",
                            pair.similarity * 100.0
                        ),
                        en: format!(
                            "This answer is {:.0}% alike to an answer by {other_name}: a sign of \
                             boilerplate or machine-written text.",
                            pair.similarity * 100.0
                        ),
                    },
                });
            }
        }
    }
}

fn echo_finding(key: &str, answer: &str, share: f64) -> BidFinding {
    BidFinding {
        kind: BidCheckKind::EchoesQuestion,
        item_key: Some(key.into()),
        document: None,
        excerpt: excerpt(answer),
        explanation: Text {
            nl: format!(
                "{:.0}% van het antwoord herhaalt de woorden van de vraag zelf.",
                share * 100.0
            ),
            en: format!(
                "{:.0}% of the answer repeats the question's own words.",
                share * 100.0
            ),
        },
    }
}
