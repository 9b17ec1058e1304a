//! Systems' entries in the Algorithm Register publication standard, one per system.

use crate::{Conn, StoreError};
use grip_core::inventory::StoredRegisterEntry;

#[derive(sqlx::FromRow)]
struct EntryRow {
    inventory_item_id: String,
    entry: String,
    origin: String,
    file_sha256: Option<String>,
    updated_by: String,
    updated_at: i64,
}

impl TryFrom<EntryRow> for StoredRegisterEntry {
    type Error = StoreError;

    fn try_from(r: EntryRow) -> Result<Self, StoreError> {
        Ok(StoredRegisterEntry {
            item_id: r.inventory_item_id.into(),
            entry_json: r.entry,
            origin: crate::decode(&r.origin, "register entry origin")?,
            file_sha256: r.file_sha256,
            updated_by: r.updated_by,
            updated_at: r.updated_at,
        })
    }
}

pub async fn get(
    conn: &mut Conn,
    item_id: &str,
) -> Result<Option<StoredRegisterEntry>, StoreError> {
    sqlx::query_as::<_, EntryRow>(
        "select inventory_item_id, entry, origin, file_sha256, updated_by, updated_at \
         from register_entry where inventory_item_id = $1",
    )
    .bind(item_id)
    .fetch_optional(&mut *conn)
    .await?
    .map(StoredRegisterEntry::try_from)
    .transpose()
}

/// Writes the system's entry, replacing the one it had.
pub async fn put(tx: &mut Conn, e: &StoredRegisterEntry) -> Result<(), StoreError> {
    sqlx::query("delete from register_entry where inventory_item_id = $1")
        .bind(e.item_id.as_str())
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "insert into register_entry (inventory_item_id, entry, origin, file_sha256, updated_by, \
         updated_at) values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(e.item_id.as_str())
    .bind(&e.entry_json)
    .bind(e.origin.code())
    .bind(e.file_sha256.clone())
    .bind(&e.updated_by)
    .bind(e.updated_at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// The systems that have an entry, by system name.
pub async fn items_with_entries(conn: &mut Conn) -> Result<Vec<String>, StoreError> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select r.inventory_item_id from register_entry r \
         join inventory_item i on i.id = r.inventory_item_id order by i.name, i.id",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}
