//! Persistence for Grip on SQLite (embedded default) and PostgreSQL (scale-out), through one
//! set of portable SQL statements on sqlx's `Any` driver. Only this crate knows SQL.
//! Writes happen inside a `WriteTx` opened by grip-app, which also appends the audit event.

pub mod audit;
pub mod bids;
mod bound;
pub mod catalogue;
pub mod checklists;
pub mod classifications;
mod connect;
pub mod contracts;
pub mod decisions;
pub mod documents;
pub mod dossiers;
mod error;
pub mod home;
pub mod inventory;
pub mod models;
pub mod organisation;
pub mod packages;
pub mod portfolio;
pub mod register_entries;
pub mod scores;
pub mod screening_jobs;
pub mod screenings;
pub mod sessions;
pub mod settings;
pub mod spend;
pub mod users;

pub use connect::{Backend, DatabaseTarget, Store};
pub use error::StoreError;
pub use grip_core::{Page, Paging};

/// A connection, either from the pool (reads) or inside a transaction (writes).
pub type Conn = sqlx::AnyConnection;
/// A write transaction; commit it to keep the change and its audit event together.
pub type WriteTx = sqlx::Transaction<'static, sqlx::Any>;

/// Booleans are stored as smallint 0/1 (the `Any` driver cannot decode SQLite booleans).
pub(crate) fn flag(value: bool) -> i16 {
    i16::from(value)
}

/// A nullable real bound as two always-typed parameters: a presence flag and a value, picked
/// in SQL with `case when $flag <> 0 then $value end`. sqlx's `Any` driver binds a NULL `f64`
/// as PostgreSQL `float4` (and a NULL `f32` as `float8`) and caches the prepared statement per
/// connection with that type, so a later non-NULL value on the same connection fails ("incorrect
/// binary data format"). Integer, text, boolean and blob NULLs keep their type and need no help.
pub(crate) fn nullable_real(value: Option<f64>) -> (i16, f64) {
    match value {
        Some(v) => (1, v),
        None => (0, 0.0),
    }
}

pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Reads a stored code back into its enum; an unknown code means the data is corrupt.
pub(crate) fn decode<T: std::str::FromStr>(code: &str, what: &str) -> Result<T, StoreError> {
    code.parse().map_err(|_| corrupt(what, code))
}

/// Maps read rows to their domain type, failing on the first corrupt one.
pub(crate) fn to_domain<R, T: TryFrom<R, Error = StoreError>>(
    rows: Vec<R>,
) -> Result<Vec<T>, StoreError> {
    rows.into_iter().map(T::try_from).collect()
}

pub(crate) fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("unknown {what} '{value}'"))
}
