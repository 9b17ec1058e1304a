//! Property tests: verdicts do not change when text is re-wrapped, re-cased or split over
//! pages, and every finding's offsets point at its match inside its excerpt.

mod common;

use grip_screen::{Extracted, Format, Verdict, analyse, char_range_to_bytes};
use proptest::prelude::*;

/// Sentences without case-sensitive abbreviations (ML, KI), whose meaning depends on case.
const SENTENCES: &[&str] = &[
    "De camera herkent personen met een zelflerend detectiemodel.",
    "Het onderhoudscontract omvat twee preventieve inspecties per jaar.",
    "The monitoring service learns normal network behaviour and raises alerts on anomalies.",
    "We do not use AI.",
    "Wij verklaren dat de software geen kunstmatige intelligentie bevat.",
    "Access is granted with a smartcard and PIN.",
    "Firmware 3.1 voegt gezichtsvergelijking toe.",
    "Standard equipment includes autonomous emergency braking.",
    "Bestanden worden gecontroleerd met het SHA-256 hash-algoritme.",
    "Levering binnen vijf werkdagen na bestelling.",
    "Een ingebouwde chatassistent genereert antwoorden op basis van de kennisbank.",
    "The building uses smart meters that report electricity use every 15 minutes.",
];

fn document() -> impl Strategy<Value = Vec<&'static str>> {
    proptest::collection::vec(proptest::sample::select(SENTENCES), 1..8)
}

fn verdict_of(extracted: &Extracted) -> (Verdict, Vec<String>, bool) {
    let s = analyse("p.txt", extracted, common::lexicon());
    (s.verdict, s.categories, s.contradiction)
}

/// Replaces some spaces with line breaks, as a different line width would.
fn rewrap(text: &str, breaks: &[bool]) -> String {
    let mut i = 0;
    text.chars()
        .map(|c| {
            if c == ' ' {
                i += 1;
                if breaks[i % breaks.len()] { '\n' } else { ' ' }
            } else {
                c
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn rewrapping_does_not_change_the_verdict(doc in document(), breaks in proptest::collection::vec(any::<bool>(), 1..16)) {
        let text = doc.join(" ");
        let base = verdict_of(&Extracted::plain(Format::Txt, text.clone()));
        let wrapped = verdict_of(&Extracted::plain(Format::Txt, rewrap(&text, &breaks)));
        prop_assert_eq!(base, wrapped);
    }

    #[test]
    fn recasing_does_not_change_the_verdict(doc in document(), upper in any::<bool>()) {
        let text = doc.join(" ");
        let recased = if upper { text.to_uppercase() } else { text.to_lowercase() };
        prop_assert_eq!(
            verdict_of(&Extracted::plain(Format::Txt, text)),
            verdict_of(&Extracted::plain(Format::Txt, recased))
        );
    }

    #[test]
    fn splitting_over_pages_does_not_change_the_verdict(doc in document(), split in 0usize..8) {
        let joined = doc.join(" ");
        let cut = split.min(doc.len());
        let pages = [doc[..cut].join(" "), doc[cut..].join(" ")];
        let paged = Extracted::from_pages(Format::Pdf, &pages);
        prop_assert_eq!(verdict_of(&Extracted::plain(Format::Txt, joined)), verdict_of(&paged));
    }

    #[test]
    fn offsets_point_at_the_match_inside_the_excerpt(doc in document(), noise in "[a-zA-Zé ,.]{0,40}") {
        let text = format!("{noise} {}", doc.join("\n"));
        let extracted = Extracted::plain(Format::Txt, text.clone());
        let screening = analyse("o.txt", &extracted, common::lexicon());
        prop_assert_eq!(screening.document.chars, text.chars().count());
        for f in &screening.findings {
            let range = char_range_to_bytes(&text, f.start, f.end).expect("offsets in range");
            let matched = &text[range];
            prop_assert!(!matched.is_empty());
            prop_assert!(f.excerpt.contains(matched), "{:?} not in {:?}", matched, f.excerpt);
            prop_assert!(f.excerpt.chars().count() <= 300);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let screening = grip_screen::screen_bytes("x.txt", text.as_bytes(), common::lexicon(), &grip_screen::Limits::default());
        for f in &screening.findings {
            prop_assert!(f.start <= f.end && f.end <= screening.document.chars);
        }
    }
}
