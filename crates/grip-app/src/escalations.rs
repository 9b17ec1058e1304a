//! Escalations of change notices: the tasks an escalation puts in the inbox of the roles
//! concerned on the dossier's team (with a due date), the inbox with its count, and closing
//! an escalation with the sealed decision record that settles it.

use std::collections::BTreeSet;

use grip_core::audit_event as ev;
use grip_core::contract::{ESCALATION_DAYS, EscalationTask};
use grip_knowledge::changes::GroundId;
use grip_store::audit::NewEvent;
use grip_store::contracts::{self, InboxRow};
use grip_store::{Conn, decisions};

use crate::access::on_dossier;
use crate::record::commit_with_event;
use crate::triage::Assessment;
use crate::{Action, Actor, App, AppError, Role, now_ms};

/// The roles an escalation on these grounds goes to.
pub fn roles_for(assessment: &Assessment) -> BTreeSet<Role> {
    let mut roles = BTreeSet::new();
    for ground in &assessment.grounds {
        roles.extend(match ground.id {
            GroundId::SensitiveCategory => [Role::Privacy, Role::Jurist],
            GroundId::ProhibitedPractice => [Role::Jurist, Role::AiExpert],
            GroundId::NewAnnexIiiArea => [Role::AiExpert, Role::Jurist],
            GroundId::NonEuCloud => [Role::Privacy, Role::Security],
            GroundId::NewAiProvider => [Role::Security, Role::Privacy],
            GroundId::BrokenCondition => [Role::Jurist, Role::Inkoper],
            GroundId::NoLongerSwitchable => [Role::AiExpert, Role::Security],
        });
    }
    if roles.is_empty() {
        // Escalated by the contract manager without a ground Grip named.
        roles.extend([Role::Jurist, Role::AiExpert]);
    }
    roles
}

/// Puts one task per role in the inboxes, inside the caller's transaction.
pub(crate) async fn open_tasks(
    tx: &mut Conn,
    actor: &Actor,
    dossier_id: &str,
    contract_id: &str,
    notice_id: &str,
    roles: &BTreeSet<Role>,
    now: i64,
) -> Result<(), AppError> {
    let due = crate::classification::today()
        .checked_add(jiff::Span::new().days(ESCALATION_DAYS))
        .map_err(|e| AppError::Internal(format!("due date: {e}")))?;
    for role in roles {
        let task = EscalationTask {
            id: grip_store::new_id(),
            dossier_id: dossier_id.into(),
            contract_id: contract_id.into(),
            notice_id: notice_id.into(),
            role: *role,
            due_on: due.to_string(),
            created_by: actor.username.clone(),
            created_at: now,
            closed: None,
        };
        contracts::insert_task(tx, &task).await?;
    }
    Ok(())
}

/// The escalation tasks of a notice (empty unless it was escalated), for those who may read
/// the contract.
pub async fn of_notice(
    app: &App,
    actor: &Actor,
    contract_id: &str,
    notice_id: &str,
) -> Result<Vec<EscalationTask>, AppError> {
    crate::contracts::notice(app, actor, contract_id, notice_id).await?;
    let mut conn = app.store.conn().await?;
    Ok(contracts::tasks_of_notice(&mut conn, notice_id).await?)
}

/// The open escalations for the roles the actor holds on each dossier's team.
pub async fn inbox(app: &App, actor: &Actor) -> Result<Vec<InboxRow>, AppError> {
    let mut conn = app.store.conn().await?;
    Ok(contracts::inbox(&mut conn, &actor.user_id).await?)
}

/// How many open escalations wait for the actor (for the page frame).
pub async fn inbox_count(app: &App, actor: &Actor) -> Result<i64, AppError> {
    let mut conn = app.store.conn().await?;
    Ok(contracts::inbox_count(&mut conn, &actor.user_id).await?)
}

/// Closes the escalation of a task's notice with a sealed decision record of its dossier.
pub async fn close(
    app: &App,
    actor: &Actor,
    task_id: &str,
    decision_id: &str,
) -> Result<(), AppError> {
    let mut tx = app.store.begin_write().await?;
    let (dossier_id, notice_id, role) = contracts::open_task(&mut tx, task_id)
        .await?
        .ok_or(AppError::NotFound("task"))?;
    // The people the task is for close it, as does the contract manager.
    let permissions = on_dossier(&mut tx, actor, &dossier_id).await?;
    let addressed = permissions.member && Role::parse(&role).is_some_and(|r| actor.has(r));
    if !addressed && !permissions.may(Action::ManageContract) {
        return Err(AppError::Forbidden);
    }
    let decision = decisions::get(&mut tx, decision_id.trim())
        .await?
        .filter(|d| d.dossier_id.as_str() == dossier_id && d.sealed_at.is_some())
        .ok_or_else(|| {
            AppError::invalid("decision_id", "unknown_decision", "invalid-sealed-decision")
        })?;
    let now = now_ms();
    contracts::close_tasks(
        &mut tx,
        &notice_id,
        &actor.username,
        now,
        decision.id.as_str(),
    )
    .await?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &actor.username,
            dossier: Some(&dossier_id),
            event: ev::EscalationClosed {
                task_id: task_id.into(),
                notice_id,
                decision_id: decision.id.to_string(),
            }
            .into(),
        },
    )
    .await?;
    Ok(())
}
