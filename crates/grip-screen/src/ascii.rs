//! Byte scans over mostly-ASCII text, for case folding and normalisation.

/// Offset of the first byte from 0x80 up, skipping all-ASCII blocks a word at a time.
pub(crate) fn next_non_ascii(bytes: &[u8]) -> Option<usize> {
    const BLOCK: usize = 32;
    let skipped = bytes
        .chunks_exact(BLOCK)
        .take_while(|block| block.is_ascii())
        .count()
        * BLOCK;
    bytes[skipped..]
        .iter()
        .position(|b| !b.is_ascii())
        .map(|n| skipped + n)
}

/// Lower-cases an ASCII byte and turns line breaks, tabs and form feeds into spaces,
/// without branches, so runs of ASCII fold at vector speed.
pub(crate) fn fold_ascii(b: u8) -> u8 {
    let upper = b.wrapping_sub(b'A') < 26;
    let lower = b | (u8::from(upper) << 5);
    if matches!(b, b'\n' | b'\r' | b'\t' | 0x0c) {
        b' '
    } else {
        lower
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_non_ascii_byte_at_any_offset() {
        assert_eq!(next_non_ascii(b""), None);
        assert_eq!(next_non_ascii(&[b'a'; 100]), None);
        for at in [0, 1, 31, 32, 33, 63, 64, 95, 99] {
            let mut bytes = vec![b'a'; 100];
            bytes[at] = 0xC3;
            bytes[99] = 0xA9;
            assert_eq!(next_non_ascii(&bytes), Some(at), "{at}");
        }
    }
}
