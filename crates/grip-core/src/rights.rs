//! Who may do what. Every route and every use case asks `Actor::may`; the answer depends
//! only on roles here, and on dossier membership for dossier-scoped changes (`in_dossier`).
//! Reading a dossier follows need-to-know (`ReadPolicy`): above the level every colleague may
//! read, only its team and the roles the organisation names may see that it exists.

use crate::{DataLabel, Role};
use serde::{Deserialize, Serialize};

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
    /// Record a supplier's bid on the dossier's frozen package.
    RecordBid,
    /// Lead the consensus round: set the award rule and record consensus scores.
    LeadAssessment,
    /// Propose a decision record at a phase gate.
    ProposeDecision,
    /// Record contracts, their AI baseline and supplier change notices, and decide on the
    /// triage of a notice.
    ManageContract,
}

impl Action {
    pub const ALL: [Action; 19] = [
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
        Action::RecordBid,
        Action::LeadAssessment,
        Action::ProposeDecision,
        Action::ManageContract,
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
            // Bids come in through the buyer who runs the tender; the consensus round is
            // theirs to lead, and they propose the decision others sign.
            Action::RecordBid => &[Inkoper, Beheerder],
            Action::LeadAssessment => &[Inkoper],
            Action::ProposeDecision => &[Inkoper, Contractmanager],
            // After signature the contract is the contract manager's, with the buyer.
            Action::ManageContract => &[Contractmanager, Inkoper],
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
                | Action::RecordBid
                | Action::LeadAssessment
                | Action::ProposeDecision
                | Action::ManageContract
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

/// Need-to-know, as the organisation sets it. Dossiers labelled up to `open_up_to` are read by
/// every signed-in person; above it only by the dossier's members (its requester included)
/// and by holders of `roles`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadPolicy {
    pub open_up_to: DataLabel,
    pub roles: Vec<Role>,
}

impl Default for ReadPolicy {
    /// Internal is the level a dossier gets unless someone marks it higher, so colleagues can
    /// see the ordinary work; confidential and secret dossiers are need-to-know. The auditor
    /// reads everything (read-only by the matrix above); the administrator does not, since
    /// managing accounts is no reason to read a secret acquisition.
    fn default() -> Self {
        ReadPolicy {
            open_up_to: DataLabel::Internal,
            roles: vec![Role::Auditor],
        }
    }
}

impl ReadPolicy {
    /// Read by every signed-in person, whatever their team.
    pub fn is_open(&self, label: DataLabel) -> bool {
        label <= self.open_up_to
    }

    /// Holds a role that reads every dossier.
    pub fn reads_everything(&self, actor: &Actor) -> bool {
        actor.roles.iter().any(|r| self.roles.contains(r))
    }

    pub fn may_read(&self, actor: &Actor, label: DataLabel, is_member: bool) -> bool {
        actor.may(Action::Read)
            && (self.is_open(label) || is_member || self.reads_everything(actor))
    }

    /// Which dossiers the actor may read, for filtering lists, counts and search in the store.
    pub fn scope(&self, actor: &Actor) -> ReadScope {
        if self.reads_everything(actor) {
            return ReadScope::Everything;
        }
        ReadScope::OpenOrMember {
            open_labels: DataLabel::ALL
                .iter()
                .copied()
                .filter(|l| self.is_open(*l))
                .collect(),
            user_id: actor.user_id.clone(),
        }
    }
}

/// The dossiers one person may read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadScope {
    Everything,
    /// Those labelled one of `open_labels`, and those `user_id` is a member or requester of.
    OpenOrMember {
        open_labels: Vec<DataLabel>,
        user_id: String,
    },
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

    #[test]
    fn need_to_know_opens_secret_dossiers_to_members_and_named_roles_only() {
        let policy = ReadPolicy::default();
        let buyer = actor(&[Role::Inkoper]);
        assert!(policy.may_read(&buyer, DataLabel::Internal, false));
        assert!(!policy.may_read(&buyer, DataLabel::Confidential, false));
        assert!(policy.may_read(&buyer, DataLabel::Secret, true));
        assert!(policy.may_read(&actor(&[Role::Auditor]), DataLabel::Secret, false));
        assert!(!policy.may_read(&actor(&[Role::Beheerder]), DataLabel::Secret, false));
        let strict = ReadPolicy {
            open_up_to: DataLabel::Public,
            roles: vec![],
        };
        assert!(!strict.may_read(&buyer, DataLabel::Internal, false));
        assert!(!strict.may_read(&actor(&[Role::Auditor]), DataLabel::Internal, false));
        assert!(
            !policy.may_read(&actor(&[]), DataLabel::Public, true),
            "no role, no reading"
        );
    }

    #[test]
    fn the_scope_names_the_open_levels_and_the_reader() {
        let policy = ReadPolicy::default();
        assert_eq!(
            policy.scope(&actor(&[Role::Auditor])),
            ReadScope::Everything
        );
        assert_eq!(
            policy.scope(&actor(&[Role::Jurist])),
            ReadScope::OpenOrMember {
                open_labels: vec![DataLabel::Public, DataLabel::Internal],
                user_id: "u".into(),
            }
        );
    }
}
