//! Dossier vocabulary and the validation of what a person types into a dossier form.
//! Validation returns every field error at once so a form can show them all.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// Data classification labels, lowest to highest.
pub const CLASSIFICATION_LABELS: [&str; 4] = [
    "Openbaar",
    "Politie Intern",
    "Politie Vertrouwelijk",
    "Politie Geheim",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DossierStatus {
    Active,
    OnHold,
    Closed,
}

impl DossierStatus {
    pub const ALL: [DossierStatus; 3] = [
        DossierStatus::Active,
        DossierStatus::OnHold,
        DossierStatus::Closed,
    ];

    pub fn id(self) -> &'static str {
        match self {
            DossierStatus::Active => "active",
            DossierStatus::OnHold => "on_hold",
            DossierStatus::Closed => "closed",
        }
    }

    pub fn parse(id: &str) -> Option<DossierStatus> {
        DossierStatus::ALL.into_iter().find(|s| s.id() == id)
    }
}

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_DESCRIPTION_CHARS: usize = 20_000;

/// What a person submits to create or edit a dossier (already trimmed by `validate`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierInput {
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub category_id: Option<String>,
    #[serde(default)]
    pub classification_label: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub estimated_value_eur: Option<i64>,
}

/// One problem with one field. `code` is stable for API clients; `text` names the sentence
/// that explains it to people, which the interface words in the reader's language (an id in
/// grip-web's `locales/*/errors.ftl`) with the named `args` filled in. One code can need
/// different sentences (`required` of a title or of a reason), hence the two.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The field's name, or a dotted JSON path for nested input such as a system profile.
    pub field: Cow<'static, str>,
    pub code: &'static str,
    pub text: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl FieldError {
    pub fn new(
        field: impl Into<Cow<'static, str>>,
        code: &'static str,
        text: &'static str,
    ) -> Self {
        FieldError {
            field: field.into(),
            code,
            text,
            args: Vec::new(),
        }
    }

    /// A problem already worded elsewhere (a parser's or a library's message), passed on as it is.
    pub fn verbatim(
        field: impl Into<Cow<'static, str>>,
        code: &'static str,
        detail: impl std::fmt::Display,
    ) -> Self {
        FieldError::new(field, code, "invalid-detail").with("detail", detail)
    }

    /// Adds the named argument `{ $name }` of the text.
    pub fn with(mut self, name: &'static str, value: impl std::fmt::Display) -> Self {
        self.args.push((name, value.to_string()));
        self
    }

    /// The value of a named argument.
    pub fn arg(&self, name: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A validated dossier input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidDossier {
    pub title: String,
    pub description: String,
    pub category_id: Option<String>,
    pub classification_label: String,
    pub status: DossierStatus,
    pub estimated_value_eur: Option<i64>,
}

impl DossierInput {
    pub fn validate(&self) -> Result<ValidDossier, Vec<FieldError>> {
        let mut errors = Vec::new();
        let title = self.title.trim().to_string();
        if title.is_empty() {
            errors.push(FieldError::new(
                "title",
                "required",
                "invalid-title-required",
            ));
        } else if title.chars().count() > MAX_TITLE_CHARS {
            errors.push(
                FieldError::new("title", "too_long", "invalid-title-too-long")
                    .with("max", MAX_TITLE_CHARS),
            );
        }
        if title.chars().any(char::is_control) {
            errors.push(FieldError::new(
                "title",
                "invalid_characters",
                "invalid-title-control-characters",
            ));
        }
        let description = self.description.trim().to_string();
        if description.chars().count() > MAX_DESCRIPTION_CHARS {
            errors.push(
                FieldError::new("description", "too_long", "invalid-description-too-long")
                    .with("max", MAX_DESCRIPTION_CHARS),
            );
        }
        let label = self
            .classification_label
            .as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .unwrap_or("Politie Intern");
        if !CLASSIFICATION_LABELS.contains(&label) {
            errors.push(
                FieldError::new(
                    "classification_label",
                    "unknown_label",
                    "invalid-dossier-label",
                )
                .with("label", label)
                .with("allowed", CLASSIFICATION_LABELS.join(", ")),
            );
        }
        let status_text = self.status.as_deref().unwrap_or("active");
        let status = DossierStatus::parse(status_text);
        if status.is_none() {
            errors.push(
                FieldError::new("status", "unknown_status", "invalid-dossier-status")
                    .with("status", status_text),
            );
        }
        if self
            .estimated_value_eur
            .is_some_and(|v| !(0..=1_000_000_000_000).contains(&v))
        {
            errors.push(FieldError::new(
                "estimated_value_eur",
                "out_of_range",
                "invalid-dossier-value",
            ));
        }
        let category_id = self
            .category_id
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string);
        match (errors.is_empty(), status) {
            (true, Some(status)) => Ok(ValidDossier {
                title,
                description,
                category_id,
                classification_label: label.to_string(),
                status,
                estimated_value_eur: self.estimated_value_eur,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_dossier_gets_defaults() {
        let ok = DossierInput {
            title: "  Surveillancevoertuigen 2027 ".into(),
            ..Default::default()
        }
        .validate()
        .unwrap();
        assert_eq!(ok.title, "Surveillancevoertuigen 2027");
        assert_eq!(ok.classification_label, "Politie Intern");
        assert_eq!(ok.status, DossierStatus::Active);
    }

    #[test]
    fn every_bad_field_is_reported() {
        let errors = DossierInput {
            title: " ".into(),
            classification_label: Some("Staatsgeheim".into()),
            status: Some("weg".into()),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_ref()).collect();
        assert_eq!(fields, ["title", "classification_label", "status"]);
    }

    #[test]
    fn over_long_titles_and_control_characters_are_refused() {
        let long = DossierInput {
            title: "x".repeat(MAX_TITLE_CHARS + 1),
            ..Default::default()
        };
        assert_eq!(long.validate().unwrap_err()[0].code, "too_long");
        let control = DossierInput {
            title: "a\u{7}b".into(),
            ..Default::default()
        };
        assert_eq!(
            control.validate().unwrap_err()[0].code,
            "invalid_characters"
        );
    }
}
