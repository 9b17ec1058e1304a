//! Case folding for matching: lower-cases character by character while keeping every
//! character's UTF-8 length, so byte offsets found in the folded text are valid in the original.

/// A folded copy of a text plus what the anchored regex prefilter needs to know about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Folded {
    pub text: String,
    /// The text holds a character that case-insensitive regexes treat as an ASCII letter but
    /// folding cannot turn into one (`ſ` ≈ s, Kelvin sign ≈ k). The literal prefilter looks
    /// for ASCII only, so such texts are searched with full regex scans instead.
    pub exotic_case: bool,
}

/// Lower-cases `text`; whitespace becomes a space so multi-word terms survive line breaks.
pub(crate) fn fold(text: &str) -> String {
    fold_text(text).text
}

/// ASCII folding as a table: one load per byte keeps folding far cheaper than matching.
const ASCII_FOLD: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'\n' | b'\r' | b'\t' | 0x0c => b' ',
            c => c.to_ascii_lowercase(),
        };
        b += 1;
    }
    table
};

pub(crate) fn fold_text(text: &str) -> Folded {
    let mut bytes = text.as_bytes().to_vec();
    let mut exotic_case = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            bytes[i] = ASCII_FOLD[usize::from(b)];
            i += 1;
            continue;
        }
        // `i` is a char boundary of `text`: only same-length replacements happen below.
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        exotic_case |= matches!(c, '\u{17F}' | '\u{212A}');
        let mut lower = c.to_lowercase();
        if let (Some(l), None) = (lower.next(), lower.next())
            && l != c
            && l.len_utf8() == len
        {
            l.encode_utf8(&mut bytes[i..i + len]);
        }
        i += len;
    }
    let text = String::from_utf8(bytes).unwrap_or_else(|_| text.to_owned());
    Folded { text, exotic_case }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_keeps_byte_length() {
        for s in ["Gezichtsherkenning İstanbul ẞ ΣΑΣ", "AI\nML", "Ǆ ǅ"] {
            assert_eq!(fold(s).len(), s.len());
        }
        assert_eq!(fold("Machine\nLearning"), "machine learning");
    }

    #[test]
    fn fold_handles_long_ascii_runs_and_mixed_text() {
        let text = "abcdefghijklmnop QRSTUVWXYZ\tabcdefgh ÉÉN Ändern abcdefghij";
        assert_eq!(
            fold(text),
            "abcdefghijklmnop qrstuvwxyz abcdefgh één ändern abcdefghij"
        );
    }

    #[test]
    fn fold_flags_characters_the_prefilter_cannot_see() {
        assert!(!fold_text("Gezichtsherkenning İstanbul").exotic_case);
        assert!(fold_text("voorſpelt").exotic_case);
        assert!(fold_text("\u{212A}unstmatige intelligentie").exotic_case);
    }
}
