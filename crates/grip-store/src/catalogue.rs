//! Procurement categories (with CPV codes and AI exposure) and suppliers.

use crate::{Conn, StoreError, decode, to_domain};
use grip_core::catalogue::{Category, Supplier};
use grip_core::{Page, Paging};

#[derive(sqlx::FromRow)]
struct CategoryRow {
    id: String,
    code: String,
    name_nl: String,
    name_en: String,
    /// Comma-separated CPV codes.
    cpv_codes: String,
    exposure: String,
    reason_nl: String,
    reason_en: String,
}

impl TryFrom<CategoryRow> for Category {
    type Error = StoreError;

    fn try_from(row: CategoryRow) -> Result<Category, StoreError> {
        Ok(Category {
            exposure: decode(&row.exposure, "exposure")?,
            id: row.id.into(),
            code: row.code,
            name_nl: row.name_nl,
            name_en: row.name_en,
            cpv_codes: row
                .cpv_codes
                .split(',')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_string)
                .collect(),
            reason_nl: row.reason_nl,
            reason_en: row.reason_en,
        })
    }
}

pub async fn insert_category(tx: &mut Conn, c: &Category) -> Result<(), StoreError> {
    sqlx::query(
        "insert into category (id, code, name_nl, name_en, cpv_codes, exposure, reason_nl, reason_en) \
         values ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(c.id.as_str())
    .bind(&c.code)
    .bind(&c.name_nl)
    .bind(&c.name_en)
    .bind(c.cpv_codes.join(","))
    .bind(c.exposure.code())
    .bind(&c.reason_nl)
    .bind(&c.reason_en)
    .execute(&mut *tx)
    .await
    .map_err(|e| StoreError::conflict_or(e, &format!("category '{}'", c.code)))?;
    Ok(())
}

const CATEGORY_COLUMNS: &str =
    "select id, code, name_nl, name_en, cpv_codes, exposure, reason_nl, reason_en from category";

pub async fn list_categories(conn: &mut Conn) -> Result<Vec<Category>, StoreError> {
    to_domain(
        sqlx::query_as::<_, CategoryRow>(sqlx::AssertSqlSafe(format!(
            "{CATEGORY_COLUMNS} order by name_nl"
        )))
        .fetch_all(&mut *conn)
        .await?,
    )
}

pub async fn get_category(conn: &mut Conn, id: &str) -> Result<Option<Category>, StoreError> {
    sqlx::query_as::<_, CategoryRow>(sqlx::AssertSqlSafe(format!(
        "{CATEGORY_COLUMNS} where id = $1"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .map(Category::try_from)
    .transpose()
}

pub async fn category_by_code(conn: &mut Conn, code: &str) -> Result<Option<Category>, StoreError> {
    sqlx::query_as::<_, CategoryRow>(sqlx::AssertSqlSafe(format!(
        "{CATEGORY_COLUMNS} where code = $1"
    )))
    .bind(code)
    .fetch_optional(&mut *conn)
    .await?
    .map(Category::try_from)
    .transpose()
}

#[derive(sqlx::FromRow)]
struct SupplierRow {
    id: String,
    name: String,
    kvk: String,
    city: String,
    description: String,
    created_at: i64,
}

impl TryFrom<SupplierRow> for Supplier {
    type Error = StoreError;

    fn try_from(row: SupplierRow) -> Result<Supplier, StoreError> {
        Ok(Supplier {
            id: row.id.into(),
            name: row.name,
            kvk: row.kvk,
            city: row.city,
            description: row.description,
            created_at: row.created_at,
        })
    }
}

pub async fn insert_supplier(tx: &mut Conn, s: &Supplier) -> Result<(), StoreError> {
    sqlx::query(
        "insert into supplier (id, name, kvk, city, description, created_at) \
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(s.id.as_str())
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

pub async fn list_suppliers(conn: &mut Conn, paging: Paging) -> Result<Page<Supplier>, StoreError> {
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
    Ok(paging.wrap(to_domain(rows)?, total))
}

pub async fn get_supplier(conn: &mut Conn, id: &str) -> Result<Option<Supplier>, StoreError> {
    sqlx::query_as::<_, SupplierRow>(sqlx::AssertSqlSafe(format!(
        "{SUPPLIER_COLUMNS} where id = $1"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .map(Supplier::try_from)
    .transpose()
}

pub async fn supplier_by_name(conn: &mut Conn, name: &str) -> Result<Option<Supplier>, StoreError> {
    sqlx::query_as::<_, SupplierRow>(sqlx::AssertSqlSafe(format!(
        "{SUPPLIER_COLUMNS} where name = $1"
    )))
    .bind(name)
    .fetch_optional(&mut *conn)
    .await?
    .map(Supplier::try_from)
    .transpose()
}
