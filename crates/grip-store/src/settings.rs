//! Organisation-wide settings changed at run time by an administrator; values are JSON text.

use crate::{Conn, StoreError};

pub async fn get(conn: &mut Conn, name: &str) -> Result<Option<String>, StoreError> {
    let row: Option<(String,)> = sqlx::query_as("select value from setting where name = $1")
        .bind(name)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(|(v,)| v))
}

pub async fn put(
    tx: &mut Conn,
    name: &str,
    value: &str,
    by: &str,
    at: i64,
) -> Result<(), StoreError> {
    sqlx::query("delete from setting where name = $1")
        .bind(name)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "insert into setting (name, value, updated_by, updated_at) values ($1, $2, $3, $4)",
    )
    .bind(name)
    .bind(value)
    .bind(by)
    .bind(at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}
