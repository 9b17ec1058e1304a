//! Spend imports, their lines and suppliers placed by hand.

use crate::{Conn, StoreError};
use grip_core::spend::{ImportRemark, SpendImport, SpendTotals, StoredSpendLine, UnplacedSupplier};

#[derive(sqlx::FromRow)]
struct ImportRow {
    id: String,
    name: String,
    file_sha256: String,
    status: String,
    lines_read: i64,
    lines_stored: i64,
    duplicates: i64,
    rejected: i64,
    report: String,
    created_by: String,
    created_at: i64,
    finished_at: Option<i64>,
}

impl TryFrom<ImportRow> for SpendImport {
    type Error = StoreError;

    fn try_from(r: ImportRow) -> Result<Self, StoreError> {
        Ok(SpendImport {
            id: r.id,
            name: r.name,
            file_sha256: r.file_sha256,
            status: crate::decode(&r.status, "spend import status")?,
            lines_read: r.lines_read,
            lines_stored: r.lines_stored,
            duplicates: r.duplicates,
            rejected: r.rejected,
            report: serde_json::from_str::<Vec<ImportRemark>>(&r.report).unwrap_or_default(),
            created_by: r.created_by,
            created_at: r.created_at,
            finished_at: r.finished_at,
        })
    }
}

const IMPORT_SELECT: &str = "select id, name, file_sha256, status, lines_read, lines_stored, \
     duplicates, rejected, report, created_by, created_at, finished_at from spend_import";

pub async fn insert_import(conn: &mut Conn, i: &SpendImport) -> Result<(), StoreError> {
    sqlx::query(
        "insert into spend_import (id, name, file_sha256, status, lines_read, lines_stored, \
         duplicates, rejected, report, created_by, created_at, finished_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(&i.id)
    .bind(&i.name)
    .bind(&i.file_sha256)
    .bind(i.status.code())
    .bind(i.lines_read)
    .bind(i.lines_stored)
    .bind(i.duplicates)
    .bind(i.rejected)
    .bind(serde_json::to_string(&i.report).unwrap_or_else(|_| "[]".into()))
    .bind(&i.created_by)
    .bind(i.created_at)
    .bind(i.finished_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Writes an import's counts, status and report.
pub async fn update_import(conn: &mut Conn, i: &SpendImport) -> Result<(), StoreError> {
    sqlx::query(
        "update spend_import set status = $2, lines_read = $3, lines_stored = $4, \
         duplicates = $5, rejected = $6, report = $7, finished_at = $8 where id = $1",
    )
    .bind(&i.id)
    .bind(i.status.code())
    .bind(i.lines_read)
    .bind(i.lines_stored)
    .bind(i.duplicates)
    .bind(i.rejected)
    .bind(serde_json::to_string(&i.report).unwrap_or_else(|_| "[]".into()))
    .bind(i.finished_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn import_by_file(conn: &mut Conn, sha: &str) -> Result<Option<SpendImport>, StoreError> {
    sqlx::query_as::<_, ImportRow>(sqlx::AssertSqlSafe(format!(
        "{IMPORT_SELECT} where file_sha256 = $1"
    )))
    .bind(sha)
    .fetch_optional(&mut *conn)
    .await?
    .map(SpendImport::try_from)
    .transpose()
}

pub async fn import(conn: &mut Conn, id: &str) -> Result<Option<SpendImport>, StoreError> {
    sqlx::query_as::<_, ImportRow>(sqlx::AssertSqlSafe(format!(
        "{IMPORT_SELECT} where id = $1"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .map(SpendImport::try_from)
    .transpose()
}

pub async fn imports(conn: &mut Conn) -> Result<Vec<SpendImport>, StoreError> {
    sqlx::query_as::<_, ImportRow>(sqlx::AssertSqlSafe(format!(
        "{IMPORT_SELECT} order by created_at desc, id desc limit 100"
    )))
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(SpendImport::try_from)
    .collect()
}

/// Removes a failed import's row so the same file can be imported again.
pub async fn delete_import(conn: &mut Conn, id: &str) -> Result<(), StoreError> {
    sqlx::query("delete from spend_line where import_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("delete from spend_import where id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Lines per statement: 13 values each, well under both backends' limits on bound values.
pub const LINES_PER_STATEMENT: usize = 200;

/// Stores the lines not stored before (by their fingerprint); returns how many were new.
pub async fn insert_lines(conn: &mut Conn, lines: &[StoredSpendLine]) -> Result<u64, StoreError> {
    let mut added = 0;
    for chunk in lines.chunks(LINES_PER_STATEMENT) {
        let mut sql = String::from(
            "insert into spend_line (line_hash, import_id, line_no, supplier, supplier_key, \
             amount_cents, spent_on, description, cpv, category_code, placed_by, reason_nl, \
             reason_en) values ",
        );
        for (i, _) in chunk.iter().enumerate() {
            let b = i * 13;
            if i > 0 {
                sql.push_str(", ");
            }
            let params: Vec<String> = (1..=13).map(|k| format!("${}", b + k)).collect();
            sql.push('(');
            sql.push_str(&params.join(", "));
            sql.push(')');
        }
        sql.push_str(" on conflict (line_hash) do nothing");
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for l in chunk {
            query = query
                .bind(&l.line_hash)
                .bind(&l.import_id)
                .bind(l.line_no)
                .bind(&l.supplier)
                .bind(&l.supplier_key)
                .bind(l.amount_cents)
                .bind(l.spent_on.clone())
                .bind(&l.description)
                .bind(l.cpv.clone())
                .bind(l.category_code.clone())
                .bind(l.placed_by.clone())
                .bind(&l.reason_nl)
                .bind(&l.reason_en);
        }
        added += query.execute(&mut *conn).await?.rows_affected();
    }
    Ok(added)
}

/// Suppliers placed before: by a CPV code on one of their lines, and (winning, as they come
/// last) by hand. Key → category code.
pub async fn supplier_places(conn: &mut Conn) -> Result<Vec<(String, String)>, StoreError> {
    let mut places: Vec<(String, String)> = sqlx::query_as(
        "select l.supplier_key, min(l.category_code) from spend_line l \
         join spend_import i on i.id = l.import_id \
         where i.status = 'done' and l.placed_by = 'cpv' group by l.supplier_key",
    )
    .fetch_all(&mut *conn)
    .await?;
    let manual: Vec<(String, String)> =
        sqlx::query_as("select supplier_key, category_code from spend_supplier")
            .fetch_all(&mut *conn)
            .await?;
    places.extend(manual);
    Ok(places)
}

/// Places a supplier (replacing an earlier place) and every unplaced line of it.
pub async fn place_supplier(
    conn: &mut Conn,
    key: &str,
    supplier: &str,
    category: &str,
    reason: (&str, &str),
    at: i64,
) -> Result<u64, StoreError> {
    sqlx::query("delete from spend_supplier where supplier_key = $1")
        .bind(key)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "insert into spend_supplier (supplier_key, supplier, category_code, placed_by, \
         updated_at) values ($1, $2, $3, 'manual', $4)",
    )
    .bind(key)
    .bind(supplier)
    .bind(category)
    .bind(at)
    .execute(&mut *conn)
    .await?;
    Ok(sqlx::query(
        "update spend_line set category_code = $2, placed_by = 'manual', reason_nl = $3, \
         reason_en = $4 where supplier_key = $1 and category_code is null",
    )
    .bind(key)
    .bind(category)
    .bind(reason.0)
    .bind(reason.1)
    .execute(&mut *conn)
    .await?
    .rows_affected())
}

/// Lines and amounts per category, for one import or all.
pub async fn totals(conn: &mut Conn, import_id: Option<&str>) -> Result<SpendTotals, StoreError> {
    let filter = if import_id.is_some() {
        " and l.import_id = $1"
    } else {
        ""
    };
    // Lines of an import still running (or failed) count nowhere.
    let sql = format!(
        "select l.category_code, cast(count(*) as bigint), \
         cast(coalesce(sum(l.amount_cents), 0) as bigint) from spend_line l \
         join spend_import i on i.id = l.import_id where i.status = 'done'{filter} \
         group by l.category_code order by 3 desc"
    );
    let mut query = sqlx::query_as::<_, (Option<String>, i64, i64)>(sqlx::AssertSqlSafe(sql));
    if let Some(id) = import_id {
        query = query.bind(id.to_string());
    }
    let by_category = query.fetch_all(&mut *conn).await?;
    Ok(SpendTotals {
        lines: by_category.iter().map(|(_, n, _)| n).sum(),
        cents: by_category.iter().map(|(_, _, c)| c).sum(),
        by_category,
    })
}

/// The unplaced suppliers with the most spend first.
pub async fn unplaced_suppliers(
    conn: &mut Conn,
    limit: i64,
) -> Result<Vec<UnplacedSupplier>, StoreError> {
    let rows: Vec<(String, String, i64, i64)> = sqlx::query_as(
        "select l.supplier_key, min(l.supplier), cast(count(*) as bigint), \
         cast(coalesce(sum(l.amount_cents), 0) as bigint) from spend_line l \
         join spend_import i on i.id = l.import_id \
         where i.status = 'done' and l.category_code is null \
         group by l.supplier_key order by 4 desc, 1 limit $1",
    )
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(supplier_key, supplier, lines, cents)| UnplacedSupplier {
            supplier_key,
            supplier,
            lines,
            cents,
        })
        .collect())
}
