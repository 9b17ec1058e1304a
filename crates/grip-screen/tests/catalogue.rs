//! The function catalogue on sentences written for it: every function in Dutch and English,
//! in verb–object and noun forms, each flagged with its category; the lookalikes and
//! negations are not flagged.

mod common;

use grip_screen::{Extracted, Format, Screening, Verdict, analyse};

fn screen(text: &str) -> Screening {
    analyse(
        "s.txt",
        &Extracted::plain(Format::Txt, text.to_owned()),
        common::lexicon(),
    )
}

/// (function id, its category, sentences that describe it without naming AI)
const FUNCTIONS: &[(&str, &str, &[&str])] = &[
    (
        "function.transcription",
        "speech_language",
        &[
            "De app transcribeert je vergaderingen terwijl ze bezig zijn.",
            "Meetings are now transcribed live for everyone in the call.",
            "Nieuw: live ondertiteling tijdens Teams-gesprekken.",
            "Zet gesproken berichten om naar tekst.",
        ],
    ),
    (
        "function.machine_translation",
        "speech_language",
        &[
            "Translate chat messages into 40 languages with one click.",
            "Berichten worden direct vertaald naar de taal van de lezer.",
        ],
    ),
    (
        "function.summarisation",
        "generative",
        &[
            "Summarize long email threads in a few bullet points.",
            "De assistent vat de vergadering na afloop samen.",
            "Krijg een samenvatting van elk gesprek dat je hebt gemist.",
        ],
    ),
    (
        "function.text_generation",
        "generative",
        &[
            "Rewrite your text in a friendlier tone.",
            "De editor herschrijft je tekst zodat hij korter wordt.",
        ],
    ),
    (
        "function.speech_synthesis",
        "speech_language",
        &[
            "The reader reads articles aloud in a voice of your choice.",
            "De app leest nieuwsberichten voor met een natuurlijke stem.",
        ],
    ),
    (
        "function.voice_cloning",
        "generative",
        &[
            "Create a copy of your own voice from one minute of audio: clone your voice.",
            "Met tien zinnen kloon je je eigen stem.",
        ],
    ),
    (
        "function.face_detection",
        "computer_vision",
        &[
            "Bodycam footage blurs faces before it is shared.",
            "De software vervaagt gezichten van omstanders.",
        ],
    ),
    (
        "function.face_recognition",
        "biometric",
        &[
            "De camera herkent gezichten van bekende bezoekers.",
            "The doorbell recognizes faces of family members.",
            "Find every photo of one person in your library.",
            "Gezichtsherkenning opent de deur.",
        ],
    ),
    (
        "function.emotion_recognition",
        "emotion_recognition",
        &[
            "The kiosk analyses facial expressions and tone of voice to gauge how customers feel.",
            "Het systeem leidt uit de gezichtsuitdrukking af hoe een beller zich voelt; het meet de stemming.",
        ],
    ),
    (
        "function.person_object_detection",
        "computer_vision",
        &[
            "The camera tells people apart from animals and shadows.",
            "Meldingen alleen als de camera een persoon of voertuig detecteert.",
        ],
    ),
    (
        "function.licence_plate_recognition",
        "computer_vision",
        &[
            "The parking gate reads licence plates at the entrance.",
            "De camera leest kentekens van passerende auto's.",
        ],
    ),
    (
        "function.background_segmentation",
        "computer_vision",
        &[
            "Blur your background during video calls.",
            "Vervang je achtergrond door een afbeelding naar keuze.",
        ],
    ),
    (
        "function.document_understanding",
        "computer_vision",
        &[
            "The app reads handwritten notes and turns them into text.",
            "Haal gegevens uit gescande facturen: de software herkent handschrift.",
            "Copy text from photos and screenshots.",
        ],
    ),
    (
        "function.image_classification",
        "computer_vision",
        &[
            "Photos are tagged with what is in them, so you can search for beaches.",
            "De bibliotheek labelt afbeeldingen automatisch.",
        ],
    ),
    (
        "function.message_prioritisation",
        "machine_learning",
        &[
            "Your inbox is now sorted by importance.",
            "Binnenkomende meldingen worden automatisch geclassificeerd op onderwerp.",
        ],
    ),
    (
        "function.spam_phishing",
        "machine_learning",
        &[
            "Outlook blocks phishing emails before they reach you.",
            "Het filter herkent spam en verplaatst die naar de map Ongewenst.",
        ],
    ),
    (
        "function.recommendation",
        "recommendation",
        &[
            "Recommendations are based on a model of past behaviour.",
            "Suggesties op basis van je eerdere kijkgedrag.",
        ],
    ),
    (
        "function.semantic_search",
        "machine_learning",
        &[
            "Search your files by meaning, not keywords.",
            "Zoek in gewone taal door al je documenten.",
        ],
    ),
    (
        "function.learned_anomaly_detection",
        "anomaly_detection",
        &[
            "The gateway learns what normal traffic looks like and flags deviations.",
            "Het systeem leert wat normaal gebruik is.",
        ],
    ),
    (
        "function.predictive_maintenance",
        "prediction_scoring",
        &[
            "Sensors predict failures weeks before a pump breaks down.",
            "Het platform voorspelt storingen aan de liften.",
        ],
    ),
    (
        "function.person_risk_scoring",
        "prediction_scoring",
        &[
            "The module assigns a fraud score to each applicant.",
            "Het systeem geeft elke aanvrager een risicoscore voor fraude.",
        ],
    ),
    (
        "function.chat_assistant",
        "generative",
        &[
            "The assistant answers questions about your documents.",
            "Chat met je dossiers en krijg direct antwoord.",
        ],
    ),
    (
        "function.suggested_replies",
        "generative",
        &[
            "Outlook suggests replies you can send with one tap.",
            "Nieuw: voorgestelde antwoorden in de chat.",
        ],
    ),
    (
        "function.learning_model",
        "machine_learning",
        &[
            "A recognition model trained on thousands of labelled examples.",
            "The tool learned from your past decisions.",
            "Het model is getraind op historische meldingen.",
            "This release swaps in a new image model.",
        ],
    ),
];

#[test]
fn every_function_is_flagged_with_its_category_in_both_languages() {
    let lexicon = common::lexicon();
    let mut failures = Vec::new();
    for (id, category, sentences) in FUNCTIONS {
        let function = lexicon
            .function(id)
            .expect("the function is in the catalogue");
        assert_eq!(function.category, *category, "{id}");
        assert!(!function.explanation_nl.is_empty() && !function.explanation_en.is_empty());
        for sentence in *sentences {
            let s = screen(sentence);
            // The function's own finding, or one of the same category over the same words
            // from an older indicator (the longest hit is kept, ties go to the older one).
            let ok = s.verdict == Verdict::AiIndicated
                && s.categories.iter().any(|c| c == category)
                && s.findings
                    .iter()
                    .any(|f| !f.negated && (f.indicator == *id || f.category == *category));
            if !ok {
                failures.push(format!(
                    "{id}: {sentence} → {:?} {:?}",
                    s.verdict, s.findings
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_catalogue_covers_every_function_the_issue_names() {
    let ids: Vec<&str> = common::lexicon()
        .functions()
        .iter()
        .map(|f| f.id.as_str())
        .collect();
    for (id, _, _) in FUNCTIONS {
        assert!(ids.contains(id), "{id}");
    }
    assert!(ids.len() >= FUNCTIONS.len());
}

#[test]
fn lookalikes_and_plain_automation_are_not_ai() {
    for text in [
        "Motion detection triggers a recording when more than 5% of the pixels change.",
        "De bewegingsmelder detecteert personen in de gang en schakelt het licht in.",
        "Smart folders sort your mail by sender, based on rules you define.",
        "Slimme mappen sorteren berichten op basis van regels die u zelf instelt.",
        "The route planner calculates the fastest route to the incident.",
        "De spellingcontrole gebruikt een Nederlands woordenboek.",
        "The data model describes every object in the register.",
        "Bestanden worden versleuteld met het AES-256 algoritme.",
        "The system automatically generates monthly reports every night at 02:00.",
        "Het systeem verstuurt elke maandag automatisch een herinnering.",
        "De tolk vertaalt documenten van het Arabisch naar het Nederlands.",
        "Our service desk answers calls within four hours.",
        "Sort tickets by priority or by date.",
        "The meeting summary is attached.",
        "Gesprekken worden opgenomen en bewaard gedurende 30 dagen.",
    ] {
        let s = screen(text);
        assert_eq!(
            s.verdict,
            Verdict::NoAiIndicated,
            "{text}: {:?}",
            s.findings
        );
    }
    let lookalikes = common::lexicon().lookalikes();
    assert!(lookalikes.len() >= 7);
    assert!(lookalikes.iter().all(|l| !l.explanation_nl.is_empty()));
}

#[test]
fn catalogue_findings_are_negated_and_contradicted_like_the_others() {
    let denied = screen("De camera herkent geen gezichten.");
    assert_eq!(
        denied.verdict,
        Verdict::NoAiIndicated,
        "{:?}",
        denied.findings
    );
    let both =
        screen("Het product bevat geen AI. De deurbel herkent gezichten van bekende bezoekers.");
    assert_eq!(both.verdict, Verdict::AiIndicated);
    assert!(both.contradiction);
    assert!(both.annex_iii_hints.iter().any(|h| h == "1a"));
}
