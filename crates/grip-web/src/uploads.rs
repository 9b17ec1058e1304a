//! Reading several files from one multipart form (bulk screening and `POST /api/v1/screen`),
//! bounded per file, in total and in number, so a large upload is refused while it arrives.

use axum::extract::Multipart;
use axum::extract::multipart::MultipartError;
use axum::http::StatusCode;
use grip_app::AppError;
use grip_core::dossier::FieldError;

/// Most files one form may carry.
pub const MAX_FILES: usize = 500;
/// Most bytes all files of one form may carry together.
pub const MAX_TOTAL_BYTES: usize = 100 * 1024 * 1024;

/// Every file field of the form, in order; fields without a file name are skipped.
pub async fn read_file_fields(
    mut multipart: Multipart,
    per_file: usize,
) -> Result<Vec<(String, Vec<u8>)>, AppError> {
    let bad = |text: &'static str, e: MultipartError| {
        AppError::from(FieldError::new("file", "malformed_upload", text).with("detail", e))
    };
    let mut files = Vec::new();
    let mut total = 0usize;
    while let Some(mut field) = multipart
        .next_field()
        .await
        .map_err(|e| bad("invalid-unreadable-form", e))?
    {
        let Some(name) = field.file_name().map(str::to_string) else {
            continue;
        };
        if files.len() == MAX_FILES {
            return Err(FieldError::new(
                "file",
                "too_many_files",
                "invalid-too-many-files-per-form",
            )
            .with("max", MAX_FILES)
            .into());
        }
        let mut bytes = Vec::new();
        loop {
            match field.chunk().await {
                Ok(Some(chunk)) => {
                    total += chunk.len();
                    let limit = per_file.min(MAX_TOTAL_BYTES);
                    if bytes.len() + chunk.len() > per_file || total > MAX_TOTAL_BYTES {
                        return Err(AppError::TooLarge {
                            size: (bytes.len() + chunk.len()).max(total),
                            limit,
                        });
                    }
                    bytes.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                    return Err(AppError::TooLarge {
                        size: MAX_TOTAL_BYTES + 1,
                        limit: MAX_TOTAL_BYTES,
                    });
                }
                Err(e) => return Err(bad("invalid-upload-aborted", e)),
            }
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
