//! Errors of the DOCX and PDF renderers. Markdown rendering cannot fail; these can, when a
//! writer or the typesetter rejects the document.

/// Why a document could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum DocsError {
    /// The DOCX archive could not be written.
    #[error("DOCX schrijven mislukt / writing DOCX failed: {0}")]
    Docx(String),
    /// The document could not be handed to the typesetter as data.
    #[error("documentgegevens niet te serialiseren / document data not serialisable: {0}")]
    Data(#[from] serde_json::Error),
    /// Typst reported errors while laying out or exporting the PDF.
    #[error("PDF opmaken mislukt / typesetting PDF failed: {0}")]
    Pdf(String),
}
