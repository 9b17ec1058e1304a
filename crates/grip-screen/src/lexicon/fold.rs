//! Case folding for matching: lower-cases character by character while keeping every
//! character's UTF-8 length, so byte offsets found in the folded text are valid in the original.

use crate::ascii::fold_ascii;

/// Lower-cases `text`; whitespace becomes a space so multi-word terms survive line breaks.
pub(crate) fn fold(text: &str) -> String {
    // `fold_ascii` leaves bytes from 0x80 up as they are, so one pass over every byte folds
    // the ASCII (at vector speed); the other characters are then visited one by one.
    let mut bytes: Vec<u8> = text.bytes().map(fold_ascii).collect();
    let mut i = 0;
    while let Some(offset) = crate::ascii::next_non_ascii(&bytes[i..]) {
        i += offset;
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let len = c.len_utf8();
        let mut lower = c.to_lowercase();
        if let (Some(l), None) = (lower.next(), lower.next())
            && l != c
            && l.len_utf8() == len
        {
            l.encode_utf8(&mut bytes[i..i + len]);
        }
        i += len;
    }
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_owned())
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
    fn ascii_folding_lowers_letters_and_flattens_breaks_only() {
        for b in 0u8..128 {
            let expected = match b {
                b'\n' | b'\r' | b'\t' | 0x0c => b' ',
                other => other.to_ascii_lowercase(),
            };
            assert_eq!(fold_ascii(b), expected, "{b}");
        }
    }

    /// Character by character: lower-case when that keeps the UTF-8 length, breaks to spaces.
    fn reference(text: &str) -> String {
        text.chars()
            .map(|c| match c {
                '\n' | '\r' | '\t' | '\u{c}' => ' ',
                c => {
                    let mut lower = c.to_lowercase();
                    match (lower.next(), lower.next()) {
                        (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                        _ => c,
                    }
                }
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn fold_matches_its_definition(text in "[a-zA-Z0-9 \\n\\tÉéİẞΣſ€𝄞Ǆ]{0,200}", pad in 0usize..70) {
            let text = format!("{}{text}", "Ab".repeat(pad));
            proptest::prop_assert_eq!(fold(&text), reference(&text));
        }
    }
}
