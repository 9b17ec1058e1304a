//! The Algorithm Register both ways: the public listing of other organisations (`listing`),
//! and the publication standard 1.0 for the organisation's own systems: importing supplier
//! entries (`import`), reading and completing a system's entry (`entry`), and the export
//! (`export`).

mod entry;
mod export;
mod import;
mod listing;

pub use entry::{
    OwnFieldsInput, RegisterView, contact_email, set_contact_email, update_own_fields, view,
};
pub use export::{ExportReport, export};
pub use import::{ImportedFile, StandardImport, import_entry_into, import_file};
pub use listing::*;

/// The setting that holds the organisation's contact address for the register.
const CONTACT_SETTING: &str = "register.contact_email";
