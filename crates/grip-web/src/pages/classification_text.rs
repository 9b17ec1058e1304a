//! A stored classification's codes in words: questions instead of profile paths, answers
//! instead of `true`/`unknown`, obligation summaries instead of ids, and the engine's English
//! trace findings in the reader's language.

use crate::i18n::Lang;
use grip_app::classification;

/// The question for a profile path (the path itself only when no text exists).
pub fn question(lang: Lang, path: &str) -> String {
    match lang.t(&format!("q.{path}")) {
        "??" => path.to_string(),
        text => text.to_string(),
    }
}

/// A recorded fact's value as an answer in words.
pub fn fact_value(lang: Lang, path: &str, value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::Null => lang.t("answer_unknown").into(),
        Value::Bool(true) => lang.t("answer_yes").into(),
        Value::Bool(false) => lang.t("answer_no").into(),
        Value::String(s) => answer(lang, path, s),
        Value::Array(items) if items.is_empty() => lang.t("answer_none").into(),
        Value::Array(items) => items
            .iter()
            .map(|v| fact_value(lang, path, v))
            .collect::<Vec<_>>()
            .join("; "),
        Value::Number(n) => n
            .as_f64()
            .map(|x| lang.decimal(x, if n.is_i64() { 0 } else { 2 }))
            .unwrap_or_else(|| n.to_string()),
        Value::Object(_) => value.to_string(),
    }
}

/// An answer code (`yes`, `unknown`, an Annex III code, ...) in words.
pub fn answer(lang: Lang, path: &str, code: &str) -> String {
    match code {
        "yes" | "true" => lang.t("answer_yes").into(),
        "no" | "false" => lang.t("answer_no").into(),
        "unknown" => lang.t("answer_unknown").into(),
        "none" if path != "annex_i.legislation" => lang.t("answer_none").into(),
        other => super::classify::code_label(lang, path, other),
    }
}

/// The summary of an obligation of the knowledge pack (its id when the pack has none).
pub fn obligation(lang: Lang, id: &str) -> String {
    classification::pack()
        .ok()
        .and_then(|pack| {
            pack.obligation(id)
                .map(|o| o.summary.get(lang.into_knowledge()).to_string())
        })
        .unwrap_or_else(|| id.to_string())
}

/// One of the engine's findings (written in English for the record) in the reader's words.
pub fn finding(lang: Lang, text: &str) -> String {
    let args = |pairs: &[(&'static str, String)]| {
        let mut args = fluent_bundle::FluentArgs::new();
        for (k, v) in pairs {
            args.set(*k, v.clone());
        }
        args
    };
    if let Some(verdict) = text.strip_prefix("verdict: ") {
        let label = super::classification::verdict_label(lang, verdict);
        return lang.format("finding_verdict", &args(&[("verdict", label.into())]));
    }
    if let Some((article, date)) = text.split_once(" not yet law on ") {
        return lang.format(
            "finding_not_yet_law",
            &args(&[
                ("article", lang.citation(article)),
                ("date", lang.date_text(date)),
            ]),
        );
    }
    if let Some(rest) = text.strip_prefix("Annex I Section ")
        && let Some((section, what)) = rest.split_once(": ")
    {
        let act = what.rsplit_once(" (").map(|(key, _)| key).unwrap_or(what);
        let act = super::classify::code_label(lang, "annex_i.legislation", act);
        return lang.format(
            "finding_annex_i",
            &args(&[("section", section.into()), ("act", act)]),
        );
    }
    derogation(lang, text).unwrap_or_else(|| lang.citation(text))
}

/// The pack's reason for refusing the Art. 6(3) derogation, recorded in English, in the
/// reader's language.
pub fn derogation(lang: Lang, text: &str) -> Option<String> {
    let pack = classification::pack().ok()?;
    let d = &pack.content().derogation;
    [&d.profiling_override, &d.no_condition]
        .into_iter()
        .find(|t| t.en == text)
        .map(|t| t.get(lang.into_knowledge()).to_string())
}
