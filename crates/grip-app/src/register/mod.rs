//! The Algorithm Register both ways: the public listing of other organisations (`listing`),
//! and the publication standard 1.0 for the organisation's own systems: importing supplier
//! entries (`import`), reading and completing a system's entry (`entry`), and the export
//! (`export`).

mod contract;
mod entry;
mod export;
mod import;
mod listing;
mod settings;

pub use contract::import_for_contract;
pub use entry::{OwnFieldsInput, RegisterView, update_own_fields, view};
pub use export::{ExportReport, export};
pub use import::{ImportedFile, StandardImport, import_entry_into, import_file};
pub use listing::*;
pub use settings::{RegisterSettings, set_settings, settings};
