//! Dossiers (acquisitions), their members and suppliers. Lists filter on indexed columns and
//! a lower-cased search column so they stay fast with 100,000 dossiers.

use crate::{Conn, Page, Paging, StoreError};
use serde::Serialize;

/// The stored fields of a dossier.
#[derive(Debug, Clone, Serialize)]
pub struct DossierRecord {
    pub id: String,
    pub title: String,
    pub description: String,
    pub category_id: Option<String>,
    pub requester_id: Option<String>,
    pub phase: String,
    pub classification_label: String,
    pub status: String,
    pub estimated_value_eur: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// A dossier with the names of what it refers to, for pages and the API.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct DossierView {
    pub id: String,
    pub title: String,
    pub description: String,
    pub category_id: Option<String>,
    pub category_code: Option<String>,
    pub category_name_nl: Option<String>,
    pub category_name_en: Option<String>,
    pub requester_id: Option<String>,
    pub requester_username: Option<String>,
    pub phase: String,
    pub classification_label: String,
    pub status: String,
    pub estimated_value_eur: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// Only the start of the description is searched; titles carry most of the meaning.
const SEARCH_DESCRIPTION_CHARS: usize = 400;

fn search_text(title: &str, description: &str) -> String {
    let head: String = description.chars().take(SEARCH_DESCRIPTION_CHARS).collect();
    format!("{title} {head}").to_lowercase()
}

pub async fn insert(tx: &mut Conn, d: &DossierRecord) -> Result<(), StoreError> {
    sqlx::query(
        "insert into dossier (id, title, description, category_id, requester_id, phase, \
         classification_label, status, estimated_value_eur, search_text, created_at, updated_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(&d.id)
    .bind(&d.title)
    .bind(&d.description)
    .bind(d.category_id.as_deref())
    .bind(d.requester_id.as_deref())
    .bind(&d.phase)
    .bind(&d.classification_label)
    .bind(&d.status)
    .bind(d.estimated_value_eur)
    .bind(search_text(&d.title, &d.description))
    .bind(d.created_at)
    .bind(d.updated_at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Writes the editable fields (title, description, category, label, status).
pub async fn update(tx: &mut Conn, d: &DossierRecord) -> Result<(), StoreError> {
    sqlx::query(
        "update dossier set title = $1, description = $2, category_id = $3, \
         classification_label = $4, status = $5, estimated_value_eur = $6, search_text = $7, \
         updated_at = $8 where id = $9",
    )
    .bind(&d.title)
    .bind(&d.description)
    .bind(d.category_id.as_deref())
    .bind(&d.classification_label)
    .bind(&d.status)
    .bind(d.estimated_value_eur)
    .bind(search_text(&d.title, &d.description))
    .bind(d.updated_at)
    .bind(&d.id)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Moves the phase only if it is still `from` (a concurrent move makes this return false).
pub async fn set_phase(
    tx: &mut Conn,
    id: &str,
    from: &str,
    to: &str,
    at_ms: i64,
) -> Result<bool, StoreError> {
    let done =
        sqlx::query("update dossier set phase = $1, updated_at = $2 where id = $3 and phase = $4")
            .bind(to)
            .bind(at_ms)
            .bind(id)
            .bind(from)
            .execute(&mut *tx)
            .await?;
    Ok(done.rows_affected() == 1)
}

const VIEW: &str = "select d.id, d.title, d.description, d.category_id, c.code as category_code, \
     c.name_nl as category_name_nl, c.name_en as category_name_en, d.requester_id, \
     u.username as requester_username, d.phase, d.classification_label, d.status, \
     d.estimated_value_eur, d.created_at, d.updated_at \
     from dossier d left join category c on c.id = d.category_id \
     left join app_user u on u.id = d.requester_id";

pub async fn get(conn: &mut Conn, id: &str) -> Result<Option<DossierView>, StoreError> {
    Ok(
        sqlx::query_as::<_, DossierView>(sqlx::AssertSqlSafe(format!("{VIEW} where d.id = $1")))
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

#[derive(Debug, Clone, Default)]
pub struct DossierFilter {
    /// Words that must all occur in the title or the start of the description.
    pub query: Option<String>,
    pub phase: Option<String>,
    pub category_id: Option<String>,
}

pub async fn list(
    conn: &mut Conn,
    filter: &DossierFilter,
    paging: Paging,
) -> Result<Page<DossierView>, StoreError> {
    // The statement is assembled only from fixed fragments; every value is bound.
    let mut clauses: Vec<String> = Vec::new();
    let mut values: Vec<String> = Vec::new();
    if let Some(phase) = &filter.phase {
        values.push(phase.clone());
        clauses.push(format!("d.phase = ${}", values.len()));
    }
    if let Some(category) = &filter.category_id {
        values.push(category.clone());
        clauses.push(format!("d.category_id = ${}", values.len()));
    }
    for word in filter
        .query
        .iter()
        .flat_map(|q| q.split_whitespace())
        .take(8)
    {
        values.push(format!("%{}%", escape_like(&word.to_lowercase())));
        clauses.push(format!("d.search_text like ${} escape '\\'", values.len()));
    }
    let where_sql = if clauses.is_empty() {
        String::new()
    } else {
        format!(" where {}", clauses.join(" and "))
    };
    let n = values.len();
    let rows_sql = format!(
        "{VIEW}{where_sql} order by d.updated_at desc, d.id desc limit ${} offset ${}",
        n + 1,
        n + 2
    );
    let mut rows_query = sqlx::query_as::<_, DossierView>(sqlx::AssertSqlSafe(rows_sql));
    for v in &values {
        rows_query = rows_query.bind(v.clone());
    }
    let rows = rows_query
        .bind(paging.per_page)
        .bind(paging.offset())
        .fetch_all(&mut *conn)
        .await?;
    let count_sql = format!("select cast(count(*) as bigint) from dossier d{where_sql}");
    let mut count_query = sqlx::query_as::<_, (i64,)>(sqlx::AssertSqlSafe(count_sql));
    for v in &values {
        count_query = count_query.bind(v.clone());
    }
    let (total,) = count_query.fetch_one(&mut *conn).await?;
    Ok(paging.wrap(rows, total))
}

fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

pub async fn count_by_phase(conn: &mut Conn) -> Result<Vec<(String, i64)>, StoreError> {
    Ok(
        sqlx::query_as("select phase, cast(count(*) as bigint) from dossier group by phase")
            .fetch_all(&mut *conn)
            .await?,
    )
}

pub async fn add_member(
    tx: &mut Conn,
    dossier_id: &str,
    user_id: &str,
    role: &str,
    at_ms: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "insert into dossier_member (dossier_id, user_id, role, added_at) values ($1, $2, $3, $4) \
         on conflict (dossier_id, user_id, role) do nothing",
    )
    .bind(dossier_id)
    .bind(user_id)
    .bind(role)
    .bind(at_ms)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct MemberView {
    pub user_id: String,
    pub username: String,
    pub display_name: String,
    pub role: String,
}

pub async fn members(conn: &mut Conn, dossier_id: &str) -> Result<Vec<MemberView>, StoreError> {
    Ok(sqlx::query_as::<_, MemberView>(
        "select m.user_id, u.username, u.display_name, m.role from dossier_member m \
         join app_user u on u.id = m.user_id where m.dossier_id = $1 order by m.role, u.username",
    )
    .bind(dossier_id)
    .fetch_all(&mut *conn)
    .await?)
}

pub async fn is_member(
    conn: &mut Conn,
    dossier_id: &str,
    user_id: &str,
) -> Result<bool, StoreError> {
    let row: Option<(String,)> = sqlx::query_as(
        "select user_id from dossier_member where dossier_id = $1 and user_id = $2 \
         union select requester_id from dossier where id = $1 and requester_id = $2",
    )
    .bind(dossier_id)
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.is_some())
}

pub async fn link_supplier(
    tx: &mut Conn,
    dossier_id: &str,
    supplier_id: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "insert into dossier_supplier (dossier_id, supplier_id) values ($1, $2) \
         on conflict (dossier_id, supplier_id) do nothing",
    )
    .bind(dossier_id)
    .bind(supplier_id)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub async fn supplier_names(conn: &mut Conn, dossier_id: &str) -> Result<Vec<String>, StoreError> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select s.name from dossier_supplier ds join supplier s on s.id = ds.supplier_id \
         where ds.dossier_id = $1 order by s.name",
    )
    .bind(dossier_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(|(n,)| n).collect())
}

/// Dossiers whose title equals `title` (the demo and imports link by title).
pub async fn id_by_title(conn: &mut Conn, title: &str) -> Result<Option<String>, StoreError> {
    let row: Option<(String,)> = sqlx::query_as("select id from dossier where title = $1 limit 1")
        .bind(title)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(|(id,)| id))
}

pub async fn count(conn: &mut Conn) -> Result<i64, StoreError> {
    let (n,): (i64,) = sqlx::query_as("select cast(count(*) as bigint) from dossier")
        .fetch_one(&mut *conn)
        .await?;
    Ok(n)
}
