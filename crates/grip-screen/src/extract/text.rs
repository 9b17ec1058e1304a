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

fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(64 * 1024) {
        total += 1;
        if c == '\0' {
            return true;
        }
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
            control += 1;
        }
    }
    control * 1000 > total * MAX_CONTROL_PER_MILLE
}
