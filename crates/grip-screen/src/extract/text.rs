//! Decoding of plain text: UTF-8, UTF-16 with a byte-order mark, Windows-1252 as fallback.
//! Binary garbage (NULs, many control characters) is rejected instead of decoded.

use encoding_rs::{UTF_8, WINDOWS_1252};

use crate::ExtractError;

/// Share of control characters above which the bytes are treated as binary.
const MAX_CONTROL_PER_MILLE: usize = 5;

/// Decodes text bytes, rejecting content that is evidently not text.
pub(crate) fn decode(bytes: &[u8]) -> Result<String, ExtractError> {
    let decoded = if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors && encoding != UTF_8 {
            return Err(ExtractError::Encoding);
        }
        text.into_owned()
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        text.to_owned()
    } else {
        WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned()
    };
    if looks_binary(&decoded) {
        return Err(ExtractError::UnknownFormat);
    }
    Ok(decoded)
}

/// Characters of the text start judged by [`looks_binary`].
const SAMPLE_CHARS: usize = 64 * 1024;

/// Whether the first [`SAMPLE_CHARS`] characters hold a NUL or too many control characters.
/// Counts on the UTF-8 bytes: a character starts at every byte that is not a continuation
/// byte, and the only non-ASCII controls (C1, U+0080–U+009F) are encoded C2 80 – C2 9F.
fn looks_binary(text: &str) -> bool {
    let (end, chars) = sample_end(text.as_bytes());
    let sample = &text.as_bytes()[..end];
    if memchr::memchr(0, sample).is_some() {
        return true;
    }
    let ascii_control = count_bytes(sample, is_ascii_control);
    let c1_control = memchr::memchr_iter(0xC2, sample)
        .filter(|&i| matches!(sample.get(i + 1), Some(0x80..=0x9F)))
        .count();
    (ascii_control + c1_control) * 1000 > chars * MAX_CONTROL_PER_MILLE
}

/// Bytes of `bytes` for which `counted` holds. Each block is summed in a byte-wide
/// accumulator (at most 255 per block), which the compiler turns into vector code; a plain
/// `filter().count()` ran a byte at a time and cost more than the rest of the decoding.
fn count_bytes(bytes: &[u8], counted: impl Fn(u8) -> bool) -> usize {
    const BLOCK: usize = 255;
    bytes
        .chunks(BLOCK)
        .map(|block| {
            let in_block = block
                .iter()
                .fold(0u8, |sum, &b| sum.wrapping_add(u8::from(counted(b))));
            usize::from(in_block)
        })
        .sum()
}

/// Byte offset just past the first [`SAMPLE_CHARS`] characters (or the end of the text),
/// and the characters before it.
fn sample_end(bytes: &[u8]) -> (usize, usize) {
    const BLOCK: usize = 255;
    let mut chars = 0usize;
    for (block_index, block) in bytes.chunks(BLOCK).enumerate() {
        let in_block = count_bytes(block, |b| !is_continuation(b));
        if chars + in_block <= SAMPLE_CHARS {
            chars += in_block;
            continue;
        }
        // The limit falls in this block: the (SAMPLE_CHARS - chars)-th character start in it.
        let mut starts = block
            .iter()
            .enumerate()
            .filter(|&(_, &b)| !is_continuation(b))
            .map(|(i, _)| block_index * BLOCK + i);
        let end = starts.nth(SAMPLE_CHARS - chars).unwrap_or(bytes.len());
        return (end, SAMPLE_CHARS);
    }
    (bytes.len(), chars)
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

fn is_ascii_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)) || b == 0x7F
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition `looks_binary` speeds up: the share of control characters among the
    /// first 64 Ki characters, or a NUL among them.
    fn reference(text: &str) -> bool {
        let is_disallowed_control =
            |c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}');
        let (mut total, mut control) = (0usize, 0usize);
        for c in text.chars().take(64 * 1024) {
            total += 1;
            if c == '\0' {
                return true;
            }
            control += usize::from(is_disallowed_control(c));
        }
        control * 1000 > total * MAX_CONTROL_PER_MILLE
    }

    #[test]
    fn binary_check_agrees_with_its_definition() {
        let long_ascii = "a".repeat(64 * 1024);
        let long_dutch = "één ".repeat(20 * 1024);
        let cases = [
            String::new(),
            "plain text\n\twith tabs\r\n".to_owned(),
            "bell\u{7}".repeat(10),
            "C1 \u{85}\u{9b} controls é".repeat(30),
            format!("{}\u{1}\u{2}{}", "x".repeat(300), "y".repeat(300)),
            format!("{long_ascii}\0 NUL after the sample"),
            format!("{long_dutch}\0"),
            format!("{}\0", "é".repeat(64 * 1024 - 1)),
            format!("{}\u{1}", "ab".repeat(100)),
            format!("{}{}", "é".repeat(64 * 1024), "\u{1}".repeat(400)),
            format!("{}{}", "é".repeat(64 * 1024 - 300), "\u{85}".repeat(400)),
            format!("{}{}", "x€".repeat(21_845), "\u{1}\u{9f}".repeat(200)),
        ];
        for case in &cases {
            assert_eq!(
                looks_binary(case),
                reference(case),
                "{:?}",
                &case[..case.len().min(40)]
            );
        }
        assert!(looks_binary("text\0"));
        assert!(!looks_binary(&format!("{long_ascii}\0")));
    }

    proptest::proptest! {
        /// Mixed widths and controls at every block and sample boundary.
        #[test]
        fn binary_check_matches_definition_on_generated_text(
            parts in proptest::collection::vec(
                proptest::sample::select(vec!["a", "é", "€", "𝄞", "\u{1}", "\u{85}", "\n", "\u{c2}"]),
                0..400,
            ),
            filler in 0usize..(64 * 1024 + 100),
        ) {
            let text = format!("{}{}", "x".repeat(filler), parts.concat());
            proptest::prop_assert_eq!(looks_binary(&text), reference(&text));
        }
    }
}
