//! Analysis of extracted text: indicator findings with negation, verdict, categories,
//! Annex III hints, contradiction, language and specificity, per the screening contract.

mod language;
pub(crate) mod negation;
mod sentences;
mod signals;
mod specificity;

use std::collections::BTreeMap;

pub use language_api::detect;
pub use specificity::{Specificity, assess_specificity};

use crate::extract::Extracted;
use crate::lexicon::{CATEGORIES, Lexicon, fold};
use crate::screening::{DocumentInfo, Finding, Language, SCREENING_SCHEMA, Screening, Verdict};
use sentences::Boundaries;

mod language_api {
    /// Language of a text as the contract reports it (`nl`, `en`, `mixed`, `unknown`).
    pub fn detect(text: &str) -> crate::screening::Language {
        super::language::detect_language(text)
    }
}

/// A finding before offsets are converted to characters.
struct RawFinding {
    indicator: usize,
    start: usize,
    end: usize,
    negated: bool,
    /// The kind of AI it is evidence of (see [`attribute_vague`]).
    category: String,
}

/// `unspecified_ai` says that there is AI ("AI", "kunstmatige intelligentie"), not what it
/// does; every other category names a function or a technique.
fn vagueness(category: &str) -> u8 {
    u8::from(category != "unspecified_ai")
}

/// A vague finding stands for the AI the text names more precisely elsewhere ("AI-powered
/// face recognition"): it takes the category of the nearest affirmed precise finding, so
/// `unspecified_ai` is reported only for texts that never say what their AI is or does.
/// Techniques keep their own category ("a neural network classifies the images" is both
/// machine learning and computer vision).
fn attribute_vague(raw: &mut [RawFinding]) {
    let Some(top) = raw
        .iter()
        .filter(|f| !f.negated)
        .map(|f| vagueness(&f.category))
        .max()
    else {
        return;
    };
    let precise: Vec<(usize, String)> = raw
        .iter()
        .filter(|f| !f.negated && vagueness(&f.category) == top)
        .map(|f| (f.start, f.category.clone()))
        .collect();
    for f in raw.iter_mut().filter(|f| vagueness(&f.category) < top) {
        if let Some((_, category)) = precise.iter().min_by_key(|(at, _)| at.abs_diff(f.start)) {
            f.category.clone_from(category);
        }
    }
}

/// What a screening reports of a text that needs no lexicon, so that it can be measured
/// while the lexicon is still being compiled.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measures {
    pub language: Language,
    pub specificity: Option<f64>,
}

impl Measures {
    pub fn of(text: &str) -> Measures {
        Measures {
            language: language::detect_language(text),
            specificity: assess_specificity(text).map(|s| s.score),
        }
    }
}

/// Screens extracted text against the lexicon.
pub fn analyse(doc_name: &str, extracted: &Extracted, lexicon: &Lexicon) -> Screening {
    analyse_measured(doc_name, extracted, Measures::of(&extracted.text), lexicon)
}

/// [`analyse`] with the lexicon-free part already measured (see [`Measures`]).
pub(crate) fn analyse_measured(
    doc_name: &str,
    extracted: &Extracted,
    measures: Measures,
    lexicon: &Lexicon,
) -> Screening {
    let text = &extracted.text;
    let folded = fold(text);
    let hits = lexicon.find(text, &folded);
    let negation = lexicon.negation_rules();
    // Only findings need boundaries (for negation and excerpts).
    let bounds = if hits.is_empty() {
        Boundaries::default()
    } else {
        Boundaries::of(text)
    };
    let mut raw: Vec<RawFinding> = hits
        .into_iter()
        .map(|hit| RawFinding {
            indicator: hit.indicator,
            start: hit.start,
            end: hit.end,
            negated: negation.is_negated(&bounds, &folded, text, hit.start, hit.end),
            category: lexicon.indicators()[hit.indicator].category.clone(),
        })
        .collect();
    attribute_vague(&mut raw);
    let indicators = lexicon.indicators();

    // Score: each distinct, non-negated indicator counts once, at its weight.
    let mut affirmed: BTreeMap<usize, f64> = BTreeMap::new();
    for f in raw.iter().filter(|f| !f.negated) {
        affirmed.insert(f.indicator, indicators[f.indicator].weight);
    }
    let score: f64 = affirmed.values().sum();
    let ai_indicated = score + 1e-9 >= lexicon.threshold();
    let denied = raw.iter().any(|f| f.negated);
    if !ai_indicated {
        // Weak words that did not add up to AI ("algoritme", "voorspelling") are evidence of
        // nothing; a text judged free of AI reports only what denies AI.
        raw.retain(|f| f.negated);
        affirmed.clear();
    }

    let mut categories: Vec<String> = Vec::new();
    for category in CATEGORIES {
        if raw.iter().any(|f| !f.negated && f.category == *category) {
            categories.push((*category).to_owned());
        }
    }
    let mut hints: Vec<String> = affirmed
        .keys()
        .flat_map(|&i| indicators[i].annex_iii.iter().cloned())
        .collect();
    hints.sort();
    hints.dedup();

    Screening {
        schema: SCREENING_SCHEMA.to_owned(),
        document: DocumentInfo {
            name: doc_name.to_owned(),
            format: extracted.format,
            chars: extracted.chars(),
            pages: extracted.pages(),
            language: measures.language,
        },
        verdict: if ai_indicated {
            Verdict::AiIndicated
        } else {
            Verdict::NoAiIndicated
        },
        findings: to_findings(&raw, extracted, &bounds, lexicon),
        categories,
        annex_iii_hints: hints,
        contradiction: denied && ai_indicated,
        specificity: measures.specificity,
        error: None,
    }
}

/// Converts byte offsets to character offsets in one pass (hits are sorted by start).
fn to_findings(
    raw: &[RawFinding],
    extracted: &Extracted,
    bounds: &Boundaries,
    lexicon: &Lexicon,
) -> Vec<Finding> {
    let text = &extracted.text;
    let mut char_pos = 0usize;
    let mut byte_pos = 0usize;
    let mut to_chars = |byte: usize| {
        char_pos += text[byte_pos..byte].chars().count();
        byte_pos = byte;
        char_pos
    };
    let mut findings = Vec::with_capacity(raw.len());
    for f in raw {
        let entry = &lexicon.indicators()[f.indicator];
        let (excerpt_start, excerpt_end) = sentences::excerpt_range(text, bounds, f.start, f.end);
        let start = to_chars(f.start);
        // Hits may overlap, so the end is counted from the start, not from the cursor.
        let end = start + text[f.start..f.end].chars().count();
        findings.push(Finding {
            indicator: entry.id.clone(),
            category: f.category.clone(),
            excerpt: text[excerpt_start..excerpt_end].to_owned(),
            start,
            end,
            page: extracted.page_at(f.start),
            negated: f.negated,
        });
    }
    findings
}
