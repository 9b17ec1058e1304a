//! Sign-in: argon2id password hashes, database-backed browser sessions and API tokens.
//! Secrets are random 32-byte values shown once; only their SHA-256 is stored.

use crate::record::commit_with_event;
use crate::throttle::Subject;
use crate::{App, AppError, now_ms};
use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier, phc::PasswordHash};
use base64::Engine;
use grip_core::audit_event as ev;
use grip_core::{Actor, Role};
use grip_store::audit::NewEvent;
use grip_store::{sessions, users};
use sha2::{Digest, Sha256};

/// A session ends after this much inactivity…
pub const SESSION_IDLE_MS: i64 = 2 * 60 * 60 * 1000;
/// …and at the latest this long after sign-in.
pub const SESSION_ABSOLUTE_MS: i64 = 12 * 60 * 60 * 1000;
/// Extending a session is a write; do it at most this often per session.
const SESSION_TOUCH_MS: i64 = 60 * 1000;

pub const MIN_PASSWORD_CHARS: usize = 8;
const TOKEN_PREFIX: &str = "grip_";

pub fn random_secret() -> Result<String, AppError> {
    let mut bytes = [0_u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| AppError::Internal(format!("no randomness: {e}")))?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

pub fn secret_hash(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// Hashes on a blocking thread: argon2 is deliberately slow.
pub async fn hash_password(password: &str) -> Result<String, AppError> {
    check_password_rules(password)?;
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(password.as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| AppError::Internal(format!("password hashing failed: {e}")))
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?
}

/// Words an attacker of this organisation tries first; zxcvbn counts them as known.
const ORGANISATION_WORDS: [&str; 4] = ["politie", "wachtwoord", "welkom", "inkoop"];

/// Length over composition, and nothing guessable: a password of at least
/// `MIN_PASSWORD_CHARS` characters that zxcvbn (its lists of common passwords, names, words,
/// keyboard patterns, sequences and repeats ship inside the binary) does not rate as
/// (very) guessable — fewer than 10^6 guesses.
pub fn check_password_rules(password: &str) -> Result<(), AppError> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(grip_core::dossier::FieldError::new(
            "password",
            "too_short",
            "invalid-password-too-short",
        )
        .with("min", MIN_PASSWORD_CHARS)
        .into());
    }
    let strength = zxcvbn::zxcvbn(password, &ORGANISATION_WORDS);
    if u8::from(strength.score()) < 2 {
        return Err(grip_core::dossier::FieldError::new(
            "password",
            "guessable",
            "invalid-password-guessable",
        )
        .into());
    }
    Ok(())
}

pub(crate) async fn password_matches(password: &str, phc: &str) -> bool {
    let password = password.to_owned();
    let phc = phc.to_owned();
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&phc)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

/// Loads a user's roles and builds the actor; inactive users get nothing.
pub async fn actor_for_user(app: &App, user_id: &str) -> Result<Option<Actor>, AppError> {
    let mut conn = app.store.conn().await?;
    let Some(user) = users::get(&mut conn, user_id).await? else {
        return Ok(None);
    };
    if !user.active {
        return Ok(None);
    }
    Ok(Some(Actor {
        user_id: user.id.into_string(),
        username: user.username,
        roles: user.roles,
    }))
}

/// A new browser session: the secret for the cookie and who signed in.
pub struct SignedIn {
    pub session_secret: String,
    pub actor: Actor,
}

/// Checks the password and opens a session. Wrong user and wrong password look the same.
pub async fn sign_in(app: &App, username: &str, password: &str) -> Result<SignedIn, AppError> {
    sign_in_from(app, username, password, None).await
}

/// [`sign_in`] from a known address. Too many wrong passwords for the account, or from the
/// address, make the next attempt wait (`TooManyAttempts`, checked before the password so
/// that guessing costs the server nothing); every refused password is audited.
pub async fn sign_in_from(
    app: &App,
    username: &str,
    password: &str,
    address: Option<&str>,
) -> Result<SignedIn, AppError> {
    let throttle = &app.sign_in_throttle;
    let subjects: Vec<Subject> = std::iter::once(Subject::Account(username))
        .chain(address.map(Subject::Address))
        .collect();
    let now = now_ms();
    if let Some(wait) = subjects
        .iter()
        .filter_map(|s| throttle.wait_ms(*s, now))
        .max()
    {
        let retry_after_secs = u64::try_from((wait + 999) / 1000).unwrap_or(1);
        return Err(AppError::TooManyAttempts { retry_after_secs });
    }
    let Some(user) = verified_user(app, username, password).await? else {
        for subject in &subjects {
            throttle.failed(*subject, now_ms());
        }
        audit_refusal(app, username, address).await?;
        return Err(AppError::Unauthenticated);
    };
    throttle.succeeded(Subject::Account(username));
    let actor = actor_for_user(app, &user.id)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let secret = random_secret()?;
    let now = now_ms();
    let mut tx = app.store.begin_write().await?;
    sessions::create_session(
        &mut tx,
        &secret_hash(&secret),
        &user.id,
        now,
        now + SESSION_IDLE_MS,
    )
    .await?;
    users::record_sign_in(&mut tx, &user.id, now).await?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &user.username,
            dossier: None,
            event: ev::Empty {}.into(),
        },
    )
    .await?;
    Ok(SignedIn {
        session_secret: secret,
        actor,
    })
}

/// The active account with this name and password, or `None`. Wrong user and wrong password
/// take the same time, so timing does not reveal which accounts exist.
async fn verified_user(
    app: &App,
    username: &str,
    password: &str,
) -> Result<Option<grip_core::user::User>, AppError> {
    let user = {
        let mut conn = app.store.conn().await?;
        users::credentials(&mut conn, username.trim()).await?
    };
    let Some((user, password_hash)) = user.filter(|(u, _)| u.active) else {
        let _ = password_matches(password, dummy_hash()).await;
        return Ok(None);
    };
    Ok(password_matches(password, &password_hash)
        .await
        .then_some(user))
}

async fn audit_refusal(app: &App, username: &str, address: Option<&str>) -> Result<(), AppError> {
    let typed: String = username.trim().chars().take(64).collect();
    let tx = app.store.begin_write().await?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now_ms(),
            actor: &typed,
            dossier: None,
            event: ev::SignInFailed {
                username: typed.clone(),
                address: address.map(str::to_string),
            }
            .into(),
        },
    )
    .await?;
    Ok(())
}

/// A real hash of a random password, so that a sign-in for an unknown user costs as much as
/// one for a known user.
fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| {
        Argon2::default()
            .hash_password(b"no-such-user-no-such-password")
            .map(|h| h.to_string())
            .unwrap_or_default()
    })
}

/// The actor of a live session, extending its idle timeout now and then.
pub async fn session_actor(app: &App, session_secret: &str) -> Result<Option<Actor>, AppError> {
    let hash = secret_hash(session_secret);
    let now = now_ms();
    let session = {
        let mut conn = app.store.conn().await?;
        let found = sessions::find_session(&mut conn, &hash, now).await?;
        if let Some(s) = &found
            && now - s.last_seen_at > SESSION_TOUCH_MS
        {
            let expires = (now + SESSION_IDLE_MS).min(s.created_at + SESSION_ABSOLUTE_MS);
            sessions::extend_session(&mut conn, &hash, now, expires).await?;
        }
        found
    };
    match session {
        Some(s) => actor_for_user(app, &s.user_id).await,
        None => Ok(None),
    }
}

pub async fn sign_out(app: &App, session_secret: &str) -> Result<(), AppError> {
    let mut tx = app.store.begin_write().await?;
    let Some(user_id) = sessions::delete_session(&mut tx, &secret_hash(session_secret)).await?
    else {
        return Ok(());
    };
    let username = users::get(&mut tx, &user_id)
        .await?
        .map(|u| u.username)
        .unwrap_or(user_id);
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now_ms(),
            actor: &username,
            dossier: None,
            event: ev::SignedOut {}.into(),
        },
    )
    .await?;
    Ok(())
}

/// Creates an API token for `username`; the token is returned once and never stored.
/// An administrator may create tokens for anyone; others only for themselves.
pub async fn create_api_token(
    app: &App,
    by: Option<&Actor>,
    username: &str,
    label: &str,
) -> Result<String, AppError> {
    let user = {
        let mut conn = app.store.conn().await?;
        users::find_by_username(&mut conn, username).await?
    }
    .ok_or(AppError::NotFound("user"))?;
    if let Some(actor) = by
        && actor.user_id != user.id.as_str()
        && !actor.has(Role::Beheerder)
    {
        return Err(AppError::Forbidden);
    }
    let token = format!("{TOKEN_PREFIX}{}", random_secret()?);
    let label = if label.trim().is_empty() {
        "api"
    } else {
        label.trim()
    };
    let now = now_ms();
    let id = grip_store::new_id();
    let mut tx = app.store.begin_write().await?;
    sessions::create_token(&mut tx, &id, &user.id, label, &secret_hash(&token), now).await?;
    let actor_name = by.map(|a| a.username.as_str()).unwrap_or("cli");
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: actor_name,
            dossier: None,
            event: ev::TokenCreated {
                token_id: id.clone(),
                user: user.username.clone(),
                label: label.to_string(),
            }
            .into(),
        },
    )
    .await?;
    Ok(token)
}

/// The actor of a valid API token.
pub async fn token_actor(app: &App, token: &str) -> Result<Option<Actor>, AppError> {
    if !token.starts_with(TOKEN_PREFIX) {
        return Ok(None);
    }
    let user_id = {
        let mut conn = app.store.conn().await?;
        sessions::use_token(&mut conn, &secret_hash(token), now_ms()).await?
    };
    match user_id {
        Some(id) => actor_for_user(app, &id).await,
        None => Ok(None),
    }
}

/// Deletes sessions that have expired (they are already refused; this keeps the table small).
pub async fn purge_expired_sessions(app: &App) -> Result<u64, AppError> {
    let mut conn = app.store.conn().await?;
    Ok(sessions::purge_expired(&mut conn, now_ms()).await?)
}
