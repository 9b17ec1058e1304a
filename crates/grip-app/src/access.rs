//! What an actor may do, answered once per request. Role rights come from grip-core's
//! matrix; on a dossier they also depend on membership (one lookup) and on which roles the
//! organisation lets waive checklist items. Use cases check these; pages use the same answer
//! to decide what to offer.

use grip_store::{Conn, dossiers, settings};
use serde::Serialize;

use crate::{Action, Actor, App, AppError, Role};

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
    /// The roles in which this person may sign a decision on this dossier.
    pub sign_as: Vec<Role>,
    #[serde(skip)]
    actor_rights: Vec<Action>,
}

impl Permissions {
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
pub async fn on_dossier(
    conn: &mut Conn,
    actor: &Actor,
    dossier_id: &str,
) -> Result<Permissions, AppError> {
    let member = dossiers::is_member(conn, dossier_id, &actor.user_id).await?;
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

/// Checks a dossier-scoped right (role and membership) and returns the permissions.
pub(crate) async fn require_on_dossier(
    conn: &mut Conn,
    actor: &Actor,
    action: Action,
    dossier_id: &str,
) -> Result<Permissions, AppError> {
    require(actor, action)?;
    let permissions = on_dossier(conn, actor, dossier_id).await?;
    permissions.require(action)?;
    Ok(permissions)
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
