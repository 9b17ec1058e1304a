//! Small vocabulary shared by the packs and the classifier: bilingual text, languages,
//! confidence tags and the holder of an obligation.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A text written in both interface languages. Packs must fill both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub nl: String,
    pub en: String,
}

impl Text {
    /// The text in the requested language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
        }
    }
}

/// Interface language. Dutch is the default for the buyers; English is switchable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nl,
    En,
}

/// How well a fact in a pack is established, so experts know what to re-check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Checked against the primary legal text.
    Primary,
    /// Two or more independent secondary sources agree.
    Secondary,
    /// Single source or general knowledge: must be confirmed.
    Unverified,
}

/// Who carries an obligation under the Act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Holder {
    Deployer,
    Provider,
}
