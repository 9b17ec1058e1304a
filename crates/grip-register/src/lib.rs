//! The Dutch Algorithm Register publication standard 1.0, modelled in Grip's own code: its
//! fields and their limits (`standard`), a typed entry (`entry`), reading supplier and
//! register files (`read`), checking (`validate`), the publication category from the AI Act
//! classification (`publication`) and the export (`export`). Pure: no I/O, no clock.

pub mod entry;
pub mod export;
pub mod finding;
pub mod html;
pub mod publication;
pub mod read;
pub mod standard;
pub mod validate;

pub use entry::{LinkRef, PublicationCategory, RegisterEntry, RegisterStatus};
pub use export::{Export, OrganisationFields};
pub use finding::{Finding, Issue};
pub use publication::{ClassificationFacts, Destination, Publication};
pub use read::{FileError, ReadFile, read_file};
