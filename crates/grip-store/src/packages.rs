//! Tender packages and their items. A package row is one version; only drafts are written
//! (every update names `state = 'draft'`), so a frozen version cannot change through here.

use crate::{Conn, StoreError, corrupt, to_domain};
use grip_core::package::{PackageState, PackageVersion};
use serde::Serialize;

#[derive(sqlx::FromRow)]
struct PackageRow {
    id: String,
    dossier_id: String,
    version: i64,
    state: String,
    title: String,
    category: String,
    verdict: String,
    knowledge: String,
    slots: String,
    created_by: String,
    created_at: i64,
    updated_at: i64,
    frozen_by: Option<String>,
    frozen_at: Option<i64>,
    content_hash: Option<String>,
    inputs: String,
}

impl TryFrom<PackageRow> for PackageVersion {
    type Error = StoreError;

    fn try_from(row: PackageRow) -> Result<PackageVersion, StoreError> {
        Ok(PackageVersion {
            state: PackageState::parse(&row.state)
                .ok_or_else(|| corrupt("package state", &row.state))?,
            id: row.id.into(),
            dossier_id: row.dossier_id.into(),
            version: row.version,
            title: row.title,
            category: row.category,
            verdict: row.verdict,
            knowledge: row.knowledge,
            slots: row.slots,
            created_by: row.created_by,
            created_at: row.created_at,
            updated_at: row.updated_at,
            frozen_by: row.frozen_by,
            frozen_at: row.frozen_at,
            content_hash: row.content_hash,
            inputs: row.inputs,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ItemRow {
    pub package_id: String,
    pub item_key: String,
    pub section: String,
    pub ordinal: i64,
    pub knowledge_id: String,
    pub title_nl: Option<String>,
    pub title_en: Option<String>,
    pub text_nl: String,
    pub text_en: String,
    pub original_nl: String,
    pub original_en: String,
    pub use_kind: String,
    pub reason_nl: String,
    pub reason_en: String,
    pub purpose_nl: Option<String>,
    pub purpose_en: Option<String>,
    pub secures_nl: Option<String>,
    pub secures_en: Option<String>,
    pub source: Option<String>,
    pub award_group: Option<String>,
    pub weight: Option<i64>,
    /// The supplier an item quoting their document is addressed to.
    pub supplier_id: Option<String>,
}

const PACKAGE_COLUMNS: &str = "select id, dossier_id, version, state, title, category, verdict, \
     knowledge, slots, created_by, created_at, updated_at, frozen_by, frozen_at, content_hash, \
     inputs from tender_package";

const ITEM_COLUMNS: &str = "select package_id, item_key, section, ordinal, knowledge_id, \
     title_nl, title_en, text_nl, text_en, original_nl, original_en, use_kind, reason_nl, \
     reason_en, purpose_nl, purpose_en, secures_nl, secures_en, source, award_group, weight, \
     supplier_id from tender_package_item";

pub async fn insert(tx: &mut Conn, p: &PackageVersion) -> Result<(), StoreError> {
    sqlx::query(
        "insert into tender_package (id, dossier_id, version, state, title, category, verdict, \
         knowledge, slots, created_by, created_at, updated_at, frozen_by, frozen_at, \
         content_hash, inputs) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
    )
    .bind(p.id.as_str())
    .bind(p.dossier_id.as_str())
    .bind(p.version)
    .bind(p.state.id())
    .bind(&p.title)
    .bind(&p.category)
    .bind(&p.verdict)
    .bind(&p.knowledge)
    .bind(&p.slots)
    .bind(&p.created_by)
    .bind(p.created_at)
    .bind(p.updated_at)
    .bind(&p.frozen_by)
    .bind(p.frozen_at)
    .bind(&p.content_hash)
    .bind(&p.inputs)
    .execute(&mut *tx)
    .await
    .map_err(|e| StoreError::conflict_or(e, "package version"))?;
    Ok(())
}

pub async fn insert_item(tx: &mut Conn, i: &ItemRow) -> Result<(), StoreError> {
    sqlx::query(
        "insert into tender_package_item (package_id, item_key, section, ordinal, knowledge_id, \
         title_nl, title_en, text_nl, text_en, original_nl, original_en, use_kind, reason_nl, \
         reason_en, purpose_nl, purpose_en, secures_nl, secures_en, source, award_group, weight, \
         supplier_id) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, \
         $16, $17, $18, $19, $20, $21, $22)",
    )
    .bind(&i.package_id)
    .bind(&i.item_key)
    .bind(&i.section)
    .bind(i.ordinal)
    .bind(&i.knowledge_id)
    .bind(&i.title_nl)
    .bind(&i.title_en)
    .bind(&i.text_nl)
    .bind(&i.text_en)
    .bind(&i.original_nl)
    .bind(&i.original_en)
    .bind(&i.use_kind)
    .bind(&i.reason_nl)
    .bind(&i.reason_en)
    .bind(&i.purpose_nl)
    .bind(&i.purpose_en)
    .bind(&i.secures_nl)
    .bind(&i.secures_en)
    .bind(&i.source)
    .bind(&i.award_group)
    .bind(i.weight)
    .bind(&i.supplier_id)
    .execute(&mut *tx)
    .await
    .map_err(|e| StoreError::conflict_or(e, &format!("package item '{}'", i.item_key)))?;
    Ok(())
}

/// The newest version of the dossier's package (draft or frozen).
pub async fn latest(
    conn: &mut Conn,
    dossier_id: &str,
) -> Result<Option<PackageVersion>, StoreError> {
    sqlx::query_as::<_, PackageRow>(sqlx::AssertSqlSafe(format!(
        "{PACKAGE_COLUMNS} where dossier_id = $1 order by version desc limit 1"
    )))
    .bind(dossier_id)
    .fetch_optional(&mut *conn)
    .await?
    .map(PackageVersion::try_from)
    .transpose()
}

pub async fn by_version(
    conn: &mut Conn,
    dossier_id: &str,
    version: i64,
) -> Result<Option<PackageVersion>, StoreError> {
    sqlx::query_as::<_, PackageRow>(sqlx::AssertSqlSafe(format!(
        "{PACKAGE_COLUMNS} where dossier_id = $1 and version = $2"
    )))
    .bind(dossier_id)
    .bind(version)
    .fetch_optional(&mut *conn)
    .await?
    .map(PackageVersion::try_from)
    .transpose()
}

/// Every version of the dossier's package, newest first.
pub async fn versions(
    conn: &mut Conn,
    dossier_id: &str,
) -> Result<Vec<PackageVersion>, StoreError> {
    to_domain(
        sqlx::query_as::<_, PackageRow>(sqlx::AssertSqlSafe(format!(
            "{PACKAGE_COLUMNS} where dossier_id = $1 order by version desc"
        )))
        .bind(dossier_id)
        .fetch_all(&mut *conn)
        .await?,
    )
}

/// Items in section order as stored, then by ordinal.
pub async fn items(conn: &mut Conn, package_id: &str) -> Result<Vec<ItemRow>, StoreError> {
    Ok(sqlx::query_as::<_, ItemRow>(sqlx::AssertSqlSafe(format!(
        "{ITEM_COLUMNS} where package_id = $1 order by ordinal, item_key"
    )))
    .bind(package_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// Replaces an item's editable fields; false when the package is not a draft (any more).
pub async fn update_item(tx: &mut Conn, i: &ItemRow) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "update tender_package_item set text_nl = $3, text_en = $4, use_kind = $5, \
         weight = $6, ordinal = $7, title_nl = $8, title_en = $9 \
         where package_id = $1 and item_key = $2 and package_id in \
         (select id from tender_package where id = $1 and state = 'draft')",
    )
    .bind(&i.package_id)
    .bind(&i.item_key)
    .bind(&i.text_nl)
    .bind(&i.text_en)
    .bind(&i.use_kind)
    .bind(i.weight)
    .bind(i.ordinal)
    .bind(&i.title_nl)
    .bind(&i.title_en)
    .execute(&mut *tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn delete_item(tx: &mut Conn, package_id: &str, key: &str) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "delete from tender_package_item where package_id = $1 and item_key = $2 and \
         package_id in (select id from tender_package where id = $1 and state = 'draft')",
    )
    .bind(package_id)
    .bind(key)
    .execute(&mut *tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Removes a draft with its items (when it is regenerated); false when it is not a draft.
pub async fn delete_draft(tx: &mut Conn, package_id: &str) -> Result<bool, StoreError> {
    sqlx::query(
        "delete from tender_package_item where package_id in \
         (select id from tender_package where id = $1 and state = 'draft')",
    )
    .bind(package_id)
    .execute(&mut *tx)
    .await?;
    let done = sqlx::query("delete from tender_package where id = $1 and state = 'draft'")
        .bind(package_id)
        .execute(&mut *tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Marks a draft as touched; false when it is not a draft.
pub async fn touch(tx: &mut Conn, package_id: &str, now: i64) -> Result<bool, StoreError> {
    let done =
        sqlx::query("update tender_package set updated_at = $2 where id = $1 and state = 'draft'")
            .bind(package_id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// Freezes a draft; false when it was no longer a draft.
pub async fn freeze(
    tx: &mut Conn,
    package_id: &str,
    by: &str,
    at: i64,
    content_hash: &str,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "update tender_package set state = 'frozen', frozen_by = $2, frozen_at = $3, \
         content_hash = $4, updated_at = $3 where id = $1 and state = 'draft'",
    )
    .bind(package_id)
    .bind(by)
    .bind(at)
    .bind(content_hash)
    .execute(&mut *tx)
    .await?;
    Ok(done.rows_affected() == 1)
}
