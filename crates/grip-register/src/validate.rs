//! Checks an entry's fields against the standard: kinds, lengths, permitted values, HTML tags
//! and, for export, the required fields.

use crate::finding::{Finding, Issue};
use crate::html;
use crate::standard::{FIELDS, FieldKind, FieldSpec};
use serde_json::{Map, Value};

/// Every problem with the standard's fields of `fields` (entry number `entry`); the required
/// fields only when `require` is set, as a supplier's template leaves the buyer's fields empty.
pub fn check(entry: usize, fields: &Map<String, Value>, require: bool) -> Vec<Finding> {
    let mut found = Vec::new();
    for spec in FIELDS {
        let value = fields.get(spec.key).unwrap_or(&Value::Null);
        let mut push = |issue| {
            found.push(Finding {
                entry,
                key: spec.key.into(),
                issue,
            })
        };
        if !crate::read::is_filled(value) {
            if require && spec.required {
                push(Issue::Missing);
            }
            continue;
        }
        for issue in check_value(spec, value) {
            push(issue);
        }
    }
    found
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

fn check_value(spec: &FieldSpec, value: &Value) -> Vec<Issue> {
    match (spec.kind, value) {
        (FieldKind::Text { max }, Value::String(s)) => too_long(s, max).into_iter().collect(),
        (FieldKind::Html { max }, Value::String(s)) => {
            let mut issues: Vec<Issue> = too_long(s, max).into_iter().collect();
            let removed = html::disallowed_parts(s);
            if !removed.is_empty() {
                issues.push(Issue::HtmlRemoved(removed.into_iter().collect()));
            }
            issues
        }
        (FieldKind::Free, Value::String(_)) => Vec::new(),
        (FieldKind::Choice(permitted), Value::String(s)) => not_permitted(s, permitted),
        (FieldKind::Choices(permitted), Value::Array(items)) => items
            .iter()
            .flat_map(|item| match item {
                Value::String(s) => not_permitted(s, permitted),
                _ => vec![Issue::WrongKind { expected: "text" }],
            })
            .collect(),
        (
            FieldKind::Links {
                title_max,
                link_max,
                link_required,
            },
            Value::Array(items),
        ) => items
            .iter()
            .enumerate()
            .flat_map(|(i, item)| check_reference(i + 1, item, title_max, link_max, link_required))
            .collect(),
        (FieldKind::Choices(_), _) => vec![Issue::WrongKind { expected: "a list" }],
        (FieldKind::Links { .. }, _) => vec![Issue::WrongKind {
            expected: "a list of references",
        }],
        _ => vec![Issue::WrongKind { expected: "text" }],
    }
}

fn too_long(s: &str, max: usize) -> Option<Issue> {
    let n = chars(s);
    (n > max).then_some(Issue::TooLong { chars: n, max })
}

fn not_permitted(s: &str, permitted: &'static [&'static str]) -> Vec<Issue> {
    if permitted.contains(&s) {
        Vec::new()
    } else {
        vec![Issue::NotPermitted {
            value: s.chars().take(80).collect(),
            permitted,
        }]
    }
}

fn check_reference(
    position: usize,
    item: &Value,
    title_max: Option<usize>,
    link_max: usize,
    link_required: bool,
) -> Vec<Issue> {
    let Value::Object(parts) = item else {
        return vec![Issue::WrongKind {
            expected: "a list of references",
        }];
    };
    let text = |key: &str| match parts.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(Some(s.as_str())),
        None | Some(Value::Null) | Some(Value::String(_)) => Ok(None),
        Some(_) => Err(Issue::WrongKind { expected: "text" }),
    };
    let mut issues = Vec::new();
    match text("title") {
        Err(issue) => issues.push(issue),
        Ok(None) => issues.push(Issue::IncompleteReference {
            position,
            part: "title",
        }),
        Ok(Some(t)) => issues.extend(title_max.and_then(|max| too_long(t, max))),
    }
    match text("link") {
        Err(issue) => issues.push(issue),
        Ok(None) if link_required => issues.push(Issue::IncompleteReference {
            position,
            part: "link",
        }),
        Ok(None) => {}
        Ok(Some(l)) => issues.extend(too_long(l, link_max)),
    }
    issues
}
