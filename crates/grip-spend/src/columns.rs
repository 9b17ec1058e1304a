//! Which column holds what: guessed from the header names buyers' systems use, and
//! overridden by the person who imports.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Supplier,
    Amount,
    Date,
    Description,
    Cpv,
}

impl Field {
    pub const ALL: [Field; 5] = [
        Field::Supplier,
        Field::Amount,
        Field::Date,
        Field::Description,
        Field::Cpv,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Field::Supplier => "supplier",
            Field::Amount => "amount",
            Field::Date => "date",
            Field::Description => "description",
            Field::Cpv => "cpv",
        }
    }

    /// Header words that name this field (lower case, as found in Dutch and English exports).
    fn names(self) -> &'static [&'static str] {
        match self {
            Field::Supplier => &[
                "leverancier",
                "crediteur",
                "crediteurnaam",
                "supplier",
                "vendor",
                "relatie",
                "naam leverancier",
                "leveranciersnaam",
            ],
            Field::Amount => &[
                "bedrag",
                "amount",
                "totaal",
                "total",
                "waarde",
                "bedrag excl. btw",
                "bedrag incl. btw",
                "factuurbedrag",
                "value",
            ],
            Field::Date => &[
                "datum",
                "date",
                "factuurdatum",
                "boekdatum",
                "invoice date",
                "periode",
            ],
            Field::Description => &[
                "omschrijving",
                "description",
                "onderwerp",
                "subject",
                "toelichting",
                "kostensoort",
                "grootboek",
            ],
            Field::Cpv => &["cpv", "cpv-code", "cpv code", "cpv_code"],
        }
    }
}

/// Column numbers (from 0) of each field; supplier and amount are needed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    pub supplier: Option<usize>,
    pub amount: Option<usize>,
    pub date: Option<usize>,
    pub description: Option<usize>,
    pub cpv: Option<usize>,
}

impl Mapping {
    pub fn get(&self, field: Field) -> Option<usize> {
        match field {
            Field::Supplier => self.supplier,
            Field::Amount => self.amount,
            Field::Date => self.date,
            Field::Description => self.description,
            Field::Cpv => self.cpv,
        }
    }

    pub fn set(&mut self, field: Field, column: Option<usize>) {
        let slot = match field {
            Field::Supplier => &mut self.supplier,
            Field::Amount => &mut self.amount,
            Field::Date => &mut self.date,
            Field::Description => &mut self.description,
            Field::Cpv => &mut self.cpv,
        };
        *slot = column;
    }

    /// The fields still unmapped that an import needs.
    pub fn missing(&self) -> Vec<Field> {
        [Field::Supplier, Field::Amount]
            .into_iter()
            .filter(|f| self.get(*f).is_none())
            .collect()
    }
}

fn normalised(header: &str) -> String {
    header.trim().trim_start_matches('\u{feff}').to_lowercase()
}

/// The mapping the headers suggest: an exact name first, else a header that starts with one.
pub fn guess(headers: &[String]) -> Mapping {
    let headers: Vec<String> = headers.iter().map(|h| normalised(h)).collect();
    let mut mapping = Mapping::default();
    for field in Field::ALL {
        let exact = headers
            .iter()
            .position(|h| field.names().contains(&h.as_str()));
        let starts = || {
            headers
                .iter()
                .position(|h| field.names().iter().any(|n| h.starts_with(n)))
        };
        let column = exact.or_else(starts);
        if column.is_some_and(|c| Field::ALL.iter().all(|f| mapping.get(*f) != Some(c))) {
            mapping.set(field, column);
        }
    }
    mapping
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_headers_are_recognised() {
        let headers: Vec<String> = [
            "Factuurdatum",
            "Crediteurnaam",
            "Omschrijving",
            "Bedrag excl. BTW",
            "CPV-code",
        ]
        .map(String::from)
        .to_vec();
        let m = guess(&headers);
        assert_eq!(
            (m.supplier, m.amount, m.date, m.description, m.cpv),
            (Some(1), Some(3), Some(0), Some(2), Some(4))
        );
        assert!(m.missing().is_empty());
        assert_eq!(
            guess(&["a".into(), "b".into()]).missing(),
            [Field::Supplier, Field::Amount]
        );
    }
}
