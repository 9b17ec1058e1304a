//! An entry made ready for the register: the organisation's own fields from its settings,
//! the publication category from the classification, then checked as the register checks it.

use crate::entry::RegisterEntry;
use crate::finding::Finding;
use crate::publication::{Destination, Publication};
use crate::standard::{FIELDS, LANGUAGE, STANDARD_VERSION};
use crate::validate;
use serde_json::{Map, Value};

/// What the organisation fills in every entry it publishes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrganisationFields {
    pub organization: String,
    /// The organisation's contact address for the register; a supplier's address in a
    /// template is not the organisation's and gives way to it.
    pub contact_email: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Export {
    /// Every field of the standard, valid under it.
    Ready(Map<String, Value>),
    /// Fields still to fill or fix before the entry is valid.
    Incomplete(Vec<Finding>),
    /// Not for the public register (EU database non-public section, or not published).
    Withheld(Destination),
}

/// The entry as it would be published, before any check.
pub fn completed(
    entry: &RegisterEntry,
    org: &OrganisationFields,
    publication: &Publication,
) -> RegisterEntry {
    let mut out = entry.clone();
    if !org.organization.trim().is_empty() {
        out.organization = Some(org.organization.trim().into());
    }
    if let Some(email) = org
        .contact_email
        .as_deref()
        .filter(|e| !e.trim().is_empty())
    {
        out.contact_email = Some(email.trim().into());
    }
    if publication.category.is_some() {
        out.publication_category = publication.category;
    }
    out.lang = Some(LANGUAGE.into());
    out.standard_version = Some(STANDARD_VERSION.into());
    out
}

/// What still keeps the entry from being valid under the standard.
pub fn open_points(
    entry: &RegisterEntry,
    org: &OrganisationFields,
    publication: &Publication,
) -> Vec<Finding> {
    validate::check(
        1,
        &completed(entry, org, publication).standard_fields(),
        true,
    )
}

pub fn export(
    entry: &RegisterEntry,
    org: &OrganisationFields,
    publication: &Publication,
) -> Export {
    if publication.destination != Destination::PublicRegister {
        return Export::Withheld(publication.destination);
    }
    let fields = completed(entry, org, publication).standard_fields();
    let problems = validate::check(1, &fields, true);
    if !problems.is_empty() {
        return Export::Incomplete(problems);
    }
    Export::Ready(in_standard_order(fields))
}

/// Every key of the standard, in its order; empty fields as null.
fn in_standard_order(mut fields: Map<String, Value>) -> Map<String, Value> {
    FIELDS
        .iter()
        .map(|f| {
            let value = fields.remove(f.key).unwrap_or(Value::Null);
            let value = if crate::read::is_filled(&value) {
                value
            } else {
                Value::Null
            };
            (f.key.to_string(), value)
        })
        .collect()
}
