//! Grip's domain: the entities (dossiers, documents, catalogue, inventory, people), their
//! typed ids and closed value sets, roles and rights, phases and the audit-chain rules.
//! Pure code: no database, no HTTP, no clock. Every other crate speaks these types.

#[macro_use]
pub mod code_enum;
pub mod audit;
pub mod audit_event;
pub mod award;
pub mod catalogue;
pub mod checklist;
pub mod contract;
pub mod document;
pub mod dossier;
pub mod ids;
pub mod inventory;
pub mod label;
pub mod model;
pub mod obligation;
pub mod package;
pub mod page;
pub mod phase;
pub mod rights;
pub mod role;
pub mod screening_job;
pub mod spend;
pub mod user;

pub use label::{DataLabel, LabelNames};
pub use obligation::ObligationStatus;
pub use page::{Page, Paging};
pub use phase::Phase;
pub use rights::{Action, Actor, ReadPolicy, ReadScope};
pub use role::Role;
