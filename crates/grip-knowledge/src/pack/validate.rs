//! Semantic checks that a schema cannot express: unique ids, resolvable references,
//! both languages filled, coverage of every profile code, and consistent dates.

use std::collections::{BTreeSet, HashSet};

use crate::classify::REQUIRED_RULES;
use crate::common::Text;
use crate::profile::codes;

use super::model::{AiActContent, AppliesFrom, DerogationKey, SwitchKey};

/// All problems found, each a self-contained sentence naming the entry concerned.
pub fn semantic_problems(content: &AiActContent) -> Vec<String> {
    let mut problems = Vec::new();
    check_meta(content, &mut problems);
    check_texts(content, &mut problems);
    check_unique_ids(content, &mut problems);
    check_coverage(content, &mut problems);
    check_references(content, &mut problems);
    check_dates(content, &mut problems);
    problems
}

fn check_meta(content: &AiActContent, problems: &mut Vec<String>) {
    let meta = &content.pack;
    if meta.id != "ai-act" {
        problems.push(format!("pack.id: expected \"ai-act\", found {:?}", meta.id));
    }
    if !is_semver(&meta.version) {
        problems.push(format!(
            "pack.version: expected MAJOR.MINOR.PATCH, found {:?}",
            meta.version
        ));
    }
    if meta.review_by <= meta.effective {
        problems.push("pack.review_by: must be after pack.effective".to_string());
    }
}

fn is_semver(version: &str) -> bool {
    let core = version.split(['-', '+']).next().unwrap_or("");
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

/// Every bilingual text in the pack, labelled with where it sits.
fn all_texts(content: &AiActContent) -> Vec<(String, &Text)> {
    let mut texts: Vec<(String, &Text)> = vec![("pack.title".into(), &content.pack.title)];
    texts.extend(content.pack.note.iter().map(|t| ("pack.note".into(), t)));
    texts.extend(
        content
            .amendment
            .note
            .iter()
            .map(|t| ("amendment.note".into(), t)),
    );
    for s in &content.sources {
        texts.push((format!("sources[{}].title", s.id), &s.title));
    }
    for d in &content.definitions {
        texts.push((format!("definitions[{}].text", d.id), &d.text));
    }
    for s in &content.scope {
        texts.push((format!("scope[{}].text", s.id), &s.text));
    }
    for p in &content.prohibitions {
        texts.push((format!("prohibitions[{}].title", p.code), &p.title));
        texts.push((
            format!("prohibitions[{}].description", p.code),
            &p.description,
        ));
    }
    texts.push((
        "realtime_rbi.national_law_status".into(),
        &content.realtime_rbi.national_law_status,
    ));
    for a in &content.annex_i {
        texts.push((format!("annex_i[{}].title", a.key), &a.title));
        texts.extend(
            a.note
                .iter()
                .map(|t| (format!("annex_i[{}].note", a.key), t)),
        );
    }
    for a in &content.annex_iii {
        texts.push((format!("annex_iii[{}].area", a.code), &a.area));
        texts.push((format!("annex_iii[{}].title", a.code), &a.title));
    }
    let d = &content.derogation;
    texts.push(("derogation.summary".into(), &d.summary));
    texts.push((
        "derogation.profiling_override".into(),
        &d.profiling_override,
    ));
    texts.push(("derogation.no_condition".into(), &d.no_condition));
    for c in &d.conditions {
        texts.push((format!("derogation.conditions[{}].text", c.letter), &c.text));
    }
    for s in &content.provider_switches {
        texts.push((format!("provider_switches[{}].text", s.article), &s.text));
    }
    for t in &content.transparency {
        let at = format!("transparency[{} {}]", t.code, t.trigger.profile_key());
        texts.push((format!("{at}.text"), &t.text));
        texts.push((
            format!("{at}.law_enforcement_exception"),
            &t.law_enforcement_exception,
        ));
        texts.extend(
            t.transitional
                .iter()
                .map(|x| (format!("{at}.transitional"), x)),
        );
    }
    for o in &content.obligations {
        texts.push((format!("obligations[{}].owner", o.id), &o.owner));
        texts.push((format!("obligations[{}].summary", o.id), &o.summary));
    }
    for r in &content.rules {
        texts.push((format!("rules[{}].applies", r.id), &r.applies));
        texts.push((format!("rules[{}].does_not_apply", r.id), &r.does_not_apply));
        texts.push((format!("rules[{}].unknown", r.id), &r.unknown));
    }
    texts
}

fn check_texts(content: &AiActContent, problems: &mut Vec<String>) {
    for (at, text) in all_texts(content) {
        if text.nl.trim().is_empty() {
            problems.push(format!("{at}: Dutch text (nl) is empty"));
        }
        if text.en.trim().is_empty() {
            problems.push(format!("{at}: English text (en) is empty"));
        }
    }
}

fn report_duplicates<'a>(
    section: &str,
    ids: impl IntoIterator<Item = &'a str>,
    problems: &mut Vec<String>,
) {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            problems.push(format!("{section}: duplicate id {id:?}"));
        }
    }
}

fn check_unique_ids(content: &AiActContent, problems: &mut Vec<String>) {
    report_duplicates(
        "sources",
        content.sources.iter().map(|s| s.id.as_str()),
        problems,
    );
    report_duplicates(
        "definitions",
        content.definitions.iter().map(|d| d.id.as_str()),
        problems,
    );
    report_duplicates(
        "scope",
        content.scope.iter().map(|s| s.id.as_str()),
        problems,
    );
    report_duplicates(
        "prohibitions",
        content.prohibitions.iter().map(|p| p.code.as_str()),
        problems,
    );
    report_duplicates(
        "annex_i",
        content.annex_i.iter().map(|a| a.key.as_str()),
        problems,
    );
    report_duplicates(
        "annex_iii",
        content.annex_iii.iter().map(|a| a.code.as_str()),
        problems,
    );
    report_duplicates(
        "obligations",
        content.obligations.iter().map(|o| o.id.as_str()),
        problems,
    );
    report_duplicates(
        "rules",
        content.rules.iter().map(|r| r.id.as_str()),
        problems,
    );
}

fn missing_from<'a>(
    section: &str,
    required: impl IntoIterator<Item = &'a str>,
    present: &BTreeSet<&str>,
    problems: &mut Vec<String>,
) {
    for code in required {
        if !present.contains(code) {
            problems.push(format!("{section}: no entry for {code:?}"));
        }
    }
}

fn check_coverage(content: &AiActContent, problems: &mut Vec<String>) {
    let practices: BTreeSet<&str> = content
        .prohibitions
        .iter()
        .map(|p| p.code.as_str())
        .collect();
    let required_practices = codes::PRACTICE_CODES.iter().copied().chain(["5.1.h"]);
    missing_from("prohibitions", required_practices, &practices, problems);
    for code in &practices {
        if !codes::PRACTICE_CODES.contains(code) && *code != "5.1.h" {
            problems.push(format!("prohibitions: unknown practice code {code:?}"));
        }
    }
    let annex_i: BTreeSet<&str> = content.annex_i.iter().map(|a| a.key.as_str()).collect();
    missing_from(
        "annex_i",
        codes::ANNEX_I_KEYS.iter().copied(),
        &annex_i,
        problems,
    );
    let annex_iii: BTreeSet<&str> = content.annex_iii.iter().map(|a| a.code.as_str()).collect();
    missing_from(
        "annex_iii",
        codes::ANNEX_III_CODES.iter().copied(),
        &annex_iii,
        problems,
    );
    for code in &annex_iii {
        if !codes::ANNEX_III_CODES.contains(code) {
            problems.push(format!("annex_iii: unknown point code {code:?}"));
        }
    }
    for objective in &content.realtime_rbi.permitted_objectives {
        if !codes::RBI_OBJECTIVES.contains(&objective.as_str()) || objective == "none" {
            problems.push(format!(
                "realtime_rbi.permitted_objectives: {objective:?} is not an exception objective"
            ));
        }
    }
    let conditions: Vec<DerogationKey> = content
        .derogation
        .conditions
        .iter()
        .map(|c| c.key)
        .collect();
    for key in [
        DerogationKey::NarrowProceduralTask,
        DerogationKey::ImprovesCompletedHumanActivity,
        DerogationKey::DetectsPatternsWithoutReplacingHumanAssessment,
        DerogationKey::PreparatoryTask,
    ] {
        if conditions.iter().filter(|k| **k == key).count() != 1 {
            problems.push(format!("derogation.conditions: need exactly one {key:?}"));
        }
    }
    let switches: Vec<SwitchKey> = content.provider_switches.iter().map(|s| s.key).collect();
    for key in [
        SwitchKey::UnderOwnNameOrTrademark,
        SwitchKey::SubstantialModification,
        SwitchKey::ChangesPurposeToHighRisk,
        SwitchKey::IntegratesIntoOwnProduct,
    ] {
        if switches.iter().filter(|k| **k == key).count() != 1 {
            problems.push(format!("provider_switches: need exactly one {key:?}"));
        }
    }
    let paragraphs: BTreeSet<&str> = content
        .transparency
        .iter()
        .map(|t| t.code.as_str())
        .collect();
    missing_from(
        "transparency",
        codes::TRANSPARENCY_CODES.iter().copied(),
        &paragraphs,
        problems,
    );
    for code in &paragraphs {
        if !codes::TRANSPARENCY_CODES.contains(code) {
            problems.push(format!("transparency: unknown paragraph {code:?}"));
        }
    }
    let rules: BTreeSet<&str> = content.rules.iter().map(|r| r.id.as_str()).collect();
    missing_from("rules", REQUIRED_RULES.iter().copied(), &rules, problems);
}

fn check_references(content: &AiActContent, problems: &mut Vec<String>) {
    let sources: HashSet<&str> = content.sources.iter().map(|s| s.id.as_str()).collect();
    if !sources.contains(content.amendment.source.as_str()) {
        problems.push(format!(
            "amendment.source: {:?} is not listed under sources",
            content.amendment.source
        ));
    }
    let obligations: HashSet<&str> = content.obligations.iter().map(|o| o.id.as_str()).collect();
    let mut check_obligation = |at: String, id: &str| {
        if !obligations.contains(id) {
            problems.push(format!("{at}: refers to unknown obligation {id:?}"));
        }
    };
    for p in &content.prohibitions {
        for id in &p.obligations {
            check_obligation(format!("prohibitions[{}]", p.code), id);
        }
    }
    for t in &content.transparency {
        for id in &t.obligations {
            check_obligation(format!("transparency[{}]", t.code), id);
        }
    }
    for o in &content.obligations {
        for point in &o.annex_iii_points {
            let matches_any = codes::ANNEX_III_CODES
                .iter()
                .any(|c| c.starts_with(point.as_str()));
            if !matches_any {
                problems.push(format!(
                    "obligations[{}].annex_iii_points: {point:?} matches no Annex III point",
                    o.id
                ));
            }
        }
        for practice in &o.practices {
            let known = content.prohibitions.iter().any(|p| &p.code == practice);
            if !known {
                problems.push(format!(
                    "obligations[{}].practices: unknown practice {practice:?}",
                    o.id
                ));
            }
        }
        if o.when.is_empty() {
            problems.push(format!(
                "obligations[{}].when: must name at least one condition",
                o.id
            ));
        }
    }
    let profile_paths = content
        .definitions
        .iter()
        .map(|d| (format!("definitions[{}]", d.id), &d.profile_path))
        .chain(
            content
                .scope
                .iter()
                .map(|s| (format!("scope[{}]", s.id), &s.profile_path)),
        );
    for (at, path) in profile_paths {
        if let Some(path) = path
            && !codes::FACT_PATHS.contains(&path.as_str())
        {
            problems.push(format!("{at}.profile_path: {path:?} is not a profile fact"));
        }
    }
}

fn check_applies_from(at: &str, dates: &AppliesFrom, problems: &mut Vec<String>) {
    match (dates.original, dates.amended) {
        (None, None) => problems.push(format!("{at}: needs an original or an amended date")),
        (Some(original), Some(amended)) if amended < original => problems.push(format!(
            "{at}: amended date {amended} is before the original date {original}"
        )),
        _ => {}
    }
}

fn check_dates(content: &AiActContent, problems: &mut Vec<String>) {
    for p in &content.prohibitions {
        check_applies_from(
            &format!("prohibitions[{}].applies_from", p.code),
            &p.applies_from,
            problems,
        );
    }
    for t in &content.transparency {
        check_applies_from(
            &format!("transparency[{}].applies_from", t.code),
            &t.applies_from,
            problems,
        );
    }
    for o in &content.obligations {
        check_applies_from(
            &format!("obligations[{}].applies_from", o.id),
            &o.applies_from,
            problems,
        );
        if let Some(dates) = &o.annex_i_applies_from {
            check_applies_from(
                &format!("obligations[{}].annex_i_applies_from", o.id),
                dates,
                problems,
            );
        }
    }
    for s in &content.sources {
        if s.in_force < s.published {
            problems.push(format!("sources[{}]: in_force is before published", s.id));
        }
    }
}
