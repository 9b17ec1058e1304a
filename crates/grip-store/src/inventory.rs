//! The inventory of procured systems that contain or may contain AI, including entries
//! imported from the public Algorithm Register (keyed by their register id).

use crate::{Conn, StoreError, decode, to_domain};
use grip_core::inventory::{
    InventoryFilter, InventoryItem, InventorySource, ListedSystem, VerdictFilter,
};
use grip_core::{Page, Paging, ReadScope};

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
    Ok(id_by_source(conn, source, source_id).await?.is_some())
}

/// The item imported from `source` under `source_id`, if any.
pub async fn id_by_source(
    conn: &mut Conn,
    source: InventorySource,
    source_id: &str,
) -> Result<Option<String>, StoreError> {
    let row: Option<(String,)> =
        sqlx::query_as("select id from inventory_item where source = $1 and source_id = $2")
            .bind(source.code())
            .bind(source_id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.map(|(id,)| id))
}

const VIEW: &str = "select i.id, i.name, i.supplier_id, s.name as supplier_name, i.description, \
     i.status, i.ai_exposure, i.dossier_id, d.title as dossier_title, i.source, i.source_id, \
     i.source_organisation, i.created_at, i.updated_at from inventory_item i \
     left join supplier s on s.id = i.supplier_id left join dossier d on d.id = i.dossier_id";

/// The newest classification verdict of the item's dossier (null without one).
const VERDICT: &str = "(select c.verdict from classification c where c.dossier_id = i.dossier_id \
     order by c.created_at desc, c.id desc limit 1)";

/// The where clause of a filtered list and the values it binds, in order from `$1`. The
/// statement is assembled only from fixed fragments; every value is bound.
fn where_clause(filter: &InventoryFilter, scope: &ReadScope) -> (String, Vec<String>) {
    let mut clauses: Vec<String> = Vec::new();
    let mut values: Vec<String> = Vec::new();
    let bind = |values: &mut Vec<String>, v: String| {
        values.push(v);
        format!("${}", values.len())
    };
    if let Some(q) = filter
        .query
        .as_deref()
        .map(str::trim)
        .filter(|q| !q.is_empty())
    {
        let mark = bind(&mut values, format!("%{}%", escape_like(&q.to_lowercase())));
        clauses.push(format!(
            "(lower(i.name) like {mark} escape '\\' \
             or lower(coalesce(i.source_organisation, '')) like {mark} escape '\\')"
        ));
    }
    if let Some(scope) = filter.scope {
        let marks: Vec<String> = scope
            .sources()
            .iter()
            .map(|s| bind(&mut values, s.code().to_string()))
            .collect();
        clauses.push(format!("i.source in ({})", marks.join(", ")));
    }
    let codes = [
        ("i.source", filter.source.map(|s| s.code())),
        ("i.status", filter.status.map(|s| s.code())),
        ("i.ai_exposure", filter.exposure.map(|e| e.code())),
    ];
    for (column, code) in codes {
        if let Some(code) = code {
            let mark = bind(&mut values, code.to_string());
            clauses.push(format!("{column} = {mark}"));
        }
    }
    match &filter.verdict {
        Some(VerdictFilter::Unclassified) => clauses.push(format!("{VERDICT} is null")),
        Some(VerdictFilter::Verdict(code)) => {
            let mark = bind(&mut values, code.clone());
            clauses.push(format!("{VERDICT} = {mark}"));
        }
        None => {}
    }
    // Need-to-know: items linked to a dossier the reader may not open are left out.
    if let Some(readable) =
        crate::dossiers::readable_link_clause("i.dossier_id", scope, &mut values)
    {
        clauses.push(readable);
    }
    let sql = if clauses.is_empty() {
        String::new()
    } else {
        format!(" where {}", clauses.join(" and "))
    };
    (sql, values)
}

fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

#[derive(sqlx::FromRow)]
struct ListedRow {
    #[sqlx(flatten)]
    item: InventoryRow,
    verdict: Option<String>,
}

/// One page of the systems that pass the filter, by name, each with its dossier's verdict;
/// items linked to a dossier `scope` does not let one read are left out (rows and total).
pub async fn list(
    conn: &mut Conn,
    filter: &InventoryFilter,
    scope: &ReadScope,
    paging: Paging,
) -> Result<Page<ListedSystem>, StoreError> {
    let (where_sql, values) = where_clause(filter, scope);
    let n = values.len();
    let select = VIEW.replacen(
        " from inventory_item i",
        &format!(", {VERDICT} as verdict from inventory_item i"),
        1,
    );
    let rows_sql = format!(
        "{select}{where_sql} order by i.name, i.id limit ${} offset ${}",
        n + 1,
        n + 2
    );
    let rows: Vec<ListedRow> = crate::bound::page_rows(conn, rows_sql, &values, paging).await?;
    let count_sql = format!("select cast(count(*) as bigint) from inventory_item i{where_sql}");
    let total = crate::bound::count(conn, count_sql, &values).await?;
    let items = rows
        .into_iter()
        .map(|row| {
            Ok(ListedSystem {
                item: InventoryItem::try_from(row.item)?,
                verdict: row.verdict,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    Ok(paging.wrap(items, total))
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
