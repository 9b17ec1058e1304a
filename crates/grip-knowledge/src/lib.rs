//! Knowledge packs (load, validate, version) and the EU AI Act classifier.
//! Pure library: the CLI, API and web wizard call `classify`, `parse_profile` and
//! `check_packs`; nothing here reads the clock or the network.
//!
//! ```
//! use grip_knowledge::{AiActPack, Lang, Verdict, classify, explain_text, parse_profile};
//!
//! let pack = AiActPack::embedded()?;
//! let profile = parse_profile(r#"{"schema": "grip.system-profile/1", "name": "Chat"}"#)?;
//! let outcome = classify(&pack, &profile, jiff::civil::date(2026, 11, 23));
//! assert_eq!(outcome.classification.verdict, Verdict::Undetermined);
//! let printed = serde_json::to_string(&outcome.classification)?; // grip.classification/1
//! let explanation = explain_text(&outcome.trace, Lang::Nl);
//! # assert!(printed.contains("ai-act@") && !explanation.is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod changes;
mod check;
pub mod classification;
mod classify;
pub mod common;
pub mod pack;
pub mod portfolio;
pub mod profile;
pub mod tender;
pub mod trace;

pub use changes::{ChangesContent, ChangesPack};
pub use check::{PackReport, PackSpec, REGISTERED_PACKS, check_packs};
pub use classification::{
    CLASSIFICATION_SCHEMA_MARKER, Classification, HighRisk, Holder, ObligationItem, OtherRole,
    Role, Route, Verdict,
};
pub use classify::{Outcome, REQUIRED_RULES, classify};
pub use common::{Confidence, Lang, Text};
pub use pack::{AiActPack, PackError, PackFile, PackFiles, embedded_files, pack_json_schema};
pub use profile::{ProfileError, SystemProfile, parse_profile, parse_profile_value};
pub use tender::{
    ClausesPack, DossierFacts, InterestsPack, KnowledgePack, PackageItem, QuestionsPack,
    RolesPhasesPack, TenderKnowledge, TenderPackage, generate,
};
pub use trace::{FactUsed, StepOutcome, TraceStep, explain_text};
