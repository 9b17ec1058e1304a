//! The `interests` pack: the ten protected interests a police award decision must weigh,
//! each with guiding questions for the assessor, the evidence that usually bears on it (and
//! which of it Grip can link automatically), its legal basis and the roles that must weigh in;
//! plus the scale an interest is weighed on.

use std::collections::HashSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::load::{KnowledgePack, PackContent};
use super::roles_phases::ROLES;
use super::tags::{duplicate_problems, text_problems};
use crate::common::{Lang, Text};
use crate::pack::model::PackMeta;

pub type InterestsPack = KnowledgePack<InterestsContent>;

/// The ids of the interests, in the order the pack presents them. They are stable: Grip
/// records weighings under these ids, so a pack must define every one and no other.
pub const INTERESTS: &[&str] = &[
    "operational-effectiveness",
    "public-safety",
    "privacy",
    "non-discrimination",
    "transparency",
    "legality",
    "information-security",
    "independence",
    "public-trust",
    "sustainability",
];

/// How many guiding questions an interest has: enough to probe it, few enough to answer.
pub const QUESTIONS_PER_INTEREST: std::ops::RangeInclusive<usize> = 3..=5;

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InterestsContent {
    pub pack: PackMeta,
    /// The weighing scale: each of the four levels exactly once.
    pub scale: Vec<ScaleLevel>,
    pub interest: Vec<Interest>,
}

/// An assessor's weighing of a bid against one interest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Weighing {
    /// The bid serves the interest.
    Positive,
    /// The bid does not materially affect the interest.
    Neutral,
    /// The bid puts the interest at risk; a "go" needs a measure that addresses it.
    Risk,
    /// The bid harms the interest beyond repair; this blocks a "go".
    Unacceptable,
}

impl Weighing {
    /// Every level, from best to worst.
    pub const ALL: [Self; 4] = [
        Self::Positive,
        Self::Neutral,
        Self::Risk,
        Self::Unacceptable,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Positive => "positive",
            Self::Neutral => "neutral",
            Self::Risk => "risk",
            Self::Unacceptable => "unacceptable",
        }
    }

    /// Whether a "go" on this weighing must name a measure that addresses it.
    pub fn needs_measure(self) -> bool {
        self == Self::Risk
    }

    /// Whether this weighing rules out a "go" whatever the other interests say.
    pub fn blocks_go(self) -> bool {
        self == Self::Unacceptable
    }
}

/// One level of the weighing scale as the assessor sees it.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScaleLevel {
    pub id: Weighing,
    pub label: Text,
    /// One sentence: what this weighing means for the decision.
    pub meaning: Text,
}

/// Kinds of evidence Grip holds per dossier and can link to an interest automatically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceSource {
    /// The classification under the AI Act (`grip.classification/1`) and its obligations.
    Classification,
    /// Screening findings in the bidder's documents (`grip.screening/1`).
    Screening,
    /// The evidence matrix: per claim of the bidder, the evidence offered and its assessment.
    EvidenceMatrix,
    /// The scores on the award criteria.
    Scores,
    /// The data protection impact assessment (DPIA) under the Wpg or the GDPR.
    Dpia,
    /// The contract clauses selected for the tender.
    ContractClauses,
}

impl EvidenceSource {
    pub const ALL: [Self; 6] = [
        Self::Classification,
        Self::Screening,
        Self::EvidenceMatrix,
        Self::Scores,
        Self::Dpia,
        Self::ContractClauses,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Classification => "classification",
            Self::Screening => "screening",
            Self::EvidenceMatrix => "evidence_matrix",
            Self::Scores => "scores",
            Self::Dpia => "dpia",
            Self::ContractClauses => "contract_clauses",
        }
    }
}

/// A protected interest the award decision must weigh.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Interest {
    /// Stable id, one of `INTERESTS`.
    pub id: String,
    pub title: Text,
    /// One or two sentences: what is at stake for the police.
    pub summary: Text,
    /// Guiding questions an assessor asks of a bid or system (three to five).
    pub questions: Vec<Text>,
    /// The kinds of evidence that usually bear on this interest, in words.
    pub evidence: Vec<Text>,
    /// The evidence Grip can link to this interest automatically.
    pub evidence_sources: Vec<EvidenceSource>,
    /// The legal and policy references this interest rests on.
    pub sources: Vec<LegalReference>,
    /// Role codes (kebab-case, as in grip-core) that typically must weigh in.
    pub signoff_roles: Vec<String>,
}

/// A legal or policy reference.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LegalReference {
    /// The act or policy as it is usually cited, e.g. `Wet politiegegevens (Wpg)`.
    pub act: String,
    /// The article number only, e.g. `26(9)` or `1.4`; absent when the whole act is meant.
    #[serde(default)]
    pub article: Option<String>,
    /// What the reference contributes to this interest.
    #[serde(default)]
    pub note: Option<Text>,
}

impl LegalReference {
    /// `act, art. 3` in Dutch, `act, Art. 3` in English; the act alone without an article.
    pub fn citation(&self, lang: Lang) -> String {
        match &self.article {
            None => self.act.clone(),
            Some(article) => {
                let art = match lang {
                    Lang::Nl => "art.",
                    Lang::En => "Art.",
                };
                format!("{}, {art} {article}", self.act)
            }
        }
    }
}

impl InterestsContent {
    /// The interest with this id.
    pub fn interest(&self, id: &str) -> Option<&Interest> {
        self.interest.iter().find(|i| i.id == id)
    }

    /// The scale level of a weighing.
    pub fn level(&self, weighing: Weighing) -> Option<&ScaleLevel> {
        self.scale.iter().find(|l| l.id == weighing)
    }

    /// The interests an evidence source bears on, in pack order.
    pub fn linked_to(&self, source: EvidenceSource) -> Vec<&Interest> {
        self.interest
            .iter()
            .filter(|i| i.evidence_sources.contains(&source))
            .collect()
    }
}

impl PackContent for InterestsContent {
    const ID: &'static str = "interests";
    const EMBEDDED: &'static [(&'static str, &'static str)] = &[
        (
            "interests.toml",
            include_str!("../../../../knowledge/interests/interests.toml"),
        ),
        (
            "pack.toml",
            include_str!("../../../../knowledge/interests/pack.toml"),
        ),
    ];

    fn meta(&self) -> &PackMeta {
        &self.pack
    }

    fn semantic_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        text_problems("pack.title", &self.pack.title, &mut problems);
        self.scale_problems(&mut problems);
        duplicate_problems(
            "interest",
            self.interest.iter().map(|i| i.id.as_str()),
            &mut problems,
        );
        for id in INTERESTS {
            if self.interest(id).is_none() {
                problems.push(format!("interest: no entry for {id:?}"));
            }
        }
        for interest in &self.interest {
            interest.problems(&mut problems);
        }
        problems
    }
}

impl InterestsContent {
    fn scale_problems(&self, problems: &mut Vec<String>) {
        let mut seen = HashSet::new();
        for level in &self.scale {
            let at = format!("scale[{}]", level.id.as_str());
            if !seen.insert(level.id) {
                problems.push(format!("scale: duplicate id {:?}", level.id.as_str()));
            }
            text_problems(&format!("{at}.label"), &level.label, problems);
            text_problems(&format!("{at}.meaning"), &level.meaning, problems);
        }
        for weighing in Weighing::ALL {
            if !seen.contains(&weighing) {
                problems.push(format!("scale: no entry for {:?}", weighing.as_str()));
            }
        }
    }
}

impl Interest {
    fn problems(&self, problems: &mut Vec<String>) {
        let at = format!("interest[{}]", self.id);
        if !self.id.trim().is_empty() && !INTERESTS.contains(&self.id.as_str()) {
            problems.push(format!(
                "{at}.id: unknown interest; known interests: {}",
                INTERESTS.join(", ")
            ));
        }
        text_problems(&format!("{at}.title"), &self.title, problems);
        text_problems(&format!("{at}.summary"), &self.summary, problems);
        if !QUESTIONS_PER_INTEREST.contains(&self.questions.len()) {
            problems.push(format!(
                "{at}.questions: expected {} to {} questions, found {}",
                QUESTIONS_PER_INTEREST.start(),
                QUESTIONS_PER_INTEREST.end(),
                self.questions.len()
            ));
        }
        for (n, question) in self.questions.iter().enumerate() {
            text_problems(&format!("{at}.questions[{n}]"), question, problems);
        }
        if self.evidence.is_empty() {
            problems.push(format!("{at}.evidence: name at least one kind of evidence"));
        }
        for (n, evidence) in self.evidence.iter().enumerate() {
            text_problems(&format!("{at}.evidence[{n}]"), evidence, problems);
        }
        if self.evidence_sources.is_empty() {
            problems.push(format!(
                "{at}.evidence_sources: name at least one source Grip can link"
            ));
        }
        let mut seen = HashSet::new();
        for source in &self.evidence_sources {
            if !seen.insert(source) {
                problems.push(format!(
                    "{at}.evidence_sources: {:?} is listed twice",
                    source.as_str()
                ));
            }
        }
        if self.sources.is_empty() {
            problems.push(format!("{at}.sources: name at least one legal basis"));
        }
        for (n, source) in self.sources.iter().enumerate() {
            source.problems(&format!("{at}.sources[{n}]"), problems);
        }
        if self.signoff_roles.is_empty() {
            problems.push(format!("{at}.signoff_roles: name at least one role"));
        }
        let mut seen = HashSet::new();
        for role in &self.signoff_roles {
            if !ROLES.contains(&role.as_str()) {
                problems.push(format!(
                    "{at}.signoff_roles: unknown role {role:?}; known roles: {}",
                    ROLES.join(", ")
                ));
            } else if !seen.insert(role.as_str()) {
                problems.push(format!("{at}.signoff_roles: role {role:?} is listed twice"));
            }
        }
    }
}

impl LegalReference {
    fn problems(&self, at: &str, problems: &mut Vec<String>) {
        if self.act.trim().is_empty() {
            problems.push(format!("{at}.act: is empty"));
        }
        if let Some(article) = &self.article {
            let lower = article.trim().to_lowercase();
            if lower.is_empty() {
                problems.push(format!("{at}.article: is empty; leave it out instead"));
            } else if lower.starts_with("art") {
                problems.push(format!(
                    "{at}.article: give the number only (\"26(9)\", not {article:?})"
                ));
            }
        }
        if let Some(note) = &self.note {
            text_problems(&format!("{at}.note"), note, problems);
        }
    }
}
