//! Document language from a sample of paragraphs, restricted to Dutch and English with
//! whatlang; a document with a fair share of both is `mixed`.

use whatlang::{Detector, Lang};

use crate::screening::Language;

const MIN_PARAGRAPH_CHARS: usize = 30;
const MAX_SAMPLES: usize = 40;
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
    for paragraph in paragraphs
        .filter(|p| p.trim().len() >= MIN_PARAGRAPH_CHARS)
        .take(MAX_SAMPLES)
    {
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
