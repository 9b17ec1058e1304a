//! A hand-written walk over the JSON value instead of derived deserialisation, because the
//! error must name the exact field path and the contract's expectation in plain words.

use serde_json::{Map, Value};

use super::ProfileError;
use super::codes;
use super::model::*;

const TRI: &str = "true, false or null";

/// Parse a profile from JSON text.
pub fn parse_profile(json: &str) -> Result<SystemProfile, ProfileError> {
    let value: Value = serde_json::from_str(json).map_err(|e| ProfileError::MalformedJson {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    parse_profile_value(&value)
}

/// Parse a profile from an already decoded JSON value.
pub fn parse_profile_value(v: &Value) -> Result<SystemProfile, ProfileError> {
    let root = Object::root(v)?;
    root.deny_unknown(&[
        "schema",
        "name",
        "description",
        "ai_definition",
        "exclusions",
        "gpai",
        "prohibited_practices",
        "realtime_rbi",
        "annex_i",
        "annex_iii_purposes",
        "art6_3",
        "transparency",
        "deployment",
        "open_source",
    ])?;
    let marker = format!("\"{}\"", codes::SCHEMA_MARKER);
    match root.get("schema") {
        None => return Err(root.missing("schema", &marker)),
        Some(Value::String(s)) if s == codes::SCHEMA_MARKER => {}
        Some(other) => return Err(wrong(&root.child_path("schema"), &marker, other)),
    }
    let name = match root.get("name") {
        None => return Err(root.missing("name", "a string of 1 to 300 characters")),
        Some(value) => root.string("name", value, 1, 300)?,
    };
    let description = match root.get("description") {
        None => None,
        Some(value) => Some(root.string("description", value, 0, 20_000)?),
    };
    Ok(SystemProfile {
        name,
        description,
        ai_definition: ai_definition(&root)?,
        exclusions: exclusions(&root)?,
        gpai: gpai(&root)?,
        prohibited_practices: root.code_list("prohibited_practices", codes::PRACTICE_CODES)?,
        realtime_rbi: realtime_rbi(&root)?,
        annex_i: annex_i(&root)?,
        annex_iii_purposes: root.code_list("annex_iii_purposes", codes::ANNEX_III_CODES)?,
        art6_3: art6_3(&root)?,
        transparency: transparency(&root)?,
        deployment: deployment(&root)?,
        open_source: open_source(&root)?,
    })
}

fn ai_definition(root: &Object) -> Result<AiDefinition, ProfileError> {
    let keys = [
        "machine_based",
        "autonomy",
        "infers_outputs",
        "only_human_defined_rules",
    ];
    let Some(o) = root.section("ai_definition", &keys)? else {
        return Ok(AiDefinition::default());
    };
    Ok(AiDefinition {
        machine_based: o.fact("machine_based")?,
        autonomy: o.fact("autonomy")?,
        infers_outputs: o.fact("infers_outputs")?,
        only_human_defined_rules: o.fact("only_human_defined_rules")?,
    })
}

fn exclusions(root: &Object) -> Result<Exclusions, ProfileError> {
    let keys = [
        "military_defence_national_security_only",
        "scientific_research_only",
    ];
    let Some(o) = root.section("exclusions", &keys)? else {
        return Ok(Exclusions::default());
    };
    Ok(Exclusions {
        military_defence_national_security_only: o.fact(keys[0])?,
        scientific_research_only: o.fact(keys[1])?,
    })
}

fn gpai(root: &Object) -> Result<Gpai, ProfileError> {
    let Some(o) = root.section("gpai", &["is_gpai_model", "systemic_risk"])? else {
        return Ok(Gpai::default());
    };
    Ok(Gpai {
        is_gpai_model: o.fact("is_gpai_model")?,
        systemic_risk: o.fact("systemic_risk")?,
    })
}

fn realtime_rbi(root: &Object) -> Result<RealtimeRbi, ProfileError> {
    let keys = [
        "used",
        "objective",
        "national_law_permits",
        "prior_authorisation",
    ];
    let Some(o) = root.section("realtime_rbi", &keys)? else {
        return Ok(RealtimeRbi::default());
    };
    let objective = o
        .enum_value("objective", codes::RBI_OBJECTIVES)?
        .and_then(|code| RbiObjective::from_code(&code));
    Ok(RealtimeRbi {
        used: o.fact("used")?,
        objective,
        national_law_permits: o.fact("national_law_permits")?,
        prior_authorisation: o.fact("prior_authorisation")?,
    })
}

fn annex_i(root: &Object) -> Result<AnnexI, ProfileError> {
    let keys = [
        "legislation",
        "safety_component_or_product",
        "third_party_conformity_assessment",
    ];
    let Some(o) = root.section("annex_i", &keys)? else {
        return Ok(AnnexI::default());
    };
    let allowed: Vec<&str> = std::iter::once("none")
        .chain(codes::ANNEX_I_KEYS.iter().copied())
        .collect();
    Ok(AnnexI {
        legislation: o.enum_value("legislation", &allowed)?,
        safety_component_or_product: o.fact(keys[1])?,
        third_party_conformity_assessment: o.fact(keys[2])?,
    })
}

fn art6_3(root: &Object) -> Result<Art6_3, ProfileError> {
    let keys = [
        "narrow_procedural_task",
        "improves_completed_human_activity",
        "detects_patterns_without_replacing_human_assessment",
        "preparatory_task",
        "profiling_natural_persons",
    ];
    let Some(o) = root.section("art6_3", &keys)? else {
        return Ok(Art6_3::default());
    };
    Ok(Art6_3 {
        narrow_procedural_task: o.fact(keys[0])?,
        improves_completed_human_activity: o.fact(keys[1])?,
        detects_patterns_without_replacing_human_assessment: o.fact(keys[2])?,
        preparatory_task: o.fact(keys[3])?,
        profiling_natural_persons: o.fact(keys[4])?,
    })
}

fn transparency(root: &Object) -> Result<Transparency, ProfileError> {
    let keys = [
        "interacts_directly_with_persons",
        "generates_synthetic_content",
        "emotion_recognition_or_biometric_categorisation",
        "deep_fake",
        "public_interest_text_without_editorial_review",
        "law_enforcement_exception",
    ];
    let Some(o) = root.section("transparency", &keys)? else {
        return Ok(Transparency::default());
    };
    Ok(Transparency {
        interacts_directly_with_persons: o.fact(keys[0])?,
        generates_synthetic_content: o.fact(keys[1])?,
        emotion_recognition_or_biometric_categorisation: o.fact(keys[2])?,
        deep_fake: o.fact(keys[3])?,
        public_interest_text_without_editorial_review: o.fact(keys[4])?,
        law_enforcement_exception: o.fact(keys[5])?,
    })
}

fn deployment(root: &Object) -> Result<Deployment, ProfileError> {
    let keys = [
        "public_authority",
        "law_enforcement",
        "under_own_name_or_trademark",
        "substantial_modification",
        "changes_purpose_to_high_risk",
        "imports_from_outside_union",
        "distributes",
        "integrates_into_own_product",
    ];
    let Some(o) = root.section("deployment", &keys)? else {
        return Ok(Deployment::default());
    };
    Ok(Deployment {
        public_authority: o.fact(keys[0])?,
        law_enforcement: o.fact(keys[1])?,
        under_own_name_or_trademark: o.fact(keys[2])?,
        substantial_modification: o.fact(keys[3])?,
        changes_purpose_to_high_risk: o.fact(keys[4])?,
        imports_from_outside_union: o.fact(keys[5])?,
        distributes: o.fact(keys[6])?,
        integrates_into_own_product: o.fact(keys[7])?,
    })
}

/// Unlike the other sections, the contract allows `open_source` to be null (not known).
fn open_source(root: &Object) -> Result<OpenSource, ProfileError> {
    if matches!(root.get("open_source"), Some(Value::Null)) {
        return Ok(OpenSource::default());
    }
    let keys = ["free_open_source_licence", "monetised"];
    let Some(o) = root.section("open_source", &keys)? else {
        return Ok(OpenSource::default());
    };
    Ok(OpenSource {
        free_open_source_licence: o.fact(keys[0])?,
        monetised: o.fact(keys[1])?,
    })
}

/// A JSON object together with its path, so every error can say where it happened.
struct Object<'a> {
    path: String,
    map: &'a Map<String, Value>,
}

impl<'a> Object<'a> {
    fn root(v: &'a Value) -> Result<Self, ProfileError> {
        match v {
            Value::Object(map) => Ok(Self {
                path: String::new(),
                map,
            }),
            other => Err(wrong("(root)", "a JSON object", other)),
        }
    }

    fn child_path(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key)
    }

    fn missing(&self, key: &str, expected: &str) -> ProfileError {
        ProfileError::MissingField {
            path: self.child_path(key),
            expected: expected.to_string(),
        }
    }

    fn deny_unknown(&self, known: &[&str]) -> Result<(), ProfileError> {
        match self.map.keys().find(|k| !known.contains(&k.as_str())) {
            Some(key) => Err(ProfileError::UnknownField {
                path: self.child_path(key),
                expected: known.join(", "),
            }),
            None => Ok(()),
        }
    }

    /// A nested object; absent means "nothing known" for all its facts (null is not allowed
    /// by the contract for sections).
    fn section(&self, key: &str, known: &[&str]) -> Result<Option<Object<'a>>, ProfileError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Object(map)) => {
                let child = Object {
                    path: self.child_path(key),
                    map,
                };
                child.deny_unknown(known)?;
                Ok(Some(child))
            }
            Some(other) => Err(wrong(&self.child_path(key), "an object", other)),
        }
    }

    fn fact(&self, key: &str) -> Result<Fact, ProfileError> {
        match self.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(wrong(&self.child_path(key), TRI, other)),
        }
    }

    fn string(&self, key: &str, v: &Value, min: usize, max: usize) -> Result<String, ProfileError> {
        let expected = if min > 0 {
            format!("a string of {min} to {max} characters")
        } else {
            format!("a string of at most {max} characters")
        };
        match v {
            Value::String(s) if (min..=max).contains(&s.chars().count()) => Ok(s.clone()),
            other => Err(wrong(&self.child_path(key), &expected, other)),
        }
    }

    fn enum_value(&self, key: &str, allowed: &[&str]) -> Result<Option<String>, ProfileError> {
        let expected = format!("one of {} or null", quoted(allowed));
        match self.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if allowed.contains(&s.as_str()) => Ok(Some(s.clone())),
            Some(other) => Err(wrong(&self.child_path(key), &expected, other)),
        }
    }

    /// A list of unique codes; absent or null = not assessed.
    fn code_list(&self, key: &str, allowed: &[&str]) -> Result<Option<Vec<String>>, ProfileError> {
        let path = self.child_path(key);
        let items = match self.get(key) {
            None | Some(Value::Null) => return Ok(None),
            Some(Value::Array(items)) => items,
            Some(other) => return Err(wrong(&path, "an array of codes or null", other)),
        };
        let expected = format!("one of {}", quoted(allowed));
        let mut codes: Vec<String> = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let item_path = format!("{path}[{i}]");
            let code = match item {
                Value::String(s) if allowed.contains(&s.as_str()) => s.clone(),
                other => return Err(wrong(&item_path, &expected, other)),
            };
            if codes.contains(&code) {
                return Err(ProfileError::Duplicate {
                    path: item_path,
                    value: format!("{code:?}"),
                });
            }
            codes.push(code);
        }
        Ok(Some(codes))
    }
}

fn quoted(values: &[&str]) -> String {
    values
        .iter()
        .map(|v| format!("\"{v}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn wrong(path: &str, expected: &str, found: &Value) -> ProfileError {
    ProfileError::WrongType {
        path: path.to_string(),
        expected: expected.to_string(),
        found: describe(found),
    }
}

/// A short description of a JSON value for error messages (never the whole document).
fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) if s.chars().count() > 40 => "a long string".to_string(),
        Value::String(s) => format!("the string {s:?}"),
        Value::Array(_) => "an array".to_string(),
        Value::Object(_) => "an object".to_string(),
    }
}
