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
            for id in catalog::message_ids(catalog::source(lang, file)) {
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
