//! A decision record in Dutch with every kind of block, shared by the report tests and the
//! `render_report` example.

use grip_docs::{Block, Report, ReportField};
use grip_knowledge::Lang;

pub const LABEL: &str = "Politie Vertrouwelijk";
pub const FINGERPRINT: &str =
    "Vingerafdruk sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

pub fn field(name: &str, values: &[&str]) -> ReportField {
    ReportField {
        name: name.into(),
        values: values.iter().map(|v| v.to_string()).collect(),
    }
}

pub fn decision_record() -> Report {
    let s = |text: &str| text.to_string();
    Report {
        lang: Lang::Nl,
        label: LABEL.into(),
        kind: "Gunningsbeslissing".into(),
        title: "Surveillancevoertuigen noodhulp 2027".into(),
        cover: vec![
            field("Dossier", &["0190f3a2-demo-patrol"]),
            field("Datum", &["23 november 2026"]),
            field(
                "Aanbestedende dienst",
                &["Politie Nederland", "Inkoopdienst, categorie Voertuigen"],
            ),
            field("Behandelaar", &["J. de Vries, senior inkoper"]),
            field("Procedure", &["Europese openbare procedure"]),
        ],
        blocks: vec![
            Block::Heading(s("Aanleiding")),
            Block::Paragraph(s(
                "Op 1 september 2026 is de Europese aanbesteding voor surveillancevoertuigen \
                 voor de noodhulp gepubliceerd. Vóór de sluitingsdatum zijn drie inschrijvingen \
                 ontvangen. Dit besluit legt vast hoe die zijn beoordeeld en aan wie de \
                 opdracht wordt gegund.\nDe beoordelingscommissie heeft de inschrijvingen \
                 geëvalueerd op de knock-outeisen, de kwaliteit en de prijs.",
            )),
            Block::Heading(s("Beoordeling van de inschrijvingen")),
            Block::Paragraph(s(
                "De tabel toont per inschrijver de uitkomst van de knock-outeisen en de \
                 scores op de gunningscriteria (maximaal 100 punten).",
            )),
            Block::Table {
                headers: vec![
                    s("Inschrijver"),
                    s("Knock-outeisen"),
                    s("Kwaliteit (60)"),
                    s("Prijs (40)"),
                    s("Totaal"),
                ],
                rows: vec![
                    vec![
                        s("Kordaan Automotive Nederland B.V."),
                        s("voldaan"),
                        s("52"),
                        s("31"),
                        s("83"),
                    ],
                    vec![
                        s("Vlietstra Voertuigtechniek"),
                        s("voldaan"),
                        s("44"),
                        s("36"),
                        s("80"),
                    ],
                    vec![
                        s("Autohuis Zuid-Oost"),
                        s("niet voldaan: de noodremassistent is niet uit te schakelen"),
                        s("–"),
                        s("–"),
                        s("–"),
                    ],
                ],
            },
            Block::Heading(s("Besluit")),
            Block::Paragraph(s(
                "Het voornemen is de opdracht te gunnen aan de inschrijver met de beste \
                 prijs-kwaliteitverhouding:",
            )),
            Block::Fields(vec![
                field(
                    "Gegunde inschrijver",
                    &["Kordaan Automotive Nederland B.V."],
                ),
                field("Gunningswaarde", &["€ 4.860.000 excl. btw"]),
                field(
                    "Looptijd",
                    &["4 jaar", "met twee opties tot verlenging van 1 jaar"],
                ),
            ]),
            Block::Heading(s("Motivering")),
            Block::Bullets(vec![
                s(
                    "De inschrijving voldoet aan alle knock-outeisen, ook aan de eis dat de \
                   politie de rijassistentie tactisch kan uitschakelen.",
                ),
                s(
                    "Zij scoort het hoogst op kwaliteit, met name op het scenario „stopstoot en \
                   automatische noodrem”.",
                ),
                s("Het verschil in prijs weegt niet op tegen het verschil in kwaliteit."),
            ]),
            Block::Note(s(
                "Opschortende termijn: tot en met 13 december 2026 wordt de opdracht niet \
                 definitief gegund. Binnen deze termijn kan een inschrijver een kort geding \
                 aanhangig maken.",
            )),
            Block::Heading(s("Rechtsmiddelen")),
            Block::Paragraph(s(
                "Vragen over dit besluit kunt u tot de genoemde datum richten aan de \
                 behandelaar. Een naïeve lezing van de termijn is niet mogelijk: de termijn \
                 is een vervaltermijn.",
            )),
        ],
        footer: Some(FINGERPRINT.into()),
    }
}
