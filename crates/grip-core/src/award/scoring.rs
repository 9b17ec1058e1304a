//! Independent scoring: each assessor scores each bid per award criterion on one ordinal
//! rubric with a reason, declares any conflict of interest first, and sees the others' scores
//! of a bid only after submitting their own. The buyer then records a consensus per criterion.

use serde::Serialize;

use crate::dossier::FieldError;
use crate::ids::BidId;

/// Longest reason accepted for a score, a consensus or a declaration.
pub const MAX_REASON_CHARS: usize = 4_000;
/// The highest rubric level; levels run from 0 to this.
pub const TOP_LEVEL: u8 = 4;
/// Criteria whose scores lie further apart than this are flagged for the consensus round,
/// unless the buyer sets another amount.
pub const DEFAULT_MAX_SPREAD: u8 = 1;

/// The rubric's levels in Dutch and English, indexed by level.
pub const LEVELS_NL: [&str; 5] = ["onvoldoende", "matig", "voldoende", "goed", "uitstekend"];
pub const LEVELS_EN: [&str; 5] = ["insufficient", "weak", "sufficient", "good", "excellent"];

/// What each level means, so assessors score on the same scale.
pub const LEVEL_MEANING_NL: [&str; 5] = [
    "Het antwoord ontbreekt of beantwoordt de vraag niet.",
    "Het antwoord is algemeen en nauwelijks te controleren.",
    "Het antwoord is concreet op de hoofdpunten, met enig bewijs.",
    "Het antwoord is concreet, onderbouwd en past bij de politiepraktijk.",
    "Het antwoord is volledig, aantoonbaar en overtreft de vraag.",
];
pub const LEVEL_MEANING_EN: [&str; 5] = [
    "The answer is missing or does not answer the question.",
    "The answer is general and hardly verifiable.",
    "The answer is concrete on the main points, with some evidence.",
    "The answer is concrete, substantiated and fits police practice.",
    "The answer is complete, demonstrable and exceeds the question.",
];

/// One assessor's score of one bid on one criterion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Score {
    pub bid_id: BidId,
    pub criterion_key: String,
    pub assessor: String,
    pub level: u8,
    pub reason: String,
    pub scored_at: i64,
}

/// The score the team agreed on for one bid on one criterion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConsensusScore {
    pub bid_id: BidId,
    pub criterion_key: String,
    pub level: u8,
    pub reason: String,
    pub set_by: String,
    pub set_at: i64,
}

/// An assessor's declaration about conflicts of interest, made before scoring.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConflictDeclaration {
    pub assessor: String,
    /// The assessor has a (possible) conflict; such an assessor may not score.
    pub has_conflict: bool,
    pub statement: String,
    pub declared_at: i64,
}

/// Checks a rubric level.
pub fn check_level(level: i64) -> Result<u8, FieldError> {
    u8::try_from(level)
        .ok()
        .filter(|l| *l <= TOP_LEVEL)
        .ok_or_else(|| FieldError::new("level", "out_of_range", "invalid-score-level"))
}

/// Checks a reason: required, bounded, no control characters but line breaks.
pub fn check_reason(reason: &str) -> Result<String, FieldError> {
    let reason = reason.replace("\r\n", "\n");
    let trimmed = reason.trim();
    if trimmed.is_empty() {
        return Err(FieldError::new(
            "reason",
            "required",
            "invalid-score-reason-required",
        ));
    }
    if trimmed.chars().count() > MAX_REASON_CHARS {
        return Err(
            FieldError::new("reason", "too_long", "invalid-text-too-long")
                .with("max", MAX_REASON_CHARS),
        );
    }
    if trimmed
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(FieldError::new(
            "reason",
            "control_characters",
            "invalid-text-control-characters",
        ));
    }
    Ok(trimmed.to_string())
}

/// What of a bid's scores a person may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScoreVisibility {
    /// Only their own scores: not the others' scores, not even how many there are.
    OwnOnly,
    /// Every submitted score (drafts stay with their author).
    AllSubmitted,
}

/// The independence rule. An assessor of the dossier who has not yet submitted all their
/// scores for the bid sees only their own; everyone else who may read the dossier (an
/// assessor after submitting, the buyer leading the consensus, the auditor) sees the
/// submitted scores.
pub fn visibility(is_assessor: bool, has_submitted_bid: bool) -> ScoreVisibility {
    if is_assessor && !has_submitted_bid {
        ScoreVisibility::OwnOnly
    } else {
        ScoreVisibility::AllSubmitted
    }
}

/// Whether an assessor's scores for a bid may be submitted: one per criterion, none missing.
pub fn missing_criteria<'a>(criteria: &'a [String], scored: &[&str]) -> Vec<&'a str> {
    criteria
        .iter()
        .map(String::as_str)
        .filter(|c| !scored.contains(c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_and_reasons_are_checked() {
        assert_eq!(check_level(0).unwrap(), 0);
        assert_eq!(check_level(4).unwrap(), 4);
        assert!(check_level(5).is_err());
        assert!(check_level(-1).is_err());
        assert_eq!(
            check_reason("  goed onderbouwd ").unwrap(),
            "goed onderbouwd"
        );
        assert_eq!(check_reason(" ").unwrap_err().code, "required");
        assert!(check_reason(&"x".repeat(MAX_REASON_CHARS + 1)).is_err());
    }

    #[test]
    fn assessors_see_others_only_after_submitting() {
        assert_eq!(visibility(true, false), ScoreVisibility::OwnOnly);
        assert_eq!(visibility(true, true), ScoreVisibility::AllSubmitted);
        assert_eq!(visibility(false, false), ScoreVisibility::AllSubmitted);
    }

    #[test]
    fn submission_needs_every_criterion() {
        let criteria = vec!["a".to_string(), "b".to_string()];
        assert_eq!(missing_criteria(&criteria, &["a"]), vec!["b"]);
        assert!(missing_criteria(&criteria, &["b", "a"]).is_empty());
    }
}
