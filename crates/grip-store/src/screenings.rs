//! Screenings of dossier documents (one per document, made on upload) and bulk screening
//! jobs whose items workers claim with a lease, portably on SQLite and PostgreSQL.

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
    sqlx::query(
        "insert into document_screening (document_id, verdict, categories, hints, \
         contradiction, specificity, findings, result, lexicon_id, lexicon_version, \
         lexicon_hash, screened_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(&s.document_id)
    .bind(&s.verdict)
    .bind(&s.categories)
    .bind(&s.hints)
    .bind(s.contradiction)
    .bind(s.specificity)
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

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct JobRow {
    pub id: String,
    pub dossier_id: String,
    /// What was uploaded: the ZIP's name, or "n files".
    pub source: String,
    pub total: i64,
    pub created_by: String,
    pub created_at: i64,
    pub finished_at: Option<i64>,
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct JobItemRow {
    pub id: String,
    pub job_id: String,
    pub seq: i64,
    pub name: String,
    pub sha256: String,
    pub size: i64,
    /// `pending`, `done` or `failed`.
    pub state: String,
    pub locked_until: Option<i64>,
    pub attempts: i64,
    pub document_id: Option<String>,
    pub verdict: Option<String>,
    pub error: Option<String>,
    pub updated_at: i64,
}

pub async fn insert_job(tx: &mut Conn, job: &JobRow) -> Result<(), StoreError> {
    sqlx::query(
        "insert into screening_job (id, dossier_id, source, total, created_by, created_at, \
         finished_at) values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&job.id)
    .bind(&job.dossier_id)
    .bind(&job.source)
    .bind(job.total)
    .bind(&job.created_by)
    .bind(job.created_at)
    .bind(job.finished_at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub async fn insert_item(tx: &mut Conn, item: &JobItemRow) -> Result<(), StoreError> {
    sqlx::query(
        "insert into screening_job_item (id, job_id, seq, name, sha256, size, state, \
         locked_until, attempts, document_id, verdict, error, updated_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(&item.id)
    .bind(&item.job_id)
    .bind(item.seq)
    .bind(&item.name)
    .bind(&item.sha256)
    .bind(item.size)
    .bind(&item.state)
    .bind(item.locked_until)
    .bind(item.attempts)
    .bind(&item.document_id)
    .bind(&item.verdict)
    .bind(&item.error)
    .bind(item.updated_at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

const JOB_COLUMNS: &str = "select id, dossier_id, source, total, created_by, created_at, \
     finished_at from screening_job";
const ITEM_COLUMNS: &str = "id, job_id, seq, name, sha256, size, state, locked_until, \
     attempts, document_id, verdict, error, updated_at";

pub async fn get_job(conn: &mut Conn, id: &str) -> Result<Option<JobRow>, StoreError> {
    Ok(
        sqlx::query_as::<_, JobRow>(sqlx::AssertSqlSafe(format!("{JOB_COLUMNS} where id = $1")))
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

pub async fn items(conn: &mut Conn, job_id: &str) -> Result<Vec<JobItemRow>, StoreError> {
    Ok(sqlx::query_as::<_, JobItemRow>(sqlx::AssertSqlSafe(format!(
        "select {ITEM_COLUMNS} from screening_job_item where job_id = $1 order by seq"
    )))
    .bind(job_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// Claims one pending item whose lease has expired (or was never taken) until `lease_until`.
/// The inner select and the outer condition together make the claim atomic on both
/// backends: of two workers racing for one row, only one update still matches.
pub async fn claim_item(
    conn: &mut Conn,
    now: i64,
    lease_until: i64,
) -> Result<Option<JobItemRow>, StoreError> {
    Ok(sqlx::query_as::<_, JobItemRow>(sqlx::AssertSqlSafe(format!(
        "update screening_job_item set locked_until = $1, attempts = attempts + 1 \
         where id = (select id from screening_job_item where state = 'pending' \
           and (locked_until is null or locked_until < $2) order by job_id, seq limit 1) \
         and state = 'pending' and (locked_until is null or locked_until < $2) \
         returning {ITEM_COLUMNS}"
    )))
    .bind(lease_until)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?)
}

/// Records an item's outcome; `state` is `done` or `failed`.
pub async fn finish_item(
    tx: &mut Conn,
    id: &str,
    state: &str,
    document_id: Option<&str>,
    verdict: Option<&str>,
    error: Option<&str>,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "update screening_job_item set state = $1, document_id = $2, verdict = $3, error = $4, \
         locked_until = null, updated_at = $5 where id = $6",
    )
    .bind(state)
    .bind(document_id)
    .bind(verdict)
    .bind(error)
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Marks the job finished when no item is pending any more; true if this call finished it,
/// so exactly one worker records the completion.
pub async fn finish_job_if_done(tx: &mut Conn, job_id: &str, now: i64) -> Result<bool, StoreError> {
    let result = sqlx::query(
        "update screening_job set finished_at = $1 where id = $2 and finished_at is null \
         and not exists (select 1 from screening_job_item where job_id = $2 \
           and state = 'pending')",
    )
    .bind(now)
    .bind(job_id)
    .execute(&mut *tx)
    .await?;
    Ok(result.rows_affected() == 1)
}
