//! Typed storage errors. Callers map them to messages; database text never reaches a user.

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database URL '{url}' is not usable: {reason}")]
    BadUrl { url: String, reason: String },
    #[error("cannot open the database: {0}")]
    Connect(#[source] sqlx::Error),
    #[error(
        "the database schema is at version {database}, newer than this grip (which knows up to {binary}); use a newer grip"
    )]
    NewerSchema { database: i64, binary: i64 },
    #[error("the database has not been set up yet; run `grip migrate` first")]
    NotMigrated,
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("{what} already exists")]
    Conflict { what: String },
    #[error("database error: {0}")]
    Database(#[source] sqlx::Error),
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
}

impl From<sqlx::Error> for StoreError {
    fn from(err: sqlx::Error) -> Self {
        StoreError::Database(err)
    }
}

impl StoreError {
    /// Maps a unique-constraint violation to `Conflict`, by kind (constraint names differ
    /// between SQLite and PostgreSQL).
    pub(crate) fn conflict_or(err: sqlx::Error, what: &str) -> StoreError {
        let is_unique = err
            .as_database_error()
            .map(|db| matches!(db.kind(), sqlx::error::ErrorKind::UniqueViolation))
            .unwrap_or(false);
        if is_unique {
            StoreError::Conflict { what: what.into() }
        } else {
            StoreError::Database(err)
        }
    }

    /// True when the database refused because of a concurrent writer (worth retrying).
    pub fn is_busy(&self) -> bool {
        let StoreError::Database(err) = self else {
            return false;
        };
        let text = err.to_string().to_lowercase();
        text.contains("database is locked")
            || text.contains("busy")
            || text.contains("could not serialize")
            || text.contains("deadlock")
    }
}
