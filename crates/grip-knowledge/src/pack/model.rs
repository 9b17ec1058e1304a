//! The typed content of the `ai-act` pack, exactly as experts write it in TOML.
//! Every struct denies unknown fields so a typo in a pack is an error, not a silent default;
//! the JSON Schema of the pack is generated from these types.

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::classification::OtherRole;
use crate::common::{Confidence, Holder, Text};

/// All sections of the pack, merged from its files (each file holds some top-level sections).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AiActContent {
    pub pack: PackMeta,
    pub sources: Vec<Source>,
    pub amendment: Amendment,
    pub definitions: Vec<Definition>,
    pub scope: Vec<ScopeRule>,
    pub prohibitions: Vec<Prohibition>,
    pub realtime_rbi: RealtimeRbiRules,
    pub annex_i: Vec<AnnexIEntry>,
    pub annex_iii: Vec<AnnexIiiPoint>,
    pub derogation: Derogation,
    pub provider_switches: Vec<ProviderSwitch>,
    pub transparency: Vec<TransparencyParagraph>,
    pub obligations: Vec<Obligation>,
    pub rules: Vec<RuleText>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackMeta {
    pub id: String,
    /// Semantic version (MAJOR.MINOR.PATCH).
    pub version: String,
    /// The date from which this pack version describes the law.
    pub effective: Date,
    /// The date by which experts must review the pack again.
    pub review_by: Date,
    pub title: Text,
    #[serde(default)]
    pub note: Option<Text>,
}

/// A legal act the pack rests on.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub act: String,
    pub title: Text,
    pub published: Date,
    pub in_force: Date,
    pub url: String,
    pub confidence: Confidence,
}

/// The amending act that moved dates: from `in_force` on, amended dates are the law.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Amendment {
    pub source: String,
    pub in_force: Date,
    pub confidence: Confidence,
    #[serde(default)]
    pub note: Option<Text>,
}

/// Both application dates of a provision. A provision with no `original` date was
/// introduced by the amendment; one with no `amended` date kept its original date.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AppliesFrom {
    #[serde(default)]
    pub original: Option<Date>,
    #[serde(default)]
    pub amended: Option<Date>,
    pub confidence: Confidence,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    pub id: String,
    pub article: String,
    pub element: String,
    #[serde(default)]
    pub profile_path: Option<String>,
    /// Whether the classifier gates on this element (informative elements are not tested).
    pub gating: bool,
    pub text: Text,
    pub confidence: Confidence,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScopeRule {
    pub id: String,
    pub article: String,
    #[serde(default)]
    pub profile_path: Option<String>,
    pub text: Text,
    pub confidence: Confidence,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Prohibition {
    /// Profile code, e.g. `5.1.c`.
    pub code: String,
    pub article: String,
    pub title: Text,
    pub description: Text,
    pub applies_from: AppliesFrom,
    /// Obligation ids that follow from a hit.
    pub obligations: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RealtimeRbiRules {
    pub article: String,
    /// Objectives (profile values) that can lift the ban under Art. 5(1)(h)(i)-(iii).
    pub permitted_objectives: Vec<String>,
    pub national_law_status: Text,
    pub national_law_confidence: Confidence,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum AnnexISection {
    A,
    B,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnnexIEntry {
    /// Profile value of `annex_i.legislation`.
    pub key: String,
    pub section: AnnexISection,
    pub act: String,
    pub title: Text,
    /// Section to use once the amendment is in force, where it reportedly moved.
    #[serde(default)]
    pub amended_section: Option<AnnexISection>,
    #[serde(default)]
    pub amendment_confidence: Option<Confidence>,
    #[serde(default)]
    pub note: Option<Text>,
    #[serde(default)]
    pub note_confidence: Option<Confidence>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnnexIiiPoint {
    /// Profile code, e.g. `6e` or `2`.
    pub code: String,
    /// Citation as used in `basis`, e.g. `Annex III point 6(e)`.
    pub citation: String,
    pub area: Text,
    pub title: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DerogationKey {
    NarrowProceduralTask,
    ImprovesCompletedHumanActivity,
    DetectsPatternsWithoutReplacingHumanAssessment,
    PreparatoryTask,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DerogationCondition {
    pub key: DerogationKey,
    pub letter: String,
    pub text: Text,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Derogation {
    pub article: String,
    pub summary: Text,
    pub profiling_override: Text,
    pub no_condition: Text,
    pub conditions: Vec<DerogationCondition>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SwitchKey {
    UnderOwnNameOrTrademark,
    SubstantialModification,
    ChangesPurposeToHighRisk,
    /// Art. 25(3): only for a high-risk safety component of an Annex I Section A product.
    IntegratesIntoOwnProduct,
}

/// A fact under `deployment` that makes the buyer a provider.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProviderSwitch {
    pub key: SwitchKey,
    pub article: String,
    #[serde(default)]
    pub article_if_high_risk: Option<String>,
    /// The switch only matters when the system is high-risk (Art. 25(1)(b) and (c)).
    pub requires_high_risk: bool,
    pub text: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TransparencyTrigger {
    InteractsDirectlyWithPersons,
    GeneratesSyntheticContent,
    EmotionRecognitionOrBiometricCategorisation,
    DeepFake,
    PublicInterestTextWithoutEditorialReview,
}

impl TransparencyTrigger {
    /// The profile field under `transparency` that carries this trigger.
    pub fn profile_key(self) -> &'static str {
        match self {
            Self::InteractsDirectlyWithPersons => "interacts_directly_with_persons",
            Self::GeneratesSyntheticContent => "generates_synthetic_content",
            Self::EmotionRecognitionOrBiometricCategorisation => {
                "emotion_recognition_or_biometric_categorisation"
            }
            Self::DeepFake => "deep_fake",
            Self::PublicInterestTextWithoutEditorialReview => {
                "public_interest_text_without_editorial_review"
            }
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TransparencyParagraph {
    /// Contract code, `50(1)` to `50(4)`.
    pub code: String,
    pub article: String,
    pub holder: Holder,
    pub trigger: TransparencyTrigger,
    pub text: Text,
    pub law_enforcement_exception: Text,
    pub applies_from: AppliesFrom,
    #[serde(default)]
    pub transitional: Option<Text>,
    pub obligations: Vec<String>,
}

/// Conditions an obligation can depend on; each is derived from the classification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    AnyAiSystem,
    Prohibited,
    HighRiskChapterIii,
    AnnexIii,
    #[serde(rename = "annex_iii_other_than_point_2")]
    AnnexIiiOtherThanPoint2,
    AnnexISectionA,
    AnnexISectionBOnly,
    DerogationApplied,
    PublicAuthority,
    LawEnforcement,
    CreditOrInsurancePurpose,
    BuyerIsProvider,
    RealtimeRbiPermitted,
    GpaiModel,
    GpaiSystemicRisk,
    #[serde(rename = "transparency_50_1")]
    Transparency50_1,
    #[serde(rename = "transparency_50_2")]
    Transparency50_2,
    #[serde(rename = "transparency_50_3")]
    Transparency50_3,
    #[serde(rename = "transparency_50_4_deep_fake")]
    Transparency50_4DeepFake,
    #[serde(rename = "transparency_50_4_public_text")]
    Transparency50_4PublicText,
    /// The buyer imports the system (Art. 3(6)).
    Importer,
    /// The buyer makes the system available to others (Art. 3(7)).
    Distributor,
    /// The buyer builds the system into its own Annex I product (Art. 25(3)).
    ProductManufacturer,
    /// A GPAI model under a free and open-source licence, not monetised and without
    /// systemic risk (Art. 53(2)); false while any of these is unknown.
    OpenSourceGpaiModel,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Obligation {
    pub id: String,
    pub article: String,
    pub holder: Holder,
    /// Who in the buying organisation typically picks this up.
    pub owner: Text,
    /// All of these must hold.
    pub when: Vec<Condition>,
    /// At least one of these must hold (ignored when empty).
    #[serde(default)]
    pub when_any: Vec<Condition>,
    /// None of these may hold.
    #[serde(default)]
    pub unless: Vec<Condition>,
    /// Restrict to Annex III codes starting with one of these (e.g. `1` or `1a`).
    #[serde(default)]
    pub annex_iii_points: Vec<String>,
    /// Restrict to these matched Art. 5 codes.
    #[serde(default)]
    pub practices: Vec<String>,
    pub summary: Text,
    pub applies_from: AppliesFrom,
    /// Replaces `applies_from` when the system is high-risk only via Annex I Section A.
    #[serde(default)]
    pub annex_i_applies_from: Option<AppliesFrom>,
    #[serde(default)]
    pub confidence: Option<Confidence>,
    /// The other role under which the buyer carries the duty (importer, distributor,
    /// product manufacturer); absent for the duties of a provider or deployer as such.
    #[serde(default)]
    pub held_as: Option<OtherRole>,
}

/// Explanation texts for one classifier rule step.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleText {
    pub id: String,
    pub article: String,
    pub applies: Text,
    pub does_not_apply: Text,
    pub unknown: Text,
}
