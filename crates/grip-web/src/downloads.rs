//! File downloads, for pages and API alike: stored documents and generated exports leave
//! Grip as attachments with a safe file name and are never cached.

use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};

/// A stored document as an attachment (never rendered inline: it came from outside).
pub fn file_response(row: &grip_core::document::Document, bytes: Vec<u8>) -> Response {
    attachment_response(&row.original_name, &row.media_type, bytes)
}

/// A download: the name in both the ASCII and the UTF-8 form, never cached.
pub fn attachment_response(name: &str, media_type: &str, bytes: Vec<u8>) -> Response {
    let encoded = percent_encoding::utf8_percent_encode(name, percent_encoding::NON_ALPHANUMERIC);
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_ ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut headers = HeaderMap::new();
    let disposition = format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}");
    if let Ok(v) = disposition.parse() {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    if let Ok(v) = media_type.parse() {
        headers.insert(header::CONTENT_TYPE, v);
    }
    headers.insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("private, no-store"),
    );
    (headers, bytes).into_response()
}

/// `?format=xlsx|csv` of a list's download link.
#[derive(serde::Deserialize)]
pub struct FormatQuery {
    #[serde(default)]
    pub format: String,
}

/// A table as a download: `csv` gives CSV, anything else XLSX; `stem` names the file.
pub fn table_response(
    stem: &str,
    format: &str,
    sheet: grip_workbook::Sheet,
) -> Result<Response, crate::error::PageError> {
    let failed = |e: grip_workbook::WorkbookError| {
        crate::error::PageError::from(grip_app::AppError::Internal(format!("{stem} export: {e}")))
    };
    Ok(match format {
        "csv" => attachment_response(
            &format!("{stem}.csv"),
            "text/csv; charset=utf-8",
            grip_workbook::write_csv(&sheet).map_err(failed)?,
        ),
        _ => attachment_response(
            &format!("{stem}.xlsx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            grip_workbook::write_tables(&[sheet]).map_err(failed)?,
        ),
    })
}
