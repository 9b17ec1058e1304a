//! Streaming walk over WordprocessingML and OpenDocument XML that collects visible text.
//! Depth is capped and entities are never expanded (only the five predefined and char refs).

use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};

use super::{Deadline, TextSink};
use crate::{ExtractError, Limits};

/// Which vocabulary the XML uses; decides where text lives and what breaks a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    /// DOCX: text only inside `w:t`; paragraphs `w:p`; deleted text and field codes skipped.
    Word,
    /// ODT content: text directly inside `text:p` / `text:h`.
    Odf,
    /// ODT styles.xml: only page headers and footers are document text.
    OdfHeadersFooters,
}

impl Dialect {
    fn collects_text(self, name: &str) -> bool {
        match self {
            Dialect::Word => name == "t",
            Dialect::Odf | Dialect::OdfHeadersFooters => matches!(name, "p" | "h"),
        }
    }

    fn skips(self, name: &str) -> bool {
        match self {
            Dialect::Word => matches!(name, "delText" | "instrText" | "delInstrText"),
            Dialect::Odf | Dialect::OdfHeadersFooters => {
                matches!(name, "tracked-changes" | "note-citation")
            }
        }
    }

    fn ends_block(self, name: &str) -> bool {
        match self {
            Dialect::Word => matches!(name, "p" | "tc" | "tr"),
            Dialect::Odf | Dialect::OdfHeadersFooters => {
                matches!(name, "p" | "h" | "table-cell" | "list-item")
            }
        }
    }

    /// For styles.xml: only text below these elements counts.
    fn scope(self) -> Option<&'static [&'static str]> {
        match self {
            Dialect::OdfHeadersFooters => Some(&[
                "header",
                "footer",
                "header-left",
                "footer-left",
                "header-first",
                "footer-first",
            ]),
            _ => None,
        }
    }
}

/// Streaming state: how deep we are in text containers, skipped and scoped subtrees.
#[derive(Default)]
struct WalkState {
    depth: usize,
    in_text: usize,
    in_skip: usize,
    in_scope: usize,
}

/// Appends the visible text of one XML part to `sink`.
pub(crate) fn walk_xml(
    xml: &[u8],
    dialect: Dialect,
    sink: &mut TextSink,
    limits: &Limits,
    deadline: &Deadline,
) -> Result<(), ExtractError> {
    let corrupt = |detail: String| ExtractError::Corrupt {
        format: "XML",
        detail,
    };
    let source = std::str::from_utf8(xml).map_err(|e| corrupt(format!("not UTF-8: {e}")))?;
    let mut reader = Reader::from_str(source);
    let mut state = WalkState {
        in_scope: usize::from(dialect.scope().is_none()),
        ..Default::default()
    };
    let mut events: u32 = 0;
    loop {
        events = events.wrapping_add(1);
        if events.is_multiple_of(4096) {
            deadline.check()?;
        }
        let event = reader.read_event().map_err(|e| corrupt(e.to_string()))?;
        match event {
            Event::Start(e) => {
                state.depth += 1;
                if state.depth > limits.max_xml_depth {
                    return Err(ExtractError::TooDeep {
                        limit: limits.max_xml_depth,
                    });
                }
                enter(&e, dialect, &mut state);
            }
            Event::Empty(e) if state.in_scope > 0 && state.in_skip == 0 => {
                empty_element(&e, dialect, sink)?;
            }
            Event::End(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                leave(name, dialect, &mut state);
                if state.in_scope > 0 && state.in_skip == 0 && dialect.ends_block(name) {
                    sink.end_block()?;
                }
                state.depth = state.depth.saturating_sub(1);
            }
            Event::Text(t) if state.visible() => sink.push_str(&t.into_inner())?,
            Event::CData(t) if state.visible() => sink.push_str(&t.into_inner())?,
            Event::GeneralRef(r) if state.visible() => {
                if let Some(c) = resolve_reference(&r) {
                    sink.push(c)?;
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

impl WalkState {
    fn visible(&self) -> bool {
        self.in_text > 0 && self.in_skip == 0 && self.in_scope > 0
    }
}

fn enter(e: &BytesStart<'_>, dialect: Dialect, state: &mut WalkState) {
    let name = e.local_name();
    let name = name.as_ref();
    if dialect.collects_text(name) {
        state.in_text += 1;
    }
    if dialect.skips(name) {
        state.in_skip += 1;
    }
    if dialect.scope().is_some_and(|s| s.contains(&name)) {
        state.in_scope += 1;
    }
}

fn leave(name: &str, dialect: Dialect, state: &mut WalkState) {
    if dialect.collects_text(name) {
        state.in_text = state.in_text.saturating_sub(1);
    }
    if dialect.skips(name) {
        state.in_skip = state.in_skip.saturating_sub(1);
    }
    if dialect.scope().is_some_and(|s| s.contains(&name)) {
        state.in_scope = state.in_scope.saturating_sub(1);
    }
}

/// Self-closing elements that stand for whitespace: tabs, breaks, ODF runs of spaces.
fn empty_element(
    e: &BytesStart<'_>,
    dialect: Dialect,
    sink: &mut TextSink,
) -> Result<(), ExtractError> {
    let name = e.local_name();
    match (dialect, name.as_ref()) {
        (Dialect::Word, "tab") | (_, "tab") => sink.push('\t'),
        (Dialect::Word, "br" | "cr") | (_, "line-break") => sink.push('\n'),
        (Dialect::Word, "p") => sink.end_block(),
        (Dialect::Odf | Dialect::OdfHeadersFooters, "s") => {
            // text:c says how many spaces; capped because it is attacker-controlled.
            let count = e
                .attributes()
                .flatten()
                .find(|a| a.key.local_name().as_ref() == "c")
                .and_then(|a| a.value.parse::<usize>().ok())
                .unwrap_or(1)
                .clamp(1, 16);
            sink.push_str(&" ".repeat(count))
        }
        _ => Ok(()),
    }
}

/// Character references and the five predefined entities; anything else is dropped, which
/// is what makes entity-expansion bombs harmless here.
fn resolve_reference(r: &BytesRef<'_>) -> Option<char> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c);
    }
    match r.as_ref() {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}
