//! Reading and verifying the audit trail.

use crate::{Action, Actor, App, AppError, Page, Paging};
use grip_core::audit::{StoredEvent, Verification};
use grip_store::audit;

pub async fn list(
    app: &App,
    actor: &Actor,
    dossier: Option<&str>,
    paging: Paging,
) -> Result<Page<StoredEvent>, AppError> {
    if !actor.may(Action::Read) {
        return Err(AppError::Forbidden);
    }
    let mut conn = app.store.conn().await?;
    Ok(audit::list(&mut conn, dossier, paging).await?)
}

/// Re-walks the chain. The CLI calls this without an actor (operator access).
pub async fn verify(app: &App, actor: Option<&Actor>) -> Result<Verification, AppError> {
    if let Some(actor) = actor
        && !actor.may(Action::VerifyAudit)
    {
        return Err(AppError::Forbidden);
    }
    let mut conn = app.store.conn().await?;
    Ok(audit::verify(&mut conn).await?)
}
