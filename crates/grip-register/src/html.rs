//! The standard's HTML fields: what a supplier's HTML holds, the allow-list clean-up when it
//! holds more than the standard allows, and plain text for reading it on screen.

use crate::standard::ALLOWED_TAGS;
use scraper::{Html, Node};
use std::collections::BTreeSet;

/// What a field's HTML holds beyond the standard: tag names, `attributes`, `comments`.
pub fn disallowed_parts(html: &str) -> BTreeSet<String> {
    let fragment = Html::parse_fragment(html);
    let mut found = BTreeSet::new();
    for node in fragment.tree.root().descendants() {
        match node.value() {
            Node::Element(element) => {
                let name = element.name();
                // The parser wraps every fragment in an <html> element of its own.
                if name == "html" && node.parent().is_some_and(|p| p.parent().is_none()) {
                    continue;
                }
                if !ALLOWED_TAGS.contains(&name) {
                    found.insert(format!("<{name}>"));
                } else if element.attrs().next().is_some() {
                    found.insert(format!("<{name} …>"));
                }
            }
            Node::Comment(_) | Node::ProcessingInstruction(_) | Node::Doctype(_) => {
                found.insert("<!-- -->".into());
            }
            _ => {}
        }
    }
    found
}

/// The HTML with only the allowed tags, no attributes; scripts and styles go with their content.
pub fn clean(html: &str) -> String {
    ammonia::Builder::empty()
        .add_tags(ALLOWED_TAGS)
        .clean(html)
        .to_string()
}

/// Keeps the supplier's text exactly when it is within the standard; otherwise the cleaned
/// text and what was removed.
pub fn conform(html: &str) -> (String, BTreeSet<String>) {
    let removed = disallowed_parts(html);
    if removed.is_empty() {
        (html.to_string(), removed)
    } else {
        (clean(html), removed)
    }
}

/// The words of an HTML field as paragraphs of plain text, for reading and comparing.
pub fn paragraphs(html: &str) -> Vec<String> {
    let fragment = Html::parse_fragment(html);
    let mut out = vec![String::new()];
    for node in fragment.tree.root().descendants() {
        match node.value() {
            Node::Text(text) => out.last_mut().expect("never empty").push_str(text),
            Node::Element(e)
                if matches!(e.name(), "p" | "div" | "li" | "br" | "ul" | "ol")
                    && !out.last().expect("never empty").trim().is_empty() =>
            {
                out.push(String::new());
            }
            _ => {}
        }
    }
    out.into_iter()
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_html_is_kept_byte_for_byte() {
        let html = "<div><p>Het doel &amp; de impact.</p><ul><li>een</li></ul><br></div>";
        let (kept, removed) = conform(html);
        assert!(removed.is_empty(), "{removed:?}");
        assert_eq!(kept, html);
    }

    #[test]
    fn scripts_links_and_attributes_are_removed_and_named() {
        let html = r#"<p onclick="x()">Tekst</p><script>alert(1)</script><a href="https://x">link</a><!-- c -->"#;
        let (kept, removed) = conform(html);
        assert!(removed.contains("<script>"));
        assert!(removed.contains("<a>"));
        assert!(removed.contains("<p …>"));
        assert!(removed.contains("<!-- -->"));
        assert!(!kept.contains("script") && !kept.contains("alert") && !kept.contains("onclick"));
        assert!(kept.contains("Tekst") && kept.contains("link"), "{kept}");
        assert!(disallowed_parts(&kept).is_empty(), "{kept}");
    }

    #[test]
    fn paragraphs_read_as_text() {
        let p = paragraphs("<div><p>Eerste  zin.</p><ul><li>twee</li><li>drie</li></ul></div>");
        assert_eq!(p, vec!["Eerste zin.", "twee", "drie"]);
    }
}
