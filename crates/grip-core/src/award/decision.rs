//! Decision records at a phase gate: the outcome, its conditions, the weighing per protected
//! interest, and the sign-offs that seal it. Once sealed a record never changes; a correction
//! is a new record that supersedes it and says why.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::dossier::FieldError;
use crate::ids::{BidId, DecisionId, DossierId};
use crate::{Phase, Role};

/// Longest conditions, motivation, note or measures text.
pub const MAX_DECISION_TEXT: usize = 8_000;

code_enum! {
    pub enum Outcome {
        Go = "go",
        GoWithConditions = "go_with_conditions",
        NoGo = "no_go",
    }
}

impl Outcome {
    pub fn label_nl(self) -> &'static str {
        match self {
            Outcome::Go => "Doorgaan",
            Outcome::GoWithConditions => "Doorgaan onder voorwaarden",
            Outcome::NoGo => "Niet doorgaan",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Outcome::Go => "Go",
            Outcome::GoWithConditions => "Go with conditions",
            Outcome::NoGo => "No go",
        }
    }
}

code_enum! {
    /// How the decision weighs one protected interest.
    pub enum Weighing {
        Positive = "positive",
        Neutral = "neutral",
        Risk = "risk",
        Unacceptable = "unacceptable",
    }
}

/// The weighing of one protected interest (an id of the `interests` pack).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InterestWeighing {
    pub interest: String,
    pub weighing: Weighing,
    pub note: String,
    /// The measures that address a risk (required when the weighing is `risk`).
    pub measures: String,
}

/// A signature in one role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Signoff {
    pub role: Role,
    pub username: String,
    pub signed_at: i64,
}

/// A decision record as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    pub id: DecisionId,
    pub dossier_id: DossierId,
    /// The phase whose gate the decision passes (the award gate closes `BeoordelingGunning`).
    pub gate: Phase,
    pub outcome: Outcome,
    pub conditions: String,
    pub motivation: String,
    /// The bid an award decision awards, if any.
    pub winning_bid: Option<BidId>,
    pub weighing: Vec<InterestWeighing>,
    /// The roles that must sign before the record is sealed.
    pub required_roles: Vec<Role>,
    pub signoffs: Vec<Signoff>,
    pub proposed_by: String,
    pub proposed_at: i64,
    pub sealed_at: Option<i64>,
    pub content_hash: Option<String>,
    pub supersedes: Option<DecisionId>,
    pub supersede_reason: Option<String>,
}

impl Decision {
    pub fn is_sealed(&self) -> bool {
        self.sealed_at.is_some()
    }

    /// The required roles nobody has signed in yet.
    pub fn open_roles(&self) -> Vec<Role> {
        self.required_roles
            .iter()
            .copied()
            .filter(|r| !self.signoffs.iter().any(|s| s.role == *r))
            .collect()
    }
}

/// The roles that must sign a gate's decision: the organisation's base list for the gate,
/// plus privacy when personal data are involved and security when the system is high-risk
/// or processes police data.
pub fn required_roles(
    base: &[Role],
    personal_data: bool,
    high_risk_or_police_data: bool,
) -> Vec<Role> {
    let mut roles: Vec<Role> = base.to_vec();
    if personal_data && !roles.contains(&Role::Privacy) {
        roles.push(Role::Privacy);
    }
    if high_risk_or_police_data && !roles.contains(&Role::Security) {
        roles.push(Role::Security);
    }
    roles
}

/// Who signs the award gate when the administrator has not configured it.
pub const DEFAULT_AWARD_SIGNERS: [Role; 3] = [Role::Inkoper, Role::Jurist, Role::AiExpert];

/// Why a sign-off is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SignoffRefusal {
    #[error("the decision is sealed")]
    Sealed,
    #[error("this role does not have to sign this decision")]
    RoleNotRequired,
    #[error("the signer does not hold this role")]
    RoleNotHeld,
    #[error("someone has already signed in this role")]
    RoleAlreadySigned,
    #[error("the signer has already signed this decision")]
    AlreadySigned,
    #[error("the proposer cannot be the only one who approves")]
    SelfApproval,
}

impl SignoffRefusal {
    pub fn code(self) -> &'static str {
        match self {
            SignoffRefusal::Sealed => "sealed",
            SignoffRefusal::RoleNotRequired => "role_not_required",
            SignoffRefusal::RoleNotHeld => "role_not_held",
            SignoffRefusal::RoleAlreadySigned => "role_already_signed",
            SignoffRefusal::AlreadySigned => "already_signed",
            SignoffRefusal::SelfApproval => "self_approval",
        }
    }
}

/// Checks a sign-off by `signer` (holding `signer_roles`) in `role`. Answers whether it is
/// the last one required, which seals the record.
pub fn check_signoff(
    decision: &Decision,
    signer: &str,
    signer_roles: &[Role],
    role: Role,
) -> Result<bool, SignoffRefusal> {
    if decision.is_sealed() {
        return Err(SignoffRefusal::Sealed);
    }
    if !decision.required_roles.contains(&role) {
        return Err(SignoffRefusal::RoleNotRequired);
    }
    if !signer_roles.contains(&role) {
        return Err(SignoffRefusal::RoleNotHeld);
    }
    if decision.signoffs.iter().any(|s| s.role == role) {
        return Err(SignoffRefusal::RoleAlreadySigned);
    }
    if decision.signoffs.iter().any(|s| s.username == signer) {
        return Err(SignoffRefusal::AlreadySigned);
    }
    let completes = decision.open_roles() == [role];
    let others_signed = decision
        .signoffs
        .iter()
        .any(|s| s.username != decision.proposed_by);
    if completes && signer == decision.proposed_by && !others_signed {
        return Err(SignoffRefusal::SelfApproval);
    }
    Ok(completes)
}

/// Checks a proposed decision: conditions for a conditional go, measures for every risk, no
/// go while an interest is weighed unacceptable, every listed interest weighed once, and a
/// motivation.
pub fn check_proposal(
    outcome: Outcome,
    conditions: &str,
    motivation: &str,
    weighing: &[InterestWeighing],
    interests: &[&str],
) -> Result<(), FieldError> {
    if motivation.trim().is_empty() {
        return Err(FieldError::new(
            "motivation",
            "required",
            "invalid-decision-motivation-required",
        ));
    }
    for (field, text) in [("conditions", conditions), ("motivation", motivation)] {
        if text.chars().count() > MAX_DECISION_TEXT {
            return Err(FieldError::new(field, "too_long", "invalid-text-too-long")
                .with("max", MAX_DECISION_TEXT));
        }
    }
    if outcome == Outcome::GoWithConditions && conditions.trim().is_empty() {
        return Err(FieldError::new(
            "conditions",
            "required",
            "invalid-decision-conditions-required",
        ));
    }
    for interest in interests {
        if !weighing.iter().any(|w| w.interest == *interest) {
            return Err(FieldError::new(
                format!("weighing.{interest}"),
                "required",
                "invalid-decision-interest-unweighed",
            )
            .with("interest", interest));
        }
    }
    for w in weighing {
        let field = format!("weighing.{}", w.interest);
        if !interests.contains(&w.interest.as_str()) {
            return Err(FieldError::new(
                field,
                "unknown_interest",
                "invalid-decision-unknown-interest",
            )
            .with("interest", &w.interest));
        }
        if w.weighing == Weighing::Risk && w.measures.trim().is_empty() {
            return Err(FieldError::new(
                field,
                "measures_required",
                "invalid-decision-measures-required",
            )
            .with("interest", &w.interest));
        }
        if w.weighing == Weighing::Unacceptable && outcome != Outcome::NoGo {
            return Err(FieldError::new(
                field,
                "unacceptable_go",
                "invalid-decision-unacceptable-go",
            )
            .with("interest", &w.interest));
        }
        if w.note.chars().count() > MAX_DECISION_TEXT
            || w.measures.chars().count() > MAX_DECISION_TEXT
        {
            return Err(FieldError::new(field, "too_long", "invalid-text-too-long")
                .with("max", MAX_DECISION_TEXT));
        }
    }
    Ok(())
}

/// What a seal covers: everything decided and who signed it, in a fixed order, as JSON.
/// Times are included so a back-dated signature is a different record.
#[derive(Serialize)]
struct SealedContent<'a> {
    id: &'a str,
    dossier: &'a str,
    gate: &'a str,
    outcome: &'a str,
    conditions: &'a str,
    motivation: &'a str,
    winning_bid: Option<&'a str>,
    weighing: Vec<(&'a str, &'a str, &'a str, &'a str)>,
    required_roles: Vec<&'a str>,
    signoffs: Vec<(&'a str, &'a str, i64)>,
    proposed_by: &'a str,
    proposed_at: i64,
    supersedes: Option<&'a str>,
    supersede_reason: Option<&'a str>,
    evidence: &'a str,
}

/// The canonical bytes of a decision and the evidence it links (a JSON text the caller
/// builds in a fixed order), and their SHA-256 as `sha256:HEX`.
pub fn content_hash(decision: &Decision, evidence: &str) -> String {
    let mut signoffs: Vec<(&str, &str, i64)> = decision
        .signoffs
        .iter()
        .map(|s| (s.role.id(), s.username.as_str(), s.signed_at))
        .collect();
    signoffs.sort();
    let mut weighing: Vec<(&str, &str, &str, &str)> = decision
        .weighing
        .iter()
        .map(|w| {
            (
                w.interest.as_str(),
                w.weighing.code(),
                w.note.as_str(),
                w.measures.as_str(),
            )
        })
        .collect();
    weighing.sort();
    let content = SealedContent {
        id: &decision.id,
        dossier: &decision.dossier_id,
        gate: decision.gate.id(),
        outcome: decision.outcome.code(),
        conditions: &decision.conditions,
        motivation: &decision.motivation,
        winning_bid: decision.winning_bid.as_deref(),
        weighing,
        required_roles: decision.required_roles.iter().map(|r| r.id()).collect(),
        signoffs,
        proposed_by: &decision.proposed_by,
        proposed_at: decision.proposed_at,
        supersedes: decision.supersedes.as_deref(),
        supersede_reason: decision.supersede_reason.as_deref(),
        evidence,
    };
    let bytes = serde_json::to_vec(&content).unwrap_or_default();
    format!("sha256:{}", hex::encode(Sha256::digest(&bytes)))
}

#[cfg(test)]
#[path = "decision_tests.rs"]
mod tests;
