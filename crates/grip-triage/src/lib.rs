//! Triage of supplier change notices against a contract's AI baseline: does an update add,
//! change or remove AI, which declared component does it concern, which AI categories are
//! new, and should the contract manager re-assess or escalate? Stands on `grip-screen` (which
//! AI functions a text names) and the `changes` knowledge pack (what the words around them
//! do). Pure: no I/O besides the bytes given.

mod baseline;
mod components;
mod decide;
mod knowledge;
mod legal;
mod output;
mod read;
mod sentences;
mod summary;

use grip_knowledge::changes::GroundId;
use grip_knowledge::{Lang, Text};
use grip_screen::{Extracted, Lexicon, Limits};
use serde::{Deserialize, Serialize};

pub use baseline::{
    BASELINE_SCHEMA, Baseline, BaselineClassification, BaselineError, Component, Deployment,
};
pub use decide::Ground;
pub use knowledge::{ChangeKnowledge, KnowledgeError};
pub use legal::LegalAnswer;
pub use output::{
    ChangeFinding, ChangeKind, ChangeTriage, Impact, NoticeInfo, Proposal, TRIAGE_SCHEMA,
};

/// A triage with everything behind it, in both interface languages; the contract object
/// ([`Assessment::to_contract`]) is one view of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub notice: NoticeInfo,
    pub impact: Impact,
    pub proposal: Proposal,
    pub categories: Vec<String>,
    pub new_categories: Vec<String>,
    pub affected_components: Vec<String>,
    pub annex_iii_hints: Vec<String>,
    pub findings: Vec<ChangeFinding>,
    /// Why this impact, then why this proposal.
    pub summary: Vec<Text>,
    pub grounds: Vec<GroundReason>,
    pub legal: Vec<LegalReason>,
    pub error: Option<String>,
}

/// A ground for escalation as the contract manager reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroundReason {
    pub id: GroundId,
    pub label: Text,
    pub reason: Text,
}

/// A legal test's answer as stored and shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LegalReason {
    pub id: grip_knowledge::changes::LegalTestId,
    pub likelihood: grip_knowledge::changes::Likelihood,
    pub question: Text,
    pub citation: String,
    pub explanation: Text,
    /// The whole answer in one line per language.
    pub line: Text,
}

impl Assessment {
    /// Every reason in one language: impact, grounds, proposal, then the legal tests.
    pub fn reasons(&self, lang: Lang) -> Vec<String> {
        let mut reasons: Vec<String> = self.summary.iter().map(|t| t.get(lang).into()).collect();
        reasons.extend(self.grounds.iter().map(|g| g.reason.get(lang).to_owned()));
        reasons.extend(self.legal.iter().map(|l| l.line.get(lang).to_owned()));
        reasons
    }

    /// The `grip.change-triage/1` object, its reasons in `lang`.
    pub fn to_contract(&self, lang: Lang) -> ChangeTriage {
        ChangeTriage {
            schema: TRIAGE_SCHEMA.to_owned(),
            notice: self.notice.clone(),
            impact: self.impact,
            triage: self.proposal,
            categories: self.categories.clone(),
            new_categories: self.new_categories.clone(),
            affected_components: self.affected_components.clone(),
            annex_iii_hints: self.annex_iii_hints.clone(),
            findings: self.findings.clone(),
            reasons: self.reasons(lang),
            error: self.error.clone(),
        }
    }
}

/// Triages one notice given as bytes in any format Grip screens. A notice that cannot be
/// read gives impact `unreadable` with the error, so a batch goes on with the next.
pub fn triage_bytes(
    name: &str,
    bytes: &[u8],
    baseline: &Baseline,
    lexicon: &Lexicon,
    knowledge: &ChangeKnowledge,
    limits: &Limits,
) -> Assessment {
    triage_document(name, bytes, baseline, lexicon, knowledge, limits).0
}

/// [`triage_bytes`] with the text it read (empty when unreadable), for callers that keep it,
/// so a document is extracted once.
pub fn triage_document(
    name: &str,
    bytes: &[u8],
    baseline: &Baseline,
    lexicon: &Lexicon,
    knowledge: &ChangeKnowledge,
    limits: &Limits,
) -> (Assessment, String) {
    match grip_screen::extract(bytes, limits) {
        Ok(extracted) => {
            let assessment = triage_extracted(name, &extracted, baseline, lexicon, knowledge);
            (assessment, extracted.text)
        }
        Err(error) => {
            let format =
                grip_screen::detect_format(bytes, limits).unwrap_or(grip_screen::Format::Txt);
            (
                summary::unreadable(name, format, &error.to_string()),
                String::new(),
            )
        }
    }
}

/// The assessment of a notice that could not even be read (a missing file, say).
pub fn unreadable_notice(name: &str, reason: &str) -> Assessment {
    summary::unreadable(name, grip_screen::Format::Txt, reason)
}

/// Triages text already extracted (a pasted e-mail, say).
pub fn triage_extracted(
    name: &str,
    extracted: &Extracted,
    baseline: &Baseline,
    lexicon: &Lexicon,
    knowledge: &ChangeKnowledge,
) -> Assessment {
    let screening = grip_screen::analyse(name, extracted, lexicon);
    let text = &extracted.text;
    let reading = read::read(text, &screening, baseline, knowledge);
    let decision = decide::decide(
        text,
        &reading,
        baseline,
        knowledge,
        &screening.annex_iii_hints,
    );
    let legal = legal::answer(&decision, knowledge);
    summary::assessment(
        text, &screening, &reading, &decision, legal, baseline, knowledge,
    )
}
