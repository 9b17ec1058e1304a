//! Bids, their answers and attached documents. A bid is written once with all its answers;
//! nothing here updates an answer, so a bid stays what the supplier submitted.

use crate::{Conn, StoreError, decode, to_domain};
use grip_core::award::bid::{Bid, BidAnswer};

#[derive(sqlx::FromRow)]
struct BidRow {
    id: String,
    dossier_id: String,
    package_id: String,
    package_version: i64,
    supplier_id: String,
    supplier_name: String,
    price_cents: Option<i64>,
    source: String,
    created_by: String,
    created_at: i64,
}

impl TryFrom<BidRow> for Bid {
    type Error = StoreError;

    fn try_from(row: BidRow) -> Result<Bid, StoreError> {
        Ok(Bid {
            source: decode(&row.source, "bid source")?,
            id: row.id.into(),
            dossier_id: row.dossier_id.into(),
            package_id: row.package_id.into(),
            package_version: row.package_version,
            supplier_id: row.supplier_id.into(),
            supplier_name: row.supplier_name,
            price_cents: row.price_cents,
            created_by: row.created_by,
            created_at: row.created_at,
        })
    }
}

const BID_SELECT: &str = "select b.id, b.dossier_id, b.package_id, b.package_version, \
     b.supplier_id, s.name as supplier_name, b.price_cents, b.source, b.created_by, b.created_at \
     from bid b join supplier s on s.id = b.supplier_id";

pub async fn insert(tx: &mut Conn, bid: &Bid, answers: &[BidAnswer]) -> Result<(), StoreError> {
    sqlx::query(
        "insert into bid (id, dossier_id, package_id, package_version, supplier_id, price_cents, \
         source, created_by, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(bid.id.as_str())
    .bind(bid.dossier_id.as_str())
    .bind(bid.package_id.as_str())
    .bind(bid.package_version)
    .bind(bid.supplier_id.as_str())
    .bind(bid.price_cents)
    .bind(bid.source.code())
    .bind(&bid.created_by)
    .bind(bid.created_at)
    .execute(&mut *tx)
    .await?;
    for a in answers {
        sqlx::query(
            "insert into bid_answer (bid_id, item_key, answer, documents) values ($1, $2, $3, $4)",
        )
        .bind(bid.id.as_str())
        .bind(&a.item_key)
        .bind(&a.answer)
        .bind(&a.documents)
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

/// The bids of a dossier, oldest first.
pub async fn for_dossier(conn: &mut Conn, dossier_id: &str) -> Result<Vec<Bid>, StoreError> {
    to_domain(
        sqlx::query_as::<_, BidRow>(sqlx::AssertSqlSafe(format!(
            "{BID_SELECT} where b.dossier_id = $1 order by b.created_at, b.id"
        )))
        .bind(dossier_id)
        .fetch_all(&mut *conn)
        .await?,
    )
}

pub async fn get(conn: &mut Conn, id: &str) -> Result<Option<Bid>, StoreError> {
    sqlx::query_as::<_, BidRow>(sqlx::AssertSqlSafe(format!("{BID_SELECT} where b.id = $1")))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .map(Bid::try_from)
        .transpose()
}

/// Whether the supplier already bid on this package version.
pub async fn exists(
    conn: &mut Conn,
    package_id: &str,
    supplier_id: &str,
) -> Result<bool, StoreError> {
    let (n,): (i64,) = sqlx::query_as(
        "select cast(count(*) as bigint) from bid where package_id = $1 and supplier_id = $2",
    )
    .bind(package_id)
    .bind(supplier_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(n > 0)
}

pub async fn answers(conn: &mut Conn, bid_id: &str) -> Result<Vec<BidAnswer>, StoreError> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "select item_key, answer, documents from bid_answer where bid_id = $1 order by item_key",
    )
    .bind(bid_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(item_key, answer, documents)| BidAnswer {
            item_key,
            answer,
            documents,
        })
        .collect())
}

pub async fn attach_document(
    tx: &mut Conn,
    bid_id: &str,
    document_id: &str,
) -> Result<(), StoreError> {
    sqlx::query("insert into bid_document (bid_id, document_id) values ($1, $2)")
        .bind(bid_id)
        .bind(document_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// The ids of the documents attached to a bid.
pub async fn document_ids(conn: &mut Conn, bid_id: &str) -> Result<Vec<String>, StoreError> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select document_id from bid_document where bid_id = $1 order by document_id",
    )
    .bind(bid_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}
