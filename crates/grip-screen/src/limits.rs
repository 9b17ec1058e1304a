//! Resource limits applied while extracting text from untrusted documents.
//! Every limit turns into a typed [`crate::ExtractError`] instead of a panic or unbounded memory.

use std::time::Duration;

/// Bounds for one document. The defaults suit supplier offers, manuals and release notes.
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// Largest input accepted, in bytes.
    pub max_file_bytes: usize,
    /// Most PDF pages read.
    pub max_pages: usize,
    /// Most entries a DOCX/ODT container may hold.
    pub max_zip_entries: usize,
    /// Most bytes all ZIP entries together may declare uncompressed.
    pub max_uncompressed_bytes: u64,
    /// Highest uncompressed/compressed ratio of any one entry (ZIP bombs).
    pub max_expansion_ratio: u64,
    /// Deepest XML/HTML element nesting accepted.
    pub max_xml_depth: usize,
    /// Most bytes of extracted text kept (UTF-8).
    pub max_text_bytes: usize,
    /// Wall-clock time per document; checked between pages and elements.
    pub max_duration: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 50 * 1024 * 1024,
            max_pages: 2_000,
            max_zip_entries: 5_000,
            max_uncompressed_bytes: 200 * 1024 * 1024,
            max_expansion_ratio: 200,
            max_xml_depth: 256,
            max_text_bytes: 20_000_000,
            max_duration: Duration::from_secs(30),
        }
    }
}
