//! The OpenAPI document: generated from the route table, committed as `openapi.json` so a
//! change to the API shows in review, and checked to be a well-formed OpenAPI 3.1 document.

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::PathBuf;

const UPDATE: &str = "GRIP_UPDATE_OPENAPI=1 cargo test -p grip-web --test openapi";

fn committed_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("openapi.json")
}

fn generated() -> Value {
    serde_json::from_str(&grip_web::openapi_json()).expect("the document is JSON")
}

#[test]
fn the_committed_document_is_the_generated_one() {
    let generated = format!("{}\n", grip_web::openapi_json());
    let path = committed_path();
    if std::env::var_os("GRIP_UPDATE_OPENAPI").is_some() {
        std::fs::write(&path, &generated).expect("write openapi.json");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != generated {
        let first = committed
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| committed.lines().count().min(generated.lines().count()));
        panic!(
            "{} differs from the document the API generates (first at line {}).\n\
             If the API change is intended, regenerate it with\n    {UPDATE}\n\
             and commit the file.",
            path.display(),
            first + 1
        );
    }
}

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Every `$ref` anywhere in `value`.
fn refs<'a>(value: &'a Value, out: &mut Vec<&'a str>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("$ref", Value::String(target)) => out.push(target),
                    _ => refs(v, out),
                }
            }
        }
        Value::Array(list) => list.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}

#[test]
fn the_document_is_well_formed_openapi_3_1() {
    let doc = generated();
    assert!(
        doc["openapi"]
            .as_str()
            .is_some_and(|v| v.starts_with("3.1.")),
        "openapi version: {}",
        doc["openapi"]
    );
    assert!(doc["info"]["title"].is_string() && doc["info"]["version"].is_string());
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
    for schema in ["Problem", "ProblemField"] {
        assert!(doc["components"]["schemas"][schema].is_object(), "{schema}");
    }

    let paths = doc["paths"].as_object().expect("paths");
    assert!(!paths.is_empty());
    let mut operation_ids = BTreeSet::new();
    for (path, item) in paths {
        assert!(path.starts_with("/api/v1/"), "{path} is outside the API");
        let item = item.as_object().expect("path item");
        let operations: Vec<_> = METHODS
            .iter()
            .filter_map(|m| item.get(*m).map(|op| (*m, op)))
            .collect();
        assert!(!operations.is_empty(), "{path} has no operations");
        let template_params: BTreeSet<&str> = path
            .split('/')
            .filter_map(|part| part.strip_prefix('{')?.strip_suffix('}'))
            .collect();
        for (method, op) in operations {
            let name = format!("{method} {path}");
            let id = op["operationId"]
                .as_str()
                .unwrap_or_else(|| panic!("{name}: operationId"));
            assert!(
                operation_ids.insert(id.to_string()),
                "{name}: operationId {id} repeats"
            );
            assert!(
                op["tags"].as_array().is_some_and(|t| !t.is_empty()),
                "{name}: tags"
            );
            let declared: BTreeSet<&str> = op["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|p| p["in"] == "path")
                .map(|p| {
                    assert_eq!(p["required"], true, "{name}: path parameter not required");
                    p["name"].as_str().expect("parameter name")
                })
                .collect();
            assert_eq!(declared, template_params, "{name}: path parameters");
            let responses = op["responses"].as_object().expect("responses");
            assert!(!responses.is_empty(), "{name}: no responses");
            for (status, response) in responses {
                assert!(response["description"].is_string(), "{name} {status}");
                let content = response["content"].as_object();
                assert!(content.is_some(), "{name} {status}: no body described");
                for (media, body) in content.into_iter().flatten() {
                    assert!(
                        body["schema"].is_object(),
                        "{name} {status} {media}: no schema"
                    );
                }
            }
            if let Some(body) = op.get("requestBody") {
                for (media, content) in body["content"].as_object().expect("request content") {
                    assert!(content["schema"].is_object(), "{name} {media}: no schema");
                }
            }
        }
    }

    let mut targets = Vec::new();
    refs(&doc, &mut targets);
    assert!(!targets.is_empty());
    for target in targets {
        let name = target
            .strip_prefix("#/components/schemas/")
            .unwrap_or_else(|| panic!("{target} does not point into components/schemas"));
        assert!(
            doc["components"]["schemas"][name].is_object(),
            "{target} does not resolve"
        );
    }
}

/// Bodies are typed: no schema in the document is a bare object whose members are unknown,
/// except the ones named here, which are free-form by nature.
#[test]
fn every_body_is_a_typed_schema() {
    let doc = generated();
    let mut untyped = Vec::new();
    fn walk(path: String, value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                let bare_object = map.get("type").is_some_and(|t| {
                    t == "object" || t.as_array().is_some_and(|a| a.contains(&"object".into()))
                }) && !map.contains_key("properties")
                    && !map.contains_key("additionalProperties")
                    && !map.contains_key("allOf")
                    && !map.contains_key("oneOf");
                if bare_object {
                    out.push(path.clone());
                }
                for (key, v) in map {
                    walk(format!("{path}/{key}"), v, out);
                }
            }
            Value::Array(list) => {
                for (i, v) in list.iter().enumerate() {
                    walk(format!("{path}/{i}"), v, out);
                }
            }
            _ => {}
        }
    }
    walk(String::new(), &doc, &mut untyped);
    assert_eq!(untyped, FREE_FORM, "untyped objects in the document");
}

/// Values that are free-form by nature: what an audit event records depends on its kind.
const FREE_FORM: &[&str] = &[
    "/components/schemas/ApiAuditEvent/properties/payload",
    "/components/schemas/List_ApiAuditEvent/properties/items/items/properties/payload",
];
