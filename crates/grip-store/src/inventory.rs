//! The inventory of procured systems that contain or may contain AI, including entries
//! imported from the public Algorithm Register (keyed by their register id).

use crate::{Conn, StoreError, decode, to_domain};
use grip_core::inventory::{InventoryItem, InventorySource};
use grip_core::{Page, Paging};

#[derive(sqlx::FromRow)]
struct InventoryRow {
    id: String,
    name: String,
    supplier_id: Option<String>,
    supplier_name: Option<String>,
    description: String,
    status: String,
    ai_exposure: String,
    dossier_id: Option<String>,
    dossier_title: Option<String>,
    source: String,
    source_id: Option<String>,
    source_organisation: Option<String>,
    created_at: i64,
    updated_at: i64,
}

impl TryFrom<InventoryRow> for InventoryItem {
    type Error = StoreError;

    fn try_from(row: InventoryRow) -> Result<InventoryItem, StoreError> {
        Ok(InventoryItem {
            status: decode(&row.status, "system status")?,
            ai_exposure: decode(&row.ai_exposure, "AI exposure")?,
            source: decode(&row.source, "inventory source")?,
            id: row.id.into(),
            name: row.name,
            supplier_id: row.supplier_id.map(Into::into),
            supplier_name: row.supplier_name,
            description: row.description,
            dossier_id: row.dossier_id.map(Into::into),
            dossier_title: row.dossier_title,
            source_id: row.source_id,
            source_organisation: row.source_organisation,
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }
}

/// Writes a new item; the supplier's and dossier's names are read back, not written.
pub async fn insert(tx: &mut Conn, item: &InventoryItem) -> Result<(), StoreError> {
    sqlx::query(
        "insert into inventory_item (id, name, supplier_id, description, status, ai_exposure, \
         dossier_id, source, source_id, source_organisation, created_at, updated_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(item.id.as_str())
    .bind(&item.name)
    .bind(item.supplier_id.as_deref())
    .bind(&item.description)
    .bind(item.status.code())
    .bind(item.ai_exposure.code())
    .bind(item.dossier_id.as_deref())
    .bind(item.source.code())
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
    source: InventorySource,
    source_id: &str,
) -> Result<bool, StoreError> {
    let row: Option<(String,)> =
        sqlx::query_as("select id from inventory_item where source = $1 and source_id = $2")
            .bind(source.code())
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
) -> Result<Page<InventoryItem>, StoreError> {
    let pattern = query
        .map(|q| format!("%{}%", q.trim().to_lowercase()))
        .unwrap_or_else(|| "%".into());
    let rows = sqlx::query_as::<_, InventoryRow>(sqlx::AssertSqlSafe(format!(
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
    Ok(paging.wrap(to_domain(rows)?, total))
}

pub async fn get(conn: &mut Conn, id: &str) -> Result<Option<InventoryItem>, StoreError> {
    sqlx::query_as::<_, InventoryRow>(sqlx::AssertSqlSafe(format!("{VIEW} where i.id = $1")))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .map(InventoryItem::try_from)
        .transpose()
}

pub async fn for_dossier(
    conn: &mut Conn,
    dossier_id: &str,
) -> Result<Vec<InventoryItem>, StoreError> {
    to_domain(
        sqlx::query_as::<_, InventoryRow>(sqlx::AssertSqlSafe(format!(
            "{VIEW} where i.dossier_id = $1 order by i.name"
        )))
        .bind(dossier_id)
        .fetch_all(&mut *conn)
        .await?,
    )
}
