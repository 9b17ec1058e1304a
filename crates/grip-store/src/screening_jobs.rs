//! Bulk screening jobs and their items. Workers claim a job with a lease through one atomic
//! statement (the one place where SQLite and PostgreSQL differ); an item changes from
//! `pending` only through a conditional update, so two workers can never both finish it.

use crate::{Backend, Conn, StoreError, decode, to_domain};
use grip_core::document::CheckedProvenance;
use grip_core::screening_job::{ItemState, JobItem, JobState, ScreeningJob};

#[derive(sqlx::FromRow)]
struct JobRow {
    id: String,
    dossier_id: String,
    created_by: String,
    created_at: i64,
    state: String,
    total: i64,
    done_count: i64,
    failed_count: i64,
    skipped_count: i64,
    claimed_by: Option<String>,
    claimed_until: Option<i64>,
    finished_at: Option<i64>,
    error: Option<String>,
    provenance: String,
    provenance_supplier_id: Option<String>,
    provenance_reference: Option<String>,
    provenance_role: Option<String>,
}

impl TryFrom<JobRow> for ScreeningJob {
    type Error = StoreError;

    fn try_from(row: JobRow) -> Result<ScreeningJob, StoreError> {
        Ok(ScreeningJob {
            state: decode(&row.state, "job state")?,
            id: row.id.into(),
            dossier_id: row.dossier_id.into(),
            created_by: row.created_by,
            created_at: row.created_at,
            total: row.total,
            done_count: row.done_count,
            failed_count: row.failed_count,
            skipped_count: row.skipped_count,
            claimed_by: row.claimed_by,
            claimed_until: row.claimed_until,
            finished_at: row.finished_at,
            error: row.error,
            provenance: CheckedProvenance::from_columns(
                &row.provenance,
                row.provenance_supplier_id,
                row.provenance_reference,
                row.provenance_role,
            ),
        })
    }
}

#[derive(sqlx::FromRow)]
struct ItemRow {
    job_id: String,
    position: i64,
    name: String,
    source_path: Option<String>,
    sha256: Option<String>,
    size: i64,
    media_type: Option<String>,
    state: String,
    document_id: Option<String>,
    verdict: Option<String>,
    error: Option<String>,
    updated_at: i64,
}

impl TryFrom<ItemRow> for JobItem {
    type Error = StoreError;

    fn try_from(row: ItemRow) -> Result<JobItem, StoreError> {
        Ok(JobItem {
            state: decode(&row.state, "job item state")?,
            job_id: row.job_id.into(),
            position: row.position,
            name: row.name,
            source_path: row.source_path,
            sha256: row.sha256,
            size: row.size,
            media_type: row.media_type,
            document_id: row.document_id.map(Into::into),
            verdict: row.verdict,
            error: row.error,
            updated_at: row.updated_at,
        })
    }
}

const JOB_COLUMNS: &str = "id, dossier_id, created_by, created_at, state, total, done_count, \
     failed_count, skipped_count, claimed_by, claimed_until, finished_at, error, provenance, \
     provenance_supplier_id, provenance_reference, provenance_role";
const ITEM_COLUMNS: &str = "job_id, position, name, source_path, sha256, size, media_type, \
     state, document_id, error, updated_at";
/// The item columns as read, with the verdict of the document an item became.
const ITEM_READ: &str = "select i.job_id, i.position, i.name, i.source_path, i.sha256, i.size, \
     i.media_type, i.state, i.document_id, s.verdict, i.error, i.updated_at \
     from screening_job_item i left join document_screening s on s.document_id = i.document_id";

pub async fn insert_job(tx: &mut Conn, job: &ScreeningJob) -> Result<(), StoreError> {
    let (kind, supplier, reference, role) = match &job.provenance {
        Some(p) => p.columns(),
        None => ("unrecorded", None, None, None),
    };
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "insert into screening_job ({JOB_COLUMNS}) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)"
    )))
    .bind(job.id.as_str())
    .bind(job.dossier_id.as_str())
    .bind(&job.created_by)
    .bind(job.created_at)
    .bind(job.state.code())
    .bind(job.total)
    .bind(job.done_count)
    .bind(job.failed_count)
    .bind(job.skipped_count)
    .bind(&job.claimed_by)
    .bind(job.claimed_until)
    .bind(job.finished_at)
    .bind(&job.error)
    .bind(kind)
    .bind(supplier)
    .bind(reference)
    .bind(role)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub async fn insert_item(tx: &mut Conn, item: &JobItem) -> Result<(), StoreError> {
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "insert into screening_job_item ({ITEM_COLUMNS}) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
    )))
    .bind(item.job_id.as_str())
    .bind(item.position)
    .bind(&item.name)
    .bind(&item.source_path)
    .bind(&item.sha256)
    .bind(item.size)
    .bind(&item.media_type)
    .bind(item.state.code())
    .bind(item.document_id.as_deref())
    .bind(&item.error)
    .bind(item.updated_at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub async fn get_job(conn: &mut Conn, id: &str) -> Result<Option<ScreeningJob>, StoreError> {
    sqlx::query_as::<_, JobRow>(sqlx::AssertSqlSafe(format!(
        "select {JOB_COLUMNS} from screening_job where id = $1"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .map(ScreeningJob::try_from)
    .transpose()
}

/// The newest jobs of a dossier first.
pub async fn jobs_for_dossier(
    conn: &mut Conn,
    dossier_id: &str,
    limit: i64,
) -> Result<Vec<ScreeningJob>, StoreError> {
    to_domain(
        sqlx::query_as::<_, JobRow>(sqlx::AssertSqlSafe(format!(
            "select {JOB_COLUMNS} from screening_job where dossier_id = $1 \
             order by created_at desc, id desc limit $2"
        )))
        .bind(dossier_id)
        .bind(limit)
        .fetch_all(&mut *conn)
        .await?,
    )
}

pub async fn items(conn: &mut Conn, job_id: &str) -> Result<Vec<JobItem>, StoreError> {
    to_domain(
        sqlx::query_as::<_, ItemRow>(sqlx::AssertSqlSafe(format!(
            "{ITEM_READ} where i.job_id = $1 order by i.position"
        )))
        .bind(job_id)
        .fetch_all(&mut *conn)
        .await?,
    )
}

/// Takes the oldest unfinished job whose lease is free, expired or already ours, for
/// `lease_until`. Atomic on both backends: the outer condition repeats the inner one, so of
/// two workers racing for one job only one update still matches; PostgreSQL additionally
/// skips rows another transaction is claiming instead of waiting for them.
pub async fn claim_job(
    conn: &mut Conn,
    backend: Backend,
    worker: &str,
    now: i64,
    lease_until: i64,
) -> Result<Option<ScreeningJob>, StoreError> {
    let free = "state in ('queued', 'running') \
                and (claimed_until is null or claimed_until < $3 or claimed_by = $1)";
    let lock = match backend {
        Backend::Postgres => " for update skip locked",
        Backend::Sqlite => "",
    };
    sqlx::query_as::<_, JobRow>(sqlx::AssertSqlSafe(format!(
        "update screening_job set state = 'running', claimed_by = $1, claimed_until = $2 \
         where id = (select id from screening_job where {free} \
           order by created_at, id limit 1{lock}) \
         and {free} returning {JOB_COLUMNS}"
    )))
    .bind(worker)
    .bind(lease_until)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?
    .map(ScreeningJob::try_from)
    .transpose()
}

/// Extends the lease if the worker still holds it; false when it was lost.
pub async fn renew_lease(
    conn: &mut Conn,
    job_id: &str,
    worker: &str,
    lease_until: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "update screening_job set claimed_until = $1 \
         where id = $2 and claimed_by = $3 and state = 'running'",
    )
    .bind(lease_until)
    .bind(job_id)
    .bind(worker)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Gives back every lease this worker holds (on a clean shutdown), so another instance can
/// continue at once instead of after the lease runs out.
pub async fn release_leases(conn: &mut Conn, worker: &str) -> Result<u64, StoreError> {
    let done = sqlx::query(
        "update screening_job set claimed_by = null, claimed_until = null \
         where claimed_by = $1 and state in ('queued', 'running')",
    )
    .bind(worker)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected())
}

/// Ends every lease at once, as if the worker holding it had crashed (tests).
pub async fn expire_lease(conn: &mut Conn, job_id: &str) -> Result<(), StoreError> {
    sqlx::query("update screening_job set claimed_until = 0 where id = $1")
        .bind(job_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The next item still to be done.
pub async fn next_pending(conn: &mut Conn, job_id: &str) -> Result<Option<JobItem>, StoreError> {
    sqlx::query_as::<_, ItemRow>(sqlx::AssertSqlSafe(format!(
        "{ITEM_READ} where i.job_id = $1 and i.state = 'pending' order by i.position limit 1"
    )))
    .bind(job_id)
    .fetch_optional(&mut *conn)
    .await?
    .map(JobItem::try_from)
    .transpose()
}

/// Moves an item out of `pending`; false when another worker (or a cancel) got there first,
/// in which case the caller rolls back whatever else it wrote.
pub async fn finish_item(
    tx: &mut Conn,
    job_id: &str,
    position: i64,
    state: ItemState,
    document_id: Option<&str>,
    error: Option<&str>,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "update screening_job_item set state = $1, document_id = $2, error = $3, \
         updated_at = $4 where job_id = $5 and position = $6 and state = 'pending'",
    )
    .bind(state.code())
    .bind(document_id)
    .bind(error)
    .bind(now)
    .bind(job_id)
    .bind(position)
    .execute(&mut *tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Counts a finished item on its job.
pub async fn count_item(tx: &mut Conn, job_id: &str, failed: bool) -> Result<(), StoreError> {
    let column = if failed { "failed_count" } else { "done_count" };
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "update screening_job set {column} = {column} + 1 where id = $1"
    )))
    .bind(job_id)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub async fn pending_count(conn: &mut Conn, job_id: &str) -> Result<i64, StoreError> {
    let (n,): (i64,) = sqlx::query_as(
        "select cast(count(*) as bigint) from screening_job_item \
         where job_id = $1 and state = 'pending'",
    )
    .bind(job_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(n)
}

/// Ends an unfinished job in `state` (`done`, `failed` or `cancelled`); false if it had
/// already ended, so exactly one caller records the end.
pub async fn end_job(
    tx: &mut Conn,
    job_id: &str,
    state: JobState,
    error: Option<&str>,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "update screening_job set state = $1, error = $2, finished_at = $3, \
         claimed_by = null, claimed_until = null \
         where id = $4 and state in ('queued', 'running')",
    )
    .bind(state.code())
    .bind(error)
    .bind(now)
    .bind(job_id)
    .execute(&mut *tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Marks every pending item of a cancelled job as skipped; returns how many.
pub async fn skip_pending(
    tx: &mut Conn,
    job_id: &str,
    reason: &str,
    now: i64,
) -> Result<i64, StoreError> {
    let done = sqlx::query(
        "update screening_job_item set state = 'skipped', error = $1, updated_at = $2 \
         where job_id = $3 and state = 'pending'",
    )
    .bind(reason)
    .bind(now)
    .bind(job_id)
    .execute(&mut *tx)
    .await?;
    let n = done.rows_affected() as i64;
    sqlx::query("update screening_job set skipped_count = skipped_count + $1 where id = $2")
        .bind(n)
        .bind(job_id)
        .execute(&mut *tx)
        .await?;
    Ok(n)
}
