//! What reading or checking an entry found, per field, in words a buyer reads.

use grip_knowledge::common::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    /// The value is not of the field's kind (text, list, references).
    WrongKind {
        expected: &'static str,
    },
    TooLong {
        chars: usize,
        max: usize,
    },
    NotPermitted {
        value: String,
        permitted: &'static [&'static str],
    },
    /// A reference lacks its title or link.
    IncompleteReference {
        position: usize,
        part: &'static str,
    },
    /// A required field is empty.
    Missing,
    /// HTML outside the standard's tags was removed; the words stay.
    HtmlRemoved(Vec<String>),
    /// A field outside the standard: kept with the system, not exported.
    NotInStandard,
    /// A value written another way than the standard's, corrected.
    Corrected {
        from: String,
        to: String,
    },
    /// References with neither title nor link (an editor's empty rows), left out.
    EmptyReferencesDropped(usize),
}

impl Issue {
    /// Whether the entry cannot be taken as it is.
    pub fn refuses(&self) -> bool {
        matches!(
            self,
            Issue::WrongKind { .. }
                | Issue::TooLong { .. }
                | Issue::NotPermitted { .. }
                | Issue::IncompleteReference { .. }
        )
    }
}

/// One issue with one field of one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The entry's position in the file, from 1.
    pub entry: usize,
    pub key: String,
    pub issue: Issue,
}

impl Finding {
    pub fn describe(&self, lang: Lang) -> String {
        let title = crate::standard::spec(&self.key).map_or(self.key.clone(), |f| match lang {
            Lang::Nl => format!("{} ({})", f.title_nl, f.key),
            Lang::En => format!("{} ({})", f.title_en, f.key),
        });
        let what = match (&self.issue, lang) {
            (Issue::WrongKind { expected }, Lang::Nl) => format!("is geen {}", kind_nl(expected)),
            (Issue::WrongKind { expected }, Lang::En) => format!("is not {expected}"),
            (Issue::TooLong { chars, max }, Lang::Nl) => {
                format!("telt {chars} tekens; de standaard staat er {max} toe")
            }
            (Issue::TooLong { chars, max }, Lang::En) => {
                format!("has {chars} characters; the standard allows {max}")
            }
            (Issue::NotPermitted { value, permitted }, Lang::Nl) => format!(
                "\u{201c}{value}\u{201d} is geen toegestane waarde; kies uit: {}",
                permitted.join(", ")
            ),
            (Issue::NotPermitted { value, permitted }, Lang::En) => format!(
                "\u{201c}{value}\u{201d} is not a permitted value; choose from: {}",
                permitted.join(", ")
            ),
            (Issue::IncompleteReference { position, part }, Lang::Nl) => format!(
                "verwijzing {position} mist de {}",
                if *part == "title" { "titel" } else { "link" }
            ),
            (Issue::IncompleteReference { position, part }, Lang::En) => {
                format!("reference {position} lacks its {part}")
            }
            (Issue::Missing, Lang::Nl) => "is verplicht en nog leeg".into(),
            (Issue::Missing, Lang::En) => "is required and still empty".into(),
            (Issue::HtmlRemoved(parts), Lang::Nl) => format!(
                "bevatte HTML die de standaard niet toestaat ({}); die is verwijderd, de tekst is behouden",
                parts.join(" ")
            ),
            (Issue::HtmlRemoved(parts), Lang::En) => format!(
                "held HTML the standard does not allow ({}); it was removed, the words kept",
                parts.join(" ")
            ),
            (Issue::NotInStandard, Lang::Nl) => {
                "hoort niet bij de standaard; bewaard bij het systeem, niet geëxporteerd".into()
            }
            (Issue::NotInStandard, Lang::En) => {
                "is not part of the standard; kept with the system, not exported".into()
            }
            (Issue::EmptyReferencesDropped(n), Lang::Nl) => {
                format!("had {n} lege verwijzing(en) zonder titel en link; die zijn weggelaten")
            }
            (Issue::EmptyReferencesDropped(n), Lang::En) => {
                format!("had {n} empty reference(s) without title or link; they were left out")
            }
            (Issue::Corrected { from, to }, Lang::Nl) => {
                format!("\u{201c}{from}\u{201d} gelezen als \u{201c}{to}\u{201d}")
            }
            (Issue::Corrected { from, to }, Lang::En) => {
                format!("\u{201c}{from}\u{201d} read as \u{201c}{to}\u{201d}")
            }
        };
        format!("{title} {what}")
    }
}

fn kind_nl(expected: &str) -> &'static str {
    match expected {
        "a list" => "lijst",
        "a list of references" => "lijst van verwijzingen",
        _ => "tekst",
    }
}
