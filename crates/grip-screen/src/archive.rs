//! Expanding a ZIP of supplier documents for bulk screening. The central directory is checked
//! against the limits before any entry is read, so a ZIP bomb or an entry named to escape
//! its folder refuses the whole archive; single entries that cannot be used are skipped with
//! a reason. Entries are returned as they are: nested archives are not expanded.

use std::io::{Cursor, Read};

use thiserror::Error;
use zip::ZipArchive;

/// Bounds for one uploaded archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveLimits {
    /// Most entries (files and folders) the archive may hold.
    pub max_entries: usize,
    /// Most bytes all entries together may declare uncompressed.
    pub max_total_bytes: u64,
    /// Largest single entry kept; larger entries are skipped.
    pub max_entry_bytes: u64,
    /// Highest uncompressed/compressed ratio of an entry above `ratio_exempt_bytes`.
    pub max_ratio: u64,
    /// Entries up to this size are not ratio-checked (tiny files compress oddly).
    pub ratio_exempt_bytes: u64,
}

impl Default for ArchiveLimits {
    fn default() -> Self {
        ArchiveLimits {
            max_entries: 1_000,
            max_total_bytes: 200 * 1024 * 1024,
            max_entry_bytes: 25 * 1024 * 1024,
            max_ratio: 100,
            ratio_exempt_bytes: 64 * 1024,
        }
    }
}

/// Why the whole archive is refused. Messages are Dutch: they reach the person uploading.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ArchiveError {
    #[error("Het ZIP-bestand is beschadigd of onvolledig: {0}")]
    Corrupt(String),
    #[error("Het ZIP-bestand bevat {entries} onderdelen; hoogstens {limit} zijn toegestaan.")]
    TooManyEntries { entries: usize, limit: usize },
    #[error(
        "Het ZIP-bestand pakt uit tot {bytes} bytes; hoogstens {limit} bytes zijn toegestaan (ZIP-bom?)."
    )]
    TooLarge { bytes: u64, limit: u64 },
    #[error(
        "Onderdeel '{entry}' wordt {ratio} keer groter bij uitpakken; hoogstens {limit} keer is toegestaan (ZIP-bom?)."
    )]
    Ratio {
        entry: String,
        ratio: u64,
        limit: u64,
    },
    #[error(
        "Onderdeel '{0}' heeft een onveilige naam (een pad buiten de map); het ZIP-bestand is geweigerd."
    )]
    UnsafeName(String),
}

impl ArchiveError {
    /// A stable code for API clients.
    pub fn code(&self) -> &'static str {
        match self {
            ArchiveError::Corrupt(_) => "zip_corrupt",
            ArchiveError::TooManyEntries { .. } => "zip_too_many_entries",
            ArchiveError::TooLarge { .. } => "zip_too_large",
            ArchiveError::Ratio { .. } => "zip_bomb",
            ArchiveError::UnsafeName(_) => "zip_unsafe_name",
        }
    }
}

/// Why one entry was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// Declared larger than the per-entry limit.
    TooLarge { size: u64, limit: u64 },
    /// Password-protected.
    Encrypted,
    /// A symbolic link or another entry that is not a plain file.
    NotAFile,
    /// The entry's data could not be decompressed, or was longer than declared.
    Unreadable(String),
}

impl std::fmt::Display for SkipReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SkipReason::TooLarge { size, limit } => {
                write!(f, "te groot ({size} bytes; grens {limit} bytes)")
            }
            SkipReason::Encrypted => write!(f, "met een wachtwoord beveiligd"),
            SkipReason::NotAFile => write!(f, "geen gewoon bestand (bijvoorbeeld een koppeling)"),
            SkipReason::Unreadable(detail) => write!(f, "onleesbaar in het ZIP-bestand: {detail}"),
        }
    }
}

/// One file of the archive: its path as stored, the name it will get (the last path
/// component), and its bytes or why it was skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveEntry {
    pub path: String,
    pub name: String,
    pub content: Result<Vec<u8>, SkipReason>,
}

/// Expands a ZIP archive. Folder entries are left out; every other entry is returned in
/// archive order.
pub fn expand_zip(bytes: &[u8], limits: &ArchiveLimits) -> Result<Vec<ArchiveEntry>, ArchiveError> {
    let corrupt = |e: zip::result::ZipError| ArchiveError::Corrupt(e.to_string());
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(corrupt)?;
    if archive.len() > limits.max_entries {
        return Err(ArchiveError::TooManyEntries {
            entries: archive.len(),
            limit: limits.max_entries,
        });
    }
    // First pass, on the central directory alone: names, total size and ratios.
    let mut total: u64 = 0;
    let mut plan = Vec::with_capacity(archive.len());
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).map_err(corrupt)?;
        let path = entry
            .name()
            .map_err(|e| ArchiveError::Corrupt(e.to_string()))?
            .into_owned();
        let name = safe_base_name(&path)?;
        if entry.is_dir() || name.is_none() {
            continue;
        }
        let size = entry.size();
        total = total.saturating_add(size);
        if total > limits.max_total_bytes {
            return Err(ArchiveError::TooLarge {
                bytes: total,
                limit: limits.max_total_bytes,
            });
        }
        let ratio = size / entry.compressed_size().max(1);
        if size > limits.ratio_exempt_bytes && ratio > limits.max_ratio {
            return Err(ArchiveError::Ratio {
                entry: path,
                ratio,
                limit: limits.max_ratio,
            });
        }
        let skip = if entry.is_symlink() || !entry.is_file() {
            Some(SkipReason::NotAFile)
        } else if entry.encrypted() {
            Some(SkipReason::Encrypted)
        } else if size > limits.max_entry_bytes {
            Some(SkipReason::TooLarge {
                size,
                limit: limits.max_entry_bytes,
            })
        } else {
            None
        };
        plan.push((index, path, name.unwrap_or_default(), size, skip));
    }
    // Second pass: read what the first pass allowed, never more than declared.
    let mut out = Vec::with_capacity(plan.len());
    for (index, path, name, size, skip) in plan {
        let content = match skip {
            Some(reason) => Err(reason),
            None => read_entry(&mut archive, index, size),
        };
        out.push(ArchiveEntry {
            path,
            name,
            content,
        });
    }
    Ok(out)
}

fn read_entry(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    index: usize,
    declared: u64,
) -> Result<Vec<u8>, SkipReason> {
    let entry = archive
        .by_index(index)
        .map_err(|e| SkipReason::Unreadable(e.to_string()))?;
    let mut out = Vec::with_capacity(declared.min(16 * 1024 * 1024) as usize);
    entry
        .take(declared + 1)
        .read_to_end(&mut out)
        .map_err(|e| SkipReason::Unreadable(e.to_string()))?;
    if out.len() as u64 > declared {
        return Err(SkipReason::Unreadable("langer dan opgegeven".into()));
    }
    Ok(out)
}

/// The last component of an entry path, or None for a folder. Paths that are absolute,
/// carry a drive letter, or climb out with `..` are refused: an archive built like that is
/// not an innocent collection of documents.
fn safe_base_name(path: &str) -> Result<Option<String>, ArchiveError> {
    let unsafe_name =
        || ArchiveError::UnsafeName(path.chars().filter(|c| !c.is_control()).collect());
    if path.starts_with(['/', '\\']) || path.contains('\0') {
        return Err(unsafe_name());
    }
    let bytes = path.as_bytes();
    if bytes.len() >= 2 && bytes[1] == b':' && bytes[0].is_ascii_alphabetic() {
        return Err(unsafe_name());
    }
    let parts: Vec<&str> = path.split(['/', '\\']).collect();
    if parts.iter().any(|p| p.trim() == "..") {
        return Err(unsafe_name());
    }
    Ok(parts
        .last()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty() && *p != ".")
        .map(str::to_string))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_keep_their_last_component_and_escapes_are_refused() {
        assert_eq!(
            safe_base_name("offertes/2027/a.pdf").unwrap(),
            Some("a.pdf".into())
        );
        assert_eq!(safe_base_name("map/").unwrap(), None);
        assert_eq!(safe_base_name("./b.txt").unwrap(), Some("b.txt".into()));
        for bad in [
            "../a.txt",
            "x/../../a.txt",
            "/etc/passwd",
            "\\share\\a.txt",
            "C:\\a.txt",
            "a\\..\\..\\b",
        ] {
            assert!(
                matches!(safe_base_name(bad), Err(ArchiveError::UnsafeName(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn garbage_is_a_corrupt_archive() {
        assert!(matches!(
            expand_zip(b"PK\x03\x04 not really", &ArchiveLimits::default()),
            Err(ArchiveError::Corrupt(_))
        ));
    }
}
