//! Role × phase guidance on a dossier: the roles-phases checklist of the dossier's phase with
//! each item's status, ticking items off, waiving them with a reason (by the roles the
//! organisation allows), and the open mandatory items that hold the phase gate.

use grip_core::audit_event as ev;
use std::sync::OnceLock;

use grip_core::checklist::ChecklistMark;
use grip_core::dossier::Dossier;
use grip_knowledge::tender::{Check, RolesPhasesPack};
use grip_store::audit::NewEvent;
use grip_store::checklists;
use grip_store::{Conn, dossiers, settings};

use crate::access::{
    Permissions, WAIVE_ROLES_SETTING, on_dossier, require, require_on_dossier, waive_roles_on,
};
use crate::record::commit_with_event;
use crate::{Action, Actor, App, AppError, Phase, Role, now_ms};

pub const MAX_REASON_CHARS: usize = 1000;

/// The roles-phases pack compiled into this binary, loaded and validated once per process.
pub fn pack() -> Result<&'static RolesPhasesPack, AppError> {
    static PACK: OnceLock<Result<RolesPhasesPack, String>> = OnceLock::new();
    PACK.get_or_init(|| RolesPhasesPack::embedded().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| AppError::Internal(format!("the roles-phases pack is invalid: {e}")))
}

pub use grip_core::checklist::CheckStatus;

/// One checklist item with its status on this dossier.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CheckView {
    pub check: Check,
    pub status: &'static str,
    pub reason: Option<String>,
    pub set_by: Option<String>,
    pub set_at: Option<i64>,
    /// Who proposed the waiver (pending or confirmed by `set_by`).
    pub proposed_by: Option<String>,
    /// The item belongs to one of the viewer's roles.
    pub mine: bool,
}

impl CheckView {
    /// Open, or with a waiver that still waits for its second person: it holds the gate.
    pub fn is_open(&self) -> bool {
        CheckStatus::from_code(self.status).is_none_or(CheckStatus::is_open)
    }
}

/// The checklist of the dossier's current phase.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PhaseChecklist {
    pub phase: Phase,
    pub items: Vec<CheckView>,
    /// The viewer may waive items (their role is allowed to and they may work on the dossier).
    pub may_waive: bool,
}

impl PhaseChecklist {
    pub fn open_mandatory(&self) -> impl Iterator<Item = &CheckView> {
        self.items
            .iter()
            .filter(|i| i.check.mandatory && i.is_open())
    }

    pub fn mine(&self) -> impl Iterator<Item = &CheckView> {
        self.items.iter().filter(|i| i.mine)
    }
}

async fn phase_items(
    conn: &mut Conn,
    dossier_id: &str,
    phase: Phase,
    viewer_roles: &[Role],
) -> Result<Vec<CheckView>, AppError> {
    let statuses = checklists::for_dossier(conn, dossier_id).await?;
    let checks = pack()?.content().phase(phase.id()).unwrap_or_default();
    Ok(checks
        .iter()
        .map(|c| {
            let row = statuses.iter().find(|s| s.item_id == c.id);
            CheckView {
                check: c.clone(),
                status: row.map_or(CheckStatus::Open, |r| r.status).code(),
                reason: row.map(|r| r.reason.clone()).filter(|r| !r.is_empty()),
                set_by: row.map(|r| r.set_by.clone()),
                set_at: row.map(|r| r.set_at),
                proposed_by: row.and_then(|r| r.proposed_by.clone()),
                mine: viewer_roles.iter().any(|r| r.id() == c.role),
            }
        })
        .collect())
}

/// Sets who may waive checklist items (administrators only).
pub async fn set_waive_roles(app: &App, actor: &Actor, roles: &[Role]) -> Result<(), AppError> {
    require(actor, Action::ManageSettings)?;
    let mut tx = app.store.begin_write().await?;
    let before = waive_roles_on(&mut tx).await?;
    let ids: Vec<&str> = roles.iter().map(|r| r.id()).collect();
    let now = now_ms();
    let value = serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into());
    settings::put(&mut tx, WAIVE_ROLES_SETTING, &value, &actor.username, now).await?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &actor.username,
            dossier: None,
            event: ev::SettingChanged {
                name: WAIVE_ROLES_SETTING.into(),
                from: before,
                to: roles.to_vec(),
            }
            .into(),
        },
    )
    .await?;
    Ok(())
}

/// The dossier's current phase checklist, for every role, marked with the viewer's own items.
pub async fn for_dossier(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
) -> Result<PhaseChecklist, AppError> {
    let mut conn = app.store.conn().await?;
    let permissions = on_dossier(&mut conn, actor, dossier_id).await?;
    let dossier = dossiers::get(&mut conn, dossier_id)
        .await?
        .ok_or(AppError::NotFound("dossier"))?;
    checklist_on(&mut conn, actor, &dossier, &permissions).await
}

/// The checklist of `dossier`'s phase on the caller's connection.
pub(crate) async fn checklist_on(
    conn: &mut Conn,
    actor: &Actor,
    dossier: &Dossier,
    permissions: &Permissions,
) -> Result<PhaseChecklist, AppError> {
    let items = phase_items(conn, &dossier.id, dossier.phase, &actor.roles).await?;
    Ok(PhaseChecklist {
        phase: dossier.phase,
        items,
        may_waive: permissions.waive,
    })
}

/// Marks an item of the dossier's current phase done, waived (reason required) or open again.
/// Done and open: by a member holding the item's role (or the administrator). Waived: by a
/// member holding the item's role; anyone else whose role the organisation allows to waive
/// only proposes the waiver of a mandatory item, which a second person (holding the role or
/// allowed to waive) confirms — four eyes. The proposer may withdraw it by reopening.
pub async fn set_status(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    item_id: &str,
    status: CheckStatus,
    reason: &str,
) -> Result<(), AppError> {
    let mut tx = app.store.begin_write().await?;
    let dossier = dossiers::get(&mut tx, dossier_id)
        .await?
        .ok_or(AppError::NotFound("dossier"))?;
    let permissions =
        require_on_dossier(&mut tx, actor, Action::UpdateChecklist, dossier_id).await?;
    let check = phase_check(dossier.phase, item_id)?;
    let reason = check_reason(reason)?;
    let current = checklists::for_dossier(&mut tx, dossier_id)
        .await?
        .into_iter()
        .find(|m| m.item_id == item_id);
    let decision = decide(
        actor,
        &permissions,
        &check,
        status,
        reason,
        current.as_ref(),
    )?;
    let now = now_ms();
    match decision.status {
        CheckStatus::Open => {
            if !checklists::clear(&mut tx, dossier_id, item_id).await? {
                return Ok(());
            }
        }
        stored => {
            let row = ChecklistMark {
                dossier_id: dossier_id.into(),
                item_id: item_id.into(),
                phase: dossier.phase,
                status: stored,
                reason: decision.reason.clone(),
                set_by: actor.username.clone(),
                set_at: now,
                proposed_by: decision.proposed_by.clone(),
            };
            checklists::set(&mut tx, &row).await?;
        }
    }
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &actor.username,
            dossier: Some(dossier_id),
            event: ev::ChecklistStatusSet {
                item: item_id.into(),
                phase: dossier.phase,
                role: check.role.clone(),
                mandatory: check.mandatory,
                status: decision.status.code().into(),
                reason: decision.reason,
                proposed_by: decision.proposed_by,
            }
            .into(),
        },
    )
    .await?;
    Ok(())
}

/// The item of the phase's checklist with this id; a field error for any other id.
fn phase_check(phase: Phase, item_id: &str) -> Result<Check, AppError> {
    pack()?
        .content()
        .phase(phase.id())
        .unwrap_or_default()
        .iter()
        .find(|c| c.id == item_id)
        .cloned()
        .ok_or_else(|| {
            AppError::from(
                grip_core::dossier::FieldError::new(
                    "item",
                    "unknown_item",
                    "invalid-unknown-checklist-item",
                )
                .with("item", item_id),
            )
        })
}

fn check_reason(reason: &str) -> Result<&str, AppError> {
    let reason = reason.trim();
    if reason.chars().count() > MAX_REASON_CHARS
        || reason.chars().any(|c| c.is_control() && c != '\n')
    {
        return Err(grip_core::dossier::FieldError::new(
            "reason",
            "invalid_reason",
            "invalid-reason",
        )
        .with("max", MAX_REASON_CHARS)
        .into());
    }
    Ok(reason)
}

/// What a request to set an item's status amounts to.
struct Decision {
    status: CheckStatus,
    reason: String,
    proposed_by: Option<String>,
}

/// The rules of who may set what (see `set_status`).
fn decide(
    actor: &Actor,
    permissions: &Permissions,
    check: &Check,
    requested: CheckStatus,
    reason: &str,
    current: Option<&ChecklistMark>,
) -> Result<Decision, AppError> {
    let holder = actor.roles.iter().any(|r| r.id() == check.role);
    let proposal = current.filter(|m| m.status == CheckStatus::WaiverProposed);
    let proposer = proposal.and_then(|m| m.proposed_by.as_deref());
    let plain = |status| Decision {
        status,
        reason: reason.to_string(),
        proposed_by: None,
    };
    match requested {
        CheckStatus::Done if holder || actor.has(Role::Beheerder) => Ok(plain(CheckStatus::Done)),
        CheckStatus::Open
            if holder
                || actor.has(Role::Beheerder)
                || proposer == Some(actor.username.as_str()) =>
        {
            Ok(plain(CheckStatus::Open))
        }
        CheckStatus::Done | CheckStatus::Open => Err(AppError::Forbidden),
        CheckStatus::Waived | CheckStatus::WaiverProposed => {
            if let (Some(mark), Some(proposer)) = (proposal, proposer) {
                return confirm(actor, permissions.waive || holder, mark, proposer);
            }
            if !permissions.waive && !holder {
                return Err(AppError::Forbidden);
            }
            if !holder && current.is_some_and(|m| m.status == CheckStatus::Waived) {
                return Err(AppError::Conflict(
                    "Dit punt is al vrijgesteld; heropen het eerst als dat niet meer klopt.".into(),
                ));
            }
            if reason.chars().count() < 3 {
                return Err(AppError::invalid(
                    "reason",
                    "reason_required",
                    "invalid-skip-reason-required",
                ));
            }
            if holder || !check.mandatory {
                Ok(plain(CheckStatus::Waived))
            } else {
                Ok(Decision {
                    status: CheckStatus::WaiverProposed,
                    reason: reason.to_string(),
                    proposed_by: Some(actor.username.clone()),
                })
            }
        }
    }
}

/// A second person confirms a proposed waiver; the proposer cannot confirm their own.
fn confirm(
    actor: &Actor,
    may_confirm: bool,
    proposal: &ChecklistMark,
    proposer: &str,
) -> Result<Decision, AppError> {
    if proposer == actor.username {
        return Err(AppError::Conflict(
            "U heeft deze vrijstelling zelf voorgesteld; een tweede persoon (met die rol of met \
             het recht om vrij te stellen) moet haar bevestigen."
                .into(),
        ));
    }
    if !may_confirm {
        return Err(AppError::Forbidden);
    }
    Ok(Decision {
        status: CheckStatus::Waived,
        reason: proposal.reason.clone(),
        proposed_by: Some(proposer.to_string()),
    })
}

/// The mandatory items of `phase` that are neither done nor waived (a proposed waiver still
/// waits for its second person): they hold the gate.
pub(crate) async fn open_mandatory(
    conn: &mut Conn,
    dossier_id: &str,
    phase: Phase,
) -> Result<Vec<CheckView>, AppError> {
    Ok(phase_items(conn, dossier_id, phase, &[])
        .await?
        .into_iter()
        .filter(|i| i.check.mandatory && i.is_open())
        .collect())
}

/// The waive roles as the settings page shows them (administrators only).
pub async fn waive_roles_setting(app: &App, actor: &Actor) -> Result<Vec<Role>, AppError> {
    require(actor, Action::ManageSettings)?;
    crate::access::waive_roles(app).await
}
