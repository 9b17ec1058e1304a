//! Reading files from a multipart form, for pages and API alike: one document upload, or many
//! files at once (bulk screening, `POST /api/v1/screen`). Bounded per file, in total and in
//! number, so a large upload is refused while it arrives.

use std::collections::BTreeMap;

use axum::extract::Multipart;
use axum::extract::multipart::MultipartError;
use axum::http::StatusCode;
use grip_app::AppError;
use grip_core::document::ProvenanceInput;
use grip_core::dossier::FieldError;

/// Longest value of a plain (non-file) form field, and most such fields per form.
const MAX_TEXT_FIELD_BYTES: usize = 4096;
const MAX_TEXT_FIELDS: usize = 32;

/// The plain fields of an upload form, by name.
#[derive(Debug, Default)]
pub struct FormFields(BTreeMap<String, String>);

impl FormFields {
    pub fn get(&self, name: &str) -> Option<String> {
        self.0.get(name).cloned()
    }

    /// The document's stated origin: `provenance` (`supplier` or `internal`), `supplier_id`,
    /// `reference` (bid or notice) and `role`.
    pub fn provenance(&self) -> ProvenanceInput {
        ProvenanceInput {
            kind: self.get("provenance"),
            supplier_id: self.get("supplier_id"),
            reference: self.get("reference"),
            role: self.get("role"),
        }
    }
}

/// One document and the form's other fields.
pub async fn read_document_form(
    multipart: Multipart,
    limit: usize,
) -> Result<((String, Vec<u8>), FormFields), AppError> {
    let mut reader = FileReader::new(multipart, limit, limit);
    let mut file = None;
    while let Some((name, bytes)) = reader.next_file().await? {
        if file.is_none() && !(name.is_empty() && bytes.is_empty()) {
            file = Some((name, bytes));
        }
    }
    let file =
        file.ok_or_else(|| AppError::invalid("file", "missing_file", "invalid-choose-file"))?;
    Ok((file, reader.fields))
}

/// At most one file (none chosen is fine) and the form's other fields: for forms where a
/// file replaces a text field (a baseline typed or uploaded).
pub async fn read_optional_file_form(
    multipart: Multipart,
    limit: usize,
) -> Result<(Option<(String, Vec<u8>)>, FormFields), AppError> {
    let mut reader = FileReader::new(multipart, limit, limit);
    reader.text_limit = limit;
    let mut file = None;
    while let Some((name, bytes)) = reader.next_file().await? {
        if file.is_none() && !bytes.is_empty() {
            file = Some((name, bytes));
        }
    }
    Ok((file, reader.fields))
}

/// Every file of the form (as [`read_file_fields`]) and the form's other fields.
pub async fn read_files_form(
    multipart: Multipart,
    per_file: usize,
) -> Result<(Vec<(String, Vec<u8>)>, FormFields), AppError> {
    let mut reader = FileReader::new(multipart, per_file, MAX_TOTAL_BYTES);
    let files = collect_files(&mut reader).await?;
    Ok((files, reader.fields))
}

/// Most files one form may carry.
pub const MAX_FILES: usize = 500;
/// Most bytes all files of one form may carry together.
pub const MAX_TOTAL_BYTES: usize = 100 * 1024 * 1024;

/// Every file field of the form, in order, at most `per_file` bytes each and
/// [`MAX_TOTAL_BYTES`] together; fields without a file name are skipped.
pub async fn read_file_fields(
    multipart: Multipart,
    per_file: usize,
) -> Result<Vec<(String, Vec<u8>)>, AppError> {
    let mut reader = FileReader::new(multipart, per_file, MAX_TOTAL_BYTES);
    collect_files(&mut reader).await
}

async fn collect_files(reader: &mut FileReader) -> Result<Vec<(String, Vec<u8>)>, AppError> {
    let mut files = Vec::new();
    while let Some((name, bytes)) = reader.next_file().await? {
        if files.len() == MAX_FILES {
            return Err(FieldError::new(
                "file",
                "too_many_files",
                "invalid-too-many-files-per-form",
            )
            .with("max", MAX_FILES)
            .into());
        }
        // Browsers send an empty file field when nothing was chosen.
        if name.is_empty() && bytes.is_empty() {
            continue;
        }
        files.push((name, bytes));
    }
    if files.is_empty() {
        return Err(AppError::invalid(
            "file",
            "missing_file",
            "invalid-no-files",
        ));
    }
    Ok(files)
}

/// Reads the file fields of one form one by one, counting bytes per file and in total.
struct FileReader {
    multipart: Multipart,
    per_file: usize,
    total_limit: usize,
    total: usize,
    fields: FormFields,
    /// Longest plain field.
    text_limit: usize,
}

impl FileReader {
    fn new(multipart: Multipart, per_file: usize, total_limit: usize) -> FileReader {
        FileReader {
            multipart,
            per_file,
            total_limit,
            total: 0,
            fields: FormFields::default(),
            text_limit: MAX_TEXT_FIELD_BYTES,
        }
    }

    /// The next field that carries a file name, with its bytes; `None` at the end of the form.
    async fn next_file(&mut self) -> Result<Option<(String, Vec<u8>)>, AppError> {
        let bad = |text: &'static str, e: MultipartError| {
            AppError::from(FieldError::new("file", "malformed_upload", text).with("detail", e))
        };
        let total_limit = self.total_limit;
        while let Some(mut field) = self.multipart.next_field().await.map_err(|e| {
            // The body limit can stop a form between fields as well as inside one.
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                AppError::TooLarge {
                    size: total_limit + 1,
                    limit: total_limit,
                }
            } else {
                bad("invalid-unreadable-form", e)
            }
        })? {
            let Some(name) = field.file_name().map(str::to_string) else {
                keep_text_field(&mut self.fields, field, self.text_limit).await?;
                continue;
            };
            let mut bytes = Vec::new();
            loop {
                match field.chunk().await {
                    Ok(Some(chunk)) => {
                        self.total += chunk.len();
                        let size = bytes.len() + chunk.len();
                        if size > self.per_file || self.total > self.total_limit {
                            return Err(AppError::TooLarge {
                                size: size.max(self.total),
                                limit: self.per_file.min(self.total_limit),
                            });
                        }
                        bytes.extend_from_slice(&chunk);
                    }
                    Ok(None) => break,
                    // The body limit of the route stopped the upload.
                    Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                        return Err(AppError::TooLarge {
                            size: self.total_limit + 1,
                            limit: self.total_limit,
                        });
                    }
                    Err(e) => return Err(bad("invalid-upload-aborted", e)),
                }
            }
            return Ok(Some((name, bytes)));
        }
        Ok(None)
    }
}

/// Keeps a plain field's text (bounded in size and number); others are ignored.
async fn keep_text_field(
    fields: &mut FormFields,
    field: axum::extract::multipart::Field<'_>,
    limit: usize,
) -> Result<(), AppError> {
    let Some(name) = field.name().map(str::to_string) else {
        return Ok(());
    };
    let text = field.text().await.map_err(|e| {
        AppError::from(
            FieldError::new(name.clone(), "malformed_upload", "invalid-unreadable-form")
                .with("detail", e),
        )
    })?;
    if text.len() > limit || fields.0.len() >= MAX_TEXT_FIELDS {
        return Err(FieldError::new(name, "too_long", "invalid-text-too-long")
            .with("max", limit)
            .into());
    }
    fields.0.insert(name, text);
    Ok(())
}
