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

pub(crate) fn extract_html(
    source: &str,
    limits: &Limits,
    deadline: &Deadline,
) -> Result<Extracted, ExtractError> {
    deadline.check()?;
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
