//! The raw files of a pack: read from disk or embedded, merged into one TOML table, and
//! hashed. The hash covers the exact bytes experts edited, so a result can name its rules.

use std::collections::BTreeMap;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::PackError;

/// One pack file: its file name (no directories) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackFile {
    pub name: String,
    pub content: String,
}

/// The files of one pack, sorted by name so hashing and merging do not depend on the
/// order a directory listing happens to return.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackFiles {
    files: Vec<PackFile>,
}

impl PackFiles {
    pub fn new(mut files: Vec<PackFile>) -> Self {
        files.sort_by(|a, b| a.name.cmp(&b.name));
        Self { files }
    }

    /// Every `*.toml` file directly inside `dir`.
    pub fn read_dir(dir: &Path) -> Result<Self, PackError> {
        let io_error = |source| PackError::Io {
            path: dir.to_path_buf(),
            source,
        };
        let mut files = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(io_error)? {
            let path = entry.map_err(io_error)?.path();
            let is_toml = path.extension().is_some_and(|ext| ext == "toml");
            if !is_toml || !path.is_file() {
                continue;
            }
            let content = std::fs::read_to_string(&path).map_err(|source| PackError::Io {
                path: path.clone(),
                source,
            })?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            files.push(PackFile { name, content });
        }
        if files.is_empty() {
            return Err(PackError::Empty(dir.to_path_buf()));
        }
        Ok(Self::new(files))
    }

    pub fn files(&self) -> &[PackFile] {
        &self.files
    }

    /// SHA-256 over the canonical bytes, hex: for each file in name order
    /// `name NUL length NUL content`, with CRLF normalised to LF so a Windows checkout
    /// of the same pack yields the same hash.
    pub fn content_hash(&self) -> String {
        let mut hasher = Sha256::new();
        for file in &self.files {
            let content = file.content.replace("\r\n", "\n");
            hasher.update(file.name.as_bytes());
            hasher.update([0u8]);
            hasher.update(content.len().to_string().as_bytes());
            hasher.update([0u8]);
            hasher.update(content.as_bytes());
        }
        hex::encode(hasher.finalize())
    }

    /// Parse every file and merge their top-level keys into one table. A key defined in two
    /// files is an error: each section must live in exactly one place.
    pub fn merged_table(&self) -> Result<MergedTable, PackError> {
        let mut table = toml::Table::new();
        let mut origin: BTreeMap<String, String> = BTreeMap::new();
        for file in &self.files {
            let parsed: toml::Table =
                toml::from_str(&file.content).map_err(|e| PackError::Syntax {
                    file: file.name.clone(),
                    message: e.to_string(),
                })?;
            for (key, value) in parsed {
                if let Some(other) = origin.get(&key) {
                    return Err(PackError::DuplicateSection {
                        key,
                        file: file.name.clone(),
                        other: other.clone(),
                    });
                }
                origin.insert(key.clone(), file.name.clone());
                table.insert(key, value);
            }
        }
        Ok(MergedTable { table, origin })
    }
}

/// The merged pack plus, per top-level key, the file it came from (for error messages).
pub struct MergedTable {
    pub table: toml::Table,
    pub origin: BTreeMap<String, String>,
}

impl MergedTable {
    /// The file that defines the section at the start of a JSON pointer like `/obligations/3`.
    pub fn file_for_pointer(&self, pointer: &str) -> &str {
        let section = pointer
            .trim_start_matches('/')
            .split('/')
            .next()
            .unwrap_or("");
        self.origin
            .get(section)
            .map(String::as_str)
            .unwrap_or("(pack)")
    }
}
