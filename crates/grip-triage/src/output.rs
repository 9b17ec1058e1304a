//! The `grip.change-triage/1` result. Field names and shapes follow
//! `shared/contracts/change-triage.schema.json` exactly; do not add fields here.

use grip_screen::{Format, Language};
use serde::{Deserialize, Serialize};

/// Value of the `schema` field.
pub const TRIAGE_SCHEMA: &str = "grip.change-triage/1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeTriage {
    pub schema: String,
    pub notice: NoticeInfo,
    pub impact: Impact,
    pub triage: Proposal,
    pub categories: Vec<String>,
    pub new_categories: Vec<String>,
    pub affected_components: Vec<String>,
    pub annex_iii_hints: Vec<String>,
    pub findings: Vec<ChangeFinding>,
    pub reasons: Vec<String>,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeInfo {
    pub name: String,
    pub format: Format,
    pub chars: usize,
    pub language: Language,
}

/// What the notice does to the product's AI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Impact {
    AddsAi,
    ChangesAi,
    RemovesAi,
    NoAiImpact,
    Unreadable,
}

impl Impact {
    pub const ALL: [Self; 5] = [
        Self::AddsAi,
        Self::ChangesAi,
        Self::RemovesAi,
        Self::NoAiImpact,
        Self::Unreadable,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::AddsAi => "adds_ai",
            Self::ChangesAi => "changes_ai",
            Self::RemovesAi => "removes_ai",
            Self::NoAiImpact => "no_ai_impact",
            Self::Unreadable => "unreadable",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|i| i.as_str() == s)
    }
}

/// What Grip proposes to do about the notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Proposal {
    NoImpact,
    Reassess,
    Escalate,
    Unreadable,
}

impl Proposal {
    pub const ALL: [Self; 4] = [
        Self::NoImpact,
        Self::Reassess,
        Self::Escalate,
        Self::Unreadable,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::NoImpact => "no_impact",
            Self::Reassess => "reassess",
            Self::Escalate => "escalate",
            Self::Unreadable => "unreadable",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

/// What a sentence does to one AI function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Adds,
    Changes,
    Removes,
    Mentions,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeFinding {
    pub indicator: String,
    pub category: String,
    pub excerpt: String,
    pub start: usize,
    pub end: usize,
    pub negated: bool,
    pub change: ChangeKind,
}

impl ChangeTriage {
    /// Compact JSON, as the contract shapes it.
    pub fn to_json(&self) -> serde_json::Result<String> {
        serde_json::to_string(self)
    }
}
