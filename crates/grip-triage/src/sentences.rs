//! A notice cut into sentences: release notes are short lines and bullets as often as prose,
//! so a line break ends a sentence as well as `.`, `!`, `?` and `;` before a space.

use std::ops::Range;

/// Byte ranges of the sentences of `text`, trimmed, empty ones left out.
pub(crate) fn sentence_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let ends = match b {
            b'\n' => true,
            b'.' | b'!' | b'?' | b';' => bytes
                .get(i + 1)
                .is_none_or(|next| next.is_ascii_whitespace()),
            _ => false,
        };
        if ends {
            push_trimmed(text, start..i + 1, &mut ranges);
            start = i + 1;
        }
    }
    push_trimmed(text, start..text.len(), &mut ranges);
    ranges
}

fn push_trimmed(text: &str, range: Range<usize>, ranges: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        ranges.push(range.start + lead..range.end - trail);
    }
}

/// The index of the sentence holding byte `at`, or the nearest one before it.
pub(crate) fn sentence_at(ranges: &[Range<usize>], at: usize) -> Option<usize> {
    let after = ranges.partition_point(|r| r.start <= at);
    after.checked_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_full_stops_end_sentences_but_decimals_do_not() {
        let text = "Nieuw: model 4.2 is sneller. Drempel 0,8\n- Bug fixed; more logs\n\n";
        let got: Vec<&str> = sentence_ranges(text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            got,
            [
                "Nieuw: model 4.2 is sneller.",
                "Drempel 0,8",
                "- Bug fixed;",
                "more logs"
            ]
        );
        let ranges = sentence_ranges(text);
        assert_eq!(sentence_at(&ranges, text.find("sneller").unwrap()), Some(0));
        assert_eq!(sentence_at(&ranges, text.find("logs").unwrap()), Some(3));
    }
}
