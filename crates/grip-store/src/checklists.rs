//! Role × phase checklist status per dossier: which items of the roles-phases pack are done
//! or waived. An item without a row is open.

use crate::{Conn, StoreError, corrupt, decode, to_domain};
use grip_core::Phase;
use grip_core::checklist::ChecklistMark;

#[derive(sqlx::FromRow)]
pub(crate) struct MarkRow {
    dossier_id: String,
    item_id: String,
    phase: String,
    status: String,
    reason: String,
    set_by: String,
    set_at: i64,
    proposed_by: Option<String>,
}

impl TryFrom<MarkRow> for ChecklistMark {
    type Error = StoreError;

    fn try_from(row: MarkRow) -> Result<ChecklistMark, StoreError> {
        Ok(ChecklistMark {
            phase: Phase::parse(&row.phase).ok_or_else(|| corrupt("phase", &row.phase))?,
            status: decode(&row.status, "checklist status")?,
            dossier_id: row.dossier_id.into(),
            item_id: row.item_id,
            reason: row.reason,
            set_by: row.set_by,
            set_at: row.set_at,
            proposed_by: row.proposed_by,
        })
    }
}

/// The columns of a checklist mark, as `MarkRow` reads them.
pub(crate) const MARK_COLUMNS: &str =
    "dossier_id, item_id, phase, status, reason, set_by, set_at, proposed_by";

pub async fn for_dossier(
    conn: &mut Conn,
    dossier_id: &str,
) -> Result<Vec<ChecklistMark>, StoreError> {
    to_domain(
        sqlx::query_as::<_, MarkRow>(sqlx::AssertSqlSafe(format!(
            "select {MARK_COLUMNS} from checklist_status where dossier_id = $1 order by item_id"
        )))
        .bind(dossier_id)
        .fetch_all(&mut *conn)
        .await?,
    )
}

/// Sets (or replaces) an item's status.
pub async fn set(tx: &mut Conn, row: &ChecklistMark) -> Result<(), StoreError> {
    sqlx::query("delete from checklist_status where dossier_id = $1 and item_id = $2")
        .bind(row.dossier_id.as_str())
        .bind(&row.item_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "insert into checklist_status (dossier_id, item_id, phase, status, reason, set_by, \
         set_at, proposed_by) values ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(row.dossier_id.as_str())
    .bind(&row.item_id)
    .bind(row.phase.id())
    .bind(row.status.code())
    .bind(&row.reason)
    .bind(&row.set_by)
    .bind(row.set_at)
    .bind(&row.proposed_by)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Reopens an item; false when it was open already.
pub async fn clear(tx: &mut Conn, dossier_id: &str, item_id: &str) -> Result<bool, StoreError> {
    let done = sqlx::query("delete from checklist_status where dossier_id = $1 and item_id = $2")
        .bind(dossier_id)
        .bind(item_id)
        .execute(&mut *tx)
        .await?;
    Ok(done.rows_affected() == 1)
}
