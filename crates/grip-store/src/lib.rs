//! Persistence for Grip on SQLite (embedded default) and PostgreSQL (scale-out), through one
//! set of portable SQL statements on sqlx's `Any` driver. Only this crate knows SQL.
//! Writes happen inside a `WriteTx` opened by grip-app, which also appends the audit event.

pub mod audit;
pub mod catalogue;
pub mod checklists;
pub mod classifications;
mod connect;
pub mod documents;
pub mod dossiers;
mod error;
pub mod inventory;
pub mod organisation;
pub mod packages;
pub mod screening_jobs;
pub mod screenings;
pub mod sessions;
pub mod settings;
pub mod users;

pub use connect::{Backend, DatabaseTarget, Store};
pub use error::StoreError;

/// A connection, either from the pool (reads) or inside a transaction (writes).
pub type Conn = sqlx::AnyConnection;
/// A write transaction; commit it to keep the change and its audit event together.
pub type WriteTx = sqlx::Transaction<'static, sqlx::Any>;

/// Booleans are stored as smallint 0/1 (the `Any` driver cannot decode SQLite booleans).
pub(crate) fn flag(value: bool) -> i16 {
    i16::from(value)
}

pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// A page of results and the total number of matching rows.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

/// Which page of a list to fetch; `page` starts at 1.
#[derive(Debug, Clone, Copy)]
pub struct Paging {
    pub page: i64,
    pub per_page: i64,
}

impl Paging {
    pub const MAX_PER_PAGE: i64 = 200;

    pub fn new(page: Option<i64>, per_page: Option<i64>) -> Paging {
        Paging {
            page: page.unwrap_or(1).max(1),
            per_page: per_page.unwrap_or(25).clamp(1, Self::MAX_PER_PAGE),
        }
    }

    pub fn offset(self) -> i64 {
        (self.page - 1).saturating_mul(self.per_page)
    }

    pub fn wrap<T>(self, items: Vec<T>, total: i64) -> Page<T> {
        Page {
            items,
            total,
            page: self.page,
            per_page: self.per_page,
        }
    }
}
