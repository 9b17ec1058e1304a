//! Contracts after award: the AI baseline the supplier declared (versioned: an accepted
//! change makes a new version, the old ones stay readable) and the supplier's change notices
//! with Grip's triage proposal and the contract manager's decision on it.

use serde::{Deserialize, Serialize};

use crate::dossier::FieldError;

code_enum! {
    /// What a notice does to the product's AI (the triage contract's `impact`).
    pub enum NoticeImpact {
        AddsAi = "adds_ai",
        ChangesAi = "changes_ai",
        RemovesAi = "removes_ai",
        NoAiImpact = "no_ai_impact",
        Unreadable = "unreadable",
    }
}

code_enum! {
    /// What is done about a notice: Grip's proposal, and the contract manager's decision.
    pub enum NoticeTriage {
        NoImpact = "no_impact",
        Reassess = "reassess",
        Escalate = "escalate",
        Unreadable = "unreadable",
    }
}

impl NoticeTriage {
    pub fn label_nl(self) -> &'static str {
        match self {
            Self::NoImpact => "Geen actie",
            Self::Reassess => "Opnieuw beoordelen",
            Self::Escalate => "Escaleren",
            Self::Unreadable => "Onleesbaar",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Self::NoImpact => "No action",
            Self::Reassess => "Re-assess",
            Self::Escalate => "Escalate",
            Self::Unreadable => "Unreadable",
        }
    }
}

impl NoticeImpact {
    pub fn label_nl(self) -> &'static str {
        match self {
            Self::AddsAi => "Voegt AI toe",
            Self::ChangesAi => "Wijzigt AI",
            Self::RemovesAi => "Verwijdert AI",
            Self::NoAiImpact => "Geen gevolgen voor AI",
            Self::Unreadable => "Onleesbaar",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Self::AddsAi => "Adds AI",
            Self::ChangesAi => "Changes AI",
            Self::RemovesAi => "Removes AI",
            Self::NoAiImpact => "No AI impact",
            Self::Unreadable => "Unreadable",
        }
    }
}

/// A contract of a dossier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contract {
    pub id: String,
    pub dossier_id: String,
    /// The contracted product or service.
    pub system: String,
    pub supplier: String,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub value_cents: Option<i64>,
    pub created_by: String,
    pub created_at: i64,
}

/// One version of a contract's AI baseline (`grip.contract-baseline/1` as JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BaselineVersion {
    pub contract_id: String,
    pub version: i64,
    pub baseline: String,
    /// Why this version: "at signature", or the accepted change.
    pub reason: String,
    pub created_by: String,
    pub created_at: i64,
}

/// A supplier change notice with its triage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeNotice {
    pub id: String,
    pub contract_id: String,
    /// The baseline version it was triaged against.
    pub baseline_version: i64,
    pub name: String,
    /// The notice's text as extracted (what the triage read).
    pub text: String,
    pub impact: NoticeImpact,
    pub proposed: NoticeTriage,
    /// The whole assessment (evidence, reasons, legal tests) as JSON.
    pub assessment: String,
    pub decision: Option<NoticeDecision>,
    pub recorded_by: String,
    pub received_at: i64,
}

/// The contract manager's decision on a notice's proposal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoticeDecision {
    pub triage: NoticeTriage,
    pub reason: String,
    pub by: String,
    pub at: i64,
}

/// A task an escalation puts in the inbox of one role on the dossier's team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EscalationTask {
    pub id: String,
    pub dossier_id: String,
    pub contract_id: String,
    pub notice_id: String,
    pub role: crate::Role,
    /// `YYYY-MM-DD`.
    pub due_on: String,
    pub created_by: String,
    pub created_at: i64,
    /// Who closed it, when, with which sealed decision record.
    pub closed: Option<(String, i64, String)>,
}

/// Days an escalation gives the roles concerned to reach a decision.
pub const ESCALATION_DAYS: i64 = 10;

/// Longest supplier and system names, and reasons.
pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_REASON_CHARS: usize = 2000;

/// Checks a decision: overriding the proposal needs a reason; confirming may have one.
pub fn check_decision(
    proposed: NoticeTriage,
    chosen: NoticeTriage,
    reason: &str,
) -> Result<String, FieldError> {
    let reason = reason.trim();
    if chosen == NoticeTriage::Unreadable {
        return Err(FieldError::new(
            "triage",
            "invalid_triage",
            "invalid-triage",
        ));
    }
    if chosen != proposed && reason.is_empty() {
        return Err(FieldError::new(
            "reason",
            "reason_required",
            "invalid-override-reason",
        ));
    }
    if reason.chars().count() > MAX_REASON_CHARS {
        return Err(
            FieldError::new("reason", "too_long", "invalid-text-too-long")
                .with("max", MAX_REASON_CHARS),
        );
    }
    Ok(reason.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overriding_needs_a_reason_and_confirming_does_not() {
        assert!(check_decision(NoticeTriage::Escalate, NoticeTriage::Escalate, " ").is_ok());
        let refused = check_decision(NoticeTriage::Escalate, NoticeTriage::NoImpact, "  ");
        assert_eq!(refused.unwrap_err().code, "reason_required");
        assert!(
            check_decision(
                NoticeTriage::Escalate,
                NoticeTriage::Reassess,
                "Alleen testomgeving"
            )
            .is_ok()
        );
        assert!(check_decision(NoticeTriage::Reassess, NoticeTriage::Unreadable, "x").is_err());
    }
}
