//! Which baseline component a sentence is about: by the words of its name (and of its
//! purpose, more weakly), compared by word start so "voorspelling" finds "voorspellen" and
//! "kentekenherkenning" finds itself inside a longer sentence.

use crate::baseline::Baseline;

/// Words too general to identify a component.
const GENERIC: &[&str] = &[
    "and",
    "the",
    "for",
    "with",
    "van",
    "het",
    "een",
    "voor",
    "met",
    "bij",
    "naar",
    "engine",
    "system",
    "systeem",
    "module",
    "component",
    "software",
    "functie",
    "function",
    "feature",
    "service",
    "dienst",
    "platform",
    "product",
    "tool",
    "app",
    "application",
    "applicatie",
    "data",
    "gegevens",
    "automatic",
    "automatische",
    "automatisch",
    "smart",
    "slimme",
];

/// How many leading characters of a name word must match a word of the sentence.
const STEM_CHARS: usize = 7;

/// The identifying words of each component's name, lower case.
pub(crate) struct ComponentWords {
    names: Vec<Vec<String>>,
}

impl ComponentWords {
    pub(crate) fn of(baseline: &Baseline) -> Self {
        let names = baseline
            .components
            .iter()
            .map(|c| identifying_words(&c.name))
            .collect();
        Self { names }
    }

    /// Indexes of the components whose name the sentence mentions.
    pub(crate) fn mentioned_in(&self, sentence: &str) -> Vec<usize> {
        let words = sentence_words(sentence);
        self.names
            .iter()
            .enumerate()
            .filter(|(_, name)| name.iter().any(|w| words.iter().any(|s| same_stem(w, s))))
            .map(|(i, _)| i)
            .collect()
    }
}

/// How many identifying words of `text` (a condition, say) the sentence shares.
pub(crate) fn shared_words(text: &str, sentence: &str) -> usize {
    let words = sentence_words(sentence);
    // In a condition "automatic" is what is agreed about ("no automatic processing"),
    // not a word that every component name carries.
    let mut condition = identifying_words(text);
    condition.extend(
        text.split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .filter(|w| w.starts_with("automati")),
    );
    condition.sort();
    condition.dedup();
    condition
        .iter()
        .filter(|w| words.iter().any(|s| same_stem(w, s)))
        .count()
}

fn identifying_words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            let acronym = w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
            acronym || w.chars().count() >= 4
        })
        .map(str::to_lowercase)
        .filter(|w| !GENERIC.contains(&w.as_str()))
        .collect();
    words.sort();
    words.dedup();
    words
}

fn sentence_words(sentence: &str) -> Vec<String> {
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether two words share a stem: equal when short, the same first characters otherwise.
fn same_stem(name_word: &str, word: &str) -> bool {
    if name_word.chars().count() < STEM_CHARS {
        return name_word == word || (name_word.len() >= 5 && word.starts_with(name_word));
    }
    let stem: String = name_word.chars().take(STEM_CHARS).collect();
    word.starts_with(&stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_by_word_start_and_generic_words_do_not() {
        let words = identifying_words("Voorspelling van drukte (AEB) engine");
        assert_eq!(words, ["aeb", "drukte", "voorspelling"]);
        assert!(same_stem("voorspelling", "voorspellen"));
        assert!(!same_stem("drukte", "druk"));
        assert_eq!(
            shared_words(
                "De noodremassistent blijft uit te schakelen door de wagenparkbeheerder",
                "kan de noodremassistent niet langer via het wagenparkmenu worden gedeactiveerd"
            ),
            2
        );
    }
}
