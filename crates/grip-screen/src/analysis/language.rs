//! Document language from a sample of paragraphs, restricted to Dutch and English with
//! whatlang; a document with a fair share of both is `mixed`.
//!
//! whatlang costs time in proportion to the text it sees, so a long document is judged on at
//! most [`MAX_SAMPLES`] paragraphs spread evenly from its start to its end (not its first
//! paragraphs only, which would miss an appendix or a second half in the other language).
//! A paragraph whose function words leave no doubt ("de", "het", "een" against "the", "of",
//! "and") is decided by them; whatlang, about a hundred times dearer, judges the others.

use whatlang::{Detector, Lang};

use crate::screening::Language;

const MIN_PARAGRAPH_CHARS: usize = 30;
const MAX_SAMPLES: usize = 12;
const SAMPLE_CHARS: usize = 600;
/// Share of sampled text from which the minority language makes a document mixed.
const MIXED_SHARE: f64 = 0.2;

pub(crate) fn detect_language(text: &str) -> Language {
    let detector = Detector::with_allowlist(vec![Lang::Nld, Lang::Eng]);
    let (mut dutch, mut english) = (0usize, 0usize);
    let paragraphs = split_at_blank_lines(text).into_iter().flat_map(|p| {
        if p.len() > 4 * SAMPLE_CHARS {
            p.split('\n').collect()
        } else {
            vec![p]
        }
    });
    let candidates: Vec<&str> = paragraphs
        .filter(|p| p.trim().len() >= MIN_PARAGRAPH_CHARS)
        .collect();
    let n = candidates.len();
    let picks = n.min(MAX_SAMPLES);
    // Evenly spaced picks, the first paragraph always among them; all when there are few.
    for paragraph in (0..picks).map(|k| candidates[k * n / picks]) {
        let end = paragraph
            .char_indices()
            .nth(SAMPLE_CHARS)
            .map_or(paragraph.len(), |(i, _)| i);
        let sample = &paragraph[..end];
        let lang = function_word_verdict(sample)
            .or_else(|| detector.detect(sample).map(|info| info.lang()));
        match lang {
            Some(Lang::Nld) => dutch += sample.len(),
            Some(Lang::Eng) => english += sample.len(),
            _ => {}
        }
    }
    if dutch + english == 0 {
        // Too short to sample: try the whole (short) text once.
        return match detector.detect_lang(text) {
            Some(Lang::Nld) if text.trim().len() >= 12 => Language::Nl,
            Some(Lang::Eng) if text.trim().len() >= 12 => Language::En,
            _ => Language::Unknown,
        };
    }
    let total = (dutch + english) as f64;
    let minority = dutch.min(english) as f64 / total;
    if minority >= MIXED_SHARE {
        Language::Mixed
    } else if dutch > english {
        Language::Nl
    } else {
        Language::En
    }
}

/// `text.split("\n\n")`, with memchr's searcher (the standard one took a twentieth of the
/// screening time on long documents).
fn split_at_blank_lines(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for at in memchr::memmem::find_iter(text.as_bytes(), b"\n\n") {
        pieces.push(&text[start..at]);
        start = at + 2;
    }
    pieces.push(&text[start..]);
    pieces
}

/// Function words needed on the winning side before it decides alone.
const MIN_FUNCTION_WORDS: usize = 4;
/// How many times the other side's count the winner needs.
const FUNCTION_WORD_DOMINANCE: usize = 4;

/// Dutch or English when the sample's function words clearly say so; None leaves it to
/// whatlang. Words both languages use ("in", "is", "we", "of", "over") count for neither.
fn function_word_verdict(sample: &str) -> Option<Lang> {
    let (mut dutch, mut english) = (0usize, 0usize);
    let mut word = [0u8; 8];
    for token in sample.split(|c: char| !c.is_alphanumeric()) {
        // Every function word is short ASCII; skip the rest without lower-casing it.
        if token.is_empty() || token.len() > word.len() || !token.is_ascii() {
            continue;
        }
        let lower = &mut word[..token.len()];
        lower.copy_from_slice(token.as_bytes());
        lower.make_ascii_lowercase();
        if is_dutch_function_word(lower) {
            dutch += 1;
        } else if is_english_function_word(lower) {
            english += 1;
        }
    }
    if dutch >= MIN_FUNCTION_WORDS && dutch >= FUNCTION_WORD_DOMINANCE * english {
        Some(Lang::Nld)
    } else if english >= MIN_FUNCTION_WORDS && english >= FUNCTION_WORD_DOMINANCE * dutch {
        Some(Lang::Eng)
    } else {
        None
    }
}

fn is_dutch_function_word(word: &[u8]) -> bool {
    matches!(
        word,
        b"de"
            | b"het"
            | b"een"
            | b"van"
            | b"en"
            | b"op"
            | b"te"
            | b"voor"
            | b"met"
            | b"zijn"
            | b"niet"
            | b"die"
            | b"dat"
            | b"er"
            | b"aan"
            | b"ook"
            | b"als"
            | b"bij"
            | b"door"
            | b"om"
            | b"wordt"
            | b"worden"
            | b"naar"
            | b"kan"
            | b"deze"
            | b"dit"
            | b"uit"
            | b"tot"
            | b"wij"
            | b"onze"
            | b"ons"
            | b"wel"
            | b"geen"
            | b"nog"
            | b"meer"
            | b"heeft"
            | b"hebben"
            | b"zal"
            | b"waar"
            | b"wat"
            | b"hoe"
            | b"omdat"
            | b"maar"
            | b"zoals"
            | b"tussen"
            | b"binnen"
            | b"onder"
            | b"wanneer"
            | b"welke"
            | b"hun"
    )
}

fn is_english_function_word(word: &[u8]) -> bool {
    matches!(
        word,
        b"the"
            | b"and"
            | b"to"
            | b"a"
            | b"for"
            | b"it"
            | b"with"
            | b"as"
            | b"on"
            | b"be"
            | b"by"
            | b"this"
            | b"are"
            | b"or"
            | b"from"
            | b"at"
            | b"an"
            | b"not"
            | b"which"
            | b"our"
            | b"will"
            | b"can"
            | b"have"
            | b"has"
            | b"been"
            | b"that"
            | b"these"
            | b"their"
            | b"its"
            | b"such"
            | b"into"
            | b"when"
            | b"would"
            | b"should"
            | b"how"
            | b"what"
            | b"where"
            | b"who"
            | b"they"
            | b"them"
            | b"than"
            | b"also"
            | b"more"
            | b"through"
            | b"between"
            | b"within"
            | b"under"
            | b"about"
            | b"other"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const NL: &str = "De leverancier levert een camerasysteem met beheersoftware en onderhoud \
        voor vijf jaar; storingen worden binnen vier uur door de servicedesk opgepakt.";
    const EN: &str = "The supplier delivers a camera system with management software and five \
        years of maintenance; incidents are handled by the service desk within four hours.";

    fn document(dutch: usize, english: usize) -> String {
        let mut parts = vec![NL; dutch];
        parts.extend(std::iter::repeat_n(EN, english));
        parts.join("\n\n")
    }

    /// A long Dutch document with a substantial English appendix has a fair share of both:
    /// `mixed`, although the appendix lies far beyond the first samples.
    #[test]
    fn long_dutch_document_with_english_appendix_is_mixed() {
        assert_eq!(detect_language(&document(90, 30)), Language::Mixed);
        assert_eq!(detect_language(&document(30, 90)), Language::Mixed);
    }

    #[test]
    fn splits_at_blank_lines_like_str_split() {
        for text in ["", "a", "a\n\nb", "a\n\n\nb\n\n", "\n\n\n\n", "é\n\nü\nx"] {
            assert_eq!(
                split_at_blank_lines(text),
                text.split("\n\n").collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn clear_function_words_decide_and_unclear_samples_are_left_to_whatlang() {
        assert_eq!(function_word_verdict(NL), Some(Lang::Nld));
        assert_eq!(function_word_verdict(EN), Some(Lang::Eng));
        // Too few function words, or both languages at once: no verdict of its own.
        assert_eq!(
            function_word_verdict("Camerasysteem met beheersoftware"),
            None
        );
        assert_eq!(
            function_word_verdict("De camera and the software, het systeem and een model"),
            None
        );
        // Upper case and punctuation do not hide the words; long and non-ASCII words are
        // skipped.
        assert_eq!(
            function_word_verdict("THE SUPPLIER, AND THE CAMERA: FOR THE POLICE."),
            Some(Lang::Eng)
        );
        assert_eq!(function_word_verdict("één privacyverklaring"), None);
    }

    /// A short English appendix (under the mixed share) leaves a Dutch document Dutch.
    #[test]
    fn long_dutch_document_with_short_english_appendix_stays_dutch() {
        assert_eq!(detect_language(&document(100, 4)), Language::Nl);
        assert_eq!(detect_language(&document(0, 100)), Language::En);
        assert_eq!(detect_language(&document(6, 6)), Language::Mixed);
        assert_eq!(detect_language(&document(12, 1)), Language::Nl);
    }
}
