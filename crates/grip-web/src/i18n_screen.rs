//! Interface texts of document screening.
//! Dutch first, English second; `Lang::t` looks here after the other tables.

pub const TEXTS: &[(&str, &str, &str)] = &[
    ("screening", "AI-screening", "AI screening"),
    ("verdict_ai", "AI aangetroffen", "AI indicated"),
    ("verdict_no_ai", "geen AI", "no AI"),
    ("verdict_unreadable", "onleesbaar", "unreadable"),
    ("not_screened", "Niet gescreend.", "Not screened."),
    (
        "contradiction_warning",
        "Tegenstrijdig: het document ontkent AI en beschrijft elders AI-functionaliteit.",
        "Contradiction: the document denies AI and describes AI functionality elsewhere.",
    ),
    ("specificity", "Specificiteit", "Specificity"),
    (
        "specificity_hint",
        "(0 = algemeen, 1 = concreet; stel bij lage waarden scenariovragen)",
        "(0 = generic, 1 = concrete; ask scenario questions when low)",
    ),
    ("screened_with", "Gescreend met", "Screened with"),
    ("denied", "ontkend", "denied"),
    (
        "document_text",
        "Tekst van het document",
        "Text of the document",
    ),
    (
        "text_truncated",
        "Alleen het begin van de tekst wordt getoond.",
        "Only the beginning of the text is shown.",
    ),
    (
        "back_to_dossier",
        "Terug naar het dossier",
        "Back to the dossier",
    ),
    ("download", "Downloaden", "Download"),
    ("ai_screening", "AI-screening", "AI screening"),
];
