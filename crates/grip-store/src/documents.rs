//! Stored documents. Content is kept once per SHA-256 in `blob` (in the database, so every
//! instance sees it); a document row links a dossier to a blob under its original name.

use crate::{Conn, StoreError, to_domain};
use grip_core::document::Document;

#[derive(sqlx::FromRow)]
struct DocumentRow {
    id: String,
    dossier_id: String,
    sha256: String,
    size: i64,
    media_type: String,
    original_name: String,
    uploaded_by: String,
    uploaded_at: i64,
}

impl TryFrom<DocumentRow> for Document {
    type Error = StoreError;

    fn try_from(row: DocumentRow) -> Result<Document, StoreError> {
        Ok(Document {
            id: row.id.into(),
            dossier_id: row.dossier_id.into(),
            sha256: row.sha256,
            size: row.size,
            media_type: row.media_type,
            original_name: row.original_name,
            uploaded_by: row.uploaded_by,
            uploaded_at: row.uploaded_at,
        })
    }
}

/// Stores content under its hash; storing the same content twice keeps one copy.
pub async fn put_blob(tx: &mut Conn, sha256: &str, content: &[u8]) -> Result<(), StoreError> {
    sqlx::query(
        "insert into blob (sha256, size, content) values ($1, $2, $3) \
         on conflict (sha256) do nothing",
    )
    .bind(sha256)
    .bind(content.len() as i64)
    .bind(content.to_vec())
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub async fn insert(tx: &mut Conn, doc: &Document) -> Result<(), StoreError> {
    sqlx::query(
        "insert into document (id, dossier_id, sha256, size, media_type, original_name, \
         uploaded_by, uploaded_at) values ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(doc.id.as_str())
    .bind(doc.dossier_id.as_str())
    .bind(&doc.sha256)
    .bind(doc.size)
    .bind(&doc.media_type)
    .bind(&doc.original_name)
    .bind(&doc.uploaded_by)
    .bind(doc.uploaded_at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

const COLUMNS: &str = "select id, dossier_id, sha256, size, media_type, original_name, uploaded_by, uploaded_at from document";

pub async fn list_for_dossier(
    conn: &mut Conn,
    dossier_id: &str,
) -> Result<Vec<Document>, StoreError> {
    to_domain(
        sqlx::query_as::<_, DocumentRow>(sqlx::AssertSqlSafe(format!(
            "{COLUMNS} where dossier_id = $1 order by uploaded_at desc, id desc"
        )))
        .bind(dossier_id)
        .fetch_all(&mut *conn)
        .await?,
    )
}

pub async fn get(conn: &mut Conn, id: &str) -> Result<Option<Document>, StoreError> {
    sqlx::query_as::<_, DocumentRow>(sqlx::AssertSqlSafe(format!("{COLUMNS} where id = $1")))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .map(Document::try_from)
        .transpose()
}

pub async fn blob_content(conn: &mut Conn, sha256: &str) -> Result<Option<Vec<u8>>, StoreError> {
    let row: Option<(Vec<u8>,)> = sqlx::query_as("select content from blob where sha256 = $1")
        .bind(sha256)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(|(c,)| c))
}
