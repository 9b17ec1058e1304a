//! Our own larger case set in Dutch and English: indicators per category, compounds,
//! abbreviations, false friends, negation scope and contradictions.

mod common;

use grip_screen::{Extracted, Format, Verdict, analyse};

struct Case {
    text: &'static str,
    verdict: Verdict,
    categories: &'static [&'static str],
    hints: &'static [&'static str],
    contradiction: Option<bool>,
}

const AI: Verdict = Verdict::AiIndicated;
const NO: Verdict = Verdict::NoAiIndicated;

const fn case(text: &'static str, verdict: Verdict, categories: &'static [&'static str]) -> Case {
    Case {
        text,
        verdict,
        categories,
        hints: &[],
        contradiction: None,
    }
}

const CASES: &[Case] = &[
    // Dutch compounds and inflections
    Case {
        hints: &["1a"],
        ..case(
            "De gezichtsherkenningssoftware draait lokaal op de server.",
            AI,
            &["biometric"],
        )
    },
    case(
        "Wij leveren zelflerende camera's voor de meldkamer.",
        AI,
        &["machine_learning"],
    ),
    case(
        "De module herkent kentekens en voertuigen op snelwegen.",
        AI,
        &["computer_vision"],
    ),
    case(
        "Een ingebouwde chatbot beantwoordt vragen van burgers.",
        AI,
        &["generative"],
    ),
    case(
        "Meldingen worden automatisch samengevat door een groot taalmodel.",
        AI,
        &["generative"],
    ),
    case(
        "Het pakket bevat automatische transcriptie van verhoren.",
        AI,
        &["speech_language"],
    ),
    Case {
        hints: &["1c"],
        ..case(
            "De camera detecteert agressie via emotieherkenning.",
            AI,
            &["emotion_recognition"],
        )
    },
    Case {
        hints: &["6e"],
        ..case(
            "De tool maakt risicoprofilering van verdachten mogelijk.",
            AI,
            &["profiling"],
        )
    },
    case(
        "Op basis van historische data voorspelt het systeem inbraakrisico per wijk.",
        AI,
        &["prediction_scoring"],
    ),
    case(
        "Het aanbevelingssysteem toont relevante dossiers aan rechercheurs.",
        AI,
        &["recommendation"],
    ),
    case(
        "De dienst signaleert afwijkend gedrag in transacties met anomaliedetectie.",
        AI,
        &["anomaly_detection"],
    ),
    case(
        "Het voertuig is uitgerust met een rijstrookassistent en adaptieve cruise control.",
        AI,
        &["autonomy_driver_assistance"],
    ),
    case(
        "Deze release bevat een KI-module voor documentclassificatie.",
        AI,
        &["unspecified_ai"],
    ),
    Case {
        hints: &["1b"],
        ..case(
            "De software schat leeftijd en geslacht van voorbijgangers.",
            AI,
            &["biometric"],
        )
    },
    // A machine recognising faces is face recognition (Annex III 1a); a person doing so is not.
    Case {
        hints: &["1a"],
        ..case(
            "De camera herkent gezichten automatisch.",
            AI,
            &["biometric"],
        )
    },
    Case {
        hints: &["1a"],
        ..case(
            "The software automatically recognises faces in the footage.",
            AI,
            &["biometric"],
        )
    },
    case("De medewerker herkent gezichten van collega's.", NO, &[]),
    case("Officers recognise faces of regular visitors.", NO, &[]),
    // English
    case(
        "The platform leverages artificial intelligence for case triage.",
        AI,
        &["unspecified_ai"],
    ),
    case(
        "An LLM drafts summaries of witness statements.",
        AI,
        &["generative"],
    ),
    case(
        "Our ML pipeline retrains the classifier every night.",
        AI,
        &["machine_learning"],
    ),
    case(
        "The drone navigates autonomously using computer vision.",
        AI,
        &["computer_vision", "autonomy_driver_assistance"],
    ),
    Case {
        hints: &["6b"],
        ..case(
            "The interview module offers deception detection from voice stress.",
            AI,
            &["emotion_recognition"],
        )
    },
    case(
        "Speech-to-text converts radio traffic into searchable text.",
        AI,
        &["speech_language"],
    ),
    // False friends and plain texts
    case("Access is granted with a smartcard and PIN.", NO, &[]),
    case(
        "Data at rest is protected by an encryption algorithm (AES-256).",
        NO,
        &[],
    ),
    case(
        "The patrol car has an automatic transmission and heated seats.",
        NO,
        &[],
    ),
    case("The museum exhibit criticises intelligent design.", NO, &[]),
    case(
        "Monthly statistics on response times are delivered as a PDF.",
        NO,
        &[],
    ),
    case(
        "Voeg 500 ML reinigingsmiddel toe aan het reservoir.",
        NO,
        &[],
    ),
    case("De kosten zijn voorspelbaar en vast per jaar.", NO, &[]),
    case(
        "Medewerkers volgen een e-learning over informatiebeveiliging.",
        NO,
        &[],
    ),
    case(
        "The slimme meter reports energy use every 15 minutes.",
        NO,
        &[],
    ),
    case(
        "Bestanden worden gecontroleerd met een MD5-hashalgoritme.",
        NO,
        &[],
    ),
    // Negation
    Case {
        contradiction: Some(false),
        ..case(
            "Het product maakt geen gebruik van machine learning.",
            NO,
            &[],
        )
    },
    Case {
        contradiction: Some(false),
        ..case("No AI is used in this product.", NO, &[])
    },
    Case {
        contradiction: Some(false),
        ..case(
            "The software does not rely on machine learning or neural networks.",
            NO,
            &[],
        )
    },
    Case {
        contradiction: Some(false),
        ..case(
            "Kunstmatige intelligentie wordt in deze versie niet toegepast.",
            NO,
            &[],
        )
    },
    Case {
        contradiction: Some(false),
        ..case(
            "Deze oplossing werkt zonder kunstmatige intelligentie.",
            NO,
            &[],
        )
    },
    Case {
        contradiction: Some(false),
        ..case("The product is free of AI components.", NO, &[])
    },
    Case {
        contradiction: Some(false),
        ..case("De camera bevat geen gezichtsherkenning.", NO, &[])
    },
    // Not a negation
    case(
        "The system not only uses facial recognition but also tracks vehicles.",
        AI,
        &["biometric"],
    ),
    case(
        "Geen handmatige controle meer nodig dankzij machine learning.",
        AI,
        &["machine_learning"],
    ),
    // Contradictions
    Case {
        contradiction: Some(true),
        ..case(
            "Het systeem bevat geen AI. Een neuraal netwerk classificeert de beelden.",
            AI,
            &["machine_learning"],
        )
    },
    Case {
        contradiction: Some(true),
        hints: &["1a"],
        ..case(
            "We do not use artificial intelligence.\n\nAppendix B: face matching against the watch list.",
            AI,
            &["biometric"],
        )
    },
];

#[test]
fn own_cases_in_dutch_and_english() {
    let mut failures = Vec::new();
    for c in CASES {
        let s = analyse(
            "case.txt",
            &Extracted::plain(Format::Txt, c.text),
            common::lexicon(),
        );
        let mut problems = Vec::new();
        if s.verdict != c.verdict {
            problems.push(format!("verdict {:?}", s.verdict));
        }
        for category in c.categories {
            if !s.categories.iter().any(|x| x == category) {
                problems.push(format!("missing {category}"));
            }
        }
        for hint in c.hints {
            if !s.annex_iii_hints.iter().any(|x| x == hint) {
                problems.push(format!("missing hint {hint}"));
            }
        }
        if let Some(want) = c.contradiction
            && s.contradiction != want
        {
            problems.push(format!("contradiction {}", s.contradiction));
        }
        if !problems.is_empty() {
            failures.push(format!(
                "{:?}: {} — {:?}",
                c.text,
                problems.join(", "),
                s.findings
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fail:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn language_is_detected() {
    use grip_screen::Language;
    let nl =
        "De leverancier levert een camerasysteem met beheersoftware en onderhoud voor vijf jaar.";
    let en = "The supplier delivers a camera system with management software and five years of maintenance.";
    let lex = common::lexicon();
    assert_eq!(
        analyse("a", &Extracted::plain(Format::Txt, nl), lex)
            .document
            .language,
        Language::Nl
    );
    assert_eq!(
        analyse("b", &Extracted::plain(Format::Txt, en), lex)
            .document
            .language,
        Language::En
    );
    let mixed = format!("{nl}\n\n{en}");
    assert_eq!(
        analyse("c", &Extracted::plain(Format::Txt, mixed), lex)
            .document
            .language,
        Language::Mixed
    );
}

#[test]
fn lexicon_pack_metadata_and_hash() {
    let lex = common::lexicon();
    assert_eq!(lex.id(), "grip.indicators");
    assert_eq!(lex.content_hash().len(), 64);
    let dir =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../knowledge/indicators");
    let (id, version, hash) =
        grip_screen::check_lexicon(Some(&dir)).expect("pack in folder is valid");
    assert_eq!(
        (id.as_str(), version.as_str(), hash.as_str()),
        (lex.id(), lex.version(), lex.content_hash())
    );
    assert!(lex.plain_terms().iter().any(|t| t == "machine learning"));
    // The hash is of the file's bytes: a comment more is another pack file.
    let source = std::fs::read_to_string(dir.join(grip_screen::PACK_FILE)).expect("pack file");
    let commented = grip_screen::Lexicon::from_toml(&format!("{source}\n# note\n"), "test")
        .expect("still valid");
    assert_ne!(commented.content_hash(), lex.content_hash());
    let same = grip_screen::Lexicon::from_toml(&source, "test").expect("valid");
    assert_eq!(same.content_hash(), lex.content_hash());
}

#[test]
fn invalid_packs_are_rejected() {
    let base = include_str!("../../../knowledge/indicators/indicators.toml");
    let unknown_field = base.replacen("weight = 0.8", "weight = 0.8\nwieght = 1", 1);
    let bad_weight = base.replacen("weight = 0.8", "weight = 1.8", 1);
    let bad_category = base.replacen("category = \"generative\"", "category = \"magic\"", 1);
    let duplicate = base.replacen("id = \"ml.explicit\"", "id = \"ai.explicit\"", 1);
    let bad_regex = base.replacen("'\\bfeature enhancement'", "'(unclosed'", 1);
    // Parses, but compiles beyond the size limit: caught by the full check at load.
    let oversized = base.replacen("'\\bfeature enhancement'", "'feature\\w{50000}'", 1);
    let version_line = format!("version = \"{}\"", common::lexicon().version());
    let bad_version = base.replacen(&version_line, "version = \"one\"", 1);
    for (label, source) in [
        ("unknown field", unknown_field),
        ("weight", bad_weight),
        ("category", bad_category),
        ("duplicate", duplicate),
        ("regex", bad_regex),
        ("oversized", oversized),
        ("version", bad_version),
    ] {
        assert_ne!(source, base, "{label}: replacement did not apply");
        assert!(
            grip_screen::Lexicon::from_toml(&source, label).is_err(),
            "{label} accepted"
        );
    }
}
