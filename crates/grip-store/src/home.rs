//! What a person's home page reads: the dossiers they are on (as a member or as the
//! requester), the open obligations and the trail of those dossiers. Every list here is
//! limited to that person's own dossiers, so it never shows a dossier they may not read.

use crate::audit::{AuditRow, COLUMNS};
use crate::checklists::MarkRow;
use crate::classifications::{OBLIGATION_COLUMNS, ObligationRow};
use crate::dossiers::{DossierRow, VIEW};
use crate::{Conn, StoreError, to_domain};
use grip_core::audit::StoredEvent;
use grip_core::checklist::ChecklistMark;
use grip_core::dossier::Dossier;
use grip_core::obligation::Obligation;
use grip_core::{Page, Paging};

/// The ids of the dossiers `user_id` is on, as a sub-select over `$1`.
const MINE: &str = "select dossier_id from dossier_member where user_id = $1 \
     union select id from dossier where requester_id = $1";

/// At most this many dossiers on a home page; a person on more sees the newest.
pub const MAX_DOSSIERS: i64 = 500;

/// The dossiers the person is on, most recently changed first.
pub async fn dossiers_of(conn: &mut Conn, user_id: &str) -> Result<Vec<Dossier>, StoreError> {
    let rows = sqlx::query_as::<_, DossierRow>(sqlx::AssertSqlSafe(format!(
        "{VIEW} where d.id in ({MINE}) order by d.updated_at desc, d.id desc limit $2"
    )))
    .bind(user_id)
    .bind(MAX_DOSSIERS)
    .fetch_all(&mut *conn)
    .await?;
    to_domain(rows)
}

/// Obligations on the person's dossiers that are neither done nor set aside, soonest first.
pub async fn open_obligations(
    conn: &mut Conn,
    user_id: &str,
    limit: i64,
) -> Result<Vec<Obligation>, StoreError> {
    let rows = sqlx::query_as::<_, ObligationRow>(sqlx::AssertSqlSafe(format!(
        "{OBLIGATION_COLUMNS} where dossier_id in ({MINE}) \
         and status in ('open', 'in_progress') \
         order by applies_from, dossier_id, article, obligation_id limit $2"
    )))
    .bind(user_id)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    to_domain(rows)
}

/// Events on the person's dossiers and events they caused themselves, newest first. An
/// assessor (`blind`) sees other people's scoring events not at all.
pub async fn events_of(
    conn: &mut Conn,
    user_id: &str,
    username: &str,
    blind: bool,
    paging: Paging,
) -> Result<Page<StoredEvent>, StoreError> {
    let blind_sql = if blind {
        format!(" and {}", crate::audit::blind_clause(2))
    } else {
        String::new()
    };
    let filter = format!("where (dossier_id in ({MINE}) or actor = $2){blind_sql}");
    let rows = sqlx::query_as::<_, AuditRow>(sqlx::AssertSqlSafe(format!(
        "select {COLUMNS} from audit_event {filter} order by seq desc limit $3 offset $4"
    )))
    .bind(user_id)
    .bind(username)
    .bind(paging.per_page)
    .bind(paging.offset())
    .fetch_all(&mut *conn)
    .await?;
    let (total,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "select cast(count(*) as bigint) from audit_event {filter}"
    )))
    .bind(user_id)
    .bind(username)
    .fetch_one(&mut *conn)
    .await?;
    Ok(paging.wrap(rows.into_iter().map(StoredEvent::from).collect(), total))
}

/// The titles of the given dossiers (unknown ids are left out).
pub async fn titles(conn: &mut Conn, ids: &[&str]) -> Result<Vec<(String, String)>, StoreError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks: Vec<String> = (1..=ids.len()).map(|n| format!("${n}")).collect();
    let sql = format!(
        "select id, title from dossier where id in ({})",
        marks.join(", ")
    );
    let mut query = sqlx::query_as::<_, (String, String)>(sqlx::AssertSqlSafe(sql));
    for id in ids {
        query = query.bind(*id);
    }
    Ok(query.fetch_all(&mut *conn).await?)
}

/// The checklist marks (done or waived) on the person's dossiers.
pub async fn checklist_marks_of(
    conn: &mut Conn,
    user_id: &str,
) -> Result<Vec<ChecklistMark>, StoreError> {
    let rows = sqlx::query_as::<_, MarkRow>(sqlx::AssertSqlSafe(format!(
        "select {} from checklist_status where dossier_id in ({MINE})",
        crate::checklists::MARK_COLUMNS
    )))
    .bind(user_id)
    .fetch_all(&mut *conn)
    .await?;
    to_domain(rows)
}

/// Per dossier of the person, the date (`YYYY-MM-DD`) of its earliest open obligation.
pub async fn next_due_of(
    conn: &mut Conn,
    user_id: &str,
) -> Result<Vec<(String, String)>, StoreError> {
    Ok(
        sqlx::query_as::<_, (String, String)>(sqlx::AssertSqlSafe(format!(
            "select dossier_id, min(applies_from) from dossier_obligation \
         where dossier_id in ({MINE}) and status in ('open', 'in_progress') group by dossier_id"
        )))
        .bind(user_id)
        .fetch_all(&mut *conn)
        .await?,
    )
}
