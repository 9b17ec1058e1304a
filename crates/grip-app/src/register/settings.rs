//! What the organisation writes in every entry it publishes: its name as the register knows
//! it (the TOOI list's name, such as "Politie") and its contact address for the register.

use crate::record::commit_with_event;
use crate::{Action, Actor, App, AppError, now_ms};
use grip_core::audit_event as ev;
use grip_register::OrganisationFields;
use grip_store::audit::NewEvent;
use grip_store::{Conn, settings as store};
use serde::{Deserialize, Serialize};

const SETTING: &str = "register.settings";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterSettings {
    #[serde(default)]
    pub organization: String,
    #[serde(default)]
    pub contact_email: String,
}

async fn read(conn: &mut Conn) -> Result<RegisterSettings, AppError> {
    let stored = store::get(conn, SETTING)
        .await?
        .and_then(|v| serde_json::from_str::<RegisterSettings>(&v).ok())
        .unwrap_or_default();
    if !stored.organization.is_empty() {
        return Ok(stored);
    }
    // Until set, the organisation's own name.
    let organization = grip_store::organisation::get(conn)
        .await?
        .map(|o| o.name)
        .unwrap_or_default();
    Ok(RegisterSettings {
        organization,
        ..stored
    })
}

pub(super) async fn organisation_fields(conn: &mut Conn) -> Result<OrganisationFields, AppError> {
    let s = read(conn).await?;
    Ok(OrganisationFields {
        organization: s.organization,
        contact_email: Some(s.contact_email).filter(|e| !e.is_empty()),
    })
}

/// The settings in force (the organisation's name until another is set).
pub async fn settings(app: &App) -> Result<RegisterSettings, AppError> {
    let mut conn = app.store.conn().await?;
    read(&mut conn).await
}

fn plausible_email(email: &str) -> bool {
    email.len() <= 500
        && !email.chars().any(char::is_whitespace)
        && email
            .split_once('@')
            .is_some_and(|(a, b)| !a.is_empty() && b.contains('.') && !b.starts_with('.'))
}

pub async fn set_settings(
    app: &App,
    actor: &Actor,
    input: &RegisterSettings,
) -> Result<(), AppError> {
    crate::access::require(actor, Action::ManageSettings)?;
    let organization = input.organization.trim().to_string();
    let contact_email = input.contact_email.trim().to_string();
    let mut errors = Vec::new();
    if organization.is_empty() || organization.chars().count() > 100 {
        errors.push(grip_core::dossier::FieldError::new(
            "organization",
            "invalid_organisation",
            "invalid-organisation-name",
        ));
    }
    if !plausible_email(&contact_email) {
        errors.push(grip_core::dossier::FieldError::new(
            "contact_email",
            "invalid_email",
            "invalid-email",
        ));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let value = RegisterSettings {
        organization,
        contact_email,
    };
    let now = now_ms();
    let mut tx = app.store.begin_write().await?;
    let json = serde_json::to_string(&value).expect("plain data serialises");
    store::put(&mut tx, SETTING, &json, &actor.username, now).await?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &actor.username,
            dossier: None,
            event: ev::RegisterSettingsSet {
                organization: value.organization,
                contact_email: value.contact_email,
            }
            .into(),
        },
    )
    .await?;
    Ok(())
}
