//! The three legal tests a triage answers, each likely / possible / unlikely with the
//! citation and explanation from the `changes` pack.

use grip_knowledge::changes::{GroundId, LegalTestId, Likelihood};
use grip_knowledge::{Lang, Text};

use crate::decide::Decision;
use crate::knowledge::ChangeKnowledge;
use crate::output::Impact;

/// One test answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegalAnswer {
    pub id: LegalTestId,
    pub likelihood: Likelihood,
    pub question: Text,
    pub citation: String,
    pub explanation: Text,
}

impl LegalAnswer {
    /// One line for the contract's `reasons`.
    pub fn line(&self, lang: Lang) -> String {
        let answer = match (lang, self.likelihood) {
            (Lang::Nl, Likelihood::Likely) => "waarschijnlijk",
            (Lang::Nl, Likelihood::Possible) => "mogelijk",
            (Lang::Nl, Likelihood::Unlikely) => "onwaarschijnlijk",
            (Lang::En, l) => l.as_str(),
        };
        format!(
            "{} — {answer} ({}). {}",
            self.question.get(lang),
            self.citation,
            self.explanation.get(lang)
        )
    }
}

pub(crate) fn answer(decision: &Decision, knowledge: &ChangeKnowledge) -> Vec<LegalAnswer> {
    LegalTestId::ALL
        .into_iter()
        .map(|id| {
            let test = knowledge.content().legal_test(id);
            let likelihood = likelihood(id, decision);
            LegalAnswer {
                id,
                likelihood,
                question: test.question.clone(),
                citation: test.citation.clone(),
                explanation: test.answer(likelihood).clone(),
            }
        })
        .collect()
}

fn likelihood(id: LegalTestId, decision: &Decision) -> Likelihood {
    use Likelihood::{Likely, Possible, Unlikely};
    let has = |g: GroundId| decision.grounds.iter().any(|x| x.id == g);
    let serious = has(GroundId::SensitiveCategory)
        || has(GroundId::ProhibitedPractice)
        || has(GroundId::NewAnnexIiiArea);
    let elsewhere = has(GroundId::NonEuCloud) || has(GroundId::NewAiProvider);
    let new_kind = !decision.new_categories.is_empty();
    match (id, decision.impact) {
        (_, Impact::NoAiImpact | Impact::Unreadable) => match id {
            LegalTestId::ContractClausesCover => Likely,
            _ => Unlikely,
        },
        (LegalTestId::AiActSubstantialModification, Impact::AddsAi) => {
            if new_kind || serious {
                Likely
            } else {
                Possible
            }
        }
        (LegalTestId::AiActSubstantialModification, Impact::ChangesAi) => {
            if serious {
                Likely
            } else {
                Possible
            }
        }
        (LegalTestId::AiActSubstantialModification, Impact::RemovesAi) => Unlikely,
        (LegalTestId::ProcurementModification, Impact::AddsAi) => {
            if serious && new_kind {
                Likely
            } else {
                Possible
            }
        }
        (LegalTestId::ProcurementModification, Impact::ChangesAi) => {
            if elsewhere || serious {
                Possible
            } else {
                Unlikely
            }
        }
        (LegalTestId::ProcurementModification, Impact::RemovesAi) => Possible,
        (LegalTestId::ContractClausesCover, Impact::AddsAi) => Unlikely,
        (LegalTestId::ContractClausesCover, _) if has(GroundId::BrokenCondition) => Unlikely,
        (LegalTestId::ContractClausesCover, Impact::ChangesAi) => {
            if decision.grounds.is_empty() {
                Likely
            } else {
                Possible
            }
        }
        (LegalTestId::ContractClausesCover, Impact::RemovesAi) => Possible,
    }
}
