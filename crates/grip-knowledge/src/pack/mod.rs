//! The `ai-act` knowledge pack: loaded from the copy embedded in the binary or from a
//! directory, checked against its generated JSON Schema and semantic rules, and hashed.

mod files;
pub mod model;
mod validate;

use std::path::{Path, PathBuf};

use jiff::civil::Date;

pub use files::{PackFile, PackFiles};
use model::{AiActContent, AppliesFrom, Obligation, RuleText};

/// Why a pack could not be loaded. Every variant names the file or entry concerned.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}: no .toml files found")]
    Empty(PathBuf),
    #[error("{file}: TOML syntax error: {message}")]
    Syntax { file: String, message: String },
    #[error("{file}: section `{key}` is already defined in {other}")]
    DuplicateSection {
        key: String,
        file: String,
        other: String,
    },
    #[error("pack does not match its schema: {}", problems.join("; "))]
    Schema { problems: Vec<String> },
    #[error("pack content is invalid: {0}")]
    Content(String),
    #[error("pack is inconsistent: {}", problems.join("; "))]
    Inconsistent { problems: Vec<String> },
}

impl PackError {
    /// The individual problems, for `grip knowledge check` to list one per line.
    pub fn problems(&self) -> Vec<String> {
        match self {
            Self::Schema { problems } | Self::Inconsistent { problems } => problems.clone(),
            other => vec![other.to_string()],
        }
    }
}

/// The pack files compiled into the binary, so Grip works without files on disk.
const EMBEDDED_FILES: &[(&str, &str)] = &[
    (
        "annex-i.toml",
        include_str!("../../../../knowledge/ai-act/annex-i.toml"),
    ),
    (
        "annex-iii.toml",
        include_str!("../../../../knowledge/ai-act/annex-iii.toml"),
    ),
    (
        "definitions.toml",
        include_str!("../../../../knowledge/ai-act/definitions.toml"),
    ),
    (
        "obligations.toml",
        include_str!("../../../../knowledge/ai-act/obligations.toml"),
    ),
    (
        "pack.toml",
        include_str!("../../../../knowledge/ai-act/pack.toml"),
    ),
    (
        "prohibitions.toml",
        include_str!("../../../../knowledge/ai-act/prohibitions.toml"),
    ),
    (
        "roles-transparency.toml",
        include_str!("../../../../knowledge/ai-act/roles-transparency.toml"),
    ),
    (
        "rules.toml",
        include_str!("../../../../knowledge/ai-act/rules.toml"),
    ),
];

/// A loaded and validated `ai-act` pack.
#[derive(Debug, Clone)]
pub struct AiActPack {
    content: AiActContent,
    content_hash: String,
}

impl AiActPack {
    pub const ID: &'static str = "ai-act";

    /// The pack compiled into this binary.
    pub fn embedded() -> Result<AiActPack, PackError> {
        Self::from_files(&embedded_files())
    }

    /// A pack from every `*.toml` file in `dir`, for installing a newer version.
    pub fn load_from_dir(dir: &Path) -> Result<AiActPack, PackError> {
        Self::from_files(&PackFiles::read_dir(dir)?)
    }

    /// Parse, schema-check, deserialise and semantically check the given files.
    pub fn from_files(files: &PackFiles) -> Result<AiActPack, PackError> {
        let merged = files.merged_table()?;
        let as_json =
            serde_json::to_value(&merged.table).map_err(|e| PackError::Content(e.to_string()))?;
        let schema_problems = schema_problems(&as_json, |pointer| {
            merged.file_for_pointer(pointer).to_string()
        });
        if !schema_problems.is_empty() {
            return Err(PackError::Schema {
                problems: schema_problems,
            });
        }
        let origin = merged.origin.clone();
        let content: AiActContent =
            toml::Value::Table(merged.table)
                .try_into()
                .map_err(|e: toml::de::Error| {
                    // The message ends with "in `section.key`"; name the file of that section.
                    let message = e.to_string().trim().replace('\n', " ");
                    let section = message
                        .rsplit_once("in `")
                        .and_then(|(_, key)| key.split(['.', '`', '[']).next())
                        .and_then(|section| origin.get(section));
                    match section {
                        Some(file) => PackError::Content(format!("{file}: {message}")),
                        None => PackError::Content(message),
                    }
                })?;
        let problems = validate::semantic_problems(&content);
        if !problems.is_empty() {
            return Err(PackError::Inconsistent { problems });
        }
        Ok(AiActPack {
            content,
            content_hash: files.content_hash(),
        })
    }

    pub fn version(&self) -> &str {
        &self.content.pack.version
    }

    /// SHA-256 (hex) of the pack files' canonical bytes; store it with every result.
    pub fn content_hash(&self) -> String {
        self.content_hash.clone()
    }

    /// `id@version`, the form written into `rulepack` of a classification.
    pub fn label(&self) -> String {
        format!("{}@{}", self.content.pack.id, self.content.pack.version)
    }

    pub fn content(&self) -> &AiActContent {
        &self.content
    }

    pub fn obligation(&self, id: &str) -> Option<&Obligation> {
        self.content.obligations.iter().find(|o| o.id == id)
    }

    pub fn rule(&self, id: &str) -> Option<&RuleText> {
        self.content.rules.iter().find(|r| r.id == id)
    }

    /// Whether the amending act is in force on `as_of`, so amended dates are the law.
    pub fn amendment_in_force(&self, as_of: Date) -> bool {
        as_of >= self.content.amendment.in_force
    }

    /// The application date of a provision under the law as in force on `as_of`;
    /// `None` when the provision did not exist yet on that date.
    pub fn applicable_date(&self, dates: &AppliesFrom, as_of: Date) -> Option<Date> {
        if self.amendment_in_force(as_of) {
            dates.amended.or(dates.original)
        } else {
            dates.original
        }
    }
}

/// The embedded files as a `PackFiles`, e.g. to compare against a directory.
pub fn embedded_files() -> PackFiles {
    PackFiles::new(
        EMBEDDED_FILES
            .iter()
            .map(|(name, content)| PackFile {
                name: (*name).to_string(),
                content: (*content).to_string(),
            })
            .collect(),
    )
}

/// The JSON Schema of the `ai-act` pack, generated from the Rust types.
pub fn pack_json_schema() -> serde_json::Value {
    schemars::schema_for!(AiActContent).to_value()
}

/// Schema violations of a pack (as JSON), each prefixed with the file it sits in.
fn schema_problems(instance: &serde_json::Value, file_for: impl Fn(&str) -> String) -> Vec<String> {
    let schema = pack_json_schema();
    let validator = match jsonschema::validator_for(&schema) {
        Ok(validator) => validator,
        Err(e) => return vec![format!("generated pack schema is unusable: {e}")],
    };
    validator
        .iter_errors(instance)
        .map(|error| {
            let pointer = error.instance_path().to_string();
            format!("{}: {pointer}: {error}", file_for(&pointer))
        })
        .collect()
}
