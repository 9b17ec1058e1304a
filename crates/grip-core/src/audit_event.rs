//! Every kind of event the audit trail records, each with its own typed payload. The kind
//! string and the payload's JSON are what the hash chain covers; the chain stores them as
//! text, so events recorded before this type existed still verify.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use crate::award::events::*;
use crate::dossier::DossierStatus;
use crate::inventory::{AiExposure, InventorySource};
use crate::screening_job::JobState;
use crate::{Phase, Role};

/// One field's value before and after a change (values of any JSON type).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldChange {
    pub from: Value,
    pub to: Value,
}

/// Changed fields by name.
pub type Changes = BTreeMap<String, FieldChange>;

macro_rules! audit_events {
    ($($variant:ident($payload:ident) = $kind:literal,)+) => {
        /// An event for the audit trail.
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(untagged)]
        pub enum AuditEvent { $($variant($payload)),+ }

        impl AuditEvent {
            /// The stable kind name stored with the event.
            pub fn kind(&self) -> &'static str {
                match self { $(AuditEvent::$variant(_) => $kind),+ }
            }

            /// Every kind name, in declaration order.
            pub const KINDS: &'static [&'static str] = &[$($kind),+];

            /// Reads a stored event back into its type; `None` for an unknown kind or a
            /// payload of another shape (such as one written by an older version).
            pub fn decode(kind: &str, payload: &str) -> Option<AuditEvent> {
                match kind {
                    $($kind => serde_json::from_str::<$payload>(payload).ok().map(AuditEvent::$variant),)+
                    _ => None,
                }
            }
        }

        $(impl From<$payload> for AuditEvent {
            fn from(payload: $payload) -> AuditEvent {
                AuditEvent::$variant(payload)
            }
        })+
    };
}

audit_events! {
    SignedIn(Empty) = "auth.signed_in",
    SignedOut(SignedOut) = "auth.signed_out",
    SignInFailed(SignInFailed) = "auth.sign_in_failed",
    TokenCreated(TokenCreated) = "token.created",
    UserCreated(UserCreated) = "user.created",
    UserRolesChanged(UserRolesChanged) = "user.roles_changed",
    UserPasswordReset(UserPasswordReset) = "user.password_reset",
    UserDeactivated(UserDeactivated) = "user.deactivated",
    UserReactivated(UserReactivated) = "user.reactivated",
    UserPasswordChanged(UserPasswordChanged) = "user.password_changed",
    ReadPolicySet(ReadPolicySet) = "setting.read_policy_set",
    SettingChanged(SettingChanged) = "setting.changed",
    OrganisationCreated(OrganisationCreated) = "organisation.created",
    LabelNamesSet(LabelNamesSet) = "organisation.label_names_set",
    PortfolioLoaded(PortfolioLoaded) = "portfolio.loaded",
    DemoLoaded(DemoLoaded) = "demo.loaded",
    SupplierCreated(SupplierCreated) = "supplier.created",
    DossierCreated(DossierCreated) = "dossier.created",
    DossierUpdated(DossierUpdated) = "dossier.updated",
    DossierPhaseMoved(DossierPhaseMoved) = "dossier.phase_moved",
    DossierMemberAdded(DossierMemberAdded) = "dossier.member_added",
    ChecklistStatusSet(ChecklistStatusSet) = "checklist.status_set",
    DocumentUploaded(DocumentUploaded) = "document.uploaded",
    ScreeningJobStarted(ScreeningJobStarted) = "screening_job.started",
    ScreeningJobItemFailed(ScreeningJobItemFailed) = "screening_job.item_failed",
    ScreeningJobFinished(ScreeningJobFinished) = "screening_job.finished",
    ScreeningJobCancelled(ScreeningJobCancelled) = "screening_job.cancelled",
    ClassificationRecorded(ClassificationRecorded) = "classification.recorded",
    ObligationStatusChanged(ObligationStatusChanged) = "obligation.status_changed",
    PackageGenerated(PackageGenerated) = "package.generated",
    PackageItemEdited(PackageItemEdited) = "package.item_edited",
    PackageItemRemoved(PackageItemRemoved) = "package.item_removed",
    PackageItemMoved(PackageItemMoved) = "package.item_moved",
    PackageItemAdded(PackageItemAdded) = "package.item_added",
    PackageFrozen(PackageFrozen) = "package.frozen",
    PackageRevised(PackageRevised) = "package.revised",
    InventoryCreated(InventoryCreated) = "inventory.created",
    RegisterImported(RegisterImported) = "inventory.register_imported",
    BidRecorded(BidRecorded) = "bid.recorded",
    BidDocumentAttached(BidDocumentAttached) = "bid.document_attached",
    ConflictDeclared(ConflictDeclared) = "assessment.conflict_declared",
    ScoreRecorded(ScoreRecorded) = "assessment.score_recorded",
    ScoresSubmitted(ScoresSubmitted) = "assessment.scores_submitted",
    ConsensusRecorded(ConsensusRecorded) = "assessment.consensus_recorded",
    AwardRuleSet(AwardRuleSet) = "assessment.award_rule_set",
    DecisionProposed(DecisionProposed) = "decision.proposed",
    DecisionSigned(DecisionSigned) = "decision.signed",
    DecisionSealed(DecisionSealed) = "decision.sealed",
    ContractCreated(ContractCreated) = "contract.created",
    BaselineRecorded(BaselineRecorded) = "contract.baseline_recorded",
    NoticeTriaged(NoticeTriaged) = "contract.notice_triaged",
    NoticeDecided(NoticeDecided) = "contract.notice_decided",
    EscalationClosed(EscalationClosed) = "contract.escalation_closed",
    RegisterEntrySet(RegisterEntrySet) = "inventory.register_entry_set",
    RegisterSettingsSet(RegisterSettingsSet) = "organisation.register_settings_set",
    ModelRecorded(ModelRecorded) = "inventory.model_recorded",
    SpendImported(SpendImported) = "spend.imported",
    SpendSupplierPlaced(SpendSupplierPlaced) = "spend.supplier_placed",
}

impl AuditEvent {
    /// The payload as JSON, for the chain and for readers of the trail.
    pub fn payload(&self) -> Value {
        // Plain structs of strings, numbers and maps with string keys always serialise.
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

/// A payload with no fields (`{}`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Empty {}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SignedOut {}

/// A sign-in was refused. `username` is what was typed (at most 64 characters); whether the
/// account exists is not recorded, as the refusal does not say it either.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignInFailed {
    pub username: String,
    /// The address the attempt came from, when the server knows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TokenCreated {
    pub token_id: String,
    pub user: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserCreated {
    pub user_id: String,
    pub username: String,
    pub roles: Vec<Role>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserRolesChanged {
    pub username: String,
    pub roles: Vec<Role>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserPasswordReset {
    pub username: String,
}

/// The account can no longer sign in; its sessions ended and its API tokens were revoked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserDeactivated {
    pub username: String,
    pub tokens_revoked: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserReactivated {
    pub username: String,
}

/// A person changed their own password (their other sessions ended).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserPasswordChanged {
    pub username: String,
}

/// Need-to-know: the highest level everyone reads (as the organisation names it) and the
/// roles that read every dossier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReadPolicySet {
    pub open_up_to: String,
    pub roles: Vec<Role>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SettingChanged {
    pub name: String,
    pub from: Vec<Role>,
    pub to: Vec<Role>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganisationCreated {
    pub name: String,
    pub demo: bool,
}

/// The organisation named its data classification levels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelNamesSet {
    pub names: crate::LabelNames,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PortfolioLoaded {
    pub pack: String,
    pub version: String,
    pub categories: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DemoLoaded {
    pub dossiers: usize,
    pub register_imported: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupplierCreated {
    pub supplier_id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kvk: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DossierCreated {
    pub title: String,
    pub category_id: Option<String>,
    pub phase: Phase,
    /// The level as the organisation named it at the time.
    pub classification_label: String,
    pub status: DossierStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DossierUpdated {
    pub changes: Changes,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DossierPhaseMoved {
    pub from: Phase,
    pub to: Phase,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DossierMemberAdded {
    pub username: String,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChecklistStatusSet {
    pub item: String,
    pub phase: Phase,
    pub role: String,
    pub mandatory: bool,
    /// `open`, `done`, `waived` or `waiver_proposed`.
    pub status: String,
    pub reason: String,
    /// For a waiver confirmed by a second person: who proposed it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proposed_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentUploaded {
    pub document_id: String,
    pub name: String,
    pub sha256: String,
    pub size: i64,
    pub media_type: String,
    /// The screening verdict's contract name.
    pub verdict: String,
    /// Set when the document came in through a bulk screening job.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub screening_job_id: Option<String>,
    /// Where the document came from: a supplier (and bid or notice) or a role inside.
    /// Events written before provenance was recorded read back as `unrecorded`.
    #[serde(default)]
    pub provenance: crate::document::Provenance,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScreeningJobStarted {
    pub job_id: String,
    pub total: i64,
    pub pending: i64,
    pub skipped: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScreeningJobItemFailed {
    pub job_id: String,
    pub position: i64,
    pub name: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScreeningJobFinished {
    pub job_id: String,
    pub state: JobState,
    pub done: i64,
    pub failed: i64,
    pub skipped: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScreeningJobCancelled {
    pub job_id: String,
    pub skipped: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassificationRecorded {
    pub classification_id: String,
    pub verdict: String,
    pub previous_verdict: Option<String>,
    pub rulepack: String,
    pub pack_hash: String,
    pub as_of: String,
    pub obligations_added: Vec<String>,
    pub obligations_removed: Vec<String>,
    /// Facts the classification still needs.
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ObligationStatusChanged {
    pub obligation_id: String,
    pub article: String,
    pub from: crate::ObligationStatus,
    pub to: crate::ObligationStatus,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageGenerated {
    pub version: i64,
    pub replaced_draft: bool,
    pub verdict: String,
    /// `id@version sha256:HASH` of every knowledge pack used.
    pub knowledge: Vec<String>,
    pub slots: BTreeMap<String, String>,
    /// Items per section.
    pub items: BTreeMap<String, usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageItemEdited {
    pub key: String,
    pub knowledge_id: String,
    pub changes: Changes,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageItemRemoved {
    pub key: String,
    pub knowledge_id: String,
    pub section: String,
    pub text_nl: String,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageItemMoved {
    pub key: String,
    pub section: String,
    pub from: usize,
    pub to: usize,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageItemAdded {
    pub key: String,
    pub knowledge_id: String,
    pub section: String,
    pub text_nl: String,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageFrozen {
    pub version: i64,
    pub content_hash: String,
    pub items: usize,
    /// Set when the dossier had changed since the package was generated and the person
    /// freezing it confirmed with a reason.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stale: Option<StaleFreeze>,
}

/// Why a package was frozen although its dossier had changed since it was generated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaleFreeze {
    pub reason: String,
    /// The changes, in Dutch, as the refusal named them.
    pub changes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageRevised {
    pub version: i64,
    pub from_version: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InventoryCreated {
    pub item_id: String,
    pub name: String,
    pub ai_exposure: AiExposure,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegisterImported {
    pub source: InventorySource,
    pub listing_sha256: String,
    pub imported: usize,
    pub skipped: usize,
}

/// A system's entry in the Algorithm Register standard was imported from a file or edited;
/// `fields` are the standard's keys whose value changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegisterEntrySet {
    pub item_id: String,
    pub name: String,
    pub origin: crate::inventory::EntryOrigin,
    pub file_sha256: Option<String>,
    pub fields: Vec<String>,
}

/// A model was recorded in a component of a system (`new_model`: the model register did not
/// know it before).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelRecorded {
    pub item_id: String,
    pub item_name: String,
    pub model_id: String,
    pub name: String,
    pub version: String,
    pub provider: String,
    pub component: String,
    pub hosting: crate::model::Hosting,
    pub new_model: bool,
}

/// A spend file was imported: lines stored, already present, and refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpendImported {
    pub import_id: String,
    pub name: String,
    pub file_sha256: String,
    pub lines_stored: i64,
    pub duplicates: i64,
    pub rejected: i64,
}

/// A buyer placed a supplier's spend in a category by hand; remembered for later imports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpendSupplierPlaced {
    pub supplier: String,
    pub category_code: String,
    pub lines: i64,
}

/// The organisation's name and contact address in its register entries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegisterSettingsSet {
    pub organization: String,
    pub contact_email: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_payloads_read_as_before() {
        let moved: AuditEvent = DossierPhaseMoved {
            from: Phase::Behoeftestelling,
            to: Phase::Marktverkenning,
        }
        .into();
        assert_eq!(moved.kind(), "dossier.phase_moved");
        assert_eq!(
            moved.payload().to_string(),
            r#"{"from":"behoeftestelling","to":"marktverkenning"}"#
        );
        let signed_in: AuditEvent = Empty {}.into();
        assert_eq!(signed_in.kind(), "auth.signed_in");
        assert_eq!(signed_in.payload().to_string(), "{}");
    }

    #[test]
    fn typed_values_serialise_as_their_codes() {
        let created: AuditEvent = DossierCreated {
            title: "Bodycams".into(),
            category_id: None,
            phase: Phase::Behoeftestelling,
            classification_label: "Politie Intern".into(),
            status: DossierStatus::Active,
        }
        .into();
        let payload = created.payload();
        assert_eq!(payload["classification_label"], "Politie Intern");
        assert_eq!(payload["status"], "active");
        assert_eq!(payload["phase"], "behoeftestelling");
    }
}

#[cfg(test)]
mod decode_tests {
    use super::*;

    #[test]
    fn a_stored_event_reads_back_as_its_type() {
        let moved: AuditEvent = DossierPhaseMoved {
            from: Phase::Behoeftestelling,
            to: Phase::Marktverkenning,
        }
        .into();
        let decoded = AuditEvent::decode(moved.kind(), &moved.payload().to_string());
        assert_eq!(decoded, Some(moved));
        assert_eq!(AuditEvent::decode("dossier.phase_moved", "{}"), None);
        assert_eq!(AuditEvent::decode("no.such_kind", "{}"), None);
        assert!(AuditEvent::KINDS.contains(&"auth.signed_in"));
        assert_eq!(
            AuditEvent::KINDS.len(),
            AuditEvent::KINDS
                .iter()
                .collect::<std::collections::BTreeSet<_>>()
                .len()
        );
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContractCreated {
    pub contract_id: String,
    pub system: String,
    pub supplier: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BaselineRecorded {
    pub contract_id: String,
    pub version: i64,
    pub components: usize,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoticeTriaged {
    pub contract_id: String,
    pub notice_id: String,
    pub name: String,
    pub baseline_version: i64,
    pub impact: crate::contract::NoticeImpact,
    pub proposed: crate::contract::NoticeTriage,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoticeDecided {
    pub contract_id: String,
    pub notice_id: String,
    pub proposed: crate::contract::NoticeTriage,
    pub decided: crate::contract::NoticeTriage,
    pub overridden: bool,
    pub reason: String,
    /// The roles whose inbox an escalation reached.
    #[serde(default)]
    pub escalated_to: Vec<Role>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EscalationClosed {
    pub task_id: String,
    pub notice_id: String,
    pub decision_id: String,
}
