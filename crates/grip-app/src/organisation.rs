//! The organisation this installation serves and its own settings, such as the names of its
//! data classification levels.

use grip_core::LabelNames;
use grip_core::user::Organisation;
use grip_store::{Conn, settings};

use crate::{App, AppError};

/// The setting holding the organisation's names for the data levels (JSON `LabelNames`).
pub const LABEL_NAMES_SETTING: &str = "organisation.label_names";

/// The organisation (None before `grip demo` or setup).
pub async fn get(app: &App) -> Result<Option<Organisation>, AppError> {
    let mut conn = app.store.conn().await?;
    Ok(grip_store::organisation::get(&mut conn).await?)
}

/// What the organisation calls each data level (the plain names when it has not said).
pub async fn label_names(app: &App) -> Result<LabelNames, AppError> {
    let mut conn = app.store.conn().await?;
    label_names_on(&mut conn).await
}

pub(crate) async fn label_names_on(conn: &mut Conn) -> Result<LabelNames, AppError> {
    match settings::get(conn, LABEL_NAMES_SETTING).await? {
        Some(text) => serde_json::from_str(&text)
            .map_err(|e| AppError::Internal(format!("setting {LABEL_NAMES_SETTING}: {e}"))),
        None => Ok(LabelNames::default()),
    }
}
