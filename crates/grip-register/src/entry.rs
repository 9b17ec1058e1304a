//! One entry in the publication standard, typed; fields outside the standard ride along in
//! `extra` so an import keeps every word a supplier wrote.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// A `{title, link}` reference (legal basis, impact assessment, data source).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkRef {
    pub title: String,
    #[serde(default)]
    pub link: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RegisterStatus {
    #[serde(rename = "In ontwikkeling")]
    InDevelopment,
    #[serde(rename = "In gebruik")]
    InUse,
    #[serde(rename = "Buiten gebruik")]
    Retired,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PublicationCategory {
    #[serde(rename = "Hoog-risico AI-systeem")]
    HighRiskAi,
    #[serde(rename = "Impactvolle algoritmes")]
    Impactful,
    #[serde(rename = "Overige algoritmes")]
    Other,
}

impl PublicationCategory {
    pub const ALL: [PublicationCategory; 3] = [Self::HighRiskAi, Self::Impactful, Self::Other];

    /// The value as the standard writes it.
    pub fn label(self) -> &'static str {
        match self {
            Self::HighRiskAi => "Hoog-risico AI-systeem",
            Self::Impactful => "Impactvolle algoritmes",
            Self::Other => "Overige algoritmes",
        }
    }

    pub fn from_label(label: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.label() == label)
    }
}

fn null_as_empty<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

/// An entry under standard 1.0. Keys are the standard's own.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RegisterEntry {
    pub name: Option<String>,
    pub description_short: Option<String>,
    pub organization: Option<String>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub category: Vec<String>,
    pub status: Option<RegisterStatus>,
    pub begin_date: Option<String>,
    pub end_date: Option<String>,
    pub contact_email: Option<String>,
    pub website: Option<String>,
    pub publication_category: Option<PublicationCategory>,
    pub url: Option<String>,
    pub goal: Option<String>,
    pub proportionality: Option<String>,
    pub human_intervention: Option<String>,
    pub risks: Option<String>,
    pub lawful_basis: Option<String>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub lawful_basis_grouping: Vec<LinkRef>,
    pub process_index_url: Option<String>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub impacttoetsen_grouping: Vec<LinkRef>,
    pub impacttoetsen: Option<String>,
    pub source_data: Option<String>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub source_data_grouping: Vec<LinkRef>,
    pub methods_and_models: Option<String>,
    pub provider: Option<String>,
    pub publiccode: Option<String>,
    pub lang: Option<String>,
    pub standard_version: Option<String>,
    pub source_id: Option<String>,
    pub tags: Option<String>,
    pub lars: Option<String>,
    pub publication_dt: Option<String>,
    /// Fields outside the standard, kept as they came; never exported.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RegisterEntry {
    /// The entry as a JSON object of the standard's keys only (empty fields as null).
    pub fn standard_fields(&self) -> Map<String, Value> {
        let Value::Object(mut all) = serde_json::to_value(self).expect("plain data serialises")
        else {
            unreachable!("a struct serialises to an object")
        };
        all.retain(|key, _| crate::standard::spec(key).is_some());
        all
    }

    /// The value of a text field of the standard by key, when filled.
    pub fn text(&self, key: &str) -> Option<String> {
        match self.standard_fields().get(key) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
            _ => None,
        }
    }

    /// Fields outside the standard that hold something.
    pub fn filled_extras(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.extra.iter().filter(|(_, v)| crate::read::is_filled(v))
    }
}
