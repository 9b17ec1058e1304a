//! The on-disk shape of the indicator pack (TOML) and its validation rules.
//! Unknown fields are rejected so a typo in a reviewed pack cannot silently disable an entry.

use std::collections::HashSet;

use serde::Deserialize;

use super::catalogue::{FunctionEntry, LookalikeEntry};
use crate::LexiconError;

/// Categories allowed by the `grip.screening/1` contract, in report order.
pub const CATEGORIES: &[&str] = &[
    "machine_learning",
    "generative",
    "computer_vision",
    "biometric",
    "speech_language",
    "prediction_scoring",
    "profiling",
    "autonomy_driver_assistance",
    "recommendation",
    "anomaly_detection",
    "emotion_recognition",
    "unspecified_ai",
];

/// Annex III codes as the system profile spells them.
pub const ANNEX_III_CODES: &[&str] = &[
    "1a", "1b", "1c", "2", "3a", "3b", "3c", "3d", "4a", "4b", "5a", "5b", "5c", "5d", "6a", "6b",
    "6c", "6d", "6e", "7a", "7b", "7c", "7d", "8a", "8b",
];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    pub pack: PackMeta,
    pub scoring: Scoring,
    pub negation: NegationRules,
    #[serde(default, rename = "indicator")]
    pub indicators: Vec<IndicatorEntry>,
    #[serde(default, rename = "false_friend")]
    pub false_friends: Vec<FalseFriendEntry>,
    /// The function catalogue (see [`super::catalogue`]).
    #[serde(default, rename = "function")]
    pub functions: Vec<FunctionEntry>,
    #[serde(default, rename = "lookalike")]
    pub lookalikes: Vec<LookalikeEntry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackMeta {
    pub id: String,
    pub version: String,
    pub effective_from: String,
    pub review_by: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    /// Sum of distinct non-negated indicator weights from which AI counts as indicated.
    pub threshold: f64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NegationRules {
    /// Words that deny what follows within the clause ("geen", "not").
    pub cues: Vec<String>,
    /// Multi-word cues ("free of", "vrij van").
    #[serde(default)]
    pub phrase_cues: Vec<String>,
    /// Cue + next word combinations that do not deny ("not only", "niet alleen").
    #[serde(default)]
    pub not_negating: Vec<String>,
    /// Words that end a cue's scope ("that", "dankzij", "maar").
    #[serde(default)]
    pub scope_breakers: Vec<String>,
    /// How many words after a cue it can reach.
    pub window_words: usize,
    /// Regexes tried on the rest of the clause after a match ("... is not used").
    #[serde(default)]
    pub after_patterns: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorEntry {
    pub id: String,
    pub category: String,
    pub weight: f64,
    #[serde(default)]
    pub annex_iii: Vec<String>,
    /// Case-insensitive; must start a word, may end anywhere (inflections, compounds).
    #[serde(default)]
    pub terms: Vec<String>,
    /// Case-insensitive whole words (short abbreviations such as "AI", "LLM").
    #[serde(default)]
    pub words: Vec<String>,
    /// Case-sensitive whole words, where the lower-case form means something else ("ML").
    #[serde(default)]
    pub exact: Vec<String>,
    /// Case-insensitive; may sit anywhere inside a word (Dutch compound parts).
    #[serde(default)]
    pub infix: Vec<String>,
    /// Case-insensitive regular expressions for structured phrases.
    #[serde(default)]
    pub patterns: Vec<String>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FalseFriendEntry {
    pub id: String,
    /// Case-insensitive, word-start phrases whose span suppresses overlapping indicator hits.
    #[serde(default)]
    pub terms: Vec<String>,
    #[serde(default)]
    pub patterns: Vec<String>,
    #[serde(default)]
    pub note: String,
}

impl PackFile {
    /// Checks everything serde cannot (ids, ranges, known categories and codes), then adds
    /// the catalogue's functions to the indicators and its lookalikes to the false friends.
    pub fn validate_and_expand(&mut self) -> Result<(), LexiconError> {
        for function in &self.functions {
            function.validate()?;
            self.indicators.push(function.to_indicator());
        }
        for lookalike in &self.lookalikes {
            lookalike.validate()?;
            self.false_friends.push(lookalike.to_false_friend());
        }
        self.validate()
    }

    fn validate(&self) -> Result<(), LexiconError> {
        let invalid = |m: String| Err(LexiconError::Invalid(m));
        if self.pack.id.trim().is_empty() {
            return invalid("pack.id is empty".into());
        }
        if !is_semver(&self.pack.version) {
            return invalid(format!(
                "pack.version {:?} is not a semantic version",
                self.pack.version
            ));
        }
        for (field, value) in [
            ("effective_from", &self.pack.effective_from),
            ("review_by", &self.pack.review_by),
        ] {
            if !is_iso_date(value) {
                return invalid(format!("pack.{field} {value:?} is not a YYYY-MM-DD date"));
            }
        }
        if !(self.scoring.threshold > 0.0 && self.scoring.threshold <= 10.0) {
            return invalid("scoring.threshold must be in (0, 10]".into());
        }
        if self.negation.window_words == 0 || self.negation.window_words > 30 {
            return invalid("negation.window_words must be 1..=30".into());
        }
        let mut ids = HashSet::new();
        for entry in &self.indicators {
            if !ids.insert(entry.id.as_str()) {
                return invalid(format!("duplicate id {}", entry.id));
            }
            entry.validate()?;
        }
        for entry in &self.false_friends {
            if !ids.insert(entry.id.as_str()) {
                return invalid(format!("duplicate id {}", entry.id));
            }
            if entry.terms.is_empty() && entry.patterns.is_empty() {
                return invalid(format!(
                    "false friend {} has no terms or patterns",
                    entry.id
                ));
            }
        }
        Ok(())
    }
}

impl IndicatorEntry {
    fn validate(&self) -> Result<(), LexiconError> {
        let invalid = |m: String| Err(LexiconError::Invalid(m));
        if !CATEGORIES.contains(&self.category.as_str()) {
            return invalid(format!(
                "indicator {}: unknown category {}",
                self.id, self.category
            ));
        }
        if !(self.weight > 0.0 && self.weight <= 1.0) {
            return invalid(format!(
                "indicator {}: weight {} not in (0, 1]",
                self.id, self.weight
            ));
        }
        if let Some(code) = self
            .annex_iii
            .iter()
            .find(|c| !ANNEX_III_CODES.contains(&c.as_str()))
        {
            return invalid(format!(
                "indicator {}: unknown Annex III code {code}",
                self.id
            ));
        }
        let surface = self
            .terms
            .iter()
            .chain(&self.words)
            .chain(&self.exact)
            .chain(&self.infix);
        if let Some(short) = surface.clone().find(|t| t.chars().count() < 2) {
            return invalid(format!(
                "indicator {}: term {short:?} is too short",
                self.id
            ));
        }
        if surface.count() == 0 && self.patterns.is_empty() {
            return invalid(format!("indicator {} has no terms or patterns", self.id));
        }
        Ok(())
    }
}

fn is_semver(v: &str) -> bool {
    let core = v.split(['-', '+']).next().unwrap_or("");
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

fn is_iso_date(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}
