//! Rendering of documents (DOCX, PDF, Markdown). Filled by the tender-package work.
