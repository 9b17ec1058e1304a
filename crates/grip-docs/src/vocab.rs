//! The fixed words of the exports in Dutch and English, shared by the Markdown, DOCX and
//! PDF renderers so the three formats never disagree about a label.

use grip_knowledge::Lang;
use grip_knowledge::Verdict;
use grip_knowledge::tender::Use;

pub(crate) struct Words {
    pub document: &'static str,
    pub dossier: &'static str,
    pub date: &'static str,
    pub category: &'static str,
    pub verdict: &'static str,
    pub classification: &'static str,
    pub addressee: &'static str,
    pub purpose: &'static str,
    pub secures: &'static str,
    pub source: &'static str,
    pub criterion: &'static str,
    pub group: &'static str,
    pub weight: &'static str,
    pub empty: &'static str,
    pub page: &'static str,
    pub of: &'static str,
}

pub(crate) fn words(lang: Lang) -> Words {
    match lang {
        Lang::Nl => Words {
            document: "Aanbestedingspakket",
            dossier: "Dossier",
            date: "Datum",
            category: "Categorie",
            verdict: "Oordeel AI-verordening",
            classification: "Rubricering",
            addressee: "Aan",
            purpose: "Doel",
            secures: "Borgt",
            source: "Bron",
            criterion: "Criterium",
            group: "Groep",
            weight: "Weging",
            empty: "Geen items geselecteerd.",
            page: "Pagina",
            of: "van",
        },
        Lang::En => Words {
            document: "Tender package",
            dossier: "Dossier",
            date: "Date",
            category: "Category",
            verdict: "AI Act verdict",
            classification: "Classification",
            addressee: "To",
            purpose: "Purpose",
            secures: "Secures",
            source: "Source",
            criterion: "Criterion",
            group: "Group",
            weight: "Weight",
            empty: "No items selected.",
            page: "Page",
            of: "of",
        },
    }
}

/// ISO 639-1 code of `lang`, for typesetting (hyphenation, quotes) and document metadata.
pub(crate) fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "nl",
        Lang::En => "en",
    }
}

pub(crate) fn use_label(use_: Use, lang: Lang) -> &'static str {
    match (use_, lang) {
        (Use::KnockOut, Lang::Nl) => "knock-out",
        (Use::Award, Lang::Nl) => "gunning",
        (Use::Information, Lang::Nl) => "informatief",
        (Use::KnockOut, Lang::En) => "knock-out",
        (Use::Award, Lang::En) => "award",
        (Use::Information, Lang::En) => "information",
    }
}

/// The verdict in words; the code stays in the JSON export, where machines read it.
pub(crate) fn verdict_label(verdict: Verdict, lang: Lang) -> String {
    verdict.label().get(lang).to_string()
}
