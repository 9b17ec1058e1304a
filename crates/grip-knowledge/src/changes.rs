//! The `changes` pack: what the words of a supplier's change notice mean for the AI in a
//! contracted product (cues), when a change is escalated (grounds), the three legal tests a
//! triage answers, and the AI providers recognised by name. Read by `grip-triage`.

use std::collections::HashSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::common::Text;
use crate::pack::model::PackMeta;
use crate::tender::{KnowledgePack, PackContent};

pub type ChangesPack = KnowledgePack<ChangesContent>;

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangesContent {
    pub pack: PackMeta,
    /// AI categories (screening vocabulary) whose every change is escalated.
    pub escalating_categories: Vec<String>,
    pub cue: Vec<Cue>,
    /// Every escalation ground exactly once.
    pub ground: Vec<Ground>,
    /// Every legal test exactly once.
    pub legal_test: Vec<LegalTest>,
    pub provider: Vec<Provider>,
}

/// What a cue says a sentence does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CueKind {
    Adds,
    Removes,
    ModelChange,
    Retraining,
    Threshold,
    DefaultChange,
    ScopeChange,
    AlwaysOn,
    MovesToCloud,
    NonEuLocation,
    OnDevice,
    ProviderSwitch,
    Prohibited,
    Fix,
    Continues,
    Extends,
}

impl CueKind {
    /// Whether the cue says existing AI works differently afterwards.
    pub fn is_change(self) -> bool {
        matches!(
            self,
            Self::ModelChange
                | Self::Retraining
                | Self::Threshold
                | Self::DefaultChange
                | Self::ScopeChange
                | Self::AlwaysOn
                | Self::MovesToCloud
                | Self::NonEuLocation
                | Self::ProviderSwitch
                | Self::Extends
        )
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cue {
    pub id: String,
    pub kind: CueKind,
    /// Regular expressions (Rust syntax), matched case-insensitively against one sentence.
    pub patterns: Vec<String>,
    /// One sentence: what a match means.
    pub reason: Text,
    /// The article a `prohibited` cue rests on.
    #[serde(default)]
    pub article: Option<String>,
}

/// Why a change goes to the people responsible instead of a routine re-assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GroundId {
    SensitiveCategory,
    ProhibitedPractice,
    NewAnnexIiiArea,
    NonEuCloud,
    NewAiProvider,
    BrokenCondition,
    NoLongerSwitchable,
}

impl GroundId {
    pub const ALL: [Self; 7] = [
        Self::SensitiveCategory,
        Self::ProhibitedPractice,
        Self::NewAnnexIiiArea,
        Self::NonEuCloud,
        Self::NewAiProvider,
        Self::BrokenCondition,
        Self::NoLongerSwitchable,
    ];
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ground {
    pub id: GroundId,
    pub label: Text,
    /// May hold `{component}`, `{category}`, `{area}`, `{provider}`, `{condition}`.
    pub reason: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LegalTestId {
    /// AI Act Art. 3(23) and Art. 25(1).
    AiActSubstantialModification,
    /// Aanbestedingswet 2012 art. 2.163a–g, Directive 2014/24/EU Art. 72.
    ProcurementModification,
    /// Whether the contract's AI clauses cover the new version.
    ContractClausesCover,
}

impl LegalTestId {
    pub const ALL: [Self; 3] = [
        Self::AiActSubstantialModification,
        Self::ProcurementModification,
        Self::ContractClausesCover,
    ];
}

/// How likely a legal test's answer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Likelihood {
    Likely,
    Possible,
    Unlikely,
}

impl Likelihood {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Likely => "likely",
            Self::Possible => "possible",
            Self::Unlikely => "unlikely",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LegalTest {
    pub id: LegalTestId,
    pub question: Text,
    pub citation: String,
    pub likely: Text,
    pub possible: Text,
    pub unlikely: Text,
}

impl LegalTest {
    /// The explanation for an answer.
    pub fn answer(&self, likelihood: Likelihood) -> &Text {
        match likelihood {
            Likelihood::Likely => &self.likely,
            Likelihood::Possible => &self.possible,
            Likelihood::Unlikely => &self.unlikely,
        }
    }
}

/// Where an AI provider is established.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    Eu,
    NonEu,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Provider {
    pub id: String,
    pub name: String,
    /// Lower-case names and product names that identify the provider in a text.
    pub names: Vec<String>,
    pub region: Region,
}

impl ChangesContent {
    pub fn ground(&self, id: GroundId) -> &Ground {
        self.ground
            .iter()
            .find(|g| g.id == id)
            .expect("a loaded changes pack defines every ground (semantic check)")
    }

    pub fn legal_test(&self, id: LegalTestId) -> &LegalTest {
        self.legal_test
            .iter()
            .find(|t| t.id == id)
            .expect("a loaded changes pack defines every legal test (semantic check)")
    }
}

impl PackContent for ChangesContent {
    const ID: &'static str = "changes";
    const EMBEDDED: &'static [(&'static str, &'static str)] = &[
        (
            "cues.toml",
            include_str!("../../../knowledge/changes/cues.toml"),
        ),
        (
            "grounds.toml",
            include_str!("../../../knowledge/changes/grounds.toml"),
        ),
        (
            "pack.toml",
            include_str!("../../../knowledge/changes/pack.toml"),
        ),
    ];

    fn meta(&self) -> &PackMeta {
        &self.pack
    }

    fn semantic_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut ids = HashSet::new();
        for cue in &self.cue {
            if !ids.insert(cue.id.as_str()) {
                problems.push(format!("cue {}: id used twice", cue.id));
            }
            if cue.patterns.is_empty() {
                problems.push(format!("cue {}: no patterns", cue.id));
            }
            for pattern in &cue.patterns {
                if let Err(e) = regex::RegexBuilder::new(pattern)
                    .case_insensitive(true)
                    .build()
                {
                    problems.push(format!("cue {}: pattern does not compile: {e}", cue.id));
                }
            }
            if (cue.kind == CueKind::Prohibited) != cue.article.is_some() {
                problems.push(format!(
                    "cue {}: an article is required for prohibited cues and only for them",
                    cue.id
                ));
            }
        }
        for id in GroundId::ALL {
            let count = self.ground.iter().filter(|g| g.id == id).count();
            if count != 1 {
                problems.push(format!(
                    "ground {id:?}: defined {count} times, expected once"
                ));
            }
        }
        for id in LegalTestId::ALL {
            let count = self.legal_test.iter().filter(|t| t.id == id).count();
            if count != 1 {
                problems.push(format!(
                    "legal_test {id:?}: defined {count} times, expected once"
                ));
            }
        }
        let mut provider_ids = HashSet::new();
        for provider in &self.provider {
            if !provider_ids.insert(provider.id.as_str()) {
                problems.push(format!("provider {}: id used twice", provider.id));
            }
            if provider
                .names
                .iter()
                .any(|n| n.is_empty() || *n != n.to_lowercase())
            {
                problems.push(format!(
                    "provider {}: names must be non-empty and lower case",
                    provider.id
                ));
            }
        }
        problems
    }
}
