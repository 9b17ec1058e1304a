//! Tags shared by questions and clauses, the vocabularies they are checked against, and
//! small validation helpers the three tender packs have in common.

use std::collections::{BTreeSet, HashSet};
use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::common::Text;

/// What a buyer can do with an item in a tender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Use {
    /// Suits a knock-out (pass/fail) requirement.
    KnockOut,
    /// Suits an award criterion that is scored.
    Award,
    /// Information only: asked, not scored.
    Information,
}

impl Use {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::KnockOut => "knock_out",
            Self::Award => "award",
            Self::Information => "information",
        }
    }
}

/// Where an item applies. An empty list means "no restriction" on that dimension.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tags {
    /// Portfolio category codes such as `voertuigen`.
    #[serde(default)]
    pub categories: Vec<String>,
    /// Classification verdicts such as `high_risk` (spelling of `grip.classification/1`).
    #[serde(default)]
    pub verdicts: Vec<String>,
    /// Annex III point codes such as `6d`.
    #[serde(default)]
    pub annex_iii: Vec<String>,
    /// Art. 50 paragraphs such as `50(1)`.
    #[serde(default)]
    pub transparency: Vec<String>,
    /// Phase codes (snake_case, as in grip-core).
    #[serde(default)]
    pub phases: Vec<String>,
    /// Audience role codes (kebab-case, as in grip-core).
    #[serde(default)]
    pub roles: Vec<String>,
}

pub const VERDICTS: &[&str] = &[
    "prohibited",
    "high_risk",
    "transparency",
    "minimal",
    "not_ai_system",
    "out_of_scope",
    "gpai_model",
    "undetermined",
];

pub const TRANSPARENCY: &[&str] = &["50(1)", "50(2)", "50(3)", "50(4)"];

/// Category codes of the embedded portfolio pack: tags must name real categories.
pub fn category_codes() -> &'static BTreeSet<String> {
    static CODES: OnceLock<BTreeSet<String>> = OnceLock::new();
    CODES.get_or_init(|| {
        codes_of(
            include_str!("../../../../knowledge/portfolio/portfolio.toml"),
            "category",
            "code",
        )
    })
}

/// Annex III point codes of the embedded `ai-act` pack.
pub fn annex_iii_codes() -> &'static BTreeSet<String> {
    static CODES: OnceLock<BTreeSet<String>> = OnceLock::new();
    CODES.get_or_init(|| {
        codes_of(
            include_str!("../../../../knowledge/ai-act/annex-iii.toml"),
            "annex_iii",
            "code",
        )
    })
}

fn codes_of(toml_text: &str, section: &str, key: &str) -> BTreeSet<String> {
    let table: toml::Table = toml::from_str(toml_text).unwrap_or_default();
    table
        .get(section)
        .and_then(|v| v.as_array())
        .map(|items| {
            items
                .iter()
                .filter_map(|item| item.get(key).and_then(|c| c.as_str()))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

impl Tags {
    /// Every tag value that is not in its vocabulary, as problems naming `at`.
    pub fn problems(&self, at: &str, problems: &mut Vec<String>) {
        let categories = category_codes();
        let annex = annex_iii_codes();
        let mut unknown = |dimension: &str, values: &[String], known: &dyn Fn(&str) -> bool| {
            for value in values.iter().filter(|v| !known(v)) {
                problems.push(format!("{at}: unknown {dimension} {value:?}"));
            }
        };
        unknown("category", &self.categories, &|v| categories.contains(v));
        unknown("verdict", &self.verdicts, &|v| VERDICTS.contains(&v));
        unknown("Annex III point", &self.annex_iii, &|v| annex.contains(v));
        unknown("transparency paragraph", &self.transparency, &|v| {
            TRANSPARENCY.contains(&v)
        });
        unknown("phase", &self.phases, &|v| {
            super::roles_phases::PHASES.contains(&v)
        });
        unknown("role", &self.roles, &|v| {
            super::roles_phases::ROLES.contains(&v)
        });
    }
}

/// Both languages must be filled.
pub fn text_problems(at: &str, text: &Text, problems: &mut Vec<String>) {
    if text.nl.trim().is_empty() {
        problems.push(format!("{at}: Dutch text (nl) is empty"));
    }
    if text.en.trim().is_empty() {
        problems.push(format!("{at}: English text (en) is empty"));
    }
}

pub fn duplicate_problems<'a>(
    section: &str,
    ids: impl IntoIterator<Item = &'a str>,
    problems: &mut Vec<String>,
) {
    let mut seen = HashSet::new();
    for id in ids {
        if id.trim().is_empty() {
            problems.push(format!("{section}: empty id"));
        } else if !seen.insert(id) {
            problems.push(format!("{section}: duplicate id {id:?}"));
        }
    }
}

/// The `{name}` placeholders in a template, in order of appearance.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                found.push(&after[..end]);
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    found
}

/// A template must use only `allowed` placeholders and the same set in both languages.
pub fn template_problems(at: &str, text: &Text, allowed: &[&str], problems: &mut Vec<String>) {
    let nl: BTreeSet<&str> = placeholders(&text.nl).into_iter().collect();
    let en: BTreeSet<&str> = placeholders(&text.en).into_iter().collect();
    for name in nl.union(&en).filter(|n| !allowed.contains(n)) {
        problems.push(format!(
            "{at}: unknown slot {{{name}}}; allowed: {}",
            allowed.join(", ")
        ));
    }
    if nl != en {
        problems.push(format!(
            "{at}: Dutch and English text use different slots ({nl:?} vs {en:?})"
        ));
    }
}

/// Replace `{name}` placeholders by the values `fill` gives.
pub fn fill_template(template: &str, mut fill: impl FnMut(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                match fill(name) {
                    Some(value) => out.push_str(&value),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}
