//! Tender-package knowledge (`questions`, `clauses`, `roles-phases` packs) and the pure
//! generator that turns a dossier's facts into a `TenderPackage` with a reason per item;
//! plus the `interests` pack the award decision is weighed against.

pub mod clauses;
pub mod generate;
pub mod interests;
mod load;
pub mod questions;
pub mod roles_phases;
mod tags;

pub use clauses::{AwardCriterion, Clause, ClausesContent, ClausesPack, Variant};
pub use generate::{
    ClassificationFacts, DossierFacts, PackageItem, ScreeningFinding, Section, SectionKind,
    TENDER_PACKAGE_SCHEMA, TenderKnowledge, TenderPackage, generate,
};
pub use interests::{
    EvidenceSource, INTERESTS, Interest, InterestsContent, InterestsPack, LegalReference,
    ScaleLevel, Weighing,
};
pub use load::{KnowledgePack, PackContent};
pub use questions::{FindingProbe, Question, QuestionsContent, QuestionsPack, Scenario, Slots};
pub use roles_phases::{Check, PHASES, ROLES, RolesPhasesContent, RolesPhasesPack};
pub use tags::{Tags, Use};
