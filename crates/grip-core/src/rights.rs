//! Who may do what. Every route and every use case asks `Actor::may`; the answer depends
//! only on roles here, and on dossier membership for dossier-scoped changes (`in_dossier`).

use crate::Role;
use serde::Serialize;

/// The signed-in person (or API token holder) on whose behalf something happens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    pub user_id: String,
    pub username: String,
    pub roles: Vec<Role>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Read dossiers, catalogues, inventory and the dossier history.
    Read,
    CreateDossier,
    EditDossier,
    MovePhase,
    UploadDocument,
    ManageCatalogue,
    ManageInventory,
    ManageUsers,
    VerifyAudit,
    /// Answer the AI Act questions for a dossier and store the resulting classification.
    Classify,
    /// Change the status of an obligation that a classification put on a dossier.
    UpdateObligation,
    /// Generate and edit the dossier's tender package (draft versions only).
    EditPackage,
    /// Freeze a version of the tender package so it can be sent out.
    FreezePackage,
    /// Mark the role × phase checklist items of one's own roles done.
    UpdateChecklist,
    /// Change organisation-wide settings (such as who may waive checklist items).
    ManageSettings,
}

impl Action {
    pub const ALL: [Action; 15] = [
        Action::Read,
        Action::CreateDossier,
        Action::EditDossier,
        Action::MovePhase,
        Action::UploadDocument,
        Action::ManageCatalogue,
        Action::ManageInventory,
        Action::ManageUsers,
        Action::VerifyAudit,
        Action::Classify,
        Action::UpdateObligation,
        Action::EditPackage,
        Action::FreezePackage,
        Action::UpdateChecklist,
        Action::ManageSettings,
    ];

    /// The roles that grant this action. The auditor only reads; the administrator manages
    /// people and catalogues but dossier work belongs to the people doing the acquisition.
    pub fn granted_to(self) -> &'static [Role] {
        use Role::*;
        match self {
            Action::Read => &Role::ALL,
            Action::CreateDossier => &[Inkoper, Behoeftesteller, Beheerder],
            Action::EditDossier => &[Inkoper, Behoeftesteller, Contractmanager, Beheerder],
            Action::MovePhase => &[Inkoper, Contractmanager, Beheerder],
            Action::UploadDocument => &[
                Inkoper,
                Behoeftesteller,
                Contractmanager,
                Jurist,
                Privacy,
                Security,
                AiExpert,
                Beheerder,
            ],
            Action::ManageCatalogue => &[Inkoper, Beheerder],
            Action::ManageInventory => &[Inkoper, Contractmanager, Beheerder],
            Action::ManageUsers => &[Beheerder],
            Action::VerifyAudit => &[Auditor, Beheerder],
            // Classifying needs legal or AI knowledge, or the buyer who owns the file.
            Action::Classify => &[Inkoper, Jurist, Privacy, AiExpert, Beheerder],
            // Obligations are picked up by whoever carries them, including the contract
            // manager after award and security for the technical duties.
            Action::UpdateObligation => &[
                Inkoper,
                Contractmanager,
                Jurist,
                Privacy,
                Security,
                AiExpert,
                Beheerder,
            ],
            // The package is written by the buyer with the specialists; the needs owner
            // checks it reflects the need. The contract manager takes over after award.
            Action::EditPackage => &[
                Inkoper,
                Behoeftesteller,
                Jurist,
                Privacy,
                Security,
                AiExpert,
                Beheerder,
            ],
            // Sending a package out is the buyer's decision.
            Action::FreezePackage => &[Inkoper, Beheerder],
            // Everyone doing the acquisition ticks off their own checklist; the auditor reads.
            Action::UpdateChecklist => &[
                Inkoper,
                Behoeftesteller,
                Contractmanager,
                Jurist,
                Privacy,
                Security,
                AiExpert,
                Beoordelaar,
                Beheerder,
            ],
            Action::ManageSettings => &[Beheerder],
        }
    }

    /// Dossier-scoped changes need membership of that dossier (the administrator excepted).
    pub fn needs_membership(self) -> bool {
        matches!(
            self,
            Action::EditDossier
                | Action::MovePhase
                | Action::UploadDocument
                | Action::Classify
                | Action::UpdateObligation
                | Action::EditPackage
                | Action::FreezePackage
                | Action::UpdateChecklist
        )
    }
}

impl Actor {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    pub fn may(&self, action: Action) -> bool {
        action.granted_to().iter().any(|r| self.has(*r))
    }

    /// `may` for a change to one dossier, given whether the actor is a member of it.
    pub fn may_in_dossier(&self, action: Action, is_member: bool) -> bool {
        self.may(action) && (!action.needs_membership() || is_member || self.has(Role::Beheerder))
    }
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
    fn auditor_only_reads() {
        let auditor = actor(&[Role::Auditor]);
        for action in Action::ALL {
            let expected = matches!(action, Action::Read | Action::VerifyAudit);
            assert_eq!(auditor.may(action), expected, "{action:?}");
        }
    }

    #[test]
    fn dossier_changes_need_membership_except_for_the_administrator() {
        let buyer = actor(&[Role::Inkoper]);
        assert!(buyer.may_in_dossier(Action::EditDossier, true));
        assert!(!buyer.may_in_dossier(Action::EditDossier, false));
        let admin = actor(&[Role::Beheerder]);
        assert!(admin.may_in_dossier(Action::MovePhase, false));
        let assessor = actor(&[Role::Beoordelaar]);
        assert!(!assessor.may_in_dossier(Action::UploadDocument, true));
    }

    #[test]
    fn several_roles_combine() {
        let both = actor(&[Role::Auditor, Role::Beheerder]);
        assert!(both.may(Action::ManageUsers));
        assert!(!actor(&[Role::Auditor]).may(Action::ManageUsers));
    }
}
