//! The literal prefixes a pack pattern is anchored on (see `patterns.rs`). Free of other
//! crate items but [`crate::ascii`]: the build script includes this file to work out the
//! embedded pack's anchors, so that loading the pack need not parse its patterns again.

use regex_syntax::hir::literal::{ExtractKind, Extractor};

use crate::ascii::fold_ascii;

/// Prefixes shorter than this match too often to save work; such patterns scan fully.
/// Digits are the exception (see [`usable_anchor`]).
const MIN_ANCHOR_BYTES: usize = 2;
/// More prefixes than this means the extractor gave up on precision; scan fully.
const MAX_ANCHORS: usize = 64;

/// Literals every match of `pattern` starts with, folded like the text, keeping only the
/// shortest of any prefix chain (so each text position yields one candidate). Empty when
/// the pattern has no short, finite, ASCII prefix set to anchor on.
///
/// The prefixes come from the pattern as written (case-sensitive); a case-insensitive match
/// differs from some prefix only by the case of its letters, which folding removes, except
/// for the characters `Folded::exotic_case` (in `fold.rs`) flags. Non-ASCII prefixes are
/// refused for the same reason (their other-case forms may not fold to them).
pub(crate) fn prefix_anchors(pattern: &str) -> Result<Vec<String>, String> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .map_err(|e| e.to_string())?;
    let seq = Extractor::new().kind(ExtractKind::Prefix).extract(&hir);
    let Some(literals) = seq.literals() else {
        return Ok(Vec::new());
    };
    let mut anchors: Vec<String> = Vec::with_capacity(literals.len());
    for literal in literals {
        let bytes = literal.as_bytes();
        if !usable_anchor(bytes) {
            return Ok(Vec::new());
        }
        anchors.push(bytes.iter().map(|&b| char::from(fold_ascii(b))).collect());
    }
    if anchors.len() > MAX_ANCHORS {
        return Ok(Vec::new());
    }
    anchors.sort_by(|a, b| a.len().cmp(&b.len()).then(a.cmp(b)));
    let mut minimal: Vec<String> = Vec::with_capacity(anchors.len());
    for anchor in anchors {
        if !minimal.iter().any(|m| anchor.starts_with(m.as_str())) {
            minimal.push(anchor);
        }
    }
    Ok(minimal)
}

/// A prefix worth a candidate at each occurrence: ASCII, and either [`MIN_ANCHOR_BYTES`]
/// long or a single digit. Digits are rare in prose (a 100 KB document holds a few hundred),
/// while a single letter would stop the term pass every few bytes; anchoring the quantity
/// pattern (`\d+ ml`) on them spared a full regex scan that cost as much as the term pass.
fn usable_anchor(bytes: &[u8]) -> bool {
    bytes.is_ascii()
        && (bytes.len() >= MIN_ANCHOR_BYTES || matches!(bytes, [b] if b.is_ascii_digit()))
}
