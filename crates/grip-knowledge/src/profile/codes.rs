//! The closed code lists of `grip.system-profile/1`, shared by the parser (to reject unknown
//! codes) and the pack validator (to demand that the pack covers every code).

pub const SCHEMA_MARKER: &str = "grip.system-profile/1";

pub const PRACTICE_CODES: &[&str] = &[
    "5.1.a", "5.1.b", "5.1.ba", "5.1.bb", "5.1.c", "5.1.d", "5.1.e", "5.1.f", "5.1.g",
];

pub const ANNEX_III_CODES: &[&str] = &[
    "1a", "1b", "1c", "2", "3a", "3b", "3c", "3d", "4a", "4b", "5a", "5b", "5c", "5d", "6a", "6b",
    "6c", "6d", "6e", "7a", "7b", "7c", "7d", "8a", "8b",
];

/// Values of `annex_i.legislation` other than `none`.
pub const ANNEX_I_KEYS: &[&str] = &[
    "machinery",
    "toys",
    "recreational_craft",
    "lifts",
    "atex",
    "radio_equipment",
    "pressure_equipment",
    "cableways",
    "ppe",
    "gas_appliances",
    "medical_devices",
    "ivd_medical_devices",
    "civil_aviation_security",
    "two_three_wheel_vehicles",
    "agricultural_vehicles",
    "marine_equipment",
    "rail",
    "motor_vehicles",
    "civil_aviation",
];

pub const RBI_OBJECTIVES: &[&str] = &[
    "none",
    "victim_search",
    "imminent_threat",
    "suspect_serious_crime",
];

pub const TRANSPARENCY_CODES: &[&str] = &["50(1)", "50(2)", "50(3)", "50(4)"];

/// Every dotted path of a single fact in the profile, as reported under `missing`.
pub const FACT_PATHS: &[&str] = &[
    "ai_definition.machine_based",
    "ai_definition.autonomy",
    "ai_definition.infers_outputs",
    "ai_definition.only_human_defined_rules",
    "exclusions.military_defence_national_security_only",
    "exclusions.scientific_research_only",
    "gpai.is_gpai_model",
    "gpai.systemic_risk",
    "prohibited_practices",
    "realtime_rbi.used",
    "realtime_rbi.objective",
    "realtime_rbi.national_law_permits",
    "realtime_rbi.prior_authorisation",
    "annex_i.legislation",
    "annex_i.safety_component_or_product",
    "annex_i.third_party_conformity_assessment",
    "annex_iii_purposes",
    "art6_3.narrow_procedural_task",
    "art6_3.improves_completed_human_activity",
    "art6_3.detects_patterns_without_replacing_human_assessment",
    "art6_3.preparatory_task",
    "art6_3.profiling_natural_persons",
    "transparency.interacts_directly_with_persons",
    "transparency.generates_synthetic_content",
    "transparency.emotion_recognition_or_biometric_categorisation",
    "transparency.deep_fake",
    "transparency.public_interest_text_without_editorial_review",
    "transparency.law_enforcement_exception",
    "deployment.public_authority",
    "deployment.law_enforcement",
    "deployment.under_own_name_or_trademark",
    "deployment.substantial_modification",
    "deployment.changes_purpose_to_high_risk",
    "deployment.imports_from_outside_union",
    "deployment.distributes",
    "deployment.integrates_into_own_product",
    "open_source.free_open_source_licence",
    "open_source.monetised",
];
