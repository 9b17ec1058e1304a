//! The organisation this installation serves and its own settings, such as the names of its
//! data classification levels.

use grip_core::LabelNames;
use grip_core::audit_event as ev;
use grip_core::dossier::FieldError;
use grip_core::user::Organisation;
use grip_store::audit::NewEvent;
use grip_store::{Conn, settings};

use crate::access::require;
use crate::record::commit_with_event;
use crate::{Action, Actor, App, AppError, now_ms};

/// Longest name of a data level.
pub const MAX_LABEL_NAME_CHARS: usize = 60;

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

/// Names the data levels (administrators). Each level needs its own name, which may not be
/// another level's code, so a typed name or code always means one level.
pub async fn set_label_names(
    app: &App,
    actor: &Actor,
    names: &LabelNames,
) -> Result<LabelNames, AppError> {
    require(actor, Action::ManageSettings)?;
    let names = check_label_names(names)?;
    let now = now_ms();
    let mut tx = app.store.begin_write().await?;
    let text = serde_json::to_string(&names)
        .map_err(|e| AppError::Internal(format!("label names: {e}")))?;
    settings::put(&mut tx, LABEL_NAMES_SETTING, &text, &actor.username, now).await?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &actor.username,
            dossier: None,
            event: ev::LabelNamesSet {
                names: names.clone(),
            }
            .into(),
        },
    )
    .await?;
    Ok(names)
}

fn check_label_names(names: &LabelNames) -> Result<LabelNames, AppError> {
    let trimmed = LabelNames {
        public: names.public.trim().into(),
        internal: names.internal.trim().into(),
        confidential: names.confidential.trim().into(),
        secret: names.secret.trim().into(),
    };
    let mut errors = Vec::new();
    for (level, name) in trimmed.all() {
        let bad_text = name.is_empty()
            || name.chars().count() > MAX_LABEL_NAME_CHARS
            || name.chars().any(char::is_control);
        let ambiguous = trimmed.all().iter().any(|(other, other_name)| {
            *other != level
                && (other_name.eq_ignore_ascii_case(name)
                    || other.code().eq_ignore_ascii_case(name))
        });
        if bad_text {
            errors.push(
                FieldError::new(level.code(), "invalid_label_name", "invalid-label-name")
                    .with("max", MAX_LABEL_NAME_CHARS),
            );
        } else if ambiguous {
            errors.push(
                FieldError::new(
                    level.code(),
                    "duplicate_label_name",
                    "invalid-label-name-taken",
                )
                .with("name", name),
            );
        }
    }
    if errors.is_empty() {
        Ok(trimmed)
    } else {
        Err(AppError::Invalid(errors))
    }
}

pub(crate) async fn label_names_on(conn: &mut Conn) -> Result<LabelNames, AppError> {
    match settings::get(conn, LABEL_NAMES_SETTING).await? {
        Some(text) => serde_json::from_str(&text)
            .map_err(|e| AppError::Internal(format!("setting {LABEL_NAMES_SETTING}: {e}"))),
        None => Ok(LabelNames::default()),
    }
}
