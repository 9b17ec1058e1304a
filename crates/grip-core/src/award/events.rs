//! Audit payloads of the award step. Score events carry no level or reason: the trail is
//! read by the whole team, and a score must stay hidden from other assessors until they
//! have submitted their own.

use serde::{Deserialize, Serialize};

use super::bid::BidSource;
use super::decision::Outcome;
use crate::{Phase, Role};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BidRecorded {
    pub bid_id: String,
    pub supplier: String,
    pub package_version: i64,
    pub source: BidSource,
    pub answers: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BidDocumentAttached {
    pub bid_id: String,
    pub document_id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConflictDeclared {
    pub assessor: String,
    pub has_conflict: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreRecorded {
    pub bid_id: String,
    pub criterion: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoresSubmitted {
    pub bid_id: String,
    pub assessor: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsensusRecorded {
    pub bid_id: String,
    pub criterion: String,
    pub level: u8,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AwardRuleSet {
    pub price_formula: String,
    pub price_share: u32,
    pub max_spread: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionProposed {
    pub decision_id: String,
    pub gate: Phase,
    pub outcome: Outcome,
    pub required_roles: Vec<Role>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub supersedes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionSigned {
    pub decision_id: String,
    pub role: Role,
}

/// The last required signature arrived: the record's content hash enters the chain here,
/// so `grip audit verify` can recompute it and catch a record changed afterwards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionSealed {
    pub decision_id: String,
    pub gate: Phase,
    pub outcome: Outcome,
    pub content_hash: String,
}
