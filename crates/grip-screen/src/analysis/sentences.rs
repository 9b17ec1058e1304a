//! Excerpts: the sentence around a match, or a window of at most 300 characters that always
//! contains the whole match, so a reader can check every finding in context.

use super::negation::floor_char_boundary;

/// Contract limit for an excerpt, in characters.
pub(crate) const MAX_EXCERPT_CHARS: usize = 300;
const MAX_SCAN_BYTES: usize = 1200;

/// Byte range of the excerpt for the match `start..end` in `text`.
pub(crate) fn excerpt_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let sentence_start = sentence_start(text, start);
    let sentence_end = sentence_end(text, end);
    let sentence = &text[sentence_start..sentence_end];
    if sentence.chars().count() <= MAX_EXCERPT_CHARS {
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

fn sentence_start(text: &str, start: usize) -> usize {
    let from = floor_char_boundary(text, start.saturating_sub(MAX_SCAN_BYTES));
    last_boundary(text, from, start, is_sentence_end).map_or(from, |(i, c)| i + c.len_utf8())
}

fn sentence_end(text: &str, end: usize) -> usize {
    let to = floor_char_boundary(text, (end + MAX_SCAN_BYTES).min(text.len()));
    first_boundary(text, end, to, is_sentence_end)
        .map_or(to, |(i, c)| if c == '\n' { i } else { i + c.len_utf8() })
}

/// Whether byte `b` can begin a sentence or clause boundary: each is an ASCII character or
/// `•` (bytes E2 80 A2). ASCII bytes never occur inside a multi-byte character, so boundary
/// scans can step over bytes instead of decoding every character.
fn may_begin_boundary(b: u8) -> bool {
    matches!(
        b,
        b'.' | b'!' | b'?' | b';' | b':' | b'(' | b')' | b'\n' | 0xE2
    )
}

/// The last character in `text[from..to]` that `is_boundary` accepts, with its offset.
pub(crate) fn last_boundary(
    text: &str,
    from: usize,
    to: usize,
    is_boundary: impl Fn(&str, usize, char) -> bool,
) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    (from..to)
        .rev()
        .find_map(|i| boundary_at(text, bytes[i], i, &is_boundary))
}

/// The first character in `text[from..to]` that `is_boundary` accepts, with its offset.
pub(crate) fn first_boundary(
    text: &str,
    from: usize,
    to: usize,
    is_boundary: impl Fn(&str, usize, char) -> bool,
) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    (from..to).find_map(|i| boundary_at(text, bytes[i], i, &is_boundary))
}

fn boundary_at(
    text: &str,
    byte: u8,
    i: usize,
    is_boundary: &impl Fn(&str, usize, char) -> bool,
) -> Option<(usize, char)> {
    if !may_begin_boundary(byte) {
        return None;
    }
    // A candidate byte always begins a character (ASCII, or the lead byte E2).
    let c = text[i..].chars().next()?;
    is_boundary(text, i, c).then_some((i, c))
}
