//! Documents attached to a dossier: checked for size and type (by content, never by name)
//! before anything is stored, stored once per SHA-256, and read back for download.

use crate::access::require_on_dossier;
use crate::record::commit_with_event;
use crate::{Action, Actor, App, AppError, now_ms};
use grip_core::audit_event as ev;
use grip_core::document::{CheckedProvenance, Document, Provenance, ProvenanceInput, SupplierRef};
use grip_store::audit::NewEvent;
use grip_store::documents;
use sha2::{Digest, Sha256};

pub const MAX_NAME_CHARS: usize = 200;

/// The document types Grip accepts, as detected from the bytes.
pub const ACCEPTED: &str = "PDF, DOCX, ODT, HTML, TXT, Markdown";

/// Detects the media type from the content; the name only tells Markdown from plain text.
pub fn sniff_media_type(bytes: &[u8], name: &str) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        return Some("application/pdf");
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return sniff_zip(bytes);
    }
    let text = decode_text(bytes)?;
    let head = text
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return Some("text/html");
    }
    if name.to_lowercase().ends_with(".md") || name.to_lowercase().ends_with(".markdown") {
        return Some("text/markdown");
    }
    Some("text/plain")
}

fn sniff_zip(bytes: &[u8]) -> Option<&'static str> {
    let contains = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    if contains(b"mimetypeapplication/vnd.oasis.opendocument.text") {
        Some("application/vnd.oasis.opendocument.text")
    } else if contains(b"word/document.xml") {
        Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    } else {
        None
    }
}

/// Text if the bytes are UTF-8, UTF-16 with a byte-order mark, or printable single-byte text.
fn decode_text(bytes: &[u8]) -> Option<String> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let little = bytes[0] == 0xFF;
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| {
                if little {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        return String::from_utf16(&units).ok();
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let controls = body
        .iter()
        .filter(|b| **b < 0x20 && !matches!(**b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    if controls > 0 {
        return None;
    }
    match std::str::from_utf8(body) {
        Ok(text) => Some(text.to_string()),
        // Windows-1252 and Latin-1 text: every byte is a character; accept it as text.
        Err(_) => Some(body.iter().map(|b| char::from(*b)).collect()),
    }
}

/// Keeps the last path component, drops control characters, bounds the length.
pub fn clean_file_name(name: &str) -> Result<String, AppError> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base.chars().filter(|c| !c.is_control()).collect();
    let cleaned = cleaned.trim().to_string();
    if cleaned.is_empty() || cleaned == "." || cleaned == ".." {
        return Err(AppError::invalid(
            "file",
            "missing_name",
            "invalid-file-missing-name",
        ));
    }
    if cleaned.chars().count() > MAX_NAME_CHARS {
        return Err(grip_core::dossier::FieldError::new(
            "file",
            "name_too_long",
            "invalid-file-name-too-long",
        )
        .with("max", MAX_NAME_CHARS)
        .into());
    }
    Ok(cleaned)
}

/// Checks an upload without storing anything; returns the cleaned name and detected type.
pub fn check_upload(
    app: &App,
    name: &str,
    bytes: &[u8],
) -> Result<(String, &'static str), AppError> {
    let name = clean_file_name(name)?;
    if bytes.is_empty() {
        return Err(AppError::invalid(
            "file",
            "empty_file",
            "invalid-file-empty",
        ));
    }
    if bytes.len() > app.limits.max_document_bytes {
        return Err(AppError::TooLarge {
            size: bytes.len(),
            limit: app.limits.max_document_bytes,
        });
    }
    let media_type = sniff_media_type(bytes, &name).ok_or_else(|| {
        AppError::UnsupportedMedia(format!(
            "Het bestandstype van '{name}' wordt niet ondersteund; toegestaan: {ACCEPTED}."
        ))
    })?;
    Ok((name, media_type))
}

pub async fn upload(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    name: &str,
    bytes: &[u8],
    provenance: &ProvenanceInput,
) -> Result<Document, AppError> {
    // Rights first: nobody without them makes the server parse 25 MB.
    let stated = {
        let mut conn = app.store.conn().await?;
        may_upload(&mut conn, actor, dossier_id).await?;
        let stated = provenance.check()?;
        resolve_provenance(&mut conn, &stated).await?;
        stated
    };
    let (name, media_type) = check_upload(app, name, bytes)?;
    // Extraction and screening are CPU work that can take seconds: on a blocking thread, so
    // the async workers stay free for other requests, and before the write transaction.
    let screening = {
        let (name, bytes) = (name.clone(), bytes.to_vec());
        tokio::task::spawn_blocking(move || crate::screening::screen(&name, &bytes))
            .await
            .map_err(|e| AppError::Internal(format!("screening task: {e}")))??
    };
    let sha256 = hex::encode(Sha256::digest(bytes));
    let mut tx = app.store.begin_write().await?;
    // Again inside the transaction: membership may have changed while screening ran.
    may_upload(&mut tx, actor, dossier_id).await?;
    let provenance = resolve_provenance(&mut tx, &stated).await?;
    let now = now_ms();
    documents::put_blob(&mut tx, &sha256, bytes).await?;
    let accepted = Accepted {
        name,
        media_type: media_type.into(),
        sha256,
        size: bytes.len() as i64,
        provenance,
    };
    let (row, uploaded) =
        store_screened(&mut tx, actor, dossier_id, accepted, &screening, now).await?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &actor.username,
            dossier: Some(dossier_id),
            event: uploaded.into(),
        },
    )
    .await?;
    Ok(row)
}

/// The dossier exists and the actor may upload to it.
pub(crate) async fn may_upload(
    conn: &mut grip_store::Conn,
    actor: &Actor,
    dossier_id: &str,
) -> Result<(), AppError> {
    grip_store::dossiers::get(conn, dossier_id)
        .await?
        .ok_or(AppError::NotFound("dossier"))?;
    require_on_dossier(conn, actor, Action::UploadDocument, dossier_id).await?;
    Ok(())
}

/// Finds the stated supplier in the catalogue; an unknown supplier is a field error.
pub(crate) async fn resolve_provenance(
    conn: &mut grip_store::Conn,
    stated: &CheckedProvenance,
) -> Result<Provenance, AppError> {
    match stated {
        CheckedProvenance::Internal { role } => Ok(Provenance::Internal { role: *role }),
        CheckedProvenance::Supplier {
            supplier_id,
            reference,
        } => {
            let supplier = grip_store::catalogue::get_supplier(conn, supplier_id)
                .await?
                .ok_or_else(|| {
                    AppError::invalid(
                        "supplier_id",
                        "unknown_supplier",
                        "invalid-provenance-unknown-supplier",
                    )
                })?;
            Ok(Provenance::Supplier {
                supplier: SupplierRef {
                    id: supplier.id,
                    name: supplier.name,
                },
                reference: reference.clone(),
            })
        }
    }
}

/// An upload that passed the checks, its content already in `blob`.
pub(crate) struct Accepted {
    pub name: String,
    pub media_type: String,
    pub sha256: String,
    pub size: i64,
    pub provenance: Provenance,
}

/// Stores a checked and screened upload as a dossier document with its screening, and
/// returns the row and the payload of its `document.uploaded` event. Single uploads and
/// bulk screening jobs both come through here, so their documents are stored alike.
pub(crate) async fn store_screened(
    tx: &mut grip_store::Conn,
    actor: &Actor,
    dossier_id: &str,
    accepted: Accepted,
    screening: &crate::screening::Screening,
    now: i64,
) -> Result<(Document, ev::DocumentUploaded), AppError> {
    let row = Document {
        id: grip_store::new_id().into(),
        dossier_id: dossier_id.into(),
        sha256: accepted.sha256,
        size: accepted.size,
        media_type: accepted.media_type,
        original_name: accepted.name,
        uploaded_by: actor.user_id.clone(),
        uploaded_at: now,
        provenance: accepted.provenance,
    };
    let uploaded = insert_screened(tx, &row, screening, now).await?;
    Ok((row, uploaded))
}

/// Inserts a document row together with its screening (upload, bulk job and demo), and
/// returns the payload of its `document.uploaded` event.
pub(crate) async fn insert_screened(
    tx: &mut grip_store::Conn,
    row: &Document,
    screening: &crate::screening::Screening,
    now: i64,
) -> Result<ev::DocumentUploaded, AppError> {
    documents::insert(tx, row).await?;
    // A supplier who sent a document to the dossier is a party to it.
    if let Some(supplier) = row.provenance.supplier() {
        grip_store::dossiers::link_supplier(tx, &row.dossier_id, &supplier.id).await?;
    }
    let screening_row = crate::screening::row_for(&row.id, screening, now)?;
    grip_store::screenings::insert(tx, &screening_row).await?;
    Ok(ev::DocumentUploaded {
        document_id: row.id.to_string(),
        name: row.original_name.clone(),
        sha256: row.sha256.clone(),
        size: row.size,
        media_type: row.media_type.clone(),
        verdict: crate::screening::verdict_name(screening.verdict),
        screening_job_id: None,
        provenance: row.provenance.clone(),
    })
}

pub async fn get(app: &App, actor: &Actor, id: &str) -> Result<Document, AppError> {
    crate::access::require(actor, Action::Read)?;
    let mut conn = app.store.conn().await?;
    let document = documents::get(&mut conn, id)
        .await?
        .ok_or(AppError::NotFound("document"))?;
    crate::access::require_read_of(&mut conn, actor, &document.dossier_id, "document").await?;
    Ok(document)
}

pub async fn download(app: &App, actor: &Actor, id: &str) -> Result<(Document, Vec<u8>), AppError> {
    let row = get(app, actor, id).await?;
    let mut conn = app.store.conn().await?;
    let bytes = documents::blob_content(&mut conn, &row.sha256)
        .await?
        .ok_or_else(|| AppError::Internal(format!("content {} is missing", row.sha256)))?;
    Ok((row, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_are_detected_from_content_not_name() {
        assert_eq!(
            sniff_media_type(b"%PDF-1.7 ...", "a.txt"),
            Some("application/pdf")
        );
        assert_eq!(
            sniff_media_type(b"Hallo wereld", "offerte.pdf"),
            Some("text/plain")
        );
        assert_eq!(
            sniff_media_type(b"# Kop", "notitie.md"),
            Some("text/markdown")
        );
        assert_eq!(
            sniff_media_type(b"  <!DOCTYPE html><p>x", "x"),
            Some("text/html")
        );
        assert_eq!(sniff_media_type(b"\x00\x01\x02garbage", "x.pdf"), None);
        assert_eq!(sniff_media_type(b"PK\x03\x04 random zip", "x.docx"), None);
        assert_eq!(
            sniff_media_type(b"\xFF\xFEh\x00i\x00", "u16.txt"),
            Some("text/plain")
        );
        assert_eq!(
            sniff_media_type(b"caf\xe9", "cp1252.txt"),
            Some("text/plain")
        );
    }

    #[test]
    fn file_names_lose_paths_and_control_characters() {
        assert_eq!(
            clean_file_name("C:\\temp\\..\\offerte.pdf").unwrap(),
            "offerte.pdf"
        );
        assert_eq!(clean_file_name("../../etc/passwd").unwrap(), "passwd");
        assert_eq!(clean_file_name("a\u{0}b.txt").unwrap(), "ab.txt");
        assert!(clean_file_name("dir/").is_err());
        assert!(clean_file_name(&"x".repeat(300)).is_err());
    }
}
