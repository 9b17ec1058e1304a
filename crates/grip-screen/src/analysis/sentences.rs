//! Excerpts: the sentence around a match, or a window of at most 300 characters that always
//! contains the whole match, so a reader can check every finding in context. Sentence and
//! clause boundaries are found in one pass per document ([`Boundaries`]), so the many
//! findings of a long document look them up instead of each re-reading its surroundings.

use super::negation::floor_char_boundary;

/// Contract limit for an excerpt, in characters.
pub(crate) const MAX_EXCERPT_CHARS: usize = 300;
const MAX_SCAN_BYTES: usize = 1200;

/// Where a document's sentences and clauses end: byte offsets of the boundary characters
/// (see [`is_sentence_end`] and `negation::is_clause_end`), in text order.
#[derive(Debug, Default)]
#[cfg_attr(test, derive(PartialEq))]
pub(crate) struct Boundaries {
    sentence: Vec<(usize, char)>,
    clause: Vec<(usize, char)>,
}

impl Boundaries {
    pub(crate) fn of(text: &str) -> Self {
        let (mut sentence, mut clause) = (Vec::new(), Vec::new());
        for i in boundary_candidates(text.as_bytes()) {
            let (c, ends_sentence, ends_clause) = classify(text, i);
            if ends_sentence {
                sentence.push((i, c));
            }
            if ends_clause {
                clause.push((i, c));
            }
        }
        Boundaries { sentence, clause }
    }

    /// Offset just after the last clause boundary in `from..to`.
    pub(crate) fn last_clause_end(&self, from: usize, to: usize) -> Option<usize> {
        last_in(&self.clause, from, to).map(|(i, c)| i + c.len_utf8())
    }

    /// Offset of the first clause boundary in `from..to`.
    pub(crate) fn first_clause_end(&self, from: usize, to: usize) -> Option<usize> {
        first_in(&self.clause, from, to).map(|(i, _)| i)
    }
}

fn last_in(list: &[(usize, char)], from: usize, to: usize) -> Option<(usize, char)> {
    let before_to = list.partition_point(|&(i, _)| i < to);
    list[..before_to]
        .last()
        .copied()
        .filter(|&(i, _)| i >= from)
}

fn first_in(list: &[(usize, char)], from: usize, to: usize) -> Option<(usize, char)> {
    let first = list.partition_point(|&(i, _)| i < from);
    list.get(first).copied().filter(|&(i, _)| i < to)
}

/// Byte range of the excerpt for the match `start..end` in `text`.
pub(crate) fn excerpt_range(
    text: &str,
    bounds: &Boundaries,
    start: usize,
    end: usize,
) -> (usize, usize) {
    let sentence_start = sentence_start(text, bounds, start);
    let sentence_end = sentence_end(text, bounds, end);
    let sentence = &text[sentence_start..sentence_end];
    // No more bytes than the limit means no more characters either: most sentences are
    // settled without counting.
    if sentence.len() <= MAX_EXCERPT_CHARS || sentence.chars().count() <= MAX_EXCERPT_CHARS {
        return trim(text, sentence_start, sentence_end);
    }
    window(text, start, end)
}

/// Centres a window of at most MAX_EXCERPT_CHARS on the match (or just the match if longer).
fn window(text: &str, start: usize, end: usize) -> (usize, usize) {
    let match_chars = text[start..end].chars().count();
    if match_chars >= MAX_EXCERPT_CHARS {
        return (start, end);
    }
    let spare = MAX_EXCERPT_CHARS - match_chars;
    let before = text[..start]
        .char_indices()
        .rev()
        .take(spare / 2)
        .last()
        .map_or(start, |(i, _)| i);
    let used_before = text[before..start].chars().count();
    let after = text[end..]
        .char_indices()
        .nth(spare - used_before)
        .map_or(text.len(), |(i, _)| end + i);
    (before, after)
}

fn trim(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    let slice = &text[start..end];
    start += slice.len() - slice.trim_start().len();
    end -= slice.len() - slice.trim_end().len();
    (start, end.max(start))
}

/// The character at the candidate byte `index` and whether it ends a sentence and a clause:
/// [`is_sentence_end`] and `is_clause_end` decided from bytes, since a candidate is ASCII
/// or the first byte of `•` and so, in practice, is what follows it.
fn classify(text: &str, index: usize) -> (char, bool, bool) {
    let bytes = text.as_bytes();
    let c = char::from(bytes[index]);
    match bytes[index] {
        b'!' | b'?' => (c, true, true),
        b';' | b'(' | b')' => (c, false, true),
        b'.' => {
            let ends = whitespace_or_end_at(text, index + 1);
            (c, ends, ends)
        }
        b':' => (c, false, whitespace_or_end_at(text, index + 1)),
        b'\n' => {
            let ends = blank_line_follows(bytes, index + 1);
            (c, ends, ends)
        }
        _ => {
            let bullet = bytes[index..].starts_with("•".as_bytes());
            ('•', bullet, bullet)
        }
    }
}

/// Whether the text ends at `index` or continues with whitespace there.
fn whitespace_or_end_at(text: &str, index: usize) -> bool {
    match text.as_bytes().get(index) {
        None => true,
        Some(&b) if b.is_ascii() => char::from(b).is_whitespace(),
        Some(_) => text[index..]
            .chars()
            .next()
            .is_some_and(char::is_whitespace),
    }
}

/// Whether only spaces, tabs and carriage returns stand between `index` and a line break.
fn blank_line_follows(bytes: &[u8], index: usize) -> bool {
    bytes[index..]
        .iter()
        .find(|&&b| !matches!(b, b' ' | b'\t' | b'\r'))
        == Some(&b'\n')
}

/// A sentence ends at `c` (at `index`): the definition [`classify`] implements.
#[cfg(test)]
fn is_sentence_end(text: &str, index: usize, c: char) -> bool {
    match c {
        '!' | '?' | '•' => true,
        // A single line break is only layout (PDF lines, re-wrapped text); a blank line ends.
        '\n' => text[index + 1..]
            .trim_start_matches([' ', '\t', '\r'])
            .starts_with('\n'),
        '.' => text[index + 1..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace),
        _ => false,
    }
}

fn sentence_start(text: &str, bounds: &Boundaries, start: usize) -> usize {
    let from = floor_char_boundary(text, start.saturating_sub(MAX_SCAN_BYTES));
    last_in(&bounds.sentence, from, start).map_or(from, |(i, c)| i + c.len_utf8())
}

fn sentence_end(text: &str, bounds: &Boundaries, end: usize) -> usize {
    let to = floor_char_boundary(text, (end + MAX_SCAN_BYTES).min(text.len()));
    first_in(&bounds.sentence, end, to).map_or(
        to,
        |(i, c)| {
            if c == '\n' { i } else { i + c.len_utf8() }
        },
    )
}

/// Bytes that can begin a sentence or clause boundary: each is an ASCII character or `•`
/// (bytes E2 80 A2). ASCII bytes never occur inside a multi-byte character, so the boundary
/// pass steps over bytes (one table load each) instead of decoding every character.
/// Positions of the bytes that may begin a boundary (see [`classify`]), in order: three
/// vectorised searches for three bytes each, merged, rather than a look-up of every byte.
fn boundary_candidates(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut searches = [
        memchr::memchr3_iter(b'.', b'\n', 0xE2, bytes),
        memchr::memchr3_iter(b'!', b'?', b';', bytes),
        memchr::memchr3_iter(b':', b'(', b')', bytes),
    ];
    let mut next: [Option<usize>; 3] = [None; 3];
    for (slot, search) in next.iter_mut().zip(&mut searches) {
        *slot = search.next();
    }
    std::iter::from_fn(move || {
        let (k, at) = next
            .iter()
            .enumerate()
            .filter_map(|(k, at)| Some((k, (*at)?)))
            .min_by_key(|&(_, at)| at)?;
        next[k] = searches[k].next();
        Some(at)
    })
}

#[cfg(test)]
mod tests {
    use super::super::negation::is_clause_end;
    use super::*;

    /// Boundaries as their definitions give them, character by character.
    fn reference(text: &str) -> Boundaries {
        let (mut sentence, mut clause) = (Vec::new(), Vec::new());
        for (i, c) in text.char_indices() {
            if is_sentence_end(text, i, c) {
                sentence.push((i, c));
            }
            if is_clause_end(text, i, c) {
                clause.push((i, c));
            }
        }
        Boundaries { sentence, clause }
    }

    fn assert_like_reference(text: &str) {
        assert_eq!(Boundaries::of(text), reference(text), "{text:?}");
    }

    #[test]
    fn boundaries_follow_their_definitions_on_real_texts() {
        let texts = crate::test_texts::shared_texts("the shared texts").unwrap_or_default();
        assert_like_reference(&texts.join("\n\n"));
        for text in [
            "Eén. Twee!Drie? Vier; vijf: zes (zeven) • acht.",
            "Einde.\u{a0}Volgende.\u{2003}En.€ Slot:\u{85}x.",
            "Regel\n  \t\nNieuwe alinea\nzelfde alinea.\n\r\n",
            "ab.cd:ef.\n",
            "•",
            "",
            ".",
            "\n",
            "\u{2022}\u{2023}\u{2024}",
        ] {
            assert_like_reference(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn boundaries_follow_their_definitions(text in "[a. !?;:()\\n\\t\\r•€\u{a0}\u{2003}\u{85}é]{0,80}") {
            assert_like_reference(&text);
        }
    }
}
