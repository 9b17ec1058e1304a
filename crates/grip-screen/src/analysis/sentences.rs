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
    text[from..start]
        .char_indices()
        .rev()
        .find(|&(i, c)| is_sentence_end(text, from + i, c))
        .map_or(from, |(i, c)| from + i + c.len_utf8())
}

fn sentence_end(text: &str, end: usize) -> usize {
    let to = floor_char_boundary(text, (end + MAX_SCAN_BYTES).min(text.len()));
    text[end..to]
        .char_indices()
        .find(|&(i, c)| is_sentence_end(text, end + i, c))
        .map_or(to, |(i, c)| {
            if c == '\n' {
                end + i
            } else {
                end + i + c.len_utf8()
            }
        })
}
