//! The obligations a dossier's latest classification yields, as a checklist with a status
//! per obligation. Status changes are checked (a reason for "not applicable") and audited.

use crate::access::require_on_dossier;
use crate::record::commit_with_event;
use crate::{Action, Actor, App, AppError, now_ms};
use grip_core::ObligationStatus;
use grip_core::audit_event as ev;
use grip_core::obligation::Obligation;
use grip_core::obligation::validate_change;
use grip_knowledge::{AiActPack, Classification};
use grip_store::Conn;
use grip_store::audit::NewEvent;
use grip_store::classifications;

/// Makes the dossier's obligations those of `classification`: new ones start `open`, ones
/// that remain keep their status, ones no longer yielded are removed.
pub(super) async fn replace_for(
    tx: &mut Conn,
    pack: &AiActPack,
    classification_id: &str,
    dossier_id: &str,
    classification: &Classification,
    by: &str,
    at_ms: i64,
) -> Result<(), AppError> {
    for item in &classification.obligations {
        let known = pack.obligation(&item.id);
        let summary_nl = known
            .map(|o| o.summary.nl.clone())
            .unwrap_or_else(|| item.summary.clone());
        let (owner_nl, owner_en) = known
            .map(|o| (o.owner.nl.clone(), o.owner.en.clone()))
            .unwrap_or_default();
        let holder = match item.holder {
            grip_knowledge::Holder::Deployer => "deployer",
            grip_knowledge::Holder::Provider => "provider",
        };
        let row = Obligation {
            dossier_id: dossier_id.into(),
            obligation_id: item.id.clone(),
            classification_id: classification_id.into(),
            article: item.article.clone(),
            holder: holder.into(),
            summary_nl,
            summary_en: item.summary.clone(),
            owner_nl,
            owner_en,
            applies_from: item.applies_from.to_string(),
            status: ObligationStatus::Open,
            reason: String::new(),
            updated_by: Some(by.into()),
            updated_at: at_ms,
        };
        classifications::upsert_obligation(tx, &row).await?;
    }
    classifications::delete_obligations_not_from(tx, dossier_id, classification_id).await?;
    Ok(())
}

/// The dossier's obligations, ordered by the date they apply from.
pub async fn obligations(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
) -> Result<Vec<Obligation>, AppError> {
    let mut conn = app.store.conn().await?;
    crate::access::require_read(&mut conn, actor, dossier_id).await?;
    Ok(classifications::obligations(&mut conn, dossier_id).await?)
}

/// Sets an obligation's status (`open`, `in_progress`, `done`, `not_applicable` with a
/// reason). Setting the same status and reason again changes nothing and records nothing.
pub async fn set_obligation_status(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    obligation_id: &str,
    status: &str,
    reason: &str,
) -> Result<Obligation, AppError> {
    let (status, reason) =
        validate_change(status, reason).map_err(|e| AppError::Invalid(vec![e]))?;
    let mut tx = app.store.begin_write().await?;
    grip_store::dossiers::get(&mut tx, dossier_id)
        .await?
        .ok_or(AppError::NotFound("dossier"))?;
    require_on_dossier(&mut tx, actor, Action::UpdateObligation, dossier_id).await?;
    let current = classifications::obligation(&mut tx, dossier_id, obligation_id)
        .await?
        .ok_or(AppError::NotFound("obligation"))?;
    if current.status == status && current.reason == reason {
        return Ok(current);
    }
    let now = now_ms();
    classifications::set_obligation_status(
        &mut tx,
        dossier_id,
        obligation_id,
        status,
        &reason,
        &actor.user_id,
        now,
    )
    .await?;
    let updated = classifications::obligation(&mut tx, dossier_id, obligation_id)
        .await?
        .ok_or(AppError::NotFound("obligation"))?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &actor.username,
            dossier: Some(dossier_id),
            event: ev::ObligationStatusChanged {
                obligation_id: obligation_id.into(),
                article: current.article.clone(),
                from: current.status,
                to: status,
                reason: reason.clone(),
            }
            .into(),
        },
    )
    .await?;
    Ok(updated)
}
