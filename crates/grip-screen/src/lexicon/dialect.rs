//! The dialect pack patterns run in on documents, and their compilation. Patterns run on the
//! folded (lower-cased) text and are compiled case-sensitively: case-insensitive
//! alternations defeat the regex crate's literal prefilters, which make a scan of a
//! pattern over a long document cost little more than a memchr.

use regex::{Regex, RegexBuilder};

use crate::LexiconError;

/// Compiled size a pattern may reach (the regex crate's default is 10 MB per regex).
const SIZE_LIMIT: usize = 4 * 1024 * 1024;

/// Compiles a pack pattern (written in lower case) to run on folded text; `id` names the
/// entry in the error.
pub(crate) fn compile(pattern: &str, id: &str) -> Result<Regex, LexiconError> {
    let error = |message: String| LexiconError::Pattern {
        id: id.to_owned(),
        message,
    };
    if has_upper_case_literal(pattern) {
        return Err(error(
            "write patterns in lower case: they run on lower-cased text".to_owned(),
        ));
    }
    RegexBuilder::new(&document_dialect(pattern))
        .size_limit(SIZE_LIMIT)
        .build()
        .map_err(|e| error(e.to_string()))
}

/// An upper-case letter that is not an escape's name (`\W`, `\D`, `\S`, `\B`, `\P{..}`).
fn has_upper_case_literal(pattern: &str) -> bool {
    let mut escaped = false;
    let mut in_braces = false;
    for c in pattern.chars() {
        match c {
            '{' => in_braces = true,
            '}' => in_braces = false,
            _ if escaped => {}
            c if c.is_uppercase() && !in_braces => return true,
            _ => {}
        }
        escaped = c == '\\' && !escaped;
    }
    false
}

/// Word characters as the pack's patterns mean them on documents: ASCII letters, digits and
/// `_`, the Latin, Greek and Cyrillic letters (U+00C0–U+052F, U+1E00–U+1FFF, less × and ÷),
/// and everything from U+3040 on (kana, CJK and beyond). Listed in both cases and exempt
/// from case folding, which over these ranges would cost more than the class saves.
const WORD_RANGES: &str = r"0-9A-Za-z_\u{AA}\u{B5}\u{BA}\u{C0}-\u{D6}\u{D8}-\u{F6}\u{F8}-\u{52F}\u{1E00}-\u{1FFF}\u{3040}-\u{10FFFF}";

pub(crate) fn word_class(negated: bool) -> String {
    let not = if negated { "^" } else { "" };
    format!("(?-i:[{not}{WORD_RANGES}])")
}

/// Rewrites a pack pattern into the dialect it runs in on documents: `\b`/`\B` become ASCII
/// word boundaries, `\w`/`\W` (outside brackets) [`WORD_RANGES`] and `\d` (and `\D`
/// outside brackets) ASCII digits. Unicode `\b` makes the lazy DFA quit on any non-ASCII
/// text, and Unicode `\w` (some 770 ranges) made compiling the patterns cost more than
/// screening a thousand short documents; the scripts they leave out do not occur in Dutch or
/// English supplier documents. Unicode `\d` (some 70 scripts' digits) made the date signal's
/// DFA alone 1.6 MB, checked at every start; extraction applies NFKC, which turns
/// full-width and other compatibility digits into ASCII ones (other scripts' digits stay).
pub(crate) fn document_dialect(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 64);
    let mut chars = pattern.chars().peekable();
    let mut class_depth = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('b') if class_depth == 0 => out.push_str(r"(?-u:\b)"),
                Some('B') if class_depth == 0 => out.push_str(r"(?-u:\B)"),
                Some('w') if class_depth == 0 => out.push_str(&word_class(false)),
                Some('W') if class_depth == 0 => out.push_str(&word_class(true)),
                Some('d') if class_depth == 0 => out.push_str("[0-9]"),
                Some('d') => out.push_str("0-9"),
                Some('D') if class_depth == 0 => out.push_str("[^0-9]"),
                Some(escaped) => {
                    out.push('\\');
                    out.push(escaped);
                }
                None => out.push('\\'),
            },
            '[' => {
                class_depth += 1;
                out.push('[');
                // A `]` right after the opening (or its `^`) is a literal, not the end.
                if chars.peek() == Some(&'^') {
                    out.push('^');
                    chars.next();
                }
                if chars.peek() == Some(&']') {
                    out.push(']');
                    chars.next();
                }
            }
            ']' if class_depth > 0 => {
                class_depth -= 1;
                out.push(']');
            }
            other => out.push(other),
        }
    }
    out
}
