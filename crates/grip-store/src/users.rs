//! People and their roles. Password hashing happens in grip-app; this stores the PHC string.

use crate::{Conn, StoreError, corrupt, flag};
use grip_core::Role;
use grip_core::user::User;

#[derive(sqlx::FromRow)]
struct UserRow {
    id: String,
    username: String,
    display_name: String,
    password_hash: String,
    is_active: i16,
    created_at: i64,
    last_sign_in_at: Option<i64>,
}

impl UserRow {
    async fn into_user(self, conn: &mut Conn) -> Result<User, StoreError> {
        let roles = roles_of(conn, &self.id).await?;
        Ok(User {
            id: self.id.into(),
            username: self.username,
            display_name: self.display_name,
            roles,
            active: self.is_active == 1,
            created_at: self.created_at,
            last_sign_in_at: self.last_sign_in_at,
        })
    }
}

pub struct NewUser<'a> {
    pub id: &'a str,
    pub username: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub roles: &'a [Role],
    pub at_ms: i64,
}

pub async fn insert(tx: &mut Conn, user: &NewUser<'_>) -> Result<(), StoreError> {
    sqlx::query(
        "insert into app_user (id, username, display_name, password_hash, is_active, created_at) \
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(user.id)
    .bind(user.username)
    .bind(user.display_name)
    .bind(user.password_hash)
    .bind(flag(true))
    .bind(user.at_ms)
    .execute(&mut *tx)
    .await
    .map_err(|e| StoreError::conflict_or(e, &format!("user '{}'", user.username)))?;
    set_roles(tx, user.id, user.roles).await
}

pub async fn set_roles(tx: &mut Conn, user_id: &str, roles: &[Role]) -> Result<(), StoreError> {
    sqlx::query("delete from user_role where user_id = $1")
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    for role in roles {
        sqlx::query("insert into user_role (user_id, role) values ($1, $2)")
            .bind(user_id)
            .bind(role.id())
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}

pub async fn set_password(tx: &mut Conn, user_id: &str, hash: &str) -> Result<(), StoreError> {
    sqlx::query("update app_user set password_hash = $1 where id = $2")
        .bind(hash)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

const COLUMNS: &str = "select id, username, display_name, password_hash, is_active, created_at, \
     last_sign_in_at from app_user";

/// Opens or closes the account (sessions and tokens are the caller's business).
pub async fn set_active(tx: &mut Conn, user_id: &str, active: bool) -> Result<(), StoreError> {
    sqlx::query("update app_user set is_active = $1 where id = $2")
        .bind(flag(active))
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

pub async fn record_sign_in(tx: &mut Conn, user_id: &str, at_ms: i64) -> Result<(), StoreError> {
    sqlx::query("update app_user set last_sign_in_at = $1 where id = $2")
        .bind(at_ms)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

async fn row_by_username(conn: &mut Conn, username: &str) -> Result<Option<UserRow>, StoreError> {
    Ok(sqlx::query_as::<_, UserRow>(sqlx::AssertSqlSafe(format!(
        "{COLUMNS} where username = $1"
    )))
    .bind(username)
    .fetch_optional(&mut *conn)
    .await?)
}

pub async fn find_by_username(conn: &mut Conn, username: &str) -> Result<Option<User>, StoreError> {
    match row_by_username(conn, username).await? {
        Some(row) => Ok(Some(row.into_user(conn).await?)),
        None => Ok(None),
    }
}

/// The user and their stored password hash (PHC string), for signing in.
pub async fn credentials(
    conn: &mut Conn,
    username: &str,
) -> Result<Option<(User, String)>, StoreError> {
    match row_by_username(conn, username).await? {
        Some(row) => {
            let hash = row.password_hash.clone();
            Ok(Some((row.into_user(conn).await?, hash)))
        }
        None => Ok(None),
    }
}

pub async fn get(conn: &mut Conn, id: &str) -> Result<Option<User>, StoreError> {
    let row = sqlx::query_as::<_, UserRow>(sqlx::AssertSqlSafe(format!("{COLUMNS} where id = $1")))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    match row {
        Some(row) => Ok(Some(row.into_user(conn).await?)),
        None => Ok(None),
    }
}

async fn roles_of(conn: &mut Conn, user_id: &str) -> Result<Vec<Role>, StoreError> {
    let rows: Vec<(String,)> =
        sqlx::query_as("select role from user_role where user_id = $1 order by role")
            .bind(user_id)
            .fetch_all(&mut *conn)
            .await?;
    rows.into_iter()
        .map(|(r,)| Role::parse(&r).ok_or_else(|| corrupt("role", &r)))
        .collect()
}

/// Everyone with their roles, in two statements (not one per person).
pub async fn list(conn: &mut Conn) -> Result<Vec<User>, StoreError> {
    let rows =
        sqlx::query_as::<_, UserRow>(sqlx::AssertSqlSafe(format!("{COLUMNS} order by username")))
            .fetch_all(&mut *conn)
            .await?;
    let grants: Vec<(String, String)> =
        sqlx::query_as("select user_id, role from user_role order by user_id, role")
            .fetch_all(&mut *conn)
            .await?;
    let mut roles: std::collections::HashMap<String, Vec<Role>> = Default::default();
    for (user_id, role) in grants {
        let role = Role::parse(&role).ok_or_else(|| corrupt("role", &role))?;
        roles.entry(user_id).or_default().push(role);
    }
    Ok(rows
        .into_iter()
        .map(|row| User {
            roles: roles.remove(&row.id).unwrap_or_default(),
            id: row.id.into(),
            username: row.username,
            display_name: row.display_name,
            active: row.is_active == 1,
            created_at: row.created_at,
            last_sign_in_at: row.last_sign_in_at,
        })
        .collect())
}

pub async fn count(conn: &mut Conn) -> Result<i64, StoreError> {
    let (n,): (i64,) = sqlx::query_as("select cast(count(*) as bigint) from app_user")
        .fetch_one(&mut *conn)
        .await?;
    Ok(n)
}
