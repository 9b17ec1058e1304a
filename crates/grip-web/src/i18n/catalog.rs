//! The Fluent files of both languages, compiled into the binary with `include_str!` (nothing is
//! read from disk or fetched at run time) and parsed once, on first use. Texts without
//! arguments are formatted once and kept, so a page's many `t(...)` calls are map look-ups.

use super::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::collections::HashMap;
use std::sync::LazyLock;

/// Every Fluent file, as (name, Dutch source, English source). Both languages have the same
/// files with the same message ids; the tests hold them to that.
macro_rules! ftl_files {
    ($($name:literal),* $(,)?) => {
        &[$((
            $name,
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/nl/", $name, ".ftl")),
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/en/", $name, ".ftl")),
        )),*]
    };
}

pub(super) const FILES: &[(&str, &str, &str)] = ftl_files![
    "main",
    "classify",
    "screen",
    "package",
    "errors",
    "home",
    "roles",
    "supplier",
    "access",
    "look",
    "award",
    "contracts",
    "register",
    "models",
    "portfolio",
    "spend"
];

/// The Fluent id of a key as code spells it: Fluent ids may not contain dots, so `.` and `_`
/// both become `-` (`"q.gpai.is_gpai_model"` is `q-gpai-is-gpai-model`).
pub(super) fn fluent_id(key: &str) -> String {
    key.replace(['.', '_'], "-")
}

/// One language's messages.
pub(super) struct Catalog {
    bundle: FluentBundle<FluentResource>,
    /// Every message that needs no arguments, already formatted.
    texts: HashMap<String, String>,
    /// Parse errors and duplicate ids; empty unless a file is broken (a test checks; at run
    /// time they are logged when the files are loaded).
    #[cfg_attr(not(test), expect(dead_code))]
    pub(super) problems: Vec<String>,
}

static NL: LazyLock<Catalog> = LazyLock::new(|| Catalog::load(Lang::Nl));
static EN: LazyLock<Catalog> = LazyLock::new(|| Catalog::load(Lang::En));

pub(super) fn get(lang: Lang) -> &'static Catalog {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

/// The source of a file in one language.
pub(super) fn source(lang: Lang, file: &(&str, &'static str, &'static str)) -> &'static str {
    match lang {
        Lang::Nl => file.1,
        Lang::En => file.2,
    }
}

/// The ids of the messages in one Fluent source, in file order (parse errors are left to
/// `Catalog::load` to report).
pub(super) fn message_ids(source: &str) -> Vec<String> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(resource) => resource,
        Err((resource, _)) => resource,
    };
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

impl Catalog {
    fn load(lang: Lang) -> Catalog {
        let locale = lang.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![locale]);
        // Fluent wraps arguments in Unicode isolation marks by default; the pages are HTML
        // in left-to-right languages and tests compare exact text, so they are left out.
        bundle.set_use_isolating(false);
        let mut problems = Vec::new();
        let mut ids = Vec::new();
        for file in FILES {
            let (name, src) = (file.0, source(lang, file));
            let resource =
                FluentResource::try_new(src.to_string()).unwrap_or_else(|(res, errs)| {
                    problems.extend(
                        errs.iter()
                            .map(|e| format!("{}/{name}.ftl: {e}", lang.code())),
                    );
                    res
                });
            ids.extend(message_ids(src));
            if let Err(errs) = bundle.add_resource(resource) {
                problems.extend(
                    errs.iter()
                        .map(|e| format!("{}/{name}.ftl: {e}", lang.code())),
                );
            }
        }
        let mut texts = HashMap::new();
        for id in ids {
            let Some(pattern) = bundle.get_message(&id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle
                .format_pattern(pattern, None, &mut errors)
                .into_owned();
            // A message that needs arguments is formatted when it is asked for, with them.
            if errors.is_empty() {
                texts.insert(id, text);
            }
        }
        for problem in &problems {
            tracing::error!("interface texts: {problem}");
        }
        Catalog {
            bundle,
            texts,
            problems,
        }
    }

    pub(super) fn text(&'static self, id: &str) -> Option<&'static str> {
        self.texts.get(id).map(String::as_str)
    }

    /// A message formatted with arguments; `None` if there is no such message.
    pub(super) fn format(&self, id: &str, args: &FluentArgs) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, Some(args), &mut errors);
        for e in &errors {
            tracing::warn!("interface text {id}: {e}");
        }
        Some(text.into_owned())
    }
}
