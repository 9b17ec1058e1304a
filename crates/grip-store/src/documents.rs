//! Stored documents. Content is kept once per SHA-256 in `blob` (in the database, so every
//! instance sees it); a document row links a dossier to a blob under its original name.

use crate::{Conn, StoreError, to_domain};
use grip_core::Role;
use grip_core::document::{Document, Provenance, ProvenanceKind, SupplierRef};

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
    provenance: String,
    provenance_supplier_id: Option<String>,
    provenance_supplier_name: Option<String>,
    provenance_reference: Option<String>,
    provenance_role: Option<String>,
}

/// The stored columns of a provenance: kind, supplier id, reference, role.
pub fn provenance_columns(
    p: &Provenance,
) -> (
    &'static str,
    Option<&str>,
    Option<&str>,
    Option<&'static str>,
) {
    (
        p.kind().code(),
        p.supplier().map(|s| s.id.as_str()),
        p.reference(),
        p.role().map(Role::id),
    )
}

/// Reads stored provenance columns back; a supplier document without its supplier is corrupt.
pub fn provenance_from_columns(
    kind: &str,
    supplier_id: Option<String>,
    supplier_name: Option<String>,
    reference: Option<String>,
    role: Option<String>,
) -> Result<Provenance, StoreError> {
    let bad = |what: &str| StoreError::Corrupt(format!("document provenance: {what}"));
    match ProvenanceKind::from_code(kind).ok_or_else(|| bad(kind))? {
        ProvenanceKind::Supplier => Ok(Provenance::Supplier {
            supplier: SupplierRef {
                id: supplier_id.ok_or_else(|| bad("supplier missing"))?.into(),
                name: supplier_name.unwrap_or_default(),
            },
            reference,
        }),
        ProvenanceKind::Internal => Ok(Provenance::Internal {
            role: role
                .as_deref()
                .and_then(Role::parse)
                .ok_or_else(|| bad("role missing"))?,
        }),
        ProvenanceKind::Unrecorded => Ok(Provenance::Unrecorded),
    }
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
            provenance: provenance_from_columns(
                &row.provenance,
                row.provenance_supplier_id,
                row.provenance_supplier_name,
                row.provenance_reference,
                row.provenance_role,
            )?,
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
    let (kind, supplier, reference, role) = provenance_columns(&doc.provenance);
    sqlx::query(
        "insert into document (id, dossier_id, sha256, size, media_type, original_name, \
         uploaded_by, uploaded_at, provenance, provenance_supplier_id, provenance_reference, \
         provenance_role) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(doc.id.as_str())
    .bind(doc.dossier_id.as_str())
    .bind(&doc.sha256)
    .bind(doc.size)
    .bind(&doc.media_type)
    .bind(&doc.original_name)
    .bind(&doc.uploaded_by)
    .bind(doc.uploaded_at)
    .bind(kind)
    .bind(supplier)
    .bind(reference)
    .bind(role)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

const COLUMNS: &str = "select d.id, d.dossier_id, d.sha256, d.size, d.media_type, \
    d.original_name, d.uploaded_by, d.uploaded_at, d.provenance, d.provenance_supplier_id, \
    s.name as provenance_supplier_name, d.provenance_reference, d.provenance_role \
    from document d left join supplier s on s.id = d.provenance_supplier_id";

pub async fn list_for_dossier(
    conn: &mut Conn,
    dossier_id: &str,
) -> Result<Vec<Document>, StoreError> {
    to_domain(
        sqlx::query_as::<_, DocumentRow>(sqlx::AssertSqlSafe(format!(
            "{COLUMNS} where d.dossier_id = $1 order by d.uploaded_at desc, d.id desc"
        )))
        .bind(dossier_id)
        .fetch_all(&mut *conn)
        .await?,
    )
}

pub async fn get(conn: &mut Conn, id: &str) -> Result<Option<Document>, StoreError> {
    sqlx::query_as::<_, DocumentRow>(sqlx::AssertSqlSafe(format!("{COLUMNS} where d.id = $1")))
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
