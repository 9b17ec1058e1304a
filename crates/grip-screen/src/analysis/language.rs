//! Document language from a sample of paragraphs, restricted to Dutch and English with
//! whatlang; a document with a fair share of both is `mixed`.
//!
//! whatlang costs time in proportion to the text it sees, so a long document is judged on at
//! most [`MAX_SAMPLES`] paragraphs spread evenly from its start to its end (not its first
//! paragraphs only, which would miss an appendix or a second half in the other language).

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
    let paragraphs = text.split("\n\n").flat_map(|p| {
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
        match detector.detect(sample) {
            Some(info) if info.lang() == Lang::Nld => dutch += sample.len(),
            Some(info) if info.lang() == Lang::Eng => english += sample.len(),
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

    /// A short English appendix (under the mixed share) leaves a Dutch document Dutch.
    #[test]
    fn long_dutch_document_with_short_english_appendix_stays_dutch() {
        assert_eq!(detect_language(&document(100, 4)), Language::Nl);
        assert_eq!(detect_language(&document(0, 100)), Language::En);
        assert_eq!(detect_language(&document(6, 6)), Language::Mixed);
        assert_eq!(detect_language(&document(12, 1)), Language::Nl);
    }
}
