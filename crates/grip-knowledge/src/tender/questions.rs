//! The `questions` pack: disclosure questions, probing questions that test a claim,
//! scenario templates with slots, and the template that turns a screening finding into a question.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::load::{KnowledgePack, PackContent};
use super::tags::{Tags, Use, duplicate_problems, template_problems, text_problems};
use crate::common::Text;
use crate::pack::model::PackMeta;

pub type QuestionsPack = KnowledgePack<QuestionsContent>;

/// The slots a scenario template may use.
pub const SCENARIO_SLOTS: &[&str] = &["time", "place", "incident", "people", "load"];
/// The slots of the screening-finding template.
pub const FINDING_SLOTS: &[&str] = &["document", "category", "excerpt"];
/// The screening categories of the `grip.screening/1` contract; each needs a readable name.
pub const SCREENING_CATEGORIES: &[&str] = &[
    "machine_learning",
    "generative",
    "computer_vision",
    "biometric",
    "speech_language",
    "prediction_scoring",
    "profiling",
    "autonomy_driver_assistance",
    "recommendation",
    "anomaly_detection",
    "emotion_recognition",
    "unspecified_ai",
];

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionsContent {
    pub pack: PackMeta,
    pub disclosure: Vec<Question>,
    pub probing: Vec<Question>,
    pub scenario: Vec<Scenario>,
    pub finding_probe: FindingProbe,
}

/// A disclosure or probing question.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    /// Short topic key, e.g. `training-data`.
    pub topic: String,
    pub text: Text,
    /// For probing questions: the supplier claim the question tests.
    #[serde(default)]
    pub claim: Option<Text>,
    #[serde(rename = "use")]
    pub use_: Use,
    #[serde(default)]
    pub tags: Tags,
}

/// A scenario template; `{time}`, `{place}`, `{incident}`, `{people}`, `{load}` are filled
/// from the dossier, or from `defaults` when the dossier gives no value.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub id: String,
    pub title: Text,
    pub text: Text,
    #[serde(rename = "use")]
    pub use_: Use,
    pub defaults: Slots,
    pub tags: Tags,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Slots {
    pub time: Text,
    pub place: Text,
    pub incident: Text,
    pub people: Text,
    pub load: Text,
}

impl Slots {
    pub fn get(&self, slot: &str) -> Option<&Text> {
        match slot {
            "time" => Some(&self.time),
            "place" => Some(&self.place),
            "incident" => Some(&self.incident),
            "people" => Some(&self.people),
            "load" => Some(&self.load),
            _ => None,
        }
    }
}

/// Template for a probing question quoting a passage found by screening.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FindingProbe {
    pub id: String,
    pub text: Text,
    #[serde(rename = "use")]
    pub use_: Use,
    /// Readable name per screening category code, so no code reaches a supplier.
    pub categories: std::collections::BTreeMap<String, Text>,
}

impl FindingProbe {
    /// The readable name of a screening category; an unknown code gets the generic name,
    /// never the code itself.
    pub fn category_name(&self, code: &str) -> Text {
        self.categories
            .get(code)
            .or_else(|| self.categories.get("unspecified_ai"))
            .cloned()
            .unwrap_or_else(|| Text {
                nl: "AI-functionaliteit".into(),
                en: "AI functionality".into(),
            })
    }
}

impl PackContent for QuestionsContent {
    const ID: &'static str = "questions";
    const EMBEDDED: &'static [(&'static str, &'static str)] = &[
        (
            "disclosure.toml",
            include_str!("../../../../knowledge/questions/disclosure.toml"),
        ),
        (
            "pack.toml",
            include_str!("../../../../knowledge/questions/pack.toml"),
        ),
        (
            "probing.toml",
            include_str!("../../../../knowledge/questions/probing.toml"),
        ),
        (
            "scenarios.toml",
            include_str!("../../../../knowledge/questions/scenarios.toml"),
        ),
    ];

    fn meta(&self) -> &PackMeta {
        &self.pack
    }

    fn semantic_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        text_problems("pack.title", &self.pack.title, &mut problems);
        let all_ids = self
            .disclosure
            .iter()
            .chain(&self.probing)
            .map(|q| q.id.as_str())
            .chain(self.scenario.iter().map(|s| s.id.as_str()))
            .chain([self.finding_probe.id.as_str()]);
        duplicate_problems("questions", all_ids, &mut problems);
        for (section, questions) in [("disclosure", &self.disclosure), ("probing", &self.probing)] {
            for q in questions {
                let at = format!("{section}[{}]", q.id);
                text_problems(&format!("{at}.text"), &q.text, &mut problems);
                q.tags.problems(&at, &mut problems);
                match (section, &q.claim) {
                    ("probing", None) => {
                        problems.push(format!("{at}: a probing question must name its claim"))
                    }
                    ("probing", Some(claim)) => {
                        text_problems(&format!("{at}.claim"), claim, &mut problems)
                    }
                    (_, Some(_)) => problems.push(format!(
                        "{at}: only probing questions have a claim; move it to probing"
                    )),
                    _ => {}
                }
            }
        }
        for s in &self.scenario {
            let at = format!("scenario[{}]", s.id);
            text_problems(&format!("{at}.title"), &s.title, &mut problems);
            text_problems(&format!("{at}.text"), &s.text, &mut problems);
            template_problems(
                &format!("{at}.text"),
                &s.text,
                SCENARIO_SLOTS,
                &mut problems,
            );
            for slot in SCENARIO_SLOTS {
                if let Some(text) = s.defaults.get(slot) {
                    text_problems(&format!("{at}.defaults.{slot}"), text, &mut problems);
                }
            }
            if s.tags.categories.is_empty() {
                problems.push(format!("{at}: a scenario must name at least one category"));
            }
            s.tags.problems(&at, &mut problems);
        }
        let probe = &self.finding_probe;
        text_problems("finding_probe.text", &probe.text, &mut problems);
        template_problems(
            "finding_probe.text",
            &probe.text,
            FINDING_SLOTS,
            &mut problems,
        );
        for code in SCREENING_CATEGORIES {
            match probe.categories.get(*code) {
                Some(name) => text_problems(
                    &format!("finding_probe.categories.{code}"),
                    name,
                    &mut problems,
                ),
                None => problems.push(format!(
                    "finding_probe.categories: screening category {code} has no name"
                )),
            }
        }
        for code in probe.categories.keys() {
            if !SCREENING_CATEGORIES.contains(&code.as_str()) {
                problems.push(format!(
                    "finding_probe.categories: {code} is not a screening category"
                ));
            }
        }
        problems
    }
}
