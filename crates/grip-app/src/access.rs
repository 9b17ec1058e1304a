//! What an actor may do, answered once per request. Role rights come from grip-core's
//! matrix; on a dossier they also depend on membership (one lookup), on need-to-know (the
//! organisation's `ReadPolicy`) and on which roles the organisation lets waive checklist
//! items. Use cases check these; pages use the same answer to decide what to offer.
//!
//! A dossier the actor may not read does not exist for them: every use case touching it
//! answers `NotFound`, before any other check, so neither a 403 nor a message gives it away.

use grip_core::{ReadPolicy, ReadScope};
use grip_store::{Conn, dossiers, settings};
use serde::Serialize;

use crate::{Action, Actor, App, AppError, Role};

/// The setting holding the organisation's need-to-know policy (JSON `ReadPolicy`).
pub const READ_POLICY_SETTING: &str = "access.read_policy";

/// The setting naming the roles that may waive a checklist item.
pub const WAIVE_ROLES_SETTING: &str = "checklist.waive_roles";
/// Who may waive when the administrator has not said otherwise.
pub const DEFAULT_WAIVE_ROLES: [Role; 2] = [Role::Inkoper, Role::Beheerder];

/// Checks a right that depends on roles alone.
pub fn require(actor: &Actor, action: Action) -> Result<(), AppError> {
    if actor.may(action) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Everything one actor may do on one dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Permissions {
    pub member: bool,
    pub read: bool,
    pub edit: bool,
    pub move_phase: bool,
    pub upload: bool,
    pub classify: bool,
    pub update_obligations: bool,
    pub edit_package: bool,
    pub freeze_package: bool,
    pub update_checklist: bool,
    /// May waive mandatory checklist items (a role the organisation allows, on the team).
    pub waive: bool,
    /// May score bids as an independent assessor.
    pub score: bool,
    /// May record bids, lead the consensus round and propose decisions.
    pub record_bid: bool,
    pub lead_assessment: bool,
    pub propose_decision: bool,
    /// The roles in which this person may sign a decision on this dossier.
    pub sign_as: Vec<Role>,
    #[serde(skip)]
    actor_rights: Vec<Action>,
}

impl Permissions {
    /// On a dossier the actor may read (`on_dossier` refuses the others before this).
    fn new(actor: &Actor, member: bool, waive_roles: &[Role]) -> Permissions {
        let may = |action| actor.may_in_dossier(action, member);
        let on_team = member || actor.has(Role::Beheerder);
        Permissions {
            member,
            read: actor.may(Action::Read),
            edit: may(Action::EditDossier),
            move_phase: may(Action::MovePhase),
            upload: may(Action::UploadDocument),
            classify: may(Action::Classify),
            update_obligations: may(Action::UpdateObligation),
            edit_package: may(Action::EditPackage),
            freeze_package: may(Action::FreezePackage),
            update_checklist: may(Action::UpdateChecklist),
            waive: may(Action::UpdateChecklist)
                && actor.roles.iter().any(|r| waive_roles.contains(r)),
            score: member && actor.has(Role::Beoordelaar),
            record_bid: may(Action::RecordBid),
            lead_assessment: may(Action::LeadAssessment),
            propose_decision: may(Action::ProposeDecision),
            sign_as: if on_team {
                actor.roles.clone()
            } else {
                Vec::new()
            },
            actor_rights: Action::ALL.into_iter().filter(|a| may(*a)).collect(),
        }
    }

    pub fn may(&self, action: Action) -> bool {
        self.actor_rights.contains(&action)
    }

    pub fn require(&self, action: Action) -> Result<(), AppError> {
        if self.may(action) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }
}

/// The actor's permissions on a dossier, read on the caller's connection (or transaction).
/// A dossier that is not there, or that the actor may not read, is `NotFound`.
pub async fn on_dossier(
    conn: &mut Conn,
    actor: &Actor,
    dossier_id: &str,
) -> Result<Permissions, AppError> {
    let member = require_read(conn, actor, dossier_id).await?;
    let waive_roles = waive_roles_on(conn).await?;
    Ok(Permissions::new(actor, member, &waive_roles))
}

/// For pages that only need to know what to offer.
pub async fn permissions(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
) -> Result<Permissions, AppError> {
    let mut conn = app.store.conn().await?;
    on_dossier(&mut conn, actor, dossier_id).await
}

/// Checks a dossier-scoped right (role and membership) and returns the permissions. Reading
/// comes first, so an unreadable dossier is `NotFound` whatever the action.
pub(crate) async fn require_on_dossier(
    conn: &mut Conn,
    actor: &Actor,
    action: Action,
    dossier_id: &str,
) -> Result<Permissions, AppError> {
    let permissions = on_dossier(conn, actor, dossier_id).await?;
    require(actor, action)?;
    permissions.require(action)?;
    Ok(permissions)
}

/// Need-to-know for one dossier: `NotFound` when it is not there or the actor may not read
/// it; otherwise whether the actor is on its team.
pub async fn require_read(
    conn: &mut Conn,
    actor: &Actor,
    dossier_id: &str,
) -> Result<bool, AppError> {
    require(actor, Action::Read)?;
    let Some((label, member)) = dossiers::read_facts(conn, dossier_id, &actor.user_id).await?
    else {
        return Err(AppError::NotFound("dossier"));
    };
    if read_policy_on(conn).await?.may_read(actor, label, member) {
        Ok(member)
    } else {
        Err(AppError::NotFound("dossier"))
    }
}

/// `require_read` for something that belongs to a dossier (a document, a job, an inventory
/// item): refused, it is `what` that is not found, as if it did not exist.
pub async fn require_read_of(
    conn: &mut Conn,
    actor: &Actor,
    dossier_id: &str,
    what: &'static str,
) -> Result<(), AppError> {
    match require_read(conn, actor, dossier_id).await {
        Ok(_) => Ok(()),
        Err(AppError::NotFound(_)) => Err(AppError::NotFound(what)),
        Err(other) => Err(other),
    }
}

/// Which dossiers the actor may read, for lists, counts and search.
pub async fn read_scope(conn: &mut Conn, actor: &Actor) -> Result<ReadScope, AppError> {
    require(actor, Action::Read)?;
    Ok(read_policy_on(conn).await?.scope(actor))
}

/// The organisation's need-to-know policy (the default until an administrator sets one).
pub async fn read_policy_on(conn: &mut Conn) -> Result<ReadPolicy, AppError> {
    match settings::get(conn, READ_POLICY_SETTING).await? {
        Some(text) => serde_json::from_str(&text)
            .map_err(|e| AppError::Internal(format!("setting {READ_POLICY_SETTING}: {e}"))),
        None => Ok(ReadPolicy::default()),
    }
}

/// The organisation's need-to-know policy.
pub async fn read_policy(app: &App) -> Result<ReadPolicy, AppError> {
    let mut conn = app.store.conn().await?;
    read_policy_on(&mut conn).await
}

/// Sets need-to-know (administrators). At least the secret level stays closed: a policy
/// that opens every level would switch need-to-know off without anyone saying so.
pub async fn set_read_policy(
    app: &App,
    actor: &Actor,
    policy: &ReadPolicy,
) -> Result<(), AppError> {
    require(actor, Action::ManageSettings)?;
    if policy.open_up_to == grip_core::DataLabel::Secret {
        return Err(AppError::invalid(
            "open_up_to",
            "everything_open",
            "invalid-read-policy-all-open",
        ));
    }
    let mut roles = policy.roles.clone();
    roles.sort();
    roles.dedup();
    let policy = ReadPolicy {
        open_up_to: policy.open_up_to,
        roles,
    };
    let text = serde_json::to_string(&policy)
        .map_err(|e| AppError::Internal(format!("read policy: {e}")))?;
    let now = crate::now_ms();
    let mut tx = app.store.begin_write().await?;
    let labels = crate::organisation::label_names_on(&mut tx).await?;
    settings::put(&mut tx, READ_POLICY_SETTING, &text, &actor.username, now).await?;
    crate::record::commit_with_event(
        tx,
        grip_store::audit::NewEvent {
            at_ms: now,
            actor: &actor.username,
            dossier: None,
            event: grip_core::audit_event::ReadPolicySet {
                open_up_to: labels.name(policy.open_up_to).to_string(),
                roles: policy.roles.clone(),
            }
            .into(),
        },
    )
    .await?;
    Ok(())
}

/// The roles that may waive checklist items.
pub async fn waive_roles(app: &App) -> Result<Vec<Role>, AppError> {
    let mut conn = app.store.conn().await?;
    waive_roles_on(&mut conn).await
}

pub(crate) async fn waive_roles_on(conn: &mut Conn) -> Result<Vec<Role>, AppError> {
    let stored = settings::get(conn, WAIVE_ROLES_SETTING).await?;
    let Some(text) = stored else {
        return Ok(DEFAULT_WAIVE_ROLES.to_vec());
    };
    let ids: Vec<String> = serde_json::from_str(&text)
        .map_err(|e| AppError::Internal(format!("setting {WAIVE_ROLES_SETTING}: {e}")))?;
    Ok(ids.iter().filter_map(|id| Role::parse(id)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(roles: &[Role]) -> Actor {
        Actor {
            user_id: "u".into(),
            username: "u".into(),
            roles: roles.to_vec(),
        }
    }

    #[test]
    fn a_buyer_off_the_team_may_read_but_not_change() {
        let p = Permissions::new(&actor(&[Role::Inkoper]), false, &DEFAULT_WAIVE_ROLES);
        assert!(p.read);
        assert!(!p.edit && !p.upload && !p.waive && !p.freeze_package);
        assert!(p.sign_as.is_empty());
        assert!(p.require(Action::EditDossier).is_err());
    }

    #[test]
    fn waiving_follows_the_organisation_setting() {
        let jurist = actor(&[Role::Jurist]);
        assert!(!Permissions::new(&jurist, true, &DEFAULT_WAIVE_ROLES).waive);
        assert!(Permissions::new(&jurist, true, &[Role::Jurist]).waive);
        assert!(!Permissions::new(&jurist, false, &[Role::Jurist]).waive);
    }

    #[test]
    fn assessors_score_only_on_their_team() {
        let assessor = actor(&[Role::Beoordelaar]);
        assert!(Permissions::new(&assessor, true, &[]).score);
        assert!(!Permissions::new(&assessor, false, &[]).score);
        assert_eq!(
            Permissions::new(&assessor, true, &[]).sign_as,
            vec![Role::Beoordelaar]
        );
    }
}
