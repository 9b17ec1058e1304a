//! A document attached to a dossier; its content is stored once per SHA-256.

use serde::Serialize;

use crate::ids::{DocumentId, DossierId};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Document {
    pub id: DocumentId,
    pub dossier_id: DossierId,
    pub sha256: String,
    pub size: i64,
    pub media_type: String,
    pub original_name: String,
    pub uploaded_by: String,
    pub uploaded_at: i64,
}
