//! Freezing a draft: the version never changes again (its SHA-256 is stored and audited).
//! Refused while award weights do not add up, and while the dossier changed since the draft
//! was generated — unless the person freezing confirms with a reason, which is audited.

use grip_core::audit_event as ev;
use grip_core::package::{PackageState, PackageVersion};
use grip_store::audit::NewEvent;
use grip_store::{Conn, dossiers, packages};

use super::{StoredPackage, content_hash, draft_for_change, get, inputs, load};
use crate::access::require;
use crate::record::commit_with_event;
use crate::{Action, Actor, App, AppError, now_ms};

/// What changed in the dossier since the newest draft was generated (empty when nothing
/// did, or when there is no draft): the reasons a freeze would be refused.
pub async fn stale_changes(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
) -> Result<Vec<grip_knowledge::Text>, AppError> {
    require(actor, Action::Read)?;
    let mut conn = app.store.conn().await?;
    let dossier = dossiers::get(&mut conn, dossier_id)
        .await?
        .ok_or(AppError::NotFound("dossier"))?;
    match packages::latest(&mut conn, dossier_id).await? {
        Some(header) if header.state == PackageState::Draft => {
            inputs::changes_since(&mut conn, &dossier, &header).await
        }
        _ => Ok(Vec::new()),
    }
}

/// Freezes the draft. `expected_version` guards against freezing a version one has not seen.
/// Refused while an award group's weights do not add up to 100, and while the dossier has
/// changed since the draft was generated (new classification, new screening findings, other
/// category) unless `stale_reason` says why it may be frozen anyway (audited).
pub async fn freeze(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    expected_version: Option<i64>,
    stale_reason: Option<&str>,
) -> Result<StoredPackage, AppError> {
    let mut tx = app.store.begin_write().await?;
    let header = draft_for_change(&mut tx, actor, Action::FreezePackage, dossier_id).await?;
    if let Some(v) = expected_version.filter(|v| *v != header.version) {
        return Err(AppError::Conflict(format!(
            "U bekeek versie {v}, maar de huidige versie is {}; ververs de pagina.",
            header.version
        )));
    }
    let stored = load(&mut tx, header.clone()).await?;
    if !stored.unbalanced.is_empty() {
        let list = stored
            .unbalanced
            .iter()
            .map(|(g, sum)| {
                format!(
                    "{} = {sum}",
                    if g.is_empty() { "(zonder groep)" } else { g }
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        return Err(grip_core::dossier::FieldError::new(
            "weight",
            "weights_not_100",
            "invalid-weights-not-100",
        )
        .with("groups", list)
        .into());
    }
    let stale = stale_confirmation(&mut tx, dossier_id, &header, stale_reason).await?;
    let hash = content_hash(&stored.package);
    let now = now_ms();
    if !packages::freeze(&mut tx, &header.id, &actor.username, now, &hash).await? {
        return Err(AppError::Conflict(
            "Het pakket is intussen bevroren; ververs de pagina.".into(),
        ));
    }
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &actor.username,
            dossier: Some(dossier_id),
            event: ev::PackageFrozen {
                version: header.version,
                content_hash: hash.clone(),
                items: stored.package.items().count(),
                stale,
            }
            .into(),
        },
    )
    .await?;
    get(app, actor, dossier_id, Some(header.version)).await
}

/// None when the draft is current; the confirmation to audit when it is stale and a reason
/// was given; a refusal naming every change otherwise.
async fn stale_confirmation(
    tx: &mut Conn,
    dossier_id: &str,
    header: &PackageVersion,
    reason: Option<&str>,
) -> Result<Option<ev::StaleFreeze>, AppError> {
    let dossier = dossiers::get(tx, dossier_id)
        .await?
        .ok_or(AppError::NotFound("dossier"))?;
    let changes = inputs::changes_since(tx, &dossier, header).await?;
    if changes.is_empty() {
        return Ok(None);
    }
    let Some(reason) = reason.map(str::trim).filter(|r| !r.is_empty()) else {
        return Err(AppError::Conflict(inputs::refusal(&changes)));
    };
    if reason.chars().count() < 3
        || reason.chars().count() > crate::checklists::MAX_REASON_CHARS
        || reason.chars().any(|c| c.is_control() && c != '\n')
    {
        return Err(AppError::invalid(
            "stale_reason",
            "reason_required",
            "invalid-stale-reason",
        ));
    }
    Ok(Some(ev::StaleFreeze {
        reason: reason.to_string(),
        changes: changes.into_iter().map(|c| c.nl).collect(),
    }))
}
