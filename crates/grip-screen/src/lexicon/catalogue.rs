//! The function catalogue: capabilities that are nearly always built with machine learning
//! today (transcription, face recognition, background blur, …) and their lookalikes that are
//! not AI (motion detection by pixel thresholds, rule-based smart folders, …). Suppliers
//! rarely write "AI"; they write what a feature does, and a buyer recognises the function.
//!
//! A function is recognised by its nouns ("face recognition", "gezichtsherkenning"), by a
//! verb near one of its objects in either order ("recognizes faces", "gezichten worden
//! herkend"), and by extra patterns. Verbs, objects and nouns are word starts, so one stem
//! covers the inflections ("herken" → herkent, herkende, herkenning; "recogni" →
//! recognises, recognized, recognition): on Dutch and English that is the stemming that
//! pays, without tokenising every document. Each function becomes an ordinary indicator
//! whose weight is its confidence; each lookalike becomes a false friend.

use serde::Deserialize;

use super::pack::{FalseFriendEntry, IndicatorEntry};
use crate::LexiconError;

/// Words a verb and its object may have between them ("herkent *automatisch alle* gezichten").
const DEFAULT_GAP_WORDS: usize = 3;
/// What may separate two words inside a phrase: spaces, commas, quotes, slashes, hyphens.
/// Sentence ends are left out, so a verb and an object in different sentences never pair.
const SEPARATOR: &str = r#"[\s,'’"“”()/-]+"#;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FunctionEntry {
    /// `function.…`; what a finding's `indicator` says, so it names the catalogue.
    pub id: String,
    pub category: String,
    /// How often this function is built with AI today, in (0, 1]; its weight in the score.
    pub confidence: f64,
    #[serde(default)]
    pub annex_iii: Vec<String>,
    /// The sentence a buyer reads, in Dutch and in English.
    pub explanation_nl: String,
    pub explanation_en: String,
    /// Word starts naming the function ("transcriptie", "speech-to-text").
    #[serde(default)]
    pub nouns: Vec<String>,
    /// Parts found anywhere inside a word (Dutch compounds: "achtergrondvervaging").
    #[serde(default)]
    pub compounds: Vec<String>,
    /// Word starts of what the feature does ("transcri", "herken", "recogni").
    #[serde(default)]
    pub verbs: Vec<String>,
    /// Word starts of what it does that to ("vergader", "meeting", "gezicht", "face").
    #[serde(default)]
    pub objects: Vec<String>,
    /// Words allowed between verb and object (default 3).
    #[serde(default)]
    pub gap_words: Option<usize>,
    /// Regexes for phrasings the lists above cannot express.
    #[serde(default)]
    pub patterns: Vec<String>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LookalikeEntry {
    /// `lookalike.…`
    pub id: String,
    /// Why this is not AI, in Dutch and in English.
    pub explanation_nl: String,
    pub explanation_en: String,
    /// Word-start phrases whose span suppresses any indicator hit it overlaps.
    #[serde(default)]
    pub terms: Vec<String>,
    #[serde(default)]
    pub patterns: Vec<String>,
}

impl FunctionEntry {
    /// The indicator this function is matched as.
    pub(crate) fn to_indicator(&self) -> IndicatorEntry {
        let mut patterns = self.verb_object_patterns();
        patterns.extend(self.patterns.iter().cloned());
        IndicatorEntry {
            id: self.id.clone(),
            category: self.category.clone(),
            weight: self.confidence,
            annex_iii: self.annex_iii.clone(),
            terms: self.nouns.clone(),
            words: Vec::new(),
            exact: Vec::new(),
            infix: self.compounds.clone(),
            patterns,
            note: self.note.clone(),
        }
    }

    /// A verb then an object ("transcribes the meeting"), and an object then a verb
    /// ("meetings are transcribed", "gezichten herkennen").
    fn verb_object_patterns(&self) -> Vec<String> {
        if self.verbs.is_empty() || self.objects.is_empty() {
            return Vec::new();
        }
        let gap = self.gap_words.unwrap_or(DEFAULT_GAP_WORDS);
        // Dutch past participles put "ge" before the stem ("geclassificeerd", "gedetecteerd").
        let verbs = format!("(?:ge)?(?:{})", alternation(&self.verbs));
        let objects = alternation(&self.objects);
        let pair = |first: &str, second: &str| {
            format!(r"\b(?:{first})\w*(?:{SEPARATOR}\w+){{0,{gap}}}?{SEPARATOR}(?:{second})\w*")
        };
        vec![pair(&verbs, &objects), pair(&objects, &verbs)]
    }

    pub(crate) fn validate(&self) -> Result<(), LexiconError> {
        let invalid = |m: String| Err(LexiconError::Invalid(format!("function {}: {m}", self.id)));
        if !self.id.starts_with("function.") {
            return invalid("the id must start with \"function.\"".into());
        }
        if self.explanation_nl.trim().is_empty() || self.explanation_en.trim().is_empty() {
            return invalid("needs an explanation in Dutch and in English".into());
        }
        if self.verbs.is_empty() != self.objects.is_empty() {
            return invalid("verbs and objects come together".into());
        }
        if self.gap_words.is_some_and(|g| g > 8) {
            return invalid("gap_words is at most 8".into());
        }
        let words = self.verbs.iter().chain(&self.objects);
        if let Some(short) = words.clone().find(|w| w.chars().count() < 3) {
            return invalid(format!("verb or object {short:?} is too short"));
        }
        if let Some(upper) = words.chain(&self.nouns).find(|w| w.to_lowercase() != **w) {
            return invalid(format!("{upper:?} must be written in lower case"));
        }
        Ok(())
    }
}

impl LookalikeEntry {
    /// The false friend this lookalike is matched as.
    pub(crate) fn to_false_friend(&self) -> FalseFriendEntry {
        FalseFriendEntry {
            id: self.id.clone(),
            terms: self.terms.clone(),
            patterns: self.patterns.clone(),
            note: self.explanation_en.clone(),
        }
    }

    pub(crate) fn validate(&self) -> Result<(), LexiconError> {
        let invalid = |m: &str| Err(LexiconError::Invalid(format!("lookalike {}: {m}", self.id)));
        if !self.id.starts_with("lookalike.") {
            return invalid("the id must start with \"lookalike.\"");
        }
        if self.explanation_nl.trim().is_empty() || self.explanation_en.trim().is_empty() {
            return invalid("needs an explanation in Dutch and in English");
        }
        if self.terms.is_empty() && self.patterns.is_empty() {
            return invalid("has no terms or patterns");
        }
        Ok(())
    }
}

/// The words as one regex alternation, each taken literally.
fn alternation(words: &[String]) -> String {
    words
        .iter()
        .map(|w| regex::escape(w).replace(' ', SEPARATOR))
        .collect::<Vec<_>>()
        .join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(verbs: &[&str], objects: &[&str]) -> FunctionEntry {
        let list = |l: &[&str]| l.iter().map(|s| (*s).to_owned()).collect();
        FunctionEntry {
            id: "function.test".into(),
            category: "computer_vision".into(),
            confidence: 0.9,
            annex_iii: Vec::new(),
            explanation_nl: "Uitleg.".into(),
            explanation_en: "Explanation.".into(),
            nouns: Vec::new(),
            compounds: Vec::new(),
            verbs: list(verbs),
            objects: list(objects),
            gap_words: None,
            patterns: Vec::new(),
            note: String::new(),
        }
    }

    fn matches(entry: &FunctionEntry, text: &str) -> bool {
        entry.verb_object_patterns().iter().any(|p| {
            let dialect = super::super::dialect::document_dialect(p);
            regex::Regex::new(&dialect)
                .expect("compiles")
                .is_match(text)
        })
    }

    #[test]
    fn verb_and_object_pair_in_either_order_within_the_gap() {
        let faces = entry(&["herken", "recogni"], &["gezicht", "face"]);
        assert!(matches(&faces, "de camera herkent gezichten"));
        assert!(matches(&faces, "it recognizes faces"));
        assert!(matches(&faces, "faces are automatically recognised"));
        assert!(matches(&faces, "herkent direct alle bekende gezichten"));
        assert!(!matches(&faces, "herkent een twee drie vier gezichten"));
        assert!(!matches(&faces, "de camera herkent. gezichten"));
        assert!(!matches(&faces, "it prerecognizes faces"));
    }

    #[test]
    fn multi_word_objects_span_line_breaks_and_hyphens() {
        let plates = entry(&["read"], &["licence plate"]);
        assert!(matches(&plates, "reads every licence plate"));
        assert!(matches(&plates, "reads licence-plates"));
    }

    #[test]
    fn bad_entries_are_named() {
        assert!(entry(&["herken"], &["gezicht"]).validate().is_ok());
        for bad in [
            entry(&["herken"], &[]),
            entry(&["he"], &["gezicht"]),
            entry(&["Herken"], &["gezicht"]),
        ] {
            let message = bad.validate().expect_err("invalid").to_string();
            assert!(message.contains("function.test"), "{message}");
        }
        let mut wrong_id = entry(&[], &[]);
        wrong_id.id = "transcription".into();
        assert!(wrong_id.validate().is_err());
    }
}
