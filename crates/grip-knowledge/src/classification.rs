//! The result type `grip.classification/1`. Field names and value spellings follow the
//! contract in `shared/contracts/classification.schema.json` exactly.

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use crate::common::Holder;

pub const CLASSIFICATION_SCHEMA_MARKER: &str = "grip.classification/1";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Classification {
    pub schema: String,
    pub as_of: Date,
    pub verdict: Verdict,
    pub high_risk: Option<HighRisk>,
    /// Art. 50 paragraphs such as `50(1)`.
    pub transparency_obligations: Vec<String>,
    pub role: Role,
    pub basis: Vec<String>,
    pub obligations: Vec<ObligationItem>,
    pub missing: Vec<String>,
    pub rulepack: String,
    /// Further roles the buyer holds besides `role` (importer, distributor, product
    /// manufacturer); left out of the JSON when there are none, as the contract allows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_roles: Vec<OtherRole>,
}

/// A role the Act gives besides provider and deployer (Art. 3(6), 3(7), 25(3)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OtherRole {
    Importer,
    Distributor,
    ProductManufacturer,
}

impl OtherRole {
    pub const ALL: [OtherRole; 3] = [Self::Importer, Self::Distributor, Self::ProductManufacturer];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Importer => "importer",
            Self::Distributor => "distributor",
            Self::ProductManufacturer => "product_manufacturer",
        }
    }
}

/// Ordered from most to least severe among the tiers; the others stand apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Prohibited,
    HighRisk,
    Transparency,
    Minimal,
    NotAiSystem,
    OutOfScope,
    GpaiModel,
    Undetermined,
}

impl Verdict {
    /// Severity of the risk tiers (higher is more severe); `None` outside the tiers.
    pub fn tier_severity(self) -> Option<u8> {
        match self {
            Self::Prohibited => Some(3),
            Self::HighRisk => Some(2),
            Self::Transparency => Some(1),
            Self::Minimal => Some(0),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Prohibited => "prohibited",
            Self::HighRisk => "high_risk",
            Self::Transparency => "transparency",
            Self::Minimal => "minimal",
            Self::NotAiSystem => "not_ai_system",
            Self::OutOfScope => "out_of_scope",
            Self::GpaiModel => "gpai_model",
            Self::Undetermined => "undetermined",
        }
    }

    /// The verdict in words, for readers (exports, refusals); the code is for machines.
    pub fn label(self) -> crate::common::Text {
        let (nl, en) = match self {
            Self::Prohibited => ("Verboden praktijk", "Prohibited practice"),
            Self::HighRisk => ("Hoog risico", "High risk"),
            Self::Transparency => ("Transparantieplicht", "Transparency obligation"),
            Self::Minimal => ("Minimaal risico", "Minimal risk"),
            Self::NotAiSystem => ("Geen AI-systeem", "Not an AI system"),
            Self::OutOfScope => ("Buiten reikwijdte", "Out of scope"),
            Self::GpaiModel => (
                "AI-model voor algemene doeleinden",
                "General-purpose AI model",
            ),
            Self::Undetermined => ("Nog onbepaald", "Undetermined"),
        };
        crate::common::Text {
            nl: nl.into(),
            en: en.into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HighRisk {
    pub route: Route,
    pub annex_iii_points: Vec<String>,
    pub derogation_rejected_because: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    AnnexIA,
    AnnexIB,
    AnnexIii,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Deployer,
    Provider,
}

/// One obligation. `summary` is English; the pack holds the Dutch text under the same `id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObligationItem {
    pub id: String,
    pub article: String,
    pub applies_from: Date,
    pub holder: Holder,
    pub summary: String,
    /// The other role under which the buyer carries this duty; the contract's `holder` knows
    /// only deployer and provider, so an importer's or distributor's own duty is `deployer`
    /// (the buyer acts itself) with this naming the role. Left out when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_as: Option<OtherRole>,
}
