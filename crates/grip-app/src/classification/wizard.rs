//! The classification wizard's questions: steps of plain questions, each tied to one profile
//! fact, with rules that skip what earlier answers make irrelevant, and the translation of
//! the answers into a `grip.system-profile/1` document. Texts live in the web crate.

use std::collections::BTreeMap;

use grip_knowledge::profile::codes;
use serde_json::{Map, Value, json};

/// Answers keyed by profile path. Values: `yes`, `no`, `unknown`, a choice code, or for a
/// list question `none`, `unknown` or comma-separated codes.
pub type Answers = BTreeMap<String, String>;

pub const UNKNOWN: &str = "unknown";
pub const NONE: &str = "none";

/// Questions under this prefix only steer the wizard; they are not profile facts.
pub const WIZARD_ONLY: &str = "wizard.";
/// Whether the supplier is established outside the Union: only then can the buyer be an
/// importer (Art. 3(6)), so only then is that asked; "no" settles it as false.
pub const SUPPLIER_OUTSIDE_UNION: &str = "wizard.supplier_outside_union";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Yes / no / do not know.
    YesNo,
    /// One of these codes, or do not know.
    Choice(&'static [&'static str]),
    /// Any of these codes, none of them, or do not know.
    Codes(&'static [&'static str]),
}

#[derive(Debug, Clone, Copy)]
pub struct Question {
    /// The profile path this question fills; also its id.
    pub path: &'static str,
    pub kind: Kind,
}

#[derive(Debug)]
pub struct Step {
    pub id: &'static str,
    pub questions: &'static [Question],
    relevant: fn(&Answers) -> bool,
}

impl Step {
    pub fn is_relevant(&self, answers: &Answers) -> bool {
        (self.relevant)(answers)
    }
}

const fn yes_no(path: &'static str) -> Question {
    Question {
        path,
        kind: Kind::YesNo,
    }
}

/// The answers of a re-assessment after a change: the last answers with the Annex III areas
/// the change points to added to the purposes (unknown codes are left out).
pub fn with_annex_iii_areas(mut answers: Answers, areas: &[String]) -> Answers {
    let known: Vec<&String> = areas
        .iter()
        .filter(|a| codes::ANNEX_III_CODES.contains(&a.as_str()))
        .collect();
    if known.is_empty() {
        return answers;
    }
    let mut picked: Vec<String> = answers
        .get("annex_iii_purposes")
        .map(|v| {
            v.split(',')
                .filter(|c| !c.is_empty() && *c != NONE)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    for area in known {
        if !picked.contains(area) {
            picked.push(area.clone());
        }
    }
    answers.insert("annex_iii_purposes".into(), picked.join(","));
    answers
}

fn is(answers: &Answers, path: &str, value: &str) -> bool {
    answers.get(path).is_some_and(|v| v == value)
}

/// False once an answer puts the system outside the Act or makes it a GPAI model: the rest
/// of the questions cannot change the verdict then.
fn in_scope(a: &Answers) -> bool {
    is_ai_system(a)
        && !is(a, "gpai.is_gpai_model", "yes")
        && !is(
            a,
            "exclusions.military_defence_national_security_only",
            "yes",
        )
        && !is(a, "exclusions.scientific_research_only", "yes")
}

/// The product is named under an Annex I act and may be its safety component: only then can
/// the buyer be the product manufacturer of Art. 25(3).
fn annex_i_product(a: &Answers) -> bool {
    let named = a
        .get("annex_i.legislation")
        .is_some_and(|v| v != NONE && v != UNKNOWN);
    named && !is(a, "annex_i.safety_component_or_product", "no")
}

fn is_ai_system(a: &Answers) -> bool {
    !is(a, "ai_definition.machine_based", "no")
        && !is(a, "ai_definition.autonomy", "no")
        && !is(a, "ai_definition.infers_outputs", "no")
        && !is(a, "ai_definition.only_human_defined_rules", "yes")
}

const TRANSPARENCY_TRIGGERS: [&str; 5] = [
    "transparency.interacts_directly_with_persons",
    "transparency.generates_synthetic_content",
    "transparency.emotion_recognition_or_biometric_categorisation",
    "transparency.deep_fake",
    "transparency.public_interest_text_without_editorial_review",
];

pub static STEPS: &[Step] = &[
    Step {
        id: "ai",
        questions: &[
            yes_no("ai_definition.machine_based"),
            yes_no("ai_definition.infers_outputs"),
            yes_no("ai_definition.autonomy"),
            yes_no("ai_definition.only_human_defined_rules"),
        ],
        relevant: |_| true,
    },
    Step {
        id: "scope",
        questions: &[
            yes_no("gpai.is_gpai_model"),
            yes_no("exclusions.military_defence_national_security_only"),
            yes_no("exclusions.scientific_research_only"),
        ],
        relevant: is_ai_system,
    },
    Step {
        id: "open_source",
        questions: &[yes_no("open_source.free_open_source_licence")],
        relevant: is_ai_system,
    },
    Step {
        id: "open_source_price",
        questions: &[yes_no("open_source.monetised")],
        relevant: |a| is_ai_system(a) && is(a, "open_source.free_open_source_licence", "yes"),
    },
    Step {
        id: "gpai",
        questions: &[yes_no("gpai.systemic_risk")],
        relevant: |a| is_ai_system(a) && is(a, "gpai.is_gpai_model", "yes"),
    },
    Step {
        id: "deployment",
        questions: &[
            yes_no("deployment.public_authority"),
            yes_no("deployment.law_enforcement"),
            yes_no("deployment.under_own_name_or_trademark"),
            yes_no("deployment.substantial_modification"),
            yes_no("deployment.changes_purpose_to_high_risk"),
        ],
        relevant: in_scope,
    },
    Step {
        id: "supply",
        questions: &[
            yes_no(SUPPLIER_OUTSIDE_UNION),
            yes_no("deployment.distributes"),
        ],
        relevant: in_scope,
    },
    Step {
        id: "import",
        questions: &[yes_no("deployment.imports_from_outside_union")],
        relevant: |a| in_scope(a) && is(a, SUPPLIER_OUTSIDE_UNION, "yes"),
    },
    Step {
        id: "prohibited",
        questions: &[
            Question {
                path: "prohibited_practices",
                kind: Kind::Codes(codes::PRACTICE_CODES),
            },
            yes_no("realtime_rbi.used"),
        ],
        relevant: in_scope,
    },
    Step {
        id: "rbi",
        questions: &[
            Question {
                path: "realtime_rbi.objective",
                kind: Kind::Choice(codes::RBI_OBJECTIVES),
            },
            yes_no("realtime_rbi.national_law_permits"),
            yes_no("realtime_rbi.prior_authorisation"),
        ],
        relevant: |a| in_scope(a) && is(a, "realtime_rbi.used", "yes"),
    },
    Step {
        id: "product",
        questions: &[Question {
            path: "annex_i.legislation",
            kind: Kind::Choice(ANNEX_I_WITH_NONE),
        }],
        relevant: in_scope,
    },
    Step {
        id: "product_detail",
        questions: &[
            yes_no("annex_i.safety_component_or_product"),
            yes_no("annex_i.third_party_conformity_assessment"),
        ],
        relevant: |a| in_scope(a) && !is(a, "annex_i.legislation", NONE),
    },
    Step {
        id: "product_manufacturer",
        questions: &[yes_no("deployment.integrates_into_own_product")],
        relevant: |a| in_scope(a) && annex_i_product(a),
    },
    Step {
        id: "purpose",
        questions: &[Question {
            path: "annex_iii_purposes",
            kind: Kind::Codes(codes::ANNEX_III_CODES),
        }],
        relevant: in_scope,
    },
    Step {
        id: "derogation",
        questions: &[
            yes_no("art6_3.profiling_natural_persons"),
            yes_no("art6_3.narrow_procedural_task"),
            yes_no("art6_3.improves_completed_human_activity"),
            yes_no("art6_3.detects_patterns_without_replacing_human_assessment"),
            yes_no("art6_3.preparatory_task"),
        ],
        relevant: |a| in_scope(a) && !is(a, "annex_iii_purposes", NONE),
    },
    Step {
        id: "transparency",
        questions: &[
            yes_no(TRANSPARENCY_TRIGGERS[0]),
            yes_no(TRANSPARENCY_TRIGGERS[1]),
            yes_no(TRANSPARENCY_TRIGGERS[2]),
            yes_no(TRANSPARENCY_TRIGGERS[3]),
            yes_no(TRANSPARENCY_TRIGGERS[4]),
        ],
        relevant: in_scope,
    },
    Step {
        id: "transparency_exception",
        questions: &[yes_no("transparency.law_enforcement_exception")],
        relevant: |a| in_scope(a) && TRANSPARENCY_TRIGGERS.iter().any(|p| !is(a, p, "no")),
    },
];

/// `none` first, then the Annex I acts (the same keys as `codes::ANNEX_I_KEYS`, checked by a test).
const ANNEX_I_WITH_NONE: &[&str] = &[
    "none",
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

pub fn step(id: &str) -> Option<&'static Step> {
    STEPS.iter().find(|s| s.id == id)
}

/// The first relevant step after `current` (from the start when `None`).
pub fn next_step(current: Option<&str>, answers: &Answers) -> Option<&'static Step> {
    let start = match current {
        Some(id) => STEPS.iter().position(|s| s.id == id)? + 1,
        None => 0,
    };
    STEPS[start..].iter().find(|s| s.is_relevant(answers))
}

/// The last relevant step before `current`.
pub fn previous_step(current: &str, answers: &Answers) -> Option<&'static Step> {
    let end = STEPS.iter().position(|s| s.id == current)?;
    STEPS[..end].iter().rev().find(|s| s.is_relevant(answers))
}

/// Normalises one posted answer: unknown codes and empty input become `unknown`, so the
/// profile never claims a fact nobody gave.
pub fn normalise(question: &Question, values: &[String]) -> String {
    let values: Vec<&str> = values
        .iter()
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .collect();
    match question.kind {
        Kind::YesNo => match values.first().copied() {
            Some(v @ ("yes" | "no")) => v.to_string(),
            _ => UNKNOWN.into(),
        },
        Kind::Choice(options) => match values.first() {
            Some(v) if options.contains(v) => (*v).to_string(),
            _ => UNKNOWN.into(),
        },
        Kind::Codes(options) => {
            let picked: Vec<&str> = values
                .iter()
                .flat_map(|v| v.split(','))
                .filter(|v| options.contains(v))
                .collect();
            if values.contains(&UNKNOWN) {
                UNKNOWN.into()
            } else if !picked.is_empty() {
                let mut picked: Vec<&str> = options
                    .iter()
                    .copied()
                    .filter(|o| picked.contains(o))
                    .collect();
                picked.dedup();
                picked.join(",")
            } else if values.contains(&NONE) {
                NONE.into()
            } else {
                UNKNOWN.into()
            }
        }
    }
}

/// The answers of the steps that are still relevant (answers to questions skipped after a
/// later change of mind are dropped).
pub fn effective_answers(answers: &Answers) -> Answers {
    STEPS
        .iter()
        .filter(|s| s.is_relevant(answers))
        .flat_map(|s| s.questions.iter())
        .filter_map(|q| answers.get(q.path).map(|v| (q.path.to_string(), v.clone())))
        .collect()
}

/// Facts a steering answer settles: a supplier inside the Union makes an import impossible.
/// They come first, so an explicit answer to the same fact still wins.
fn implied_facts(answers: &Answers) -> Vec<(String, String)> {
    let mut implied = Vec::new();
    if is(answers, SUPPLIER_OUTSIDE_UNION, "no") {
        implied.push((
            "deployment.imports_from_outside_union".to_string(),
            "no".to_string(),
        ));
    }
    implied
}

/// Builds the `grip.system-profile/1` document from the answers; unanswered and
/// `unknown` facts are `null`.
pub fn profile_from_answers(name: &str, description: &str, answers: &Answers) -> Value {
    let mut profile = Map::new();
    profile.insert("schema".into(), json!(codes::SCHEMA_MARKER));
    profile.insert(
        "name".into(),
        json!(name.chars().take(300).collect::<String>()),
    );
    if !description.trim().is_empty() {
        profile.insert(
            "description".into(),
            json!(description.chars().take(20_000).collect::<String>()),
        );
    }
    let effective = effective_answers(answers);
    for (path, answer) in implied_facts(&effective).into_iter().chain(effective) {
        if path.starts_with(WIZARD_ONLY) {
            continue;
        }
        let Some(question) = STEPS
            .iter()
            .flat_map(|s| s.questions.iter())
            .find(|q| q.path == path)
        else {
            continue;
        };
        let value = match (question.kind, answer.as_str()) {
            (_, UNKNOWN) => Value::Null,
            (Kind::YesNo, v) => json!(v == "yes"),
            (Kind::Choice(_), v) => json!(v),
            (Kind::Codes(_), NONE) => json!([]),
            (Kind::Codes(_), v) => json!(v.split(',').collect::<Vec<_>>()),
        };
        match path.split_once('.') {
            Some((group, field)) => {
                let entry = profile
                    .entry(group.to_string())
                    .or_insert_with(|| json!({}));
                if let Some(object) = entry.as_object_mut() {
                    object.insert(field.to_string(), value);
                }
            }
            None => {
                profile.insert(path.to_string(), value);
            }
        }
    }
    Value::Object(profile)
}

#[cfg(test)]
#[path = "wizard_tests.rs"]
mod tests;
