//! Dossier vocabulary and the validation of what a person types into a dossier form.
//! Validation returns every field error at once so a form can show them all.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::ids::{CategoryId, DossierId, UserId};
use crate::label::{DataLabel, LabelNames};
use crate::{Phase, Role};

crate::code_enum! {
    pub enum DossierStatus {
        Active = "active",
        OnHold = "on_hold",
        Closed = "closed",
    }
}

/// An acquisition as Grip keeps it, with the names of what it refers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dossier {
    pub id: DossierId,
    pub title: String,
    pub description: String,
    pub category: Option<CategoryRef>,
    pub requester: Option<UserRef>,
    pub phase: Phase,
    pub classification_label: DataLabel,
    pub status: DossierStatus,
    pub estimated_value_eur: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// A category as other entities point at it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryRef {
    pub id: CategoryId,
    pub code: String,
    pub name_nl: String,
    pub name_en: String,
}

/// A person as other entities point at them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserRef {
    pub id: UserId,
    pub username: String,
}

impl Dossier {
    pub fn category_id(&self) -> Option<&CategoryId> {
        self.category.as_ref().map(|c| &c.id)
    }
}

/// A person on a dossier's team, in one role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    pub user_id: UserId,
    pub username: String,
    pub display_name: String,
    pub role: Role,
}

/// Which dossiers a list shows.
#[derive(Debug, Clone, Default)]
pub struct DossierFilter {
    /// Words that must all occur in the title or the start of the description.
    pub query: Option<String>,
    pub phase: Option<Phase>,
    pub category_id: Option<CategoryId>,
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

    /// The same problem on a field of one item of a list (`reason` → `reason.KEY`).
    pub fn at(mut self, key: &str) -> Self {
        self.field = format!("{}.{key}", self.field).into();
        self
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
    pub category_id: Option<CategoryId>,
    pub classification_label: DataLabel,
    pub status: DossierStatus,
    pub estimated_value_eur: Option<i64>,
}

impl DossierInput {
    /// Checks the input; `labels` are the organisation's names for the data levels.
    pub fn validate(&self, labels: &LabelNames) -> Result<ValidDossier, Vec<FieldError>> {
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
        let label_text = self
            .classification_label
            .as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty());
        let label = label_text.map_or(Some(DataLabel::default()), |t| labels.parse(t));
        if label.is_none() {
            let label = label_text.unwrap_or_default();
            errors.push(
                FieldError::new(
                    "classification_label",
                    "unknown_label",
                    "invalid-dossier-label",
                )
                .with("label", label)
                .with(
                    "allowed",
                    labels
                        .all()
                        .iter()
                        .map(|(_, name)| *name)
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            );
        }
        let status_text = self.status.as_deref().unwrap_or("active");
        let status = DossierStatus::from_code(status_text);
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
            .map(CategoryId::from);
        match (errors.is_empty(), status, label) {
            (true, Some(status), Some(classification_label)) => Ok(ValidDossier {
                title,
                description,
                category_id,
                classification_label,
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
        .validate(&LabelNames::default())
        .unwrap();
        assert_eq!(ok.title, "Surveillancevoertuigen 2027");
        assert_eq!(ok.classification_label, DataLabel::Internal);
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
        .validate(&LabelNames::default())
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
        assert_eq!(
            long.validate(&LabelNames::default()).unwrap_err()[0].code,
            "too_long"
        );
        let control = DossierInput {
            title: "a\u{7}b".into(),
            ..Default::default()
        };
        assert_eq!(
            control.validate(&LabelNames::default()).unwrap_err()[0].code,
            "invalid_characters"
        );
    }
}
