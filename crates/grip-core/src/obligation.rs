//! The status of an obligation that an AI Act classification put on a dossier, and the rule
//! that marking one "not applicable" needs a reason (so a reviewer can see why it was dropped).

use serde::Serialize;

use crate::dossier::FieldError;
use crate::ids::{ClassificationId, DossierId};

/// Longest reason text accepted, so one field cannot flood the audit trail.
pub const MAX_REASON_CHARS: usize = 2000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObligationStatus {
    Open,
    InProgress,
    Done,
    NotApplicable,
}

impl ObligationStatus {
    pub const ALL: [ObligationStatus; 4] = [
        ObligationStatus::Open,
        ObligationStatus::InProgress,
        ObligationStatus::Done,
        ObligationStatus::NotApplicable,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ObligationStatus::Open => "open",
            ObligationStatus::InProgress => "in_progress",
            ObligationStatus::Done => "done",
            ObligationStatus::NotApplicable => "not_applicable",
        }
    }

    pub fn parse(id: &str) -> Option<ObligationStatus> {
        ObligationStatus::ALL
            .into_iter()
            .find(|s| s.id() == id.trim())
    }
}

/// A requested status change, checked: a known status, and a reason for `not_applicable`.
pub fn validate_change(
    status: &str,
    reason: &str,
) -> Result<(ObligationStatus, String), FieldError> {
    let status = ObligationStatus::parse(status)
        .ok_or_else(|| FieldError::new("status", "unknown_status", "invalid-obligation-status"))?;
    let reason = reason.trim().to_string();
    if reason.chars().count() > MAX_REASON_CHARS {
        return Err(
            FieldError::new("reason", "too_long", "invalid-obligation-reason-too-long")
                .with("max", MAX_REASON_CHARS),
        );
    }
    if status == ObligationStatus::NotApplicable && reason.is_empty() {
        return Err(FieldError::new(
            "reason",
            "required",
            "invalid-obligation-reason-required",
        ));
    }
    Ok((status, reason))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_applicable_needs_a_reason() {
        assert_eq!(
            validate_change("not_applicable", "  ").unwrap_err().field,
            "reason"
        );
        let (status, reason) = validate_change("not_applicable", " Geen Annex III ").unwrap();
        assert_eq!(
            (status, reason.as_str()),
            (ObligationStatus::NotApplicable, "Geen Annex III")
        );
        assert_eq!(
            validate_change("done", "").unwrap().0,
            ObligationStatus::Done
        );
    }

    #[test]
    fn unknown_statuses_and_long_reasons_are_refused() {
        assert_eq!(validate_change("klaar", "").unwrap_err().field, "status");
        let long = "x".repeat(MAX_REASON_CHARS + 1);
        assert_eq!(validate_change("done", &long).unwrap_err().code, "too_long");
        for s in ObligationStatus::ALL {
            assert_eq!(ObligationStatus::parse(s.id()), Some(s));
        }
    }
}

/// One obligation a classification put on a dossier, with its follow-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Obligation {
    pub dossier_id: DossierId,
    /// The obligation's id in the `ai-act` knowledge pack.
    pub obligation_id: String,
    pub classification_id: ClassificationId,
    pub article: String,
    /// Who carries it (provider, deployer, ...).
    pub holder: String,
    pub summary_nl: String,
    pub summary_en: String,
    pub owner_nl: String,
    pub owner_en: String,
    /// `YYYY-MM-DD`.
    pub applies_from: String,
    pub status: ObligationStatus,
    pub reason: String,
    pub updated_by: Option<String>,
    pub updated_at: i64,
}
