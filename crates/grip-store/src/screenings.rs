//! Screenings of dossier documents: one per document, made on upload, with the indicator
//! lexicon that produced it.

use crate::{Conn, StoreError};
use serde::Serialize;

/// A document's stored screening; JSON columns are text, parsed by grip-app.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct ScreeningRow {
    pub document_id: String,
    pub verdict: String,
    /// JSON array of category names.
    pub categories: String,
    /// JSON array of Annex III points.
    pub hints: String,
    pub contradiction: i16,
    pub specificity: Option<f64>,
    /// JSON array of findings.
    pub findings: String,
    /// The whole `grip.screening/1` object.
    pub result: String,
    pub lexicon_id: String,
    pub lexicon_version: String,
    pub lexicon_hash: String,
    pub screened_at: i64,
}

pub async fn insert(tx: &mut Conn, s: &ScreeningRow) -> Result<(), StoreError> {
    let (has_specificity, specificity) = crate::nullable_real(s.specificity);
    sqlx::query(
        "insert into document_screening (document_id, verdict, categories, hints, \
         contradiction, specificity, findings, result, lexicon_id, lexicon_version, \
         lexicon_hash, screened_at) values ($1, $2, $3, $4, $5, \
         case when $6 <> 0 then $7 end, $8, $9, $10, $11, $12, $13)",
    )
    .bind(&s.document_id)
    .bind(&s.verdict)
    .bind(&s.categories)
    .bind(&s.hints)
    .bind(s.contradiction)
    .bind(has_specificity)
    .bind(specificity)
    .bind(&s.findings)
    .bind(&s.result)
    .bind(&s.lexicon_id)
    .bind(&s.lexicon_version)
    .bind(&s.lexicon_hash)
    .bind(s.screened_at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

const COLUMNS: &str = "select document_id, verdict, categories, hints, contradiction, \
     specificity, findings, result, lexicon_id, lexicon_version, lexicon_hash, screened_at \
     from document_screening";

pub async fn get(conn: &mut Conn, document_id: &str) -> Result<Option<ScreeningRow>, StoreError> {
    Ok(
        sqlx::query_as::<_, ScreeningRow>(sqlx::AssertSqlSafe(format!(
            "{COLUMNS} where document_id = $1"
        )))
        .bind(document_id)
        .fetch_optional(&mut *conn)
        .await?,
    )
}

/// Verdict per document of a dossier, for the dossier's document table.
pub async fn verdicts_for_dossier(
    conn: &mut Conn,
    dossier_id: &str,
) -> Result<Vec<(String, String)>, StoreError> {
    Ok(sqlx::query_as(
        "select s.document_id, s.verdict from document_screening s \
         join document d on d.id = s.document_id where d.dossier_id = $1",
    )
    .bind(dossier_id)
    .fetch_all(&mut *conn)
    .await?)
}
