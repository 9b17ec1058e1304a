//! The `grip.screening/1` contract: exact field set, JSON round trip, and the text report.

mod common;

use grip_screen::{Limits, Screening, extract, screen_bytes, screening_text_report};

const TEXT: &str = "Er wordt geen kunstmatige intelligentie gebruikt. De sensor herkent personen met een \
                    zelflerend detectiemodel. Firmware 3.1 voegt gezichtsvergelijking toe.";

#[test]
fn json_has_exactly_the_contract_fields_and_round_trips() {
    let screening = screen_bytes(
        "doc.txt",
        TEXT.as_bytes(),
        common::lexicon(),
        &Limits::default(),
    );
    let json = serde_json::to_value(&screening).expect("json");
    assert!(common::screening_validator().is_valid(&json));
    let mut keys: Vec<&str> = json
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "annex_iii_hints",
            "categories",
            "contradiction",
            "document",
            "error",
            "findings",
            "schema",
            "specificity",
            "verdict"
        ]
    );
    assert_eq!(json["schema"], "grip.screening/1");
    let back: Screening = serde_json::from_str(&screening.to_json_line()).expect("deserialise");
    assert_eq!(back, screening);
    assert!(!screening.to_json_line().contains('\n'));
}

#[test]
fn text_report_shows_verdict_contradiction_and_evidence() {
    let extracted = extract(TEXT.as_bytes(), &Limits::default()).expect("text");
    let screening = grip_screen::analyse("doc.txt", &extracted, common::lexicon());
    let report = screening_text_report(&screening, Some(&extracted), Some(common::lexicon()));
    assert!(report.contains("AI INDICATED"), "{report}");
    assert!(report.contains("CONTRADICTION"));
    assert!(report.contains("bio.face_matching"));
    assert!(report.contains("[denied]"));
    assert!(report.contains("1a"));
    let language = serde_json::to_value(screening.document.language).expect("language");
    assert!(
        report.contains(&format!("language {}", language.as_str().expect("a name"))),
        "the report names the language as the contract does: {report}"
    );
}

#[test]
fn specificity_is_reported_for_answer_texts() {
    let concrete = "Bij een storing belt de servicedesk binnen 15 minuten de functioneel beheerder; \
                    versie 4.2.1 wordt eerst op de acceptatieomgeving getest volgens draaiboek DR-7.";
    let generic = "Wij bieden een innovatieve en robuuste oplossing van de hoogste kwaliteit en nemen \
                   uiteraard passende maatregelen conform de geldende wet- en regelgeving.";
    let lex = common::lexicon();
    let c = screen_bytes("c.txt", concrete.as_bytes(), lex, &Limits::default())
        .specificity
        .expect("scored");
    let g = screen_bytes("g.txt", generic.as_bytes(), lex, &Limits::default())
        .specificity
        .expect("scored");
    assert!(c > 0.6 && g < 0.2, "concrete {c}, generic {g}");
    assert!(
        screen_bytes("s.txt", b"Kort.", lex, &Limits::default())
            .specificity
            .is_none()
    );
}

/// One document of every supported format and the usual broken ones: each screening fits
/// the contract, readable documents get the verdict they should, broken ones `unreadable`
/// with a reason.
#[test]
fn every_format_and_every_broken_file_fits_the_contract() {
    let validator = common::screening_validator();
    for sample in grip_screen::samples::every_format() {
        let screening = grip_screen::screen_bytes(
            sample.name,
            &sample.bytes,
            common::lexicon(),
            &grip_screen::Limits::default(),
        );
        let json = serde_json::to_value(&screening).expect("serialise");
        sample.assert_screened(&json, |json| validator.is_valid(json));
    }
}
