//! Grip's domain: roles and rights, acquisition phases, dossiers and the audit-chain rules.
//! Pure code: no database, no HTTP, no clock. Every other crate speaks these types.

pub mod audit;
pub mod dossier;
pub mod obligation;
pub mod package;
pub mod phase;
pub mod rights;
pub mod role;

pub use obligation::ObligationStatus;
pub use phase::Phase;
pub use rights::{Action, Actor};
pub use role::Role;
