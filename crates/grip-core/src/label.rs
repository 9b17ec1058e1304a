//! Data classification levels, lowest to highest. A dossier's level decides who may read it
//! and what may leave the building; what each level is called (its marking, such as
//! "Departementaal Vertrouwelijk") belongs to the organisation, not to the code.

use serde::{Deserialize, Serialize};

crate::code_enum! {
    pub enum DataLabel {
        Public = "public",
        Internal = "internal",
        Confidential = "confidential",
        Secret = "secret",
    }
}

#[expect(
    clippy::derivable_impls,
    reason = "code_enum! declares the enum and takes no extra derives"
)]
impl Default for DataLabel {
    fn default() -> Self {
        DataLabel::Internal
    }
}

/// What the organisation calls each level, as shown on pages and printed on documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelNames {
    pub public: String,
    pub internal: String,
    pub confidential: String,
    pub secret: String,
}

impl Default for LabelNames {
    /// The plain levels, until the organisation names its own.
    fn default() -> Self {
        LabelNames {
            public: "Openbaar".into(),
            internal: "Intern".into(),
            confidential: "Vertrouwelijk".into(),
            secret: "Geheim".into(),
        }
    }
}

impl LabelNames {
    /// Takes the level by value or by reference (templates hold references).
    pub fn name(&self, label: impl std::borrow::Borrow<DataLabel>) -> &str {
        match label.borrow() {
            DataLabel::Public => &self.public,
            DataLabel::Internal => &self.internal,
            DataLabel::Confidential => &self.confidential,
            DataLabel::Secret => &self.secret,
        }
    }

    /// Every level with its name, lowest first (for choosing one).
    pub fn all(&self) -> Vec<(DataLabel, &str)> {
        DataLabel::ALL.iter().map(|l| (*l, self.name(*l))).collect()
    }

    /// A level from its code or from the organisation's name for it (case and surrounding
    /// space ignored), so both API clients and people can name it.
    pub fn parse(&self, text: &str) -> Option<DataLabel> {
        let text = text.trim();
        DataLabel::ALL.iter().copied().find(|l| {
            l.code().eq_ignore_ascii_case(text) || self.name(*l).trim().eq_ignore_ascii_case(text)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_found_by_code_or_by_the_organisations_name() {
        let names = LabelNames {
            internal: "Politie Intern".into(),
            ..LabelNames::default()
        };
        assert_eq!(names.parse("internal"), Some(DataLabel::Internal));
        assert_eq!(names.parse(" politie intern "), Some(DataLabel::Internal));
        assert_eq!(names.parse("Intern"), None, "the default name is replaced");
        assert_eq!(names.parse("Staatsgeheim"), None);
        assert_eq!(names.name(DataLabel::Secret), "Geheim");
    }
}
