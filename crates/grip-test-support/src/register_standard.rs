//! An independent check of entries against the register's own machine-readable field
//! definitions (`corpora/algoritmeregister/standard-1.0/fields-v1_0.json`), written from that
//! file alone so it does not share a line with Grip's model of the standard.

use serde_json::{Map, Value};

const DEFINITIONS: &str = "corpora/algoritmeregister/standard-1.0/fields-v1_0.json";

pub struct RegisterStandard {
    fields: Map<String, Value>,
}

impl RegisterStandard {
    /// The definitions, or `None` (a reported skip) when `../shared` is absent.
    #[track_caller]
    pub fn load() -> Option<Self> {
        let defs = crate::shared_json(
            DEFINITIONS,
            "the check against the register's field definitions",
        )?;
        let fields = defs["properties"].as_object().expect("properties").clone();
        Some(Self { fields })
    }

    pub fn fields(&self) -> &Map<String, Value> {
        &self.fields
    }

    /// Every way `entry` breaks the definitions: unknown keys, required fields empty, kinds,
    /// lengths, permitted values, HTML tags, and the same for grouped items.
    pub fn violations(&self, entry: &Value) -> Vec<String> {
        let Some(entry) = entry.as_object() else {
            return vec!["the entry is not an object".into()];
        };
        let mut out = Vec::new();
        for key in entry.keys() {
            if !self.fields.contains_key(key) {
                out.push(format!("{key}: not a field of the standard"));
            }
        }
        for (key, def) in &self.fields {
            check(key, def, entry.get(key).unwrap_or(&Value::Null), &mut out);
        }
        out
    }
}

fn empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

fn check(key: &str, def: &Value, value: &Value, out: &mut Vec<String>) {
    // The register writes one "required" as the string "false".
    if empty(value) {
        if def["required"] == Value::Bool(true) {
            out.push(format!("{key}: required but empty"));
        }
        return;
    }
    let permitted: Vec<&str> = def["permitted_values"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    match def["type"].as_str() {
        Some("string") | Some("enum") => {
            let Some(text) = value.as_str() else {
                out.push(format!("{key}: not a string"));
                return;
            };
            if let Some(max) = def["max_length"].as_u64()
                && text.chars().count() as u64 > max
            {
                out.push(format!(
                    "{key}: {} characters over {max}",
                    text.chars().count()
                ));
            }
            if !permitted.is_empty() && !permitted.contains(&text) {
                out.push(format!("{key}: '{text}' not permitted"));
            }
            let allowed: Vec<&str> = def["allowed_html_tags"]
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            for tag in tags(text) {
                if !allowed.contains(&tag.as_str()) {
                    out.push(format!("{key}: tag <{tag}> not allowed"));
                }
            }
        }
        Some("array") => {
            let Some(items) = value.as_array() else {
                out.push(format!("{key}: not a list"));
                return;
            };
            for (i, item) in items.iter().enumerate() {
                if let Some(item_defs) = def["items"].as_object() {
                    let Some(obj) = item.as_object() else {
                        out.push(format!("{key}[{i}]: not an object"));
                        continue;
                    };
                    for k in obj.keys() {
                        if !item_defs.contains_key(k) {
                            out.push(format!("{key}[{i}].{k}: unknown"));
                        }
                    }
                    for (k, d) in item_defs {
                        check(
                            &format!("{key}[{i}].{k}"),
                            d,
                            obj.get(k).unwrap_or(&Value::Null),
                            out,
                        );
                    }
                } else if !permitted.is_empty()
                    && !item.as_str().is_some_and(|s| permitted.contains(&s))
                {
                    out.push(format!("{key}[{i}]: {item} not permitted"));
                }
            }
        }
        other => out.push(format!("{key}: unknown type {other:?} in the definitions")),
    }
}

/// Lower-case names of the tags in `text` (opening and closing).
fn tags(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let name: String = rest
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if !name.is_empty() {
            out.push(name.to_ascii_lowercase());
        } else if rest.starts_with('!') {
            out.push("!".into());
        }
    }
    out
}
