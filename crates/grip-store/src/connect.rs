//! Opening the database: which backend a URL names, pool settings per backend, migrations,
//! and the refusal to touch a database whose schema is newer than this binary.

use crate::{StoreError, WriteTx};
use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Executor};
use std::path::{Path, PathBuf};
use std::time::Duration;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// The few places where SQLite and PostgreSQL need different statements ask this.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Where the data lives, as given on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseTarget {
    /// A SQLite file `grip.sqlite` inside this directory.
    DataDir(PathBuf),
    /// A full database URL (`postgres://…` or `sqlite://…`).
    Url(String),
}

impl DatabaseTarget {
    pub const SQLITE_FILE: &'static str = "grip.sqlite";

    fn url(&self) -> Result<(String, Backend), StoreError> {
        match self {
            DatabaseTarget::DataDir(dir) => sqlite_url_for_dir(dir),
            DatabaseTarget::Url(url) => {
                let backend = if url.starts_with("postgres://") || url.starts_with("postgresql://")
                {
                    Backend::Postgres
                } else if url.starts_with("sqlite:") {
                    Backend::Sqlite
                } else {
                    return Err(StoreError::BadUrl {
                        url: redact(url),
                        reason: "expected a URL starting with postgres:// or sqlite://".into(),
                    });
                };
                Ok((url.clone(), backend))
            }
        }
    }

    /// A description fit for messages (passwords removed).
    pub fn describe(&self) -> String {
        match self {
            DatabaseTarget::DataDir(dir) => dir.join(Self::SQLITE_FILE).display().to_string(),
            DatabaseTarget::Url(url) => redact(url),
        }
    }
}

fn sqlite_url_for_dir(dir: &Path) -> Result<(String, Backend), StoreError> {
    std::fs::create_dir_all(dir).map_err(|e| StoreError::BadUrl {
        url: dir.display().to_string(),
        reason: format!("cannot create the data directory: {e}"),
    })?;
    let dir = dir.canonicalize().map_err(|e| StoreError::BadUrl {
        url: dir.display().to_string(),
        reason: e.to_string(),
    })?;
    let path = dir.join(DatabaseTarget::SQLITE_FILE);
    let text = path.to_str().ok_or_else(|| StoreError::BadUrl {
        url: path.display().to_string(),
        reason: "the path is not valid UTF-8".into(),
    })?;
    if text.contains(['?', '#']) {
        return Err(StoreError::BadUrl {
            url: text.into(),
            reason: "the data directory path may not contain '?' or '#'".into(),
        });
    }
    Ok((format!("sqlite://{text}?mode=rwc"), Backend::Sqlite))
}

/// Removes a password from a URL before it appears in a message or log.
fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_string(),
    }
}

/// The connection pool and its backend.
#[derive(Debug, Clone)]
pub struct Store {
    pub pool: AnyPool,
    pub backend: Backend,
}

impl Store {
    /// Opens the database without changing it.
    pub async fn open(target: &DatabaseTarget) -> Result<Store, StoreError> {
        install_default_drivers();
        let (url, backend) = target.url()?;
        // One direct connection first: a wrong host or password fails at once with its
        // reason, instead of after the pool's acquire timeout.
        let probe = <sqlx::AnyConnection as sqlx::Connection>::connect(&url)
            .await
            .map_err(StoreError::Connect)?;
        sqlx::Connection::close(probe)
            .await
            .map_err(StoreError::Connect)?;
        let options = match backend {
            Backend::Sqlite => {
                AnyPoolOptions::new()
                    .max_connections(8)
                    .after_connect(|conn, _meta| {
                        Box::pin(async move {
                            // journal_mode and synchronous are per file/connection; the busy timeout
                            // lets a writer wait for another instead of failing at once.
                            conn.execute("PRAGMA journal_mode = WAL").await?;
                            conn.execute("PRAGMA synchronous = NORMAL").await?;
                            conn.execute("PRAGMA busy_timeout = 30000").await?;
                            conn.execute("PRAGMA foreign_keys = ON").await?;
                            Ok(())
                        })
                    })
            }
            Backend::Postgres => AnyPoolOptions::new().max_connections(16),
        };
        let pool = options
            .acquire_timeout(Duration::from_secs(30))
            .connect(&url)
            .await
            .map_err(StoreError::Connect)?;
        Ok(Store { pool, backend })
    }

    /// Opens the database and brings its schema up to date (safe with several instances:
    /// PostgreSQL migrations take an advisory lock).
    pub async fn open_and_migrate(target: &DatabaseTarget) -> Result<Store, StoreError> {
        let store = Store::open(target).await?;
        store.migrate().await?;
        Ok(store)
    }

    pub async fn migrate(&self) -> Result<(), StoreError> {
        self.refuse_newer_schema().await?;
        MIGRATOR.run(&self.pool).await?;
        Ok(())
    }

    /// The newest migration this binary knows.
    pub fn binary_schema_version() -> i64 {
        MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
    }

    /// The newest migration applied to the database, or None before the first migration.
    pub async fn database_schema_version(&self) -> Result<Option<i64>, StoreError> {
        let result: Result<(Option<i64>,), sqlx::Error> =
            sqlx::query_as("select cast(max(version) as bigint) from _sqlx_migrations")
                .fetch_one(&self.pool)
                .await;
        match result {
            Ok((version,)) => Ok(version),
            Err(sqlx::Error::Database(db)) if looks_like_missing_table(db.message()) => Ok(None),
            Err(err) => Err(err.into()),
        }
    }

    async fn refuse_newer_schema(&self) -> Result<(), StoreError> {
        let binary = Self::binary_schema_version();
        match self.database_schema_version().await? {
            Some(database) if database > binary => {
                Err(StoreError::NewerSchema { database, binary })
            }
            _ => Ok(()),
        }
    }

    /// Fails unless the schema is exactly what this binary expects (for commands that read).
    pub async fn require_current_schema(&self) -> Result<(), StoreError> {
        let binary = Self::binary_schema_version();
        match self.database_schema_version().await? {
            None => Err(StoreError::NotMigrated),
            Some(database) if database > binary => {
                Err(StoreError::NewerSchema { database, binary })
            }
            Some(database) if database < binary => Err(StoreError::NotMigrated),
            Some(_) => Ok(()),
        }
    }

    /// Starts a write transaction. On SQLite it takes the write lock at once (`BEGIN
    /// IMMEDIATE`) so a read-then-write never fails on lock upgrade.
    pub async fn begin_write(&self) -> Result<WriteTx, StoreError> {
        let tx = match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        };
        Ok(tx)
    }

    /// Starts a read-only transaction, so a page's reads all see one snapshot.
    pub async fn begin_read(&self) -> Result<WriteTx, StoreError> {
        let tx = match self.backend {
            Backend::Sqlite => self.pool.begin().await?,
            Backend::Postgres => {
                self.pool
                    .begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    .await?
            }
        };
        Ok(tx)
    }

    pub async fn conn(&self) -> Result<sqlx::pool::PoolConnection<sqlx::Any>, StoreError> {
        Ok(self.pool.acquire().await?)
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

fn looks_like_missing_table(message: &str) -> bool {
    let m = message.to_lowercase();
    m.contains("no such table") || (m.contains("relation") && m.contains("does not exist"))
}
