//! A stored classification read back into typed values: the result as `Classification`, the
//! trace as display rows, the answers and justifications as maps.

use std::collections::BTreeMap;

use crate::AppError;
use grip_knowledge::{Classification, Text};
use grip_store::classifications::ClassificationView;
use serde::{Deserialize, Serialize};

use super::Changes;

#[derive(Debug, Clone, Serialize)]
pub struct StoredClassification {
    pub id: String,
    pub dossier_id: String,
    pub classification: Classification,
    pub trace: Vec<TraceView>,
    pub profile: serde_json::Value,
    pub answers: BTreeMap<String, String>,
    pub justifications: BTreeMap<String, String>,
    pub pack_id: String,
    pub pack_version: String,
    pub pack_hash: String,
    pub as_of: String,
    pub created_by: String,
    pub created_at: i64,
    /// What changed against the classification before it (set by `get`).
    pub changes: Option<Changes>,
}

/// One step of the stored trace. Read leniently: a trace written by an older pack version
/// must stay readable.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TraceView {
    pub rule: String,
    pub article: String,
    pub outcome: String,
    pub text: Text,
    #[serde(default)]
    pub findings: Vec<String>,
    #[serde(default)]
    pub facts: Vec<FactView>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FactView {
    pub path: String,
    pub value: serde_json::Value,
}

impl FactView {
    /// The value as shown to people; `None` when unknown.
    pub fn shown(&self) -> Option<String> {
        match &self.value {
            serde_json::Value::Null => None,
            serde_json::Value::String(s) => Some(s.clone()),
            other => Some(other.to_string()),
        }
    }
}

fn corrupt(what: &str, id: &str, e: serde_json::Error) -> AppError {
    AppError::Internal(format!(
        "stored {what} of classification {id} is unreadable: {e}"
    ))
}

pub(super) fn parse(view: ClassificationView) -> Result<StoredClassification, AppError> {
    let row = view.row;
    let id = row.id.clone();
    Ok(StoredClassification {
        classification: serde_json::from_str(&row.result).map_err(|e| corrupt("result", &id, e))?,
        trace: serde_json::from_str(&row.trace).map_err(|e| corrupt("trace", &id, e))?,
        profile: serde_json::from_str(&row.profile).map_err(|e| corrupt("profile", &id, e))?,
        answers: serde_json::from_str(&row.answers).map_err(|e| corrupt("answers", &id, e))?,
        justifications: serde_json::from_str(&row.justifications)
            .map_err(|e| corrupt("justifications", &id, e))?,
        id,
        dossier_id: row.dossier_id,
        pack_id: row.pack_id,
        pack_version: row.pack_version,
        pack_hash: row.pack_hash,
        as_of: row.as_of,
        created_by: view.created_by_username,
        created_at: row.created_at,
        changes: None,
    })
}
