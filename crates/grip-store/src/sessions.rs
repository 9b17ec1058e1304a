//! Browser sessions and API tokens, both stored only as SHA-256 hashes of the secret, in the
//! database so that several Grip instances behind a load balancer share them.

use crate::{Conn, StoreError, flag};

pub async fn create_session(
    tx: &mut Conn,
    token_hash: &str,
    user_id: &str,
    now_ms: i64,
    expires_at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "insert into session (token_hash, user_id, created_at, last_seen_at, expires_at) \
         values ($1, $2, $3, $3, $4)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(now_ms)
    .bind(expires_at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionRow {
    pub user_id: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
}

/// A live session (not expired at `now_ms`).
pub async fn find_session(
    conn: &mut Conn,
    token_hash: &str,
    now_ms: i64,
) -> Result<Option<SessionRow>, StoreError> {
    Ok(sqlx::query_as::<_, SessionRow>(
        "select user_id, created_at, last_seen_at, expires_at from session \
         where token_hash = $1 and expires_at > $2",
    )
    .bind(token_hash)
    .bind(now_ms)
    .fetch_optional(&mut *conn)
    .await?)
}

pub async fn extend_session(
    conn: &mut Conn,
    token_hash: &str,
    now_ms: i64,
    expires_at: i64,
) -> Result<(), StoreError> {
    sqlx::query("update session set last_seen_at = $1, expires_at = $2 where token_hash = $3")
        .bind(now_ms)
        .bind(expires_at)
        .bind(token_hash)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn delete_session(tx: &mut Conn, token_hash: &str) -> Result<Option<String>, StoreError> {
    let row: Option<(String,)> =
        sqlx::query_as("delete from session where token_hash = $1 returning user_id")
            .bind(token_hash)
            .fetch_optional(&mut *tx)
            .await?;
    Ok(row.map(|(u,)| u))
}

pub async fn delete_sessions_of(tx: &mut Conn, user_id: &str) -> Result<(), StoreError> {
    sqlx::query("delete from session where user_id = $1")
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Ends every session of the user except the one with `keep_hash` (the one in use).
pub async fn delete_other_sessions(
    tx: &mut Conn,
    user_id: &str,
    keep_hash: &str,
) -> Result<(), StoreError> {
    sqlx::query("delete from session where user_id = $1 and token_hash <> $2")
        .bind(user_id)
        .bind(keep_hash)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Revokes every API token of the user that is not revoked yet; returns how many.
pub async fn revoke_tokens_of(tx: &mut Conn, user_id: &str) -> Result<u64, StoreError> {
    let done = sqlx::query("update api_token set revoked = 1 where user_id = $1 and revoked = 0")
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    Ok(done.rows_affected())
}

pub async fn purge_expired(conn: &mut Conn, now_ms: i64) -> Result<u64, StoreError> {
    let done = sqlx::query("delete from session where expires_at <= $1")
        .bind(now_ms)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected())
}

pub async fn create_token(
    tx: &mut Conn,
    id: &str,
    user_id: &str,
    label: &str,
    token_hash: &str,
    now_ms: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "insert into api_token (id, user_id, label, token_hash, created_at, revoked) \
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(user_id)
    .bind(label)
    .bind(token_hash)
    .bind(now_ms)
    .bind(flag(false))
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// The user owning a valid (not revoked) token; records its use.
pub async fn use_token(
    conn: &mut Conn,
    token_hash: &str,
    now_ms: i64,
) -> Result<Option<String>, StoreError> {
    let row: Option<(String, String)> =
        sqlx::query_as("select id, user_id from api_token where token_hash = $1 and revoked = 0")
            .bind(token_hash)
            .fetch_optional(&mut *conn)
            .await?;
    let Some((id, user_id)) = row else {
        return Ok(None);
    };
    sqlx::query("update api_token set last_used_at = $1 where id = $2")
        .bind(now_ms)
        .bind(&id)
        .execute(&mut *conn)
        .await?;
    Ok(Some(user_id))
}
