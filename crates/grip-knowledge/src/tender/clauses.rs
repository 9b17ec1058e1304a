//! The `clauses` pack: requirements, contract clauses (each with its purpose and the
//! obligation it secures, in a high-risk or non-high-risk variant) and award criteria.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::load::{KnowledgePack, PackContent};
use super::tags::{Tags, Use, duplicate_problems, text_problems};
use crate::common::Text;
use crate::pack::model::PackMeta;

pub type ClausesPack = KnowledgePack<ClausesContent>;

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClausesContent {
    pub pack: PackMeta,
    pub requirement: Vec<Clause>,
    pub clause: Vec<Clause>,
    pub award: Vec<AwardCriterion>,
}

/// Which contract variant an item belongs to, after the two MCC-AI sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Variant {
    /// Both variants.
    Any,
    /// Only when the system is (or is treated as) high-risk.
    HighRisk,
    /// Only when the system is not high-risk.
    NonHighRisk,
}

/// A requirement (what the product or service must do) or a contract clause.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    pub id: String,
    pub title: Text,
    pub text: Text,
    /// Why the police want this.
    pub purpose: Text,
    /// The obligation (legal or contractual) this item secures.
    pub secures: Text,
    pub variant: Variant,
    /// The instrument it follows, e.g. `MCC-AI-High-Risk art. 7`; free text, not copied.
    #[serde(default)]
    pub source: Option<String>,
    #[serde(rename = "use")]
    pub use_: Use,
    #[serde(default)]
    pub tags: Tags,
}

/// An award criterion with a default weight within its group.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AwardCriterion {
    pub id: String,
    /// Criterion group; weights of the selected criteria in a group add up to 100.
    pub group: String,
    pub title: Text,
    pub text: Text,
    pub weight: u32,
    #[serde(default)]
    pub tags: Tags,
}

impl PackContent for ClausesContent {
    const ID: &'static str = "clauses";
    const EMBEDDED: &'static [(&'static str, &'static str)] = &[
        (
            "award.toml",
            include_str!("../../../../knowledge/clauses/award.toml"),
        ),
        (
            "clauses.toml",
            include_str!("../../../../knowledge/clauses/clauses.toml"),
        ),
        (
            "pack.toml",
            include_str!("../../../../knowledge/clauses/pack.toml"),
        ),
        (
            "requirements.toml",
            include_str!("../../../../knowledge/clauses/requirements.toml"),
        ),
    ];

    fn meta(&self) -> &PackMeta {
        &self.pack
    }

    fn semantic_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        text_problems("pack.title", &self.pack.title, &mut problems);
        let ids = self
            .requirement
            .iter()
            .chain(&self.clause)
            .map(|c| c.id.as_str())
            .chain(self.award.iter().map(|a| a.id.as_str()));
        duplicate_problems("clauses", ids, &mut problems);
        for (section, items) in [("requirement", &self.requirement), ("clause", &self.clause)] {
            for c in items {
                let at = format!("{section}[{}]", c.id);
                for (field, text) in [
                    ("title", &c.title),
                    ("text", &c.text),
                    ("purpose", &c.purpose),
                    ("secures", &c.secures),
                ] {
                    text_problems(&format!("{at}.{field}"), text, &mut problems);
                }
                c.tags.problems(&at, &mut problems);
                let high = c.tags.verdicts.iter().any(|v| v == "high_risk");
                let only_high =
                    !c.tags.verdicts.is_empty() && c.tags.verdicts.iter().all(|v| v == "high_risk");
                if c.variant == Variant::NonHighRisk && high {
                    problems.push(format!(
                        "{at}: variant non_high_risk contradicts verdict tag high_risk"
                    ));
                }
                if c.variant == Variant::HighRisk && !c.tags.verdicts.is_empty() && !only_high {
                    problems.push(format!(
                        "{at}: variant high_risk may only carry the verdict tag high_risk"
                    ));
                }
            }
        }
        for a in &self.award {
            let at = format!("award[{}]", a.id);
            text_problems(&format!("{at}.title"), &a.title, &mut problems);
            text_problems(&format!("{at}.text"), &a.text, &mut problems);
            if a.weight == 0 || a.weight > 100 {
                problems.push(format!("{at}: weight must be 1 to 100, found {}", a.weight));
            }
            if a.group.trim().is_empty() {
                problems.push(format!("{at}: group is empty"));
            }
            a.tags.problems(&at, &mut problems);
        }
        problems
    }
}
