//! One loader for the tender packs: merge the TOML files, check them against the JSON
//! Schema generated from the content type, deserialise, run the semantic checks and hash.

use std::path::Path;

use schemars::JsonSchema;
use serde::de::DeserializeOwned;

use crate::pack::model::PackMeta;
use crate::pack::{PackError, PackFile, PackFiles};

/// What a pack's content type provides so the generic loader can handle it.
pub trait PackContent: DeserializeOwned + JsonSchema + Sized {
    /// The pack id, which is also its folder name under `knowledge/`.
    const ID: &'static str;
    /// The files compiled into the binary as (file name, text).
    const EMBEDDED: &'static [(&'static str, &'static str)];
    fn meta(&self) -> &PackMeta;
    /// Checks a schema cannot express; each problem names the entry concerned.
    fn semantic_problems(&self) -> Vec<String>;
}

/// A loaded, validated pack with the hash of the files it came from.
#[derive(Debug, Clone)]
pub struct KnowledgePack<C> {
    content: C,
    content_hash: String,
}

impl<C: PackContent> KnowledgePack<C> {
    /// The pack compiled into this binary.
    pub fn embedded() -> Result<Self, PackError> {
        Self::from_files(&Self::embedded_files())
    }

    pub fn embedded_files() -> PackFiles {
        PackFiles::new(
            C::EMBEDDED
                .iter()
                .map(|(name, content)| PackFile {
                    name: (*name).to_string(),
                    content: (*content).to_string(),
                })
                .collect(),
        )
    }

    /// A pack from every `*.toml` file in `dir`, for installing a newer version.
    pub fn load_from_dir(dir: &Path) -> Result<Self, PackError> {
        Self::from_files(&PackFiles::read_dir(dir)?)
    }

    pub fn from_files(files: &PackFiles) -> Result<Self, PackError> {
        let merged = files.merged_table()?;
        let as_json =
            serde_json::to_value(&merged.table).map_err(|e| PackError::Content(e.to_string()))?;
        let schema = Self::json_schema();
        let validator = jsonschema::validator_for(&schema)
            .map_err(|e| PackError::Content(format!("generated pack schema is unusable: {e}")))?;
        let problems: Vec<String> = validator
            .iter_errors(&as_json)
            .map(|error| {
                let pointer = error.instance_path().to_string();
                format!("{}: {pointer}: {error}", merged.file_for_pointer(&pointer))
            })
            .collect();
        if !problems.is_empty() {
            return Err(PackError::Schema { problems });
        }
        let content: C = toml::Value::Table(merged.table)
            .try_into()
            .map_err(|e: toml::de::Error| PackError::Content(e.to_string().trim().to_string()))?;
        let mut problems = meta_problems(C::ID, content.meta());
        problems.extend(content.semantic_problems());
        if !problems.is_empty() {
            return Err(PackError::Inconsistent { problems });
        }
        Ok(Self {
            content,
            content_hash: files.content_hash(),
        })
    }

    /// The JSON Schema of the pack, generated from the Rust types.
    pub fn json_schema() -> serde_json::Value {
        schemars::schema_for!(C).to_value()
    }

    pub fn content(&self) -> &C {
        &self.content
    }

    pub fn version(&self) -> &str {
        &self.content.meta().version
    }

    /// SHA-256 (hex) of the pack files' canonical bytes; store it with every result.
    pub fn content_hash(&self) -> String {
        self.content_hash.clone()
    }

    /// `id@version`, the form written into generated packages.
    pub fn label(&self) -> String {
        format!("{}@{}", C::ID, self.version())
    }
}

fn meta_problems(id: &str, meta: &PackMeta) -> Vec<String> {
    let mut problems = Vec::new();
    if meta.id != id {
        problems.push(format!("pack.id: expected {id:?}, found {:?}", meta.id));
    }
    let core = meta.version.split(['-', '+']).next().unwrap_or("");
    let parts: Vec<&str> = core.split('.').collect();
    let semver = parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    if !semver {
        problems.push(format!(
            "pack.version: expected MAJOR.MINOR.PATCH, found {:?}",
            meta.version
        ));
    }
    if meta.review_by <= meta.effective {
        problems.push("pack.review_by: must be after pack.effective".to_string());
    }
    problems
}
