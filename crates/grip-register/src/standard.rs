//! The fields of the Algorithm Register publication standard 1.0, as the register itself
//! validates them: key, kind, length limit, permitted values, allowed HTML tags, and who
//! writes the field (the supplier describes the product; the buying organisation adds its own
//! use; Grip derives the publication category from the classification).

/// Status values, exactly as the standard spells them.
pub const STATUS_VALUES: &[&str] = &["In ontwikkeling", "In gebruik", "Buiten gebruik"];

/// Publication categories, exactly as the standard spells them.
pub const PUBLICATION_CATEGORIES: &[&str] = &[
    "Hoog-risico AI-systeem",
    "Impactvolle algoritmes",
    "Overige algoritmes",
];

/// Policy areas ("Thema"), exactly as the standard spells them.
pub const THEMES: &[&str] = &[
    "Organisatie en bedrijfsvoering",
    "Cultuur en recreatie",
    "Economie",
    "Overheidsfinanciën",
    "Wonen",
    "Internationaal",
    "Migratie en integratie",
    "Natuur en milieu",
    "Onderwijs en wetenschap",
    "Openbare orde en veiligheid",
    "Recht",
    "Ruimte en infrastructuur",
    "Sociale zekerheid",
    "Verkeer",
    "Werk",
    "Zorg en gezondheid",
];

/// The only HTML tags the standard allows in its longer text fields.
pub const ALLOWED_TAGS: &[&str] = &["div", "br", "p", "ul", "ol", "li"];

pub const STANDARD_VERSION: &str = "1.0";
pub const LANGUAGE: &str = "nld";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// Plain text up to `max` characters.
    Text { max: usize },
    /// Text with the allowed HTML tags, up to `max` characters (tags included).
    Html { max: usize },
    /// Plain text without a limit in the standard.
    Free,
    /// One of the permitted values.
    Choice(&'static [&'static str]),
    /// A list of permitted values.
    Choices(&'static [&'static str]),
    /// A list of `{title, link}` references.
    Links {
        title_max: Option<usize>,
        link_max: usize,
        link_required: bool,
    },
}

/// Who writes a field: the product's description comes from the supplier; how the
/// organisation uses it, it writes itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writer {
    Supplier,
    Organisation,
    Grip,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    pub key: &'static str,
    pub kind: FieldKind,
    pub required: bool,
    pub writer: Writer,
    /// The field's Dutch title in the standard.
    pub title_nl: &'static str,
    pub title_en: &'static str,
}

const fn field(
    key: &'static str,
    kind: FieldKind,
    required: bool,
    writer: Writer,
    title_nl: &'static str,
    title_en: &'static str,
) -> FieldSpec {
    FieldSpec {
        key,
        kind,
        required,
        writer,
        title_nl,
        title_en,
    }
}

use FieldKind::{Choice, Choices, Free, Html, Links, Text};
use Writer::{Grip, Organisation, Supplier};

const LINK_500: FieldKind = Links {
    title_max: Some(500),
    link_max: 500,
    link_required: true,
};

/// Every field of the standard, in the standard's order.
pub const FIELDS: &[FieldSpec] = &[
    field("name", Text { max: 100 }, true, Supplier, "Naam", "Name"),
    field(
        "description_short",
        Text { max: 400 },
        true,
        Supplier,
        "Korte omschrijving",
        "Short description",
    ),
    field(
        "organization",
        Text { max: 100 },
        true,
        Organisation,
        "Organisatienaam",
        "Organisation",
    ),
    field(
        "category",
        Choices(THEMES),
        false,
        Organisation,
        "Thema",
        "Policy area",
    ),
    field(
        "status",
        Choice(STATUS_VALUES),
        true,
        Organisation,
        "Status",
        "Status",
    ),
    field(
        "begin_date",
        Text { max: 7 },
        false,
        Organisation,
        "Begindatum",
        "Start date",
    ),
    field(
        "end_date",
        Text { max: 7 },
        false,
        Organisation,
        "Einddatum",
        "End date",
    ),
    field(
        "contact_email",
        Text { max: 500 },
        true,
        Organisation,
        "Contactgegevens",
        "Contact details",
    ),
    field(
        "website",
        Text { max: 500 },
        false,
        Supplier,
        "Link naar publiekspagina",
        "Public web page",
    ),
    field(
        "publication_category",
        Choice(PUBLICATION_CATEGORIES),
        true,
        Grip,
        "Publicatiecategorie",
        "Publication category",
    ),
    field(
        "url",
        Text { max: 500 },
        false,
        Organisation,
        "Link naar bronregistratie",
        "Link to source registration",
    ),
    field(
        "goal",
        Html { max: 2500 },
        false,
        Supplier,
        "Doel en impact",
        "Goal and impact",
    ),
    field(
        "proportionality",
        Html { max: 2500 },
        false,
        Organisation,
        "Afwegingen",
        "Considerations",
    ),
    field(
        "human_intervention",
        Html { max: 2500 },
        false,
        Supplier,
        "Menselijke tussenkomst",
        "Human intervention",
    ),
    field(
        "risks",
        Html { max: 2500 },
        false,
        Supplier,
        "Risicobeheer",
        "Risk management",
    ),
    field(
        "lawful_basis",
        Html { max: 2500 },
        false,
        Organisation,
        "Wettelijke basis",
        "Legal basis",
    ),
    field(
        "lawful_basis_grouping",
        Links {
            title_max: Some(100),
            link_max: 500,
            link_required: true,
        },
        false,
        Organisation,
        "Verwijzingen wettelijke basis",
        "Legal basis references",
    ),
    field(
        "process_index_url",
        Text { max: 500 },
        false,
        Organisation,
        "Link naar verwerkingsregister",
        "Link to processing register",
    ),
    field(
        "impacttoetsen_grouping",
        Links {
            title_max: None,
            link_max: 500,
            link_required: false,
        },
        false,
        Organisation,
        "Impacttoetsen",
        "Impact assessments",
    ),
    field(
        "impacttoetsen",
        Html { max: 2500 },
        false,
        Organisation,
        "Toelichting op impacttoetsen",
        "Notes on impact assessments",
    ),
    field(
        "source_data",
        Html { max: 2500 },
        false,
        Supplier,
        "Gegevens",
        "Data",
    ),
    field(
        "source_data_grouping",
        LINK_500,
        false,
        Supplier,
        "Verwijzingen gegevensbronnen",
        "Data source references",
    ),
    field(
        "methods_and_models",
        Html { max: 5000 },
        false,
        Supplier,
        "Technische werking",
        "How it works",
    ),
    field(
        "provider",
        Text { max: 200 },
        false,
        Supplier,
        "Leverancier",
        "Supplier",
    ),
    field(
        "publiccode",
        Text { max: 500 },
        false,
        Supplier,
        "Link naar broncode",
        "Link to source code",
    ),
    field("lang", Choice(&[LANGUAGE]), true, Grip, "Taal", "Language"),
    field(
        "standard_version",
        Choice(&[STANDARD_VERSION]),
        false,
        Grip,
        "Versie publicatiestandaard",
        "Standard version",
    ),
    field(
        "source_id",
        Text { max: 100 },
        false,
        Organisation,
        "Bron-ID",
        "Source id",
    ),
    field(
        "tags",
        Html { max: 2500 },
        false,
        Organisation,
        "Zoektermen",
        "Search terms",
    ),
    field("lars", Free, false, Grip, "Algoritme-ID", "Algorithm id"),
    field(
        "publication_dt",
        Free,
        false,
        Grip,
        "Publicatie datum",
        "Publication date",
    ),
];

/// The field with this key.
pub fn spec(key: &str) -> Option<&'static FieldSpec> {
    FIELDS.iter().find(|f| f.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_standard_has_thirty_one_fields_each_once() {
        assert_eq!(FIELDS.len(), 31);
        let mut keys: Vec<_> = FIELDS.iter().map(|f| f.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), 31);
    }
}
