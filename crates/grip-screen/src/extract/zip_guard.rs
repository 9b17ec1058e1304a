//! A ZIP reader that refuses bombs: it caps entry count, declared uncompressed size, per-entry
//! expansion ratio, and never reads more bytes than an entry declared.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use crate::{ExtractError, Limits};

/// Entries below this size are exempt from the ratio check (tiny files compress oddly).
const RATIO_EXEMPT_BYTES: u64 = 64 * 1024;

pub(crate) struct GuardedZip<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    format: &'static str,
    max_entry_bytes: u64,
}

impl<'a> GuardedZip<'a> {
    /// Opens the archive and checks the central directory against the limits.
    pub(crate) fn open(
        bytes: &'a [u8],
        limits: &Limits,
        format: &'static str,
    ) -> Result<Self, ExtractError> {
        let mut archive =
            ZipArchive::new(Cursor::new(bytes)).map_err(|e| ExtractError::Corrupt {
                format,
                detail: e.to_string(),
            })?;
        if archive.len() > limits.max_zip_entries {
            return Err(ExtractError::TooManyEntries {
                entries: archive.len(),
                limit: limits.max_zip_entries,
            });
        }
        let mut total: u64 = 0;
        for index in 0..archive.len() {
            let entry = archive
                .by_index_raw(index)
                .map_err(|e| ExtractError::Corrupt {
                    format,
                    detail: e.to_string(),
                })?;
            let size = entry.size();
            total = total.saturating_add(size);
            if total > limits.max_uncompressed_bytes {
                return Err(ExtractError::ExpansionTooLarge {
                    bytes: total,
                    limit: limits.max_uncompressed_bytes,
                });
            }
            let ratio = size / entry.compressed_size().max(1);
            if size > RATIO_EXEMPT_BYTES && ratio > limits.max_expansion_ratio {
                return Err(ExtractError::ExpansionRatio {
                    entry: entry.name().map(|n| n.into_owned()).unwrap_or_default(),
                    ratio,
                    limit: limits.max_expansion_ratio,
                });
            }
        }
        Ok(GuardedZip {
            archive,
            format,
            max_entry_bytes: limits.max_uncompressed_bytes,
        })
    }

    pub(crate) fn has_entry(&self, name: &str) -> bool {
        self.archive.index_for_name(name).is_some()
    }

    /// Entry names in archive order.
    pub(crate) fn names(&self) -> Vec<String> {
        self.archive
            .file_names()
            .filter_map(|n| n.ok().map(|n| n.into_owned()))
            .collect()
    }

    /// Reads a small entry as text for sniffing; `None` when absent, large or unreadable.
    pub(crate) fn small_entry(&self, name: &str, max: u64) -> Option<String> {
        let mut archive = self.archive.clone();
        let entry = archive.by_name(name).ok()?;
        if entry.size() > max {
            return None;
        }
        let mut out = String::new();
        entry.take(max).read_to_string(&mut out).ok()?;
        Some(out)
    }

    /// Reads an entry, trusting neither the declared size nor the compressor: reading stops
    /// one byte after the declared size, and a longer stream is reported as corrupt.
    pub(crate) fn read_entry(&mut self, name: &str) -> Result<Option<Vec<u8>>, ExtractError> {
        let format = self.format;
        let entry = match self.archive.by_name(name) {
            Ok(entry) => entry,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => {
                return Err(ExtractError::Corrupt {
                    format,
                    detail: e.to_string(),
                });
            }
        };
        let declared = entry.size().min(self.max_entry_bytes);
        let mut out = Vec::with_capacity(declared.min(16 * 1024 * 1024) as usize);
        entry
            .take(declared + 1)
            .read_to_end(&mut out)
            .map_err(|e| ExtractError::Corrupt {
                format,
                detail: format!("{name}: {e}"),
            })?;
        if out.len() as u64 > declared {
            return Err(ExtractError::Corrupt {
                format,
                detail: format!("{name} is longer than declared"),
            });
        }
        Ok(Some(out))
    }
}
