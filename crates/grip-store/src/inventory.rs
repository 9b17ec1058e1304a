//! The inventory of procured systems that contain or may contain AI, including entries
//! imported from the public Algorithm Register (keyed by their register id).

use crate::{Conn, Page, Paging, StoreError};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct InventoryRecord {
    pub id: String,
    pub name: String,
    pub supplier_id: Option<String>,
    pub description: String,
    pub status: String,
    pub ai_exposure: String,
    pub dossier_id: Option<String>,
    /// `manual`, `demo` or `algoritmeregister`.
    pub source: String,
    pub source_id: Option<String>,
    pub source_organisation: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct InventoryView {
    pub id: String,
    pub name: String,
    pub supplier_id: Option<String>,
    pub supplier_name: Option<String>,
    pub description: String,
    pub status: String,
    pub ai_exposure: String,
    pub dossier_id: Option<String>,
    pub dossier_title: Option<String>,
    pub source: String,
    pub source_id: Option<String>,
    pub source_organisation: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

pub async fn insert(tx: &mut Conn, item: &InventoryRecord) -> Result<(), StoreError> {
    sqlx::query(
        "insert into inventory_item (id, name, supplier_id, description, status, ai_exposure, \
         dossier_id, source, source_id, source_organisation, created_at, updated_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(&item.id)
    .bind(&item.name)
    .bind(item.supplier_id.as_deref())
    .bind(&item.description)
    .bind(&item.status)
    .bind(&item.ai_exposure)
    .bind(item.dossier_id.as_deref())
    .bind(&item.source)
    .bind(item.source_id.as_deref())
    .bind(item.source_organisation.as_deref())
    .bind(item.created_at)
    .bind(item.updated_at)
    .execute(&mut *tx)
    .await
    .map_err(|e| StoreError::conflict_or(e, &format!("inventory item '{}'", item.name)))?;
    Ok(())
}

pub async fn exists_by_source(
    conn: &mut Conn,
    source: &str,
    source_id: &str,
) -> Result<bool, StoreError> {
    let row: Option<(String,)> =
        sqlx::query_as("select id from inventory_item where source = $1 and source_id = $2")
            .bind(source)
            .bind(source_id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.is_some())
}

const VIEW: &str = "select i.id, i.name, i.supplier_id, s.name as supplier_name, i.description, \
     i.status, i.ai_exposure, i.dossier_id, d.title as dossier_title, i.source, i.source_id, \
     i.source_organisation, i.created_at, i.updated_at from inventory_item i \
     left join supplier s on s.id = i.supplier_id left join dossier d on d.id = i.dossier_id";

pub async fn list(
    conn: &mut Conn,
    query: Option<&str>,
    paging: Paging,
) -> Result<Page<InventoryView>, StoreError> {
    let pattern = query
        .map(|q| format!("%{}%", q.trim().to_lowercase()))
        .unwrap_or_else(|| "%".into());
    let rows = sqlx::query_as::<_, InventoryView>(sqlx::AssertSqlSafe(format!(
        "{VIEW} where lower(i.name) like $1 or lower(coalesce(i.source_organisation, '')) like $1 \
         order by i.name, i.id limit $2 offset $3"
    )))
    .bind(&pattern)
    .bind(paging.per_page)
    .bind(paging.offset())
    .fetch_all(&mut *conn)
    .await?;
    let (total,): (i64,) = sqlx::query_as(
        "select cast(count(*) as bigint) from inventory_item i \
         where lower(i.name) like $1 or lower(coalesce(i.source_organisation, '')) like $1",
    )
    .bind(&pattern)
    .fetch_one(&mut *conn)
    .await?;
    Ok(paging.wrap(rows, total))
}

pub async fn get(conn: &mut Conn, id: &str) -> Result<Option<InventoryView>, StoreError> {
    Ok(
        sqlx::query_as::<_, InventoryView>(sqlx::AssertSqlSafe(format!("{VIEW} where i.id = $1")))
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

pub async fn for_dossier(
    conn: &mut Conn,
    dossier_id: &str,
) -> Result<Vec<InventoryView>, StoreError> {
    Ok(
        sqlx::query_as::<_, InventoryView>(sqlx::AssertSqlSafe(format!(
            "{VIEW} where i.dossier_id = $1 order by i.name"
        )))
        .bind(dossier_id)
        .fetch_all(&mut *conn)
        .await?,
    )
}
