//! Rules for editing a tender package: the states a version goes through, the limits on a
//! reworded item, and the award-weight rule (weights add up to 100 within a criterion group).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::dossier::FieldError;
use crate::ids::{DossierId, PackageId};

/// Longest text accepted for one item, per language.
pub const MAX_ITEM_CHARS: usize = 4000;
/// Most items one package may hold (generated packages have a few dozen).
pub const MAX_ITEMS: usize = 400;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PackageState {
    Draft,
    Frozen,
}

impl PackageState {
    pub fn id(self) -> &'static str {
        match self {
            PackageState::Draft => "draft",
            PackageState::Frozen => "frozen",
        }
    }

    pub fn parse(id: &str) -> Option<PackageState> {
        match id {
            "draft" => Some(PackageState::Draft),
            "frozen" => Some(PackageState::Frozen),
            _ => None,
        }
    }
}

impl std::fmt::Display for PackageState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// One version of a dossier's tender package (its items are read separately).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PackageVersion {
    pub id: PackageId,
    pub dossier_id: DossierId,
    pub version: i64,
    pub state: PackageState,
    pub title: String,
    /// The category code the package was generated for.
    pub category: String,
    /// The classification verdict the package was generated for.
    pub verdict: String,
    /// JSON array of `id@version sha256:HASH` of the knowledge packs used.
    pub knowledge: String,
    /// JSON object of scenario slot values.
    pub slots: String,
    pub created_by: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub frozen_by: Option<String>,
    pub frozen_at: Option<i64>,
    pub content_hash: Option<String>,
    /// JSON of what the package was generated from (see grip-app `packages::inputs`);
    /// empty for versions made before Grip recorded it.
    pub inputs: String,
}

/// Checks a reworded text: present, not too long, no control characters but line breaks.
pub fn check_item_text(field: &'static str, text: &str) -> Result<String, FieldError> {
    let text = text.replace("\r\n", "\n");
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(FieldError::new(field, "required", "invalid-text-required"));
    }
    if trimmed.chars().count() > MAX_ITEM_CHARS {
        return Err(
            FieldError::new(field, "too_long", "invalid-text-too-long").with("max", MAX_ITEM_CHARS)
        );
    }
    if trimmed
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(FieldError::new(
            field,
            "control_characters",
            "invalid-text-control-characters",
        ));
    }
    Ok(trimmed.to_string())
}

/// Checks an award weight: a whole number from 0 to 100.
pub fn check_weight(weight: i64) -> Result<i64, FieldError> {
    if (0..=100).contains(&weight) {
        Ok(weight)
    } else {
        Err(FieldError::new("weight", "out_of_range", "invalid-weight"))
    }
}

/// The sum of the weights per criterion group, for every group whose sum is not 100.
/// Items without a group form the group `""`.
pub fn unbalanced_award_groups<'a>(
    weights: impl IntoIterator<Item = (Option<&'a str>, i64)>,
) -> Vec<(String, i64)> {
    let mut sums: BTreeMap<String, i64> = BTreeMap::new();
    for (group, weight) in weights {
        *sums.entry(group.unwrap_or("").to_string()).or_default() += weight;
    }
    sums.into_iter().filter(|(_, sum)| *sum != 100).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_must_add_up_to_100_per_group() {
        let ok = [
            (Some("kwaliteit"), 60),
            (Some("kwaliteit"), 40),
            (Some("prijs"), 100),
        ];
        assert!(unbalanced_award_groups(ok).is_empty());
        let off = [
            (Some("kwaliteit"), 60),
            (Some("kwaliteit"), 30),
            (None, 100),
        ];
        assert_eq!(
            unbalanced_award_groups(off),
            vec![("kwaliteit".to_string(), 90)]
        );
    }

    #[test]
    fn item_texts_are_trimmed_and_bounded() {
        assert_eq!(
            check_item_text("text_nl", "  Vraag?\r\n ").unwrap(),
            "Vraag?"
        );
        assert_eq!(
            check_item_text("text_nl", "  ").unwrap_err().code,
            "required"
        );
        let long = "x".repeat(MAX_ITEM_CHARS + 1);
        assert_eq!(
            check_item_text("text_nl", &long).unwrap_err().code,
            "too_long"
        );
        assert_eq!(
            check_item_text("text_nl", "a\u{0}b").unwrap_err().code,
            "control_characters"
        );
        assert!(check_weight(101).is_err());
        assert!(check_weight(-1).is_err());
        assert_eq!(check_weight(35).unwrap(), 35);
    }

    #[test]
    fn states_round_trip() {
        for s in [PackageState::Draft, PackageState::Frozen] {
            assert_eq!(PackageState::parse(s.id()), Some(s));
        }
        assert_eq!(PackageState::parse("sent"), None);
    }
}
