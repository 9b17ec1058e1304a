//! HTML: parsed with html5ever (via scraper); only visible text is kept. Scripts, styles,
//! templates and the head (except the title) are skipped. The walk is iterative, depth-capped.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

use super::{Deadline, Extracted, Format, TextSink};
use crate::{ExtractError, Limits};

const HIDDEN: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "object", "iframe",
];
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "title",
    "table",
    "ul",
    "ol",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "hr",
    "main",
];

/// Elements that do not nest: void elements, and those whose end tag may be left out (a
/// sloppy page of unclosed `<p>`s is not deep).
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead",
    "tfoot", "colgroup", "caption", "rt", "rp", "html", "head", "body",
];

/// How many times deeper than `max_xml_depth` the quick scan lets a page go before the parser
/// sees it; the walk after parsing applies the limit itself.
const SCAN_SLACK: usize = 4;

pub(crate) fn extract_html(
    source: &str,
    limits: &Limits,
    deadline: &Deadline,
) -> Result<Extracted, ExtractError> {
    deadline.check()?;
    // The parser cannot be interrupted and its time grows with nesting (200,000 `<div>`s took
    // minutes), so a page built to be deep is refused before it is parsed.
    if scanned_depth(source) > limits.max_xml_depth.saturating_mul(SCAN_SLACK) {
        return Err(ExtractError::TooDeep {
            limit: limits.max_xml_depth,
        });
    }
    let document = Html::parse_document(source);
    deadline.check()?;
    let mut sink = TextSink::new(limits);
    let mut depth = 0usize;
    let mut hidden_depth = 0usize;
    let mut in_title = 0usize;
    for (visited, edge) in document.tree.root().traverse().enumerate() {
        if visited % 4096 == 0 {
            deadline.check()?;
        }
        match edge {
            Edge::Open(node) => {
                depth += 1;
                if depth > limits.max_xml_depth {
                    return Err(ExtractError::TooDeep {
                        limit: limits.max_xml_depth,
                    });
                }
                match node.value() {
                    Node::Element(el) => {
                        let name = el.name();
                        if name == "title" {
                            in_title += 1;
                        }
                        if HIDDEN.contains(&name) {
                            hidden_depth += 1;
                        }
                        if BLOCKS.contains(&name) && hidden_depth == 0 {
                            sink.end_block()?;
                        }
                    }
                    Node::Text(text) if hidden_depth == 0 || in_title > 0 => {
                        sink.push_str(&text.text)?;
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                depth = depth.saturating_sub(1);
                if let Node::Element(el) = node.value() {
                    let name = el.name();
                    if HIDDEN.contains(&name) {
                        hidden_depth = hidden_depth.saturating_sub(1);
                    }
                    if name == "title" {
                        in_title = in_title.saturating_sub(1);
                        sink.end_block()?;
                    }
                    if BLOCKS.contains(&name) && hidden_depth == 0 {
                        sink.end_block()?;
                    }
                }
            }
        }
    }
    Ok(Extracted::plain(Format::Html, sink.text))
}

/// The deepest nesting of elements as a linear scan of the tags sees it: comments,
/// declarations, scripts and styles are skipped; elements in [`FLAT`] and self-closed ones do
/// not count. An estimate for refusing pathological pages, not a parser.
fn scanned_depth(source: &str) -> usize {
    let bytes = source.as_bytes();
    let (mut depth, mut deepest, mut at) = (0usize, 0usize, 0usize);
    while let Some(offset) = bytes[at..].iter().position(|&b| b == b'<') {
        let start = at + offset;
        let rest = &source[start..];
        if rest.starts_with("<!--") {
            at = rest.find("-->").map_or(bytes.len(), |end| start + end + 3);
            continue;
        }
        let Some(end) = rest.find('>').map(|end| start + end) else {
            break;
        };
        let tag = &source[start + 1..end];
        at = end + 1;
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == ':')
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if name.is_empty() || FLAT.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if name == "script" || name == "style" {
            at = closing_tag(bytes, at, name.as_bytes()).unwrap_or(bytes.len());
        } else if !tag.ends_with('/') {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// Where `</name` starts at or after `from`, in any letter case.
fn closing_tag(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(i) = bytes.get(at..)?.windows(2).position(|w| w == b"</") {
        let tag = at + i;
        let after = &bytes[tag + 2..];
        if after.len() >= name.len() && after[..name.len()].eq_ignore_ascii_case(name) {
            return Some(tag);
        }
        at = tag + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::scanned_depth;

    #[test]
    fn the_scan_counts_nesting_not_tags() {
        assert_eq!(scanned_depth("<div><div><span>x</span></div></div>"), 3);
        assert_eq!(scanned_depth(&"<div>".repeat(5000)), 5000);
        let sloppy = format!(
            "<ul>{}</ul><p>{}",
            "<li>item<br>".repeat(3000),
            "<p>para".repeat(3000)
        );
        assert_eq!(
            scanned_depth(&sloppy),
            1,
            "unclosed list items and paragraphs are flat"
        );
        let hidden = format!(
            "<!-- {} --><script>{}</script><b/>",
            "<div>".repeat(900),
            "if (a<b) {}".repeat(50)
        );
        assert_eq!(
            scanned_depth(&hidden),
            0,
            "comments, scripts and self-closed tags"
        );
    }
}
