//! AI Act classifications per dossier (kept as history, newest first) and the obligations of
//! the latest one with their status. JSON documents are stored as text and parsed by grip-app.

use crate::{Conn, StoreError, corrupt, to_domain};
use grip_core::obligation::Obligation;
use grip_core::{ObligationStatus, Page, Paging};
use serde::Serialize;

/// One stored classification run.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct ClassificationRow {
    pub id: String,
    pub dossier_id: String,
    /// `grip.system-profile/1` JSON.
    pub profile: String,
    /// JSON object: question (profile path) to the answer given.
    pub answers: String,
    /// JSON object: question (profile path) to the reason given for the answer.
    pub justifications: String,
    /// `grip.classification/1` JSON.
    pub result: String,
    /// JSON array of trace steps.
    pub trace: String,
    pub verdict: String,
    pub pack_id: String,
    pub pack_version: String,
    pub pack_hash: String,
    /// `YYYY-MM-DD`.
    pub as_of: String,
    pub created_by: String,
    pub created_at: i64,
}

/// A classification with the username of who made it, for lists and pages.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct ClassificationView {
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub row: ClassificationRow,
    pub created_by_username: String,
}

pub async fn insert(tx: &mut Conn, c: &ClassificationRow) -> Result<(), StoreError> {
    sqlx::query(
        "insert into classification (id, dossier_id, profile, answers, justifications, result, \
         trace, verdict, pack_id, pack_version, pack_hash, as_of, created_by, created_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    )
    .bind(&c.id)
    .bind(&c.dossier_id)
    .bind(&c.profile)
    .bind(&c.answers)
    .bind(&c.justifications)
    .bind(&c.result)
    .bind(&c.trace)
    .bind(&c.verdict)
    .bind(&c.pack_id)
    .bind(&c.pack_version)
    .bind(&c.pack_hash)
    .bind(&c.as_of)
    .bind(&c.created_by)
    .bind(c.created_at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

const VIEW: &str = "select c.id, c.dossier_id, c.profile, c.answers, c.justifications, c.result, \
     c.trace, c.verdict, c.pack_id, c.pack_version, c.pack_hash, c.as_of, c.created_by, \
     c.created_at, u.username as created_by_username \
     from classification c join app_user u on u.id = c.created_by";

/// Newest first; ids are UUIDv7, so they break ties within one millisecond in time order.
const NEWEST_FIRST: &str = "order by c.created_at desc, c.id desc";

pub async fn list_for_dossier(
    conn: &mut Conn,
    dossier_id: &str,
    paging: Paging,
) -> Result<Page<ClassificationView>, StoreError> {
    let items = sqlx::query_as::<_, ClassificationView>(sqlx::AssertSqlSafe(format!(
        "{VIEW} where c.dossier_id = $1 {NEWEST_FIRST} limit $2 offset $3"
    )))
    .bind(dossier_id)
    .bind(paging.per_page)
    .bind(paging.offset())
    .fetch_all(&mut *conn)
    .await?;
    let (total,): (i64,) =
        sqlx::query_as("select cast(count(*) as bigint) from classification where dossier_id = $1")
            .bind(dossier_id)
            .fetch_one(&mut *conn)
            .await?;
    Ok(paging.wrap(items, total))
}

pub async fn get(conn: &mut Conn, id: &str) -> Result<Option<ClassificationView>, StoreError> {
    Ok(
        sqlx::query_as::<_, ClassificationView>(sqlx::AssertSqlSafe(format!(
            "{VIEW} where c.id = $1"
        )))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?,
    )
}

/// The classification made just before `id` on the same dossier, if any.
pub async fn previous(
    conn: &mut Conn,
    dossier_id: &str,
    id: &str,
    created_at: i64,
) -> Result<Option<ClassificationView>, StoreError> {
    Ok(sqlx::query_as::<_, ClassificationView>(sqlx::AssertSqlSafe(format!(
        "{VIEW} where c.dossier_id = $1 and (c.created_at < $2 or (c.created_at = $2 and c.id < $3)) \
         {NEWEST_FIRST} limit 1"
    )))
    .bind(dossier_id)
    .bind(created_at)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?)
}

#[derive(sqlx::FromRow)]
pub(crate) struct ObligationRow {
    dossier_id: String,
    obligation_id: String,
    classification_id: String,
    article: String,
    holder: String,
    summary_nl: String,
    summary_en: String,
    owner_nl: String,
    owner_en: String,
    applies_from: String,
    status: String,
    reason: String,
    updated_by: Option<String>,
    updated_at: i64,
}

impl TryFrom<ObligationRow> for Obligation {
    type Error = StoreError;

    fn try_from(row: ObligationRow) -> Result<Obligation, StoreError> {
        Ok(Obligation {
            status: ObligationStatus::parse(&row.status)
                .ok_or_else(|| corrupt("obligation status", &row.status))?,
            dossier_id: row.dossier_id.into(),
            obligation_id: row.obligation_id,
            classification_id: row.classification_id.into(),
            article: row.article,
            holder: row.holder,
            summary_nl: row.summary_nl,
            summary_en: row.summary_en,
            owner_nl: row.owner_nl,
            owner_en: row.owner_en,
            applies_from: row.applies_from,
            reason: row.reason,
            updated_by: row.updated_by,
            updated_at: row.updated_at,
        })
    }
}

pub(crate) const OBLIGATION_COLUMNS: &str = "select dossier_id, obligation_id, classification_id, article, \
     holder, summary_nl, summary_en, owner_nl, owner_en, applies_from, status, reason, \
     updated_by, updated_at from dossier_obligation";

/// In order of application date, then article, so the checklist reads as a timeline.
pub async fn obligations(conn: &mut Conn, dossier_id: &str) -> Result<Vec<Obligation>, StoreError> {
    to_domain(
        sqlx::query_as::<_, ObligationRow>(sqlx::AssertSqlSafe(format!(
            "{OBLIGATION_COLUMNS} where dossier_id = $1 order by applies_from, article, obligation_id"
        )))
        .bind(dossier_id)
        .fetch_all(&mut *conn)
        .await?,
    )
}

pub async fn obligation(
    conn: &mut Conn,
    dossier_id: &str,
    obligation_id: &str,
) -> Result<Option<Obligation>, StoreError> {
    sqlx::query_as::<_, ObligationRow>(sqlx::AssertSqlSafe(format!(
        "{OBLIGATION_COLUMNS} where dossier_id = $1 and obligation_id = $2"
    )))
    .bind(dossier_id)
    .bind(obligation_id)
    .fetch_optional(&mut *conn)
    .await?
    .map(Obligation::try_from)
    .transpose()
}

/// Inserts an obligation, or re-points an existing one at a newer classification while
/// keeping its status, reason and who last changed it.
pub async fn upsert_obligation(tx: &mut Conn, o: &Obligation) -> Result<(), StoreError> {
    sqlx::query(
        "insert into dossier_obligation (dossier_id, obligation_id, classification_id, article, \
         holder, summary_nl, summary_en, owner_nl, owner_en, applies_from, status, reason, \
         updated_by, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) \
         on conflict (dossier_id, obligation_id) do update set \
         classification_id = excluded.classification_id, article = excluded.article, \
         holder = excluded.holder, summary_nl = excluded.summary_nl, \
         summary_en = excluded.summary_en, owner_nl = excluded.owner_nl, \
         owner_en = excluded.owner_en, applies_from = excluded.applies_from",
    )
    .bind(o.dossier_id.as_str())
    .bind(&o.obligation_id)
    .bind(o.classification_id.as_str())
    .bind(&o.article)
    .bind(&o.holder)
    .bind(&o.summary_nl)
    .bind(&o.summary_en)
    .bind(&o.owner_nl)
    .bind(&o.owner_en)
    .bind(&o.applies_from)
    .bind(o.status.id())
    .bind(&o.reason)
    .bind(o.updated_by.as_deref())
    .bind(o.updated_at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Removes the obligations the latest classification no longer yields.
pub async fn delete_obligations_not_from(
    tx: &mut Conn,
    dossier_id: &str,
    classification_id: &str,
) -> Result<(), StoreError> {
    sqlx::query("delete from dossier_obligation where dossier_id = $1 and classification_id <> $2")
        .bind(dossier_id)
        .bind(classification_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

pub async fn set_obligation_status(
    tx: &mut Conn,
    dossier_id: &str,
    obligation_id: &str,
    status: ObligationStatus,
    reason: &str,
    by: &str,
    at_ms: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "update dossier_obligation set status = $1, reason = $2, updated_by = $3, updated_at = $4 \
         where dossier_id = $5 and obligation_id = $6",
    )
    .bind(status.id())
    .bind(reason)
    .bind(by)
    .bind(at_ms)
    .bind(dossier_id)
    .bind(obligation_id)
    .execute(&mut *tx)
    .await?;
    Ok(done.rows_affected() == 1)
}
