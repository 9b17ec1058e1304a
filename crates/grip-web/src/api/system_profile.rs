//! The shape of a `grip.system-profile/1` object, for the OpenAPI document only: the API
//! takes the profile as JSON and the use case validates it against the published contract
//! (`system-profile.schema.json`), so an error can name the exact JSON path. Every fact is
//! `true`, `false` or `null` (not known yet).
#![expect(dead_code, reason = "describes the profile; the classifier reads it")]

use utoipa::ToSchema;

/// A fact that may not be known yet: `true`, `false` or `null`.
type Fact = Option<bool>;

/// A `grip.system-profile/1` object: the facts about an AI system the AI Act turns on.
#[derive(ToSchema)]
pub struct SystemProfile {
    /// Always `grip.system-profile/1`.
    schema: String,
    name: String,
    description: Option<String>,
    /// Art. 3(1): is it an AI system at all?
    ai_definition: Option<ProfileAiDefinition>,
    /// Art. 2 scope exclusions.
    exclusions: Option<ProfileExclusions>,
    /// Is the procured item a general-purpose AI model (Art. 3(63)), with systemic risk (Art. 51)?
    gpai: Option<ProfileGpai>,
    /// Art. 5(1) letters the use matches, e.g. `5.1.c`. Absent: not assessed; empty: none.
    prohibited_practices: Option<Vec<String>>,
    /// Art. 5(1)(h): real-time remote biometric identification for law enforcement.
    realtime_rbi: Option<ProfileRealtimeRbi>,
    /// Art. 6(1): a product, or safety component, under Annex I legislation.
    annex_i: Option<ProfileAnnexI>,
    /// Annex III purposes that apply, e.g. `6e` or `2`. Absent: not assessed; empty: none.
    annex_iii_purposes: Option<Vec<String>>,
    /// Art. 6(3) derogation for Annex III systems.
    art6_3: Option<ProfileArt6_3>,
    /// Art. 50 triggers.
    transparency: Option<ProfileTransparency>,
    deployment: Option<ProfileDeployment>,
    /// Art. 2(12): released under a free and open-source licence; null when not known.
    open_source: Option<ProfileOpenSource>,
}

#[derive(ToSchema)]
pub struct ProfileAiDefinition {
    machine_based: Fact,
    autonomy: Fact,
    infers_outputs: Fact,
    only_human_defined_rules: Fact,
}

#[derive(ToSchema)]
pub struct ProfileExclusions {
    military_defence_national_security_only: Fact,
    scientific_research_only: Fact,
}

#[derive(ToSchema)]
pub struct ProfileGpai {
    is_gpai_model: Fact,
    systemic_risk: Fact,
}

#[derive(ToSchema)]
pub struct ProfileRealtimeRbi {
    used: Fact,
    /// `none`, `victim_search`, `imminent_threat` or `suspect_serious_crime`.
    objective: Option<String>,
    national_law_permits: Fact,
    prior_authorisation: Fact,
}

#[derive(ToSchema)]
pub struct ProfileAnnexI {
    /// An Annex I key such as `machinery` or `medical_devices`, or `none`.
    legislation: Option<String>,
    safety_component_or_product: Fact,
    third_party_conformity_assessment: Fact,
}

#[derive(ToSchema)]
pub struct ProfileArt6_3 {
    narrow_procedural_task: Fact,
    improves_completed_human_activity: Fact,
    detects_patterns_without_replacing_human_assessment: Fact,
    preparatory_task: Fact,
    profiling_natural_persons: Fact,
}

#[derive(ToSchema)]
pub struct ProfileTransparency {
    interacts_directly_with_persons: Fact,
    generates_synthetic_content: Fact,
    emotion_recognition_or_biometric_categorisation: Fact,
    deep_fake: Fact,
    public_interest_text_without_editorial_review: Fact,
    law_enforcement_exception: Fact,
}

#[derive(ToSchema)]
pub struct ProfileDeployment {
    public_authority: Fact,
    law_enforcement: Fact,
    under_own_name_or_trademark: Fact,
    substantial_modification: Fact,
    changes_purpose_to_high_risk: Fact,
    imports_from_outside_union: Fact,
    distributes: Fact,
    integrates_into_own_product: Fact,
}

#[derive(ToSchema)]
pub struct ProfileOpenSource {
    free_open_source_licence: Fact,
    monetised: Fact,
}
