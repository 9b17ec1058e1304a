//! Reading a file of entries in the standard: one object or a list, as suppliers and the
//! register write them. Small departures are corrected and reported; values the standard
//! cannot hold refuse the file, so nothing is stored half.

use crate::entry::RegisterEntry;
use crate::finding::{Finding, Issue};
use crate::standard::{FIELDS, FieldKind, LANGUAGE};
use crate::{html, validate};
use serde_json::{Map, Value};

pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
pub const MAX_ENTRIES: usize = 10_000;

/// The register application's own identifiers of an entry: kept (the supplier's `id` names
/// the entry across imports) without a note, as they carry no text of the supplier's.
const IDENTIFIERS: &[&str] = &["id", "uuid"];

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FileError {
    #[error("the file is {0} bytes; the limit is {MAX_FILE_BYTES} bytes")]
    TooLarge(usize),
    /// Not JSON, or not UTF-8; where the reading stopped.
    #[error("the file is not readable JSON (UTF-8): stopped at line {line}, column {column}")]
    NotJson { line: usize, column: usize },
    #[error(
        "the file holds no entries of the publication standard (one object or a list of objects with at least a name)"
    )]
    NotEntries,
    #[error("the file holds {0} entries; the limit is {MAX_ENTRIES}")]
    TooMany(usize),
}

/// A file read: its entries and what was found on the way.
#[derive(Debug, Clone, Default)]
pub struct ReadFile {
    pub entries: Vec<RegisterEntry>,
    pub findings: Vec<Finding>,
}

impl ReadFile {
    /// Findings that refuse the file: nothing of it may be stored.
    pub fn refusals(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.issue.refuses())
    }

    pub fn is_refused(&self) -> bool {
        self.refusals().next().is_some()
    }
}

/// Whether a JSON value holds anything a reader would call content.
pub fn is_filled(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::String(s) => !s.trim().is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(map) => !map.is_empty(),
        _ => true,
    }
}

/// A `{title, link}` with nothing in either: a row the register's editor leaves behind.
fn is_empty_reference(item: &Value) -> bool {
    item.as_object()
        .is_some_and(|o| o.values().all(|v| !is_filled(v)))
}

/// Reads a file of standard-1.0 entries.
pub fn read_file(bytes: &[u8]) -> Result<ReadFile, FileError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge(bytes.len()));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let value: Value = serde_json::from_slice(bytes).map_err(|e| FileError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    let objects = match value {
        Value::Array(items) => items,
        object @ Value::Object(_) => vec![object],
        _ => return Err(FileError::NotEntries),
    };
    if objects.len() > MAX_ENTRIES {
        return Err(FileError::TooMany(objects.len()));
    }
    if objects.is_empty() || !objects.iter().all(looks_like_entry) {
        return Err(FileError::NotEntries);
    }
    let mut read = ReadFile::default();
    for (i, object) in objects.into_iter().enumerate() {
        let Value::Object(fields) = object else {
            unreachable!("checked above")
        };
        let (entry, findings) = read_entry(i + 1, fields);
        read.findings.extend(findings);
        read.entries.extend(entry);
    }
    Ok(read)
}

fn looks_like_entry(value: &Value) -> bool {
    value.as_object().is_some_and(|o| o.contains_key("name"))
}

/// One entry: corrected where the standard's intent is plain, checked, then typed.
pub fn read_entry(
    position: usize,
    mut fields: Map<String, Value>,
) -> (Option<RegisterEntry>, Vec<Finding>) {
    let mut findings = Vec::new();
    let mut note = |key: &str, issue| {
        findings.push(Finding {
            entry: position,
            key: key.into(),
            issue,
        })
    };
    for (key, value) in &fields {
        if crate::standard::spec(key).is_none()
            && !IDENTIFIERS.contains(&key.as_str())
            && is_filled(value)
        {
            note(key, Issue::NotInStandard);
        }
    }
    if let Some(Value::String(lang)) = fields.get("lang")
        && lang != LANGUAGE
        && lang.eq_ignore_ascii_case(LANGUAGE)
    {
        note(
            "lang",
            Issue::Corrected {
                from: lang.clone(),
                to: LANGUAGE.into(),
            },
        );
        fields.insert("lang".into(), Value::String(LANGUAGE.into()));
    }
    for spec in FIELDS {
        let Some(value) = fields.get_mut(spec.key) else {
            continue;
        };
        if let (FieldKind::Links { .. }, Value::Array(items)) = (spec.kind, &mut *value) {
            let before = items.len();
            items.retain(|item| !is_empty_reference(item));
            if items.len() < before {
                note(
                    spec.key,
                    Issue::EmptyReferencesDropped(before - items.len()),
                );
            }
            continue;
        }
        let Value::String(s) = value else { continue };
        if s.trim().is_empty() {
            *value = Value::Null;
            continue;
        }
        if matches!(spec.kind, FieldKind::Html { .. }) {
            let (kept, removed) = html::conform(s);
            if !removed.is_empty() {
                note(spec.key, Issue::HtmlRemoved(removed.into_iter().collect()));
                *s = kept;
            }
        }
    }
    let checked = validate::check(position, &fields, false);
    let refused = checked.iter().any(|f| f.issue.refuses());
    findings.extend(checked.into_iter().filter(|f| f.issue.refuses()));
    if refused {
        return (None, findings);
    }
    match serde_json::from_value::<RegisterEntry>(Value::Object(fields)) {
        Ok(entry) => (Some(entry), findings),
        Err(e) => {
            findings.push(Finding {
                entry: position,
                key: e.to_string(),
                issue: Issue::WrongKind { expected: "text" },
                // serde names the field in its message; the standard's checks above
                // catch every kind error first, so this is a last line of defence.
            });
            (None, findings)
        }
    }
}
