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
    /// The item belongs to one of the viewer's roles.
    pub mine: bool,
}

impl CheckView {
    pub fn is_open(&self) -> bool {
        self.status == CheckStatus::Open.code()
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
    require(actor, Action::Read)?;
    let mut conn = app.store.conn().await?;
    let dossier = dossiers::get(&mut conn, dossier_id)
        .await?
        .ok_or(AppError::NotFound("dossier"))?;
    let permissions = on_dossier(&mut conn, actor, dossier_id).await?;
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
/// member whose role the organisation allows to waive.
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
    let check = pack()?
        .content()
        .phase(dossier.phase.id())
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
        })?;
    let reason = reason.trim();
    let own = actor.roles.iter().any(|r| r.id() == check.role) || actor.has(Role::Beheerder);
    match status {
        CheckStatus::Waived => {
            if !permissions.waive {
                return Err(AppError::Forbidden);
            }
            if reason.chars().count() < 3 {
                return Err(AppError::invalid(
                    "reason",
                    "reason_required",
                    "invalid-skip-reason-required",
                ));
            }
        }
        CheckStatus::Done | CheckStatus::Open if !own => return Err(AppError::Forbidden),
        _ => {}
    }
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
    let now = now_ms();
    if status == CheckStatus::Open {
        if !checklists::clear(&mut tx, dossier_id, item_id).await? {
            return Ok(());
        }
    } else {
        let row = ChecklistMark {
            dossier_id: dossier_id.into(),
            item_id: item_id.into(),
            phase: dossier.phase,
            status,
            reason: reason.into(),
            set_by: actor.username.clone(),
            set_at: now,
        };
        checklists::set(&mut tx, &row).await?;
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
                status: status.code().into(),
                reason: reason.into(),
            }
            .into(),
        },
    )
    .await?;
    Ok(())
}

/// The mandatory items of `phase` that are neither done nor waived: they hold the gate.
pub(crate) async fn open_mandatory(
    conn: &mut Conn,
    dossier_id: &str,
    phase: Phase,
) -> Result<Vec<Check>, AppError> {
    Ok(phase_items(conn, dossier_id, phase, &[])
        .await?
        .into_iter()
        .filter(|i| i.check.mandatory && i.is_open())
        .map(|i| i.check)
        .collect())
}

/// The waive roles as the settings page shows them (administrators only).
pub async fn waive_roles_setting(app: &App, actor: &Actor) -> Result<Vec<Role>, AppError> {
    require(actor, Action::ManageSettings)?;
    crate::access::waive_roles(app).await
}
