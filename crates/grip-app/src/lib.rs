//! Grip's use cases: one function per user action. Each checks the actor's rights, opens the
//! transaction, calls the pure crates, and writes the change together with its audit event.
//! The web server and the command line both call these, so they can never disagree.

pub mod access;
pub mod audit;
pub mod auth;
pub mod award;
pub mod bulk;
pub mod catalogue;
pub mod checklists;
pub mod classification;
pub mod contracts;
pub mod demo;
pub mod documents;
pub mod dossiers;
mod error;
pub mod escalations;
mod gate;
pub mod inventory;
pub mod models;
pub mod organisation;
pub mod packages;
pub mod portfolio;
mod record;
pub mod register;
pub mod screening;
pub mod spend;
#[cfg(feature = "testing")]
pub mod testing;
pub mod throttle;
pub mod triage;
pub mod users;
pub mod views;

pub use error::AppError;
pub use grip_core::{Action, Actor, Phase, Role};
pub use grip_store::{DatabaseTarget, Page, Paging, Store};

/// The application: the store plus settings that use cases need.
#[derive(Debug, Clone)]
pub struct App {
    pub store: Store,
    pub limits: Limits,
    /// Woken when a bulk screening job is started, so this process's worker starts at once.
    pub jobs: std::sync::Arc<tokio::sync::Notify>,
    /// Wrong passwords per account and per address, shared by every request of this process.
    pub sign_in_throttle: std::sync::Arc<throttle::SignInThrottle>,
}

/// Limits on what people may send.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_document_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_document_bytes: 25 * 1024 * 1024,
        }
    }
}

impl App {
    pub fn new(store: Store) -> App {
        App {
            store,
            limits: Limits::default(),
            jobs: Default::default(),
            sign_in_throttle: Default::default(),
        }
    }

    /// Opens (and migrates) the database named by `target`.
    pub async fn open(target: &DatabaseTarget) -> Result<App, AppError> {
        Ok(App::new(Store::open_and_migrate(target).await?))
    }
}

/// Milliseconds since the Unix epoch; the only clock the use cases read.
pub fn now_ms() -> i64 {
    jiff::Timestamp::now().as_millisecond()
}

/// Formats epoch milliseconds as `YYYY-MM-DD HH:MM` in UTC for people.
pub fn format_ms(ms: i64) -> String {
    jiff::Timestamp::from_millisecond(ms)
        .map(|t| t.strftime("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_else(|_| ms.to_string())
}

/// RFC 3339 in UTC, for the API.
pub fn rfc3339_ms(ms: i64) -> String {
    jiff::Timestamp::from_millisecond(ms)
        .map(|t| t.to_string())
        .unwrap_or_else(|_| ms.to_string())
}
