//! A look at the ZIP container before calamine opens it.
//!
//! The byte limit bounds what is uploaded, not what it expands to: 10 MiB of deflated,
//! repetitive XML can grow a thousandfold, and calamine holds every shared string in memory.
//! The central directory declares each entry's expanded size, and the zip reader under calamine
//! stops an entry at its declared size, so summing the declarations bounds the expansion.

/// Most bytes all entries of a workbook may expand to. Far above any real response: 2,000
/// answers of 20,000 characters do not compress into 10 MiB unless they repeat themselves.
pub(crate) const MAX_EXPANDED_BYTES: u64 = 128 * 1024 * 1024;

/// What the look found wrong.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum ContainerError {
    /// No readable ZIP central directory: not a ZIP, so not an XLSX.
    NotZip,
    /// The entries declare more than [`MAX_EXPANDED_BYTES`] together.
    Expands { bytes: u64 },
}

const EOCD_SIGNATURE: u32 = 0x0605_4b50;
const EOCD_LEN: usize = 22;
const ZIP64_LOCATOR_SIGNATURE: u32 = 0x0706_4b50;
const ZIP64_EOCD_SIGNATURE: u32 = 0x0606_4b50;
const CENTRAL_HEADER_SIGNATURE: u32 = 0x0201_4b50;
const CENTRAL_HEADER_LEN: usize = 46;
const ZIP64_EXTRA_ID: u16 = 0x0001;

/// Checks that `bytes` has a ZIP central directory and sums the sizes it declares.
pub(crate) fn check(bytes: &[u8]) -> Result<(), ContainerError> {
    let (offset, entries) = central_directory(bytes).ok_or(ContainerError::NotZip)?;
    let mut pos = offset;
    let mut total: u64 = 0;
    for _ in 0..entries {
        if u32_at(bytes, pos) != Some(CENTRAL_HEADER_SIGNATURE) {
            return Err(ContainerError::NotZip);
        }
        let declared = u32_at(bytes, pos + 24).ok_or(ContainerError::NotZip)?;
        let name_len = usize::from(u16_at(bytes, pos + 28).ok_or(ContainerError::NotZip)?);
        let extra_len = usize::from(u16_at(bytes, pos + 30).ok_or(ContainerError::NotZip)?);
        let comment_len = usize::from(u16_at(bytes, pos + 32).ok_or(ContainerError::NotZip)?);
        let extra_start = pos + CENTRAL_HEADER_LEN + name_len;
        let size = if declared == u32::MAX {
            // The real size is in the ZIP64 extra field; absent, assume the worst.
            let extra = bytes
                .get(extra_start..extra_start + extra_len)
                .ok_or(ContainerError::NotZip)?;
            zip64_size(extra).unwrap_or(u64::MAX)
        } else {
            u64::from(declared)
        };
        total = total.saturating_add(size);
        if total > MAX_EXPANDED_BYTES {
            return Err(ContainerError::Expands { bytes: total });
        }
        pos = extra_start + extra_len + comment_len;
    }
    Ok(())
}

/// Finds the end-of-central-directory record (searching back over a trailing comment) and
/// returns where the central directory starts and how many entries it has.
fn central_directory(bytes: &[u8]) -> Option<(usize, u64)> {
    let last = bytes.len().checked_sub(EOCD_LEN)?;
    let first = last.saturating_sub(usize::from(u16::MAX));
    let eocd = (first..=last)
        .rev()
        .find(|&p| u32_at(bytes, p) == Some(EOCD_SIGNATURE))?;
    let entries = u16_at(bytes, eocd + 10)?;
    let offset = u32_at(bytes, eocd + 16)?;
    if entries != u16::MAX && offset != u32::MAX {
        return Some((usize::try_from(offset).ok()?, u64::from(entries)));
    }
    // ZIP64: a locator just before the record points at the larger record.
    let locator = eocd.checked_sub(20)?;
    if u32_at(bytes, locator)? != ZIP64_LOCATOR_SIGNATURE {
        return None;
    }
    let record = usize::try_from(u64_at(bytes, locator + 8)?).ok()?;
    if u32_at(bytes, record)? != ZIP64_EOCD_SIGNATURE {
        return None;
    }
    let entries = u64_at(bytes, record + 32)?;
    let offset = usize::try_from(u64_at(bytes, record + 48)?).ok()?;
    Some((offset, entries))
}

/// The uncompressed size from a ZIP64 extra field: its first value when the 32-bit one is full.
fn zip64_size(extra: &[u8]) -> Option<u64> {
    let mut pos = 0;
    while pos + 4 <= extra.len() {
        let id = u16_at(extra, pos)?;
        let len = usize::from(u16_at(extra, pos + 2)?);
        if id == ZIP64_EXTRA_ID {
            return u64_at(extra, pos + 4);
        }
        pos += 4 + len;
    }
    None
}

fn u16_at(bytes: &[u8], pos: usize) -> Option<u16> {
    let b = bytes.get(pos..pos.checked_add(2)?)?;
    Some(u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(bytes: &[u8], pos: usize) -> Option<u32> {
    let b = bytes.get(pos..pos.checked_add(4)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn u64_at(bytes: &[u8], pos: usize) -> Option<u64> {
    let b = bytes.get(pos..pos.checked_add(8)?)?;
    let mut le = [0u8; 8];
    le.copy_from_slice(b);
    Some(u64::from_le_bytes(le))
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn garbage_and_truncation_are_not_zip() {
        assert_eq!(check(b""), Err(ContainerError::NotZip));
        assert_eq!(check(&[7u8; 1000]), Err(ContainerError::NotZip));
        // An end record pointing past the end of the data.
        let mut eocd = vec![0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 1, 0, 1, 0];
        eocd.extend_from_slice(&[46, 0, 0, 0, 0xff, 0xff, 0, 0, 0, 0]);
        assert_eq!(check(&eocd), Err(ContainerError::NotZip));
    }

    #[test]
    fn a_declared_expansion_above_the_limit_is_refused() {
        // One central header declaring 4 GiB - 2 bytes, then the end record.
        let mut zip = Vec::new();
        zip.extend_from_slice(&CENTRAL_HEADER_SIGNATURE.to_le_bytes());
        zip.extend_from_slice(&[0u8; 20]);
        zip.extend_from_slice(&(u32::MAX - 1).to_le_bytes());
        zip.extend_from_slice(&[0u8; CENTRAL_HEADER_LEN - 28]);
        zip.extend_from_slice(&EOCD_SIGNATURE.to_le_bytes());
        zip.extend_from_slice(&[0, 0, 0, 0, 1, 0, 1, 0]);
        zip.extend_from_slice(&(CENTRAL_HEADER_LEN as u32).to_le_bytes());
        zip.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
        assert!(matches!(check(&zip), Err(ContainerError::Expands { .. })));
    }
}
