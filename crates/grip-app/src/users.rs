//! Managing people: add, list, change roles, reset a password, deactivate and reactivate.
//! Called by the CLI (as the installation's operator) and by the administrator's page; each
//! change is written with its audit event in one transaction (`commit_with_event`).

use crate::auth::hash_password;
use crate::record::commit_with_event;
use crate::{Action, Actor, App, AppError, Role, now_ms};
use grip_core::audit_event as ev;
use grip_core::user::User;
use grip_store::audit::NewEvent;
use grip_store::users::{self, NewUser};
use grip_store::{Conn, sessions};

/// Who performs a user-management action: a signed-in administrator, or the operator at the
/// command line (who has shell access to the database anyway).
#[derive(Debug, Clone, Copy)]
pub enum Operator<'a> {
    Cli,
    Person(&'a Actor),
}

impl Operator<'_> {
    fn name(&self) -> &str {
        match self {
            Operator::Cli => "cli",
            Operator::Person(actor) => &actor.username,
        }
    }

    fn require(&self, action: Action) -> Result<(), AppError> {
        match self {
            Operator::Cli => Ok(()),
            Operator::Person(actor) if actor.may(action) => Ok(()),
            Operator::Person(_) => Err(AppError::Forbidden),
        }
    }

    /// Is this the signed-in person themselves (who may not lock themselves out)?
    fn is(&self, user: &User) -> bool {
        matches!(self, Operator::Person(actor) if actor.user_id == user.id.as_str())
    }
}

/// The user named `username`, or `NotFound`.
pub(crate) async fn existing(conn: &mut Conn, username: &str) -> Result<User, AppError> {
    users::find_by_username(conn, username)
        .await?
        .ok_or(AppError::NotFound("user"))
}

pub fn validate_username(username: &str) -> Result<(), AppError> {
    let ok = (2..=64).contains(&username.len())
        && username
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(())
    } else {
        Err(AppError::invalid(
            "username",
            "invalid_username",
            "invalid-username",
        ))
    }
}

pub async fn add_user(
    app: &App,
    by: Operator<'_>,
    username: &str,
    display_name: &str,
    password: &str,
    roles: &[Role],
) -> Result<String, AppError> {
    by.require(Action::ManageUsers)?;
    validate_username(username)?;
    if roles.is_empty() {
        return Err(AppError::invalid(
            "roles",
            "required",
            "invalid-roles-required",
        ));
    }
    let hash = hash_password(password).await?;
    let id = grip_store::new_id();
    let display = if display_name.trim().is_empty() {
        username
    } else {
        display_name.trim()
    };
    let now = now_ms();
    let mut tx = app.store.begin_write().await?;
    users::insert(
        &mut tx,
        &NewUser {
            id: &id,
            username,
            display_name: display,
            password_hash: &hash,
            roles,
            at_ms: now,
        },
    )
    .await
    .map_err(|e| match e {
        grip_store::StoreError::Conflict { .. } => {
            AppError::Conflict(format!("De gebruiker '{username}' bestaat al."))
        }
        other => other.into(),
    })?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: by.name(),
            dossier: None,
            event: ev::UserCreated {
                user_id: id.clone(),
                username: username.into(),
                roles: roles.to_vec(),
            }
            .into(),
        },
    )
    .await?;
    Ok(id)
}

pub async fn set_roles(
    app: &App,
    by: Operator<'_>,
    username: &str,
    roles: &[Role],
) -> Result<(), AppError> {
    by.require(Action::ManageUsers)?;
    if roles.is_empty() {
        return Err(AppError::invalid(
            "roles",
            "required",
            "invalid-roles-required",
        ));
    }
    let mut tx = app.store.begin_write().await?;
    let user = existing(&mut tx, username).await?;
    if by.is(&user) && user.roles.contains(&Role::Beheerder) && !roles.contains(&Role::Beheerder) {
        return Err(AppError::invalid(
            "roles",
            "own_administrator_role",
            "invalid-own-administrator-role",
        ));
    }
    users::set_roles(&mut tx, &user.id, roles).await?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now_ms(),
            actor: by.name(),
            dossier: None,
            event: ev::UserRolesChanged {
                username: username.into(),
                roles: roles.to_vec(),
            }
            .into(),
        },
    )
    .await?;
    Ok(())
}

/// Sets a new password and ends the user's sessions and API tokens (a reset is what one does
/// when an account may be in the wrong hands).
pub async fn reset_password(
    app: &App,
    by: Operator<'_>,
    username: &str,
    password: &str,
) -> Result<(), AppError> {
    by.require(Action::ManageUsers)?;
    let hash = hash_password(password).await?;
    let mut tx = app.store.begin_write().await?;
    let user = existing(&mut tx, username).await?;
    users::set_password(&mut tx, &user.id, &hash).await?;
    sessions::delete_sessions_of(&mut tx, &user.id).await?;
    sessions::revoke_tokens_of(&mut tx, &user.id).await?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now_ms(),
            actor: by.name(),
            dossier: None,
            event: ev::UserPasswordReset {
                username: username.into(),
            }
            .into(),
        },
    )
    .await?;
    Ok(())
}

/// Users with their roles, for the administrator.
pub async fn list_users(app: &App, by: Operator<'_>) -> Result<Vec<User>, AppError> {
    by.require(Action::ManageUsers)?;
    let mut conn = app.store.conn().await?;
    Ok(users::list(&mut conn).await?)
}

/// Usernames and display names of active users, for choosing dossier members.
pub async fn directory(app: &App, actor: &Actor) -> Result<Vec<(String, String)>, AppError> {
    if !actor.may(Action::Read) {
        return Err(AppError::Forbidden);
    }
    let mut conn = app.store.conn().await?;
    Ok(users::list(&mut conn)
        .await?
        .into_iter()
        .filter(|u| u.active)
        .map(|u| (u.username, u.display_name))
        .collect())
}

/// Closes an account: the person can no longer sign in, their sessions end and their API
/// tokens are revoked (reactivating does not bring those back). Administrators cannot close
/// their own account.
pub async fn deactivate(app: &App, by: Operator<'_>, username: &str) -> Result<(), AppError> {
    by.require(Action::ManageUsers)?;
    let mut tx = app.store.begin_write().await?;
    let user = existing(&mut tx, username).await?;
    if by.is(&user) {
        return Err(AppError::invalid(
            "username",
            "own_account",
            "invalid-deactivate-own-account",
        ));
    }
    if !user.active {
        return Ok(());
    }
    users::set_active(&mut tx, &user.id, false).await?;
    sessions::delete_sessions_of(&mut tx, &user.id).await?;
    let tokens_revoked = sessions::revoke_tokens_of(&mut tx, &user.id).await?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now_ms(),
            actor: by.name(),
            dossier: None,
            event: ev::UserDeactivated {
                username: user.username,
                tokens_revoked,
            }
            .into(),
        },
    )
    .await?;
    Ok(())
}

/// Opens a closed account again (with the password it had; new tokens are needed).
pub async fn reactivate(app: &App, by: Operator<'_>, username: &str) -> Result<(), AppError> {
    by.require(Action::ManageUsers)?;
    let mut tx = app.store.begin_write().await?;
    let user = existing(&mut tx, username).await?;
    if user.active {
        return Ok(());
    }
    users::set_active(&mut tx, &user.id, true).await?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now_ms(),
            actor: by.name(),
            dossier: None,
            event: ev::UserReactivated {
                username: user.username,
            }
            .into(),
        },
    )
    .await?;
    Ok(())
}

/// A person changes their own password, proving it with the current one. Their other
/// sessions end; the one with `session_secret` (the browser they use) stays.
pub async fn change_own_password(
    app: &App,
    actor: &Actor,
    session_secret: Option<&str>,
    current: &str,
    new: &str,
) -> Result<(), AppError> {
    let stored = {
        let mut conn = app.store.conn().await?;
        users::credentials(&mut conn, &actor.username).await?
    };
    let Some((user, phc)) = stored.filter(|(u, _)| u.id.as_str() == actor.user_id) else {
        return Err(AppError::Unauthenticated);
    };
    if !crate::auth::password_matches(current, &phc).await {
        return Err(AppError::invalid(
            "current_password",
            "wrong_password",
            "invalid-current-password",
        ));
    }
    if new == current {
        return Err(AppError::invalid(
            "password",
            "unchanged",
            "invalid-password-unchanged",
        ));
    }
    let hash = hash_password(new).await?;
    let mut tx = app.store.begin_write().await?;
    users::set_password(&mut tx, &user.id, &hash).await?;
    match session_secret {
        Some(secret) => {
            let keep = crate::auth::secret_hash(secret);
            sessions::delete_other_sessions(&mut tx, &user.id, &keep).await?;
        }
        None => sessions::delete_sessions_of(&mut tx, &user.id).await?,
    }
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now_ms(),
            actor: &actor.username,
            dossier: None,
            event: ev::UserPasswordChanged {
                username: user.username,
            }
            .into(),
        },
    )
    .await?;
    Ok(())
}
