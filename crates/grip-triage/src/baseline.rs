//! The `grip.contract-baseline/1` input: what the supplier declared about AI at signature.
//! Field names and shapes follow `shared/contracts/contract-baseline.schema.json` exactly.

use serde::{Deserialize, Serialize};

/// Value of the `schema` field.
pub const BASELINE_SCHEMA: &str = "grip.contract-baseline/1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub schema: String,
    pub system: String,
    #[serde(default)]
    pub supplier: Option<String>,
    pub components: Vec<Component>,
    #[serde(default)]
    pub classification: Option<BaselineClassification>,
    #[serde(default)]
    pub conditions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Component {
    pub name: String,
    #[serde(default)]
    pub purpose: Option<String>,
    pub ai: bool,
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub model: Option<String>,
    #[serde(default)]
    pub version: Option<String>,
    #[serde(default)]
    pub provider: Option<String>,
    #[serde(default)]
    pub deployment: Option<Deployment>,
    #[serde(default)]
    pub switchable: Option<bool>,
}

/// Where a component's AI runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Deployment {
    OnDevice,
    OnPremises,
    CloudEu,
    CloudNonEu,
    Unknown,
}

impl Deployment {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::OnDevice => "on_device",
            Self::OnPremises => "on_premises",
            Self::CloudEu => "cloud_eu",
            Self::CloudNonEu => "cloud_non_eu",
            Self::Unknown => "unknown",
        }
    }
}

/// The AI Act classification at award, as far as triage needs it. Other fields of
/// `grip.classification/1` may be present and are kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BaselineClassification {
    #[serde(default)]
    pub verdict: Option<String>,
    #[serde(default)]
    pub annex_iii_points: Vec<String>,
    #[serde(flatten)]
    pub other: serde_json::Map<String, serde_json::Value>,
}

/// Why a baseline was refused.
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    #[error("the baseline is not valid JSON of the expected shape: {0}")]
    Shape(#[from] serde_json::Error),
    #[error("the baseline's schema is {0:?}, expected \"grip.contract-baseline/1\"")]
    Schema(String),
    #[error("the baseline names no system")]
    NoSystem,
    #[error("component {0}: the name is empty")]
    EmptyName(usize),
    #[error("component {name}: unknown AI category {category:?}")]
    UnknownCategory { name: String, category: String },
}

impl Baseline {
    /// Parses and checks a baseline document.
    pub fn parse(json: &str) -> Result<Baseline, BaselineError> {
        let baseline: Baseline = serde_json::from_str(json)?;
        baseline.check()?;
        Ok(baseline)
    }

    /// What the schema cannot say: known categories.
    pub fn check(&self) -> Result<(), BaselineError> {
        if self.schema != BASELINE_SCHEMA {
            return Err(BaselineError::Schema(self.schema.clone()));
        }
        if self.system.trim().is_empty() {
            return Err(BaselineError::NoSystem);
        }
        for (i, component) in self.components.iter().enumerate() {
            if component.name.trim().is_empty() {
                return Err(BaselineError::EmptyName(i + 1));
            }
            if let Some(category) = component
                .categories
                .iter()
                .find(|c| !grip_screen::CATEGORIES.contains(&c.as_str()))
            {
                return Err(BaselineError::UnknownCategory {
                    name: component.name.clone(),
                    category: category.clone(),
                });
            }
        }
        Ok(())
    }

    /// Every category any component declares.
    pub fn declared_categories(&self) -> impl Iterator<Item = &str> {
        self.components
            .iter()
            .flat_map(|c| c.categories.iter().map(String::as_str))
    }

    /// Whether a component declared with AI covers `category`.
    pub fn ai_covers(&self, category: &str) -> bool {
        self.components
            .iter()
            .any(|c| c.ai && c.categories.iter().any(|k| k == category))
    }
}
