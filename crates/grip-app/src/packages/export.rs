//! Exports of a package version for the tender: Markdown, JSON, DOCX and PDF, with the
//! dossier's details and data classification label. Exports go to suppliers: each is made
//! for every bidder or for one supplier, carries only the questions quoting that supplier's
//! own documents, and none of Grip's internal reasons (the JSON keeps its shape, with empty
//! reasons).

use grip_docs::CoverInfo;
use grip_knowledge::Lang;

use super::get;
use crate::{Actor, App, AppError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Docx,
    Pdf,
    Markdown,
    Json,
}

impl ExportFormat {
    pub fn parse(name: &str) -> Option<ExportFormat> {
        match name {
            "docx" => Some(ExportFormat::Docx),
            "pdf" => Some(ExportFormat::Pdf),
            "md" | "markdown" => Some(ExportFormat::Markdown),
            "json" => Some(ExportFormat::Json),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Docx => "docx",
            ExportFormat::Pdf => "pdf",
            ExportFormat::Markdown => "md",
            ExportFormat::Json => "json",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            ExportFormat::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            ExportFormat::Pdf => "application/pdf",
            ExportFormat::Markdown => "text/markdown; charset=utf-8",
            ExportFormat::Json => "application/json",
        }
    }

    pub const NAMES: &'static str = "docx, pdf, md, json";
}

/// An exported document and the name to save it under.
#[derive(Debug, Clone)]
pub struct Exported {
    pub bytes: Vec<u8>,
    pub file_name: String,
    pub media_type: &'static str,
}

/// Renders a version (the newest when None) in one format and language, addressed to one
/// supplier (by id) or, when None, to every bidder.
pub async fn export(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    version: Option<i64>,
    format: ExportFormat,
    lang: Lang,
    addressee: Option<&str>,
) -> Result<Exported, AppError> {
    let stored = get(app, actor, dossier_id, version).await?;
    let dossier = crate::dossiers::get(app, actor, dossier_id).await?;
    let addressee_name = match addressee {
        Some(id) => Some(supplier_name(app, id).await?),
        None => None,
    };
    let package = stored.package.for_addressee(addressee);
    let date_ms = stored.frozen_at.unwrap_or(stored.header.updated_at);
    let date = jiff::Timestamp::from_millisecond(date_ms)
        .map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).date())
        .map_err(|e| AppError::Internal(format!("package date: {e}")))?;
    let cover = CoverInfo {
        title: dossier.title.clone(),
        label: crate::organisation::label_names(app)
            .await?
            .name(dossier.classification_label)
            .to_string(),
        dossier_id: dossier_id.to_string(),
        date,
        category: dossier.category.as_ref().map(|c| grip_knowledge::Text {
            nl: c.name_nl.clone(),
            en: c.name_en.clone(),
        }),
        addressee: addressee_name,
    };
    let rendered = |r: Result<Vec<u8>, grip_docs::DocsError>| {
        r.map_err(|e| AppError::Internal(format!("package {}: {e}", format.extension())))
    };
    let bytes = match format {
        ExportFormat::Docx => rendered(grip_docs::render_docx(&package, lang, &cover))?,
        // Typst layout is CPU work of tens of milliseconds; keep it off the async workers.
        ExportFormat::Pdf => {
            let package = package.clone();
            let cover = cover.clone();
            let task =
                tokio::task::spawn_blocking(move || grip_docs::render_pdf(&package, lang, &cover));
            rendered(
                task.await
                    .map_err(|e| AppError::Internal(format!("PDF task: {e}")))?,
            )?
        }
        ExportFormat::Markdown => grip_docs::render_markdown(&package, lang, &cover).into_bytes(),
        ExportFormat::Json => serde_json::to_vec_pretty(&package)
            .map_err(|e| AppError::Internal(format!("package JSON: {e}")))?,
    };
    Ok(Exported {
        bytes,
        file_name: format!(
            "pakket-v{}-{}{}.{}",
            stored.version,
            short(dossier_id),
            addressee
                .map(|a| format!("-{}", short(a)))
                .unwrap_or_default(),
            format.extension()
        ),
        media_type: format.media_type(),
    })
}

/// The name of the supplier an export is addressed to; an unknown id is a field error.
async fn supplier_name(app: &App, id: &str) -> Result<String, AppError> {
    let mut conn = app.store.conn().await?;
    grip_store::catalogue::get_supplier(&mut conn, id)
        .await?
        .map(|s| s.name)
        .ok_or_else(|| {
            AppError::invalid(
                "supplier",
                "unknown_supplier",
                "invalid-provenance-unknown-supplier",
            )
        })
}

fn short(id: &str) -> &str {
    id.get(id.len().saturating_sub(8)..).unwrap_or(id)
}
