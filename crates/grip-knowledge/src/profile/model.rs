//! Typed `grip.system-profile/1`: every fact is `Some(true)`, `Some(false)` or `None`
//! (not known yet). Lists are `None` when not assessed and empty when assessed as none.

use serde::{Deserialize, Serialize};

/// A fact that may not be known yet.
pub type Fact = Option<bool>;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SystemProfile {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default)]
    pub ai_definition: AiDefinition,
    #[serde(default)]
    pub exclusions: Exclusions,
    #[serde(default)]
    pub gpai: Gpai,
    /// Art. 5(1) codes such as `5.1.c`.
    #[serde(default)]
    pub prohibited_practices: Option<Vec<String>>,
    #[serde(default)]
    pub realtime_rbi: RealtimeRbi,
    #[serde(default)]
    pub annex_i: AnnexI,
    /// Annex III codes such as `6e` or `2`.
    #[serde(default)]
    pub annex_iii_purposes: Option<Vec<String>>,
    #[serde(default)]
    pub art6_3: Art6_3,
    #[serde(default)]
    pub transparency: Transparency,
    #[serde(default)]
    pub deployment: Deployment,
    /// Art. 2(12); optional in the contract (absent or null: not known).
    #[serde(default)]
    pub open_source: OpenSource,
}

impl SystemProfile {
    /// The profile as a `grip.system-profile/1` JSON object (with its schema marker).
    pub fn to_json(&self) -> serde_json::Value {
        let mut value = serde_json::to_value(self).unwrap_or(serde_json::Value::Null);
        if let Some(object) = value.as_object_mut() {
            object.insert(
                "schema".to_string(),
                serde_json::Value::String(super::codes::SCHEMA_MARKER.to_string()),
            );
        }
        value
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AiDefinition {
    pub machine_based: Fact,
    pub autonomy: Fact,
    pub infers_outputs: Fact,
    pub only_human_defined_rules: Fact,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exclusions {
    pub military_defence_national_security_only: Fact,
    pub scientific_research_only: Fact,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gpai {
    pub is_gpai_model: Fact,
    pub systemic_risk: Fact,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RbiObjective {
    None,
    VictimSearch,
    ImminentThreat,
    SuspectSeriousCrime,
}

impl RbiObjective {
    pub fn code(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::VictimSearch => "victim_search",
            Self::ImminentThreat => "imminent_threat",
            Self::SuspectSeriousCrime => "suspect_serious_crime",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [
            Self::None,
            Self::VictimSearch,
            Self::ImminentThreat,
            Self::SuspectSeriousCrime,
        ]
        .into_iter()
        .find(|o| o.code() == code)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RealtimeRbi {
    pub used: Fact,
    pub objective: Option<RbiObjective>,
    pub national_law_permits: Fact,
    pub prior_authorisation: Fact,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnexI {
    /// An Annex I key, `none`, or `None` when not known.
    pub legislation: Option<String>,
    pub safety_component_or_product: Fact,
    pub third_party_conformity_assessment: Fact,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Art6_3 {
    pub narrow_procedural_task: Fact,
    pub improves_completed_human_activity: Fact,
    pub detects_patterns_without_replacing_human_assessment: Fact,
    pub preparatory_task: Fact,
    pub profiling_natural_persons: Fact,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transparency {
    pub interacts_directly_with_persons: Fact,
    pub generates_synthetic_content: Fact,
    pub emotion_recognition_or_biometric_categorisation: Fact,
    pub deep_fake: Fact,
    pub public_interest_text_without_editorial_review: Fact,
    pub law_enforcement_exception: Fact,
}

impl Transparency {
    /// The fact behind a profile key (the keys come from the pack's triggers).
    pub fn by_key(&self, key: &str) -> Fact {
        match key {
            "interacts_directly_with_persons" => self.interacts_directly_with_persons,
            "generates_synthetic_content" => self.generates_synthetic_content,
            "emotion_recognition_or_biometric_categorisation" => {
                self.emotion_recognition_or_biometric_categorisation
            }
            "deep_fake" => self.deep_fake,
            "public_interest_text_without_editorial_review" => {
                self.public_interest_text_without_editorial_review
            }
            "law_enforcement_exception" => self.law_enforcement_exception,
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deployment {
    pub public_authority: Fact,
    pub law_enforcement: Fact,
    pub under_own_name_or_trademark: Fact,
    pub substantial_modification: Fact,
    pub changes_purpose_to_high_risk: Fact,
    /// Importer, Art. 3(6).
    #[serde(default)]
    pub imports_from_outside_union: Fact,
    /// Distributor, Art. 3(7).
    #[serde(default)]
    pub distributes: Fact,
    /// Product manufacturer, Art. 25(3).
    #[serde(default)]
    pub integrates_into_own_product: Fact,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenSource {
    pub free_open_source_licence: Fact,
    pub monetised: Fact,
}
