//! The Fluent files parse, both languages have the same keys, and every key the interface asks
//! for exists.

use super::Lang;
use super::catalog::{self, FILES};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const LANGS: [Lang; 2] = [Lang::Nl, Lang::En];

/// A key no file has, to see what an unknown key shows.
const MISSING: &str = "no-such-key";

#[test]
fn the_files_parse_without_errors_or_duplicate_ids() {
    for lang in LANGS {
        let problems = &catalog::get(lang).problems;
        assert!(problems.is_empty(), "{problems:#?}");
    }
}

#[test]
fn both_languages_have_the_same_keys_in_the_same_files() {
    for file in FILES {
        let ids = |lang| -> BTreeSet<String> {
            catalog::message_ids(catalog::source(lang, file))
                .into_iter()
                .collect()
        };
        let (nl, en) = (ids(Lang::Nl), ids(Lang::En));
        assert!(!nl.is_empty(), "{}.ftl has no messages", file.0);
        let only_nl: Vec<_> = nl.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&nl).collect();
        assert!(
            only_nl.is_empty() && only_en.is_empty(),
            "{}.ftl: only in nl: {only_nl:?}; only in en: {only_en:?}",
            file.0
        );
    }
}

#[test]
fn every_message_has_text_without_isolation_marks() {
    for lang in LANGS {
        for file in FILES {
            let source = catalog::source(lang, file);
            for id in catalog::message_ids(source) {
                let prefixed = ["invalid-", "event-", "chain-break-"]
                    .iter()
                    .any(|prefix| id.starts_with(prefix));
                if prefixed || !variables(source, &id).is_empty() {
                    continue; // needs arguments; see the test below
                }
                let text = catalog::get(lang).text(&id).unwrap_or("");
                assert!(!text.trim().is_empty(), "{}: {id} is empty", lang.code());
                assert!(!text.contains(['\u{2068}', '\u{2069}']), "{id}");
            }
        }
    }
    assert_eq!(Lang::En.t("nav_dossiers"), "Dossiers");
    assert_eq!(Lang::Nl.t("q.gpai.systemic_risk").chars().next(), Some('H'));
    assert_eq!(Lang::Nl.t(MISSING), "??");
}

/// Every literal key given to `t` in the files under `dir` with extension `ext`.
fn literal_keys(dir: &str, ext: &str) -> Vec<(PathBuf, String)> {
    let mut keys = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        if path.extension().is_none_or(|e| e != ext) {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for part in text.split(".t(\"").skip(1) {
            let key = part.split('"').next().unwrap();
            keys.push((path.clone(), key.to_string()));
        }
    }
    keys
}

fn assert_all_exist(keys: &[(PathBuf, String)]) {
    assert!(!keys.is_empty(), "found no keys at all");
    for (path, key) in keys {
        for lang in LANGS {
            assert_ne!(
                lang.t(key),
                "??",
                "{} uses key {key}, which {} lacks",
                path.display(),
                lang.code()
            );
        }
    }
}

#[test]
fn every_key_used_in_a_template_exists() {
    assert_all_exist(&literal_keys("templates", "html"));
}

#[test]
fn every_key_used_in_rust_code_exists() {
    assert_all_exist(&literal_keys("src", "rs"));
}

/// The names of the variables (`{ $name }`) a message uses.
fn variables(source: &str, id: &str) -> Vec<String> {
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, PatternElement};
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(r, _)| r);
    let mut names = Vec::new();
    for entry in &resource.body {
        let Entry::Message(m) = entry else { continue };
        if m.id.name != id {
            continue;
        }
        for element in m.value.iter().flat_map(|p| &p.elements) {
            if let PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::VariableReference { id }),
            } = element
            {
                names.push(id.name.to_string());
            }
        }
    }
    names
}

#[test]
fn every_message_formats_with_its_variables_and_without_isolation_marks() {
    for lang in LANGS {
        for file in FILES {
            let source = catalog::source(lang, file);
            for id in catalog::message_ids(source) {
                let mut args = fluent_bundle::FluentArgs::new();
                for name in variables(source, &id) {
                    args.set(name, "X");
                }
                let text = catalog::get(lang).format(&id, &args);
                let text = text.unwrap_or_else(|| panic!("{}: {id} has no value", lang.code()));
                assert!(!text.trim().is_empty(), "{}: {id} is empty", lang.code());
                assert!(!text.contains(['\u{2068}', '\u{2069}']), "{id}: {text:?}");
            }
        }
    }
}

/// Every validation text named in the code of the crates that make `FieldError`s.
#[test]
fn every_validation_text_used_in_code_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut stack: Vec<PathBuf> = ["grip-core/src", "grip-app/src", "grip-web/src"]
        .iter()
        .map(|d| root.join(d))
        .collect();
    let mut found = BTreeSet::new();
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            for part in text.split("\"invalid-").skip(1) {
                let rest: String = part
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
                    .collect();
                if !rest.is_empty() && part[rest.len()..].starts_with('"') {
                    found.insert((path.clone(), format!("invalid-{rest}")));
                }
            }
        }
    }
    assert!(found.len() > 40, "found only {found:?}");
    for (path, id) in &found {
        for lang in LANGS {
            let args = fluent_bundle::FluentArgs::new();
            assert!(
                catalog::get(lang).format(id, &args).is_some(),
                "{} names {id}, which {} lacks",
                path.display(),
                lang.code()
            );
        }
    }
}

#[test]
fn validation_errors_are_worded_in_the_readers_language() {
    use grip_core::dossier::{DossierInput, FieldError};
    let errors = DossierInput {
        title: "x".repeat(500),
        classification_label: Some("Bestaat Niet".into()),
        status: Some("gone".into()),
        ..Default::default()
    }
    .validate(&grip_core::LabelNames::default())
    .unwrap_err();
    let nl: Vec<String> = errors.iter().map(|e| Lang::Nl.field_error(e)).collect();
    assert_eq!(nl[0], "Titel mag hoogstens 200 tekens hebben.");
    assert!(
        nl[1].starts_with("Onbekend rubriceringslabel 'Bestaat Niet'; kies uit: "),
        "{nl:?}"
    );
    assert_eq!(
        nl[2],
        "Onbekende status 'gone'; kies uit: active, on_hold, closed."
    );
    let en = Lang::En.field_error(&errors[0]);
    assert_eq!(en, "Title may have at most 200 characters.");
    let verbatim = FieldError::verbatim("body", "malformed_json", "expected `,` at line 1");
    assert_eq!(Lang::En.field_error(&verbatim), "expected `,` at line 1");
    // A text no file has shows its code rather than nothing.
    let unknown = FieldError::new("x", "some_code", concat!("invalid-", "no-such-text"));
    assert_eq!(Lang::Nl.field_error(&unknown), "some_code");
}
