//! Role × phase checklist status per dossier: which items of the roles-phases pack are done
//! or waived. An item without a row is open.

use crate::{Conn, StoreError};
use serde::Serialize;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct CheckStatusRow {
    pub dossier_id: String,
    pub item_id: String,
    pub phase: String,
    /// `done` or `waived`.
    pub status: String,
    pub reason: String,
    pub set_by: String,
    pub set_at: i64,
}

pub async fn for_dossier(
    conn: &mut Conn,
    dossier_id: &str,
) -> Result<Vec<CheckStatusRow>, StoreError> {
    Ok(sqlx::query_as(
        "select dossier_id, item_id, phase, status, reason, set_by, set_at from checklist_status \
         where dossier_id = $1 order by item_id",
    )
    .bind(dossier_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// Sets (or replaces) an item's status.
pub async fn set(tx: &mut Conn, row: &CheckStatusRow) -> Result<(), StoreError> {
    sqlx::query("delete from checklist_status where dossier_id = $1 and item_id = $2")
        .bind(&row.dossier_id)
        .bind(&row.item_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "insert into checklist_status (dossier_id, item_id, phase, status, reason, set_by, \
         set_at) values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&row.dossier_id)
    .bind(&row.item_id)
    .bind(&row.phase)
    .bind(&row.status)
    .bind(&row.reason)
    .bind(&row.set_by)
    .bind(row.set_at)
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
