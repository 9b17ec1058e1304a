//! Rendering of documents. Now: the tender package as Markdown, with the data
//! classification label at top and bottom. DOCX and PDF follow with the export work.

mod markdown;

pub use markdown::{CoverInfo, render_markdown};
