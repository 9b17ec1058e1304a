//! Every supported format, generated in code, in Dutch and English: the text is found where
//! it lives (body, tables, headers, footers, footnotes, pages) and screened correctly.

mod common;

use common::builders::{self, DocxParts};
use grip_screen::{Format, Limits, Verdict, extract, screen_bytes};

fn screen(name: &str, bytes: &[u8]) -> grip_screen::Screening {
    let screening = screen_bytes(name, bytes, common::lexicon(), &Limits::default());
    let json = serde_json::to_value(&screening).expect("serialise");
    assert!(
        common::screening_validator().is_valid(&json),
        "schema-invalid output: {json}"
    );
    screening
}

#[test]
fn docx_reads_body_table_header_footer_and_footnotes() {
    let bytes = builders::docx(&DocxParts {
        body: &[
            "Offerte camerasysteem",
            "De camera's hebben een resolutie van 4K.",
        ],
        table: &[
            &["Functie", "Beschrijving"],
            &["Analyse", "Objectdetectie van voertuigen"],
        ],
        header: &["KOPTEKST leverancier"],
        footer: &["VOETTEKST pagina"],
        footnotes: &["Versie 2 voegt gezichtsherkenning toe."],
    });
    let extracted = extract(&bytes, &Limits::default()).expect("docx extracts");
    assert_eq!(extracted.format, Format::Docx);
    for needle in [
        "Offerte camerasysteem",
        "Objectdetectie",
        "KOPTEKST",
        "VOETTEKST",
        "gezichtsherkenning",
    ] {
        assert!(
            extracted.text.contains(needle),
            "missing {needle:?} in {:?}",
            extracted.text
        );
    }
    let screening = screen("offerte.docx", &bytes);
    assert_eq!(screening.verdict, Verdict::AiIndicated);
    assert!(screening.categories.contains(&"biometric".to_string()));
    assert_eq!(screening.annex_iii_hints, vec!["1a".to_string()]);
}

#[test]
fn docx_without_ai_is_not_flagged() {
    let bytes = builders::docx_body(&[
        "Het onderhoudscontract omvat twee inspecties per jaar.",
        "Toegang verloopt via een smartcard; gegevens worden versleuteld met een encryptie-algoritme (AES-256).",
    ]);
    let screening = screen("onderhoud.docx", &bytes);
    assert_eq!(screening.verdict, Verdict::NoAiIndicated, "{screening:?}");
    assert_eq!(screening.document.format, Format::Docx);
}

#[test]
fn odt_reads_paragraphs_spaces_and_footer_but_not_styles() {
    let inner = "<text:h>Productblad</text:h><text:p>De software gebruikt<text:s text:c=\"2\"/>machine learning \
                 voor <text:span>anomaliedetectie</text:span>.</text:p>\
                 <table:table><table:table-row><table:table-cell><text:p>Cel tekst</text:p></table:table-cell></table:table-row></table:table>";
    let bytes = builders::odt_raw(inner, Some("Voettekst leverancier BV"));
    let extracted = extract(&bytes, &Limits::default()).expect("odt extracts");
    assert_eq!(extracted.format, Format::Odt);
    assert!(
        extracted.text.contains("gebruikt  machine learning"),
        "{:?}",
        extracted.text
    );
    assert!(extracted.text.contains("Cel tekst"));
    assert!(extracted.text.contains("Voettekst leverancier BV"));
    assert!(!extracted.text.contains("STYLE-NOT-TEXT"));
    let screening = screen("product.odt", &bytes);
    assert_eq!(screening.verdict, Verdict::AiIndicated);
    assert!(
        screening
            .categories
            .contains(&"anomaly_detection".to_string())
    );
}

#[test]
fn pdf_keeps_pages_and_finds_ai_on_the_right_page() {
    let bytes = builders::pdf(&[
        &[
            "Offer for the supply of body cameras",
            "Battery life is 12 hours.",
        ],
        &[
            "Release 4.2 adds facial recognition",
            "against a watch list of persons.",
        ],
    ]);
    let extracted = extract(&bytes, &Limits::default()).expect("pdf extracts");
    assert_eq!(extracted.format, Format::Pdf);
    assert_eq!(extracted.pages(), Some(2));
    let screening = screen("offer.pdf", &bytes);
    assert_eq!(screening.verdict, Verdict::AiIndicated);
    assert_eq!(screening.document.pages, Some(2));
    let face = screening
        .findings
        .iter()
        .find(|f| f.indicator == "bio.face_matching")
        .expect("face finding");
    assert_eq!(face.page, Some(2));
    assert!(screening.annex_iii_hints.contains(&"1a".to_string()));
}

#[test]
fn pdf_rejoins_words_hyphenated_across_lines() {
    let bytes = builders::pdf(&[&[
        "The sensor uses machine learn-",
        "ing to classify vehicles.",
    ]]);
    let extracted = extract(&bytes, &Limits::default()).expect("pdf extracts");
    assert!(extracted.text.contains("learning"), "{:?}", extracted.text);
}

#[test]
fn html_keeps_visible_text_only() {
    let html = "<!DOCTYPE html><html><head><title>Productinformatie</title><style>.ai{color:red}</style>\
                <script>var x = 'kunstmatige intelligentie';</script></head>\
                <body><h1>Camera X200</h1><p>Levering binnen 5 werkdagen.</p>\
                <noscript>deep learning</noscript><p>Met &eacute;&eacute;n klik exporteren.</p></body></html>";
    let extracted = extract(html.as_bytes(), &Limits::default()).expect("html extracts");
    assert_eq!(extracted.format, Format::Html);
    assert!(extracted.text.contains("Camera X200"));
    assert!(extracted.text.contains("één klik"));
    assert!(
        !extracted.text.contains("kunstmatige"),
        "script text leaked: {:?}",
        extracted.text
    );
    assert!(!extracted.text.contains("color"), "style text leaked");
    assert_eq!(
        screen("p.html", html.as_bytes()).verdict,
        Verdict::NoAiIndicated
    );
    let with_ai = "<html><body><div><p>Our platform uses a <b>large language model</b> to draft reports.</p></div></body></html>";
    assert_eq!(
        screen("q.html", with_ai.as_bytes()).verdict,
        Verdict::AiIndicated
    );
}

#[test]
fn text_in_utf16_and_windows_1252_is_decoded() {
    let sentence = "Het systeem voert spraakherkenning uit op opgenomen gesprekken met cliënten.";
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in sentence.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(sentence);
    for (label, bytes) in [("utf16", utf16), ("cp1252", cp1252.into_owned())] {
        let extracted = extract(&bytes, &Limits::default()).expect(label);
        assert_eq!(extracted.text, sentence, "{label}");
        let screening = screen("gesprek.txt", &bytes);
        assert!(
            screening
                .categories
                .contains(&"speech_language".to_string()),
            "{label}"
        );
    }
}

#[test]
fn markdown_is_recognised() {
    let md = "# Release notes 3.0\n\n- New: **slimme detectie** van inbraken met een zelflerend model\n- Fix: login\n";
    let screening = screen("notes.md", md.as_bytes());
    assert_eq!(screening.document.format, Format::Md);
    assert_eq!(screening.verdict, Verdict::AiIndicated);
}

#[test]
fn ligatures_are_normalised() {
    let text = "The oﬃce assistant uses artiﬁcial intelligence to ﬁle documents.";
    let extracted = extract(text.as_bytes(), &Limits::default()).expect("text");
    assert!(extracted.text.contains("artificial intelligence"));
}

#[test]
fn format_is_detected_by_content_not_name() {
    let docx = builders::docx_body(&["Plain text about maintenance."]);
    let screening = screen("looks-like.pdf", &docx);
    assert_eq!(screening.document.format, Format::Docx);
    let pdf = builders::pdf(&[&["A PDF with a txt name, long enough to have text."]]);
    assert_eq!(screen("file.txt", &pdf).document.format, Format::Pdf);
}
