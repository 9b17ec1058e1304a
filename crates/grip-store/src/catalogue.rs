//! Procurement categories (with CPV codes and AI exposure) and suppliers.

use crate::{Conn, Page, Paging, StoreError};
use serde::Serialize;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct CategoryRow {
    pub id: String,
    pub code: String,
    pub name_nl: String,
    pub name_en: String,
    /// Comma-separated CPV codes.
    pub cpv_codes: String,
    pub exposure: String,
    pub reason_nl: String,
    pub reason_en: String,
}

pub async fn insert_category(tx: &mut Conn, c: &CategoryRow) -> Result<(), StoreError> {
    sqlx::query(
        "insert into category (id, code, name_nl, name_en, cpv_codes, exposure, reason_nl, reason_en) \
         values ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&c.id)
    .bind(&c.code)
    .bind(&c.name_nl)
    .bind(&c.name_en)
    .bind(&c.cpv_codes)
    .bind(&c.exposure)
    .bind(&c.reason_nl)
    .bind(&c.reason_en)
    .execute(&mut *tx)
    .await
    .map_err(|e| StoreError::conflict_or(e, &format!("category '{}'", c.code)))?;
    Ok(())
}

const CATEGORY_COLUMNS: &str =
    "select id, code, name_nl, name_en, cpv_codes, exposure, reason_nl, reason_en from category";

pub async fn list_categories(conn: &mut Conn) -> Result<Vec<CategoryRow>, StoreError> {
    Ok(
        sqlx::query_as::<_, CategoryRow>(sqlx::AssertSqlSafe(format!(
            "{CATEGORY_COLUMNS} order by name_nl"
        )))
        .fetch_all(&mut *conn)
        .await?,
    )
}

pub async fn get_category(conn: &mut Conn, id: &str) -> Result<Option<CategoryRow>, StoreError> {
    Ok(
        sqlx::query_as::<_, CategoryRow>(sqlx::AssertSqlSafe(format!(
            "{CATEGORY_COLUMNS} where id = $1"
        )))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?,
    )
}

pub async fn category_by_code(
    conn: &mut Conn,
    code: &str,
) -> Result<Option<CategoryRow>, StoreError> {
    Ok(
        sqlx::query_as::<_, CategoryRow>(sqlx::AssertSqlSafe(format!(
            "{CATEGORY_COLUMNS} where code = $1"
        )))
        .bind(code)
        .fetch_optional(&mut *conn)
        .await?,
    )
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct SupplierRow {
    pub id: String,
    pub name: String,
    pub kvk: String,
    pub city: String,
    pub description: String,
    pub created_at: i64,
}

pub async fn insert_supplier(tx: &mut Conn, s: &SupplierRow) -> Result<(), StoreError> {
    sqlx::query(
        "insert into supplier (id, name, kvk, city, description, created_at) \
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&s.id)
    .bind(&s.name)
    .bind(&s.kvk)
    .bind(&s.city)
    .bind(&s.description)
    .bind(s.created_at)
    .execute(&mut *tx)
    .await
    .map_err(|e| StoreError::conflict_or(e, &format!("supplier '{}'", s.name)))?;
    Ok(())
}

const SUPPLIER_COLUMNS: &str = "select id, name, kvk, city, description, created_at from supplier";

pub async fn list_suppliers(
    conn: &mut Conn,
    paging: Paging,
) -> Result<Page<SupplierRow>, StoreError> {
    let rows = sqlx::query_as::<_, SupplierRow>(sqlx::AssertSqlSafe(format!(
        "{SUPPLIER_COLUMNS} order by name limit $1 offset $2"
    )))
    .bind(paging.per_page)
    .bind(paging.offset())
    .fetch_all(&mut *conn)
    .await?;
    let (total,): (i64,) = sqlx::query_as("select cast(count(*) as bigint) from supplier")
        .fetch_one(&mut *conn)
        .await?;
    Ok(paging.wrap(rows, total))
}

pub async fn get_supplier(conn: &mut Conn, id: &str) -> Result<Option<SupplierRow>, StoreError> {
    Ok(
        sqlx::query_as::<_, SupplierRow>(sqlx::AssertSqlSafe(format!(
            "{SUPPLIER_COLUMNS} where id = $1"
        )))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?,
    )
}

pub async fn supplier_by_name(
    conn: &mut Conn,
    name: &str,
) -> Result<Option<SupplierRow>, StoreError> {
    Ok(
        sqlx::query_as::<_, SupplierRow>(sqlx::AssertSqlSafe(format!(
            "{SUPPLIER_COLUMNS} where name = $1"
        )))
        .bind(name)
        .fetch_optional(&mut *conn)
        .await?,
    )
}
