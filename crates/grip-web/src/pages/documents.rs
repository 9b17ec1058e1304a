//! The document page: the extracted text with every finding marked, the findings grouped by
//! category with their sentences, the contradiction warning and the specificity.

use crate::AppState;
use crate::auth::Viewer;
use crate::error::{PageError, render};
use crate::shell::Shell;
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use grip_app::screening::{self, Finding};

pub fn routes() -> Router<AppState> {
    Router::new().route("/documents/{id}/view", get(view))
}

/// Longest text shown; findings beyond it are still listed by category.
const MAX_SHOWN_CHARS: usize = 1_000_000;

#[derive(Template)]
#[template(path = "documents/view.html")]
struct ViewPage {
    shell: Shell,
    doc: grip_core::document::Document,
    /// Where the document came from, in the reader's language.
    origin: String,
    /// The verdict's i18n key, when screened.
    verdict_key: Option<&'static str>,
    error: Option<String>,
    contradiction: bool,
    specificity: Option<String>,
    lexicon: Option<String>,
    groups: Vec<(String, Vec<Finding>)>,
    /// Escaped text with `<mark>` elements; built here, so the template prints it unescaped.
    text_html: Option<String>,
    text_error: Option<String>,
    truncated: bool,
}

/// i18n key of a stored verdict name.
pub fn verdict_key(verdict: &str) -> &'static str {
    match verdict {
        "ai_indicated" => "verdict_ai",
        "no_ai_indicated" => "verdict_no_ai",
        _ => "verdict_unreadable",
    }
}

async fn view(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let view = screening::document_view(&state.app, &viewer.actor, &id).await?;
    let findings = view
        .stored
        .as_ref()
        .map(|s| s.screening.findings.clone())
        .unwrap_or_default();
    let mut groups: Vec<(String, Vec<Finding>)> = Vec::new();
    for f in &findings {
        match groups.iter_mut().find(|(c, _)| *c == f.category) {
            Some((_, list)) => list.push(f.clone()),
            None => groups.push((f.category.clone(), vec![f.clone()])),
        }
    }
    // Categories are named in words (from the questions pack), never by their code.
    let probe = &grip_app::packages::knowledge()?
        .questions
        .content()
        .finding_probe;
    for (category, _) in &mut groups {
        let name = probe.category_name(category);
        *category = viewer.lang.pick(&name.nl, &name.en).to_string();
    }
    let (text_html, text_error, truncated) = match &view.text {
        Ok(text) => {
            let truncated = text.chars().count() > MAX_SHOWN_CHARS;
            let shown: String = text.chars().take(MAX_SHOWN_CHARS).collect();
            (Some(highlight(&shown, &findings)), None, truncated)
        }
        Err(e) => (None, Some(e.clone()), false),
    };
    let s = view.stored.as_ref();
    let page = ViewPage {
        shell: Shell::new(&viewer, "dossiers", &format!("/documents/{id}/view")),
        origin: super::provenance::provenance_text(viewer.lang, &view.document.provenance),
        verdict_key: s.map(|s| verdict_key(&s.verdict_name())),
        error: s.and_then(|s| s.screening.error.clone()),
        contradiction: s.is_some_and(|s| s.screening.contradiction),
        specificity: s.and_then(|s| s.screening.specificity.map(|v| format!("{v:.2}"))),
        lexicon: s.map(|s| format!("{} {}", s.lexicon_id, s.lexicon_version)),
        groups,
        text_html,
        text_error,
        truncated,
        doc: view.document,
    };
    Ok(render(&page)?.into_response())
}

/// HTML-escapes `text` and wraps each finding's character range in `<mark>`. Findings are
/// character offsets; one pass over the text maps them to bytes. Overlaps keep the first.
pub fn highlight(text: &str, findings: &[Finding]) -> String {
    let mut ranges: Vec<(usize, usize, bool)> = findings
        .iter()
        .filter(|f| f.start < f.end)
        .map(|f| (f.start, f.end, f.negated))
        .collect();
    ranges.sort();
    let mut out = String::with_capacity(text.len() + ranges.len() * 40);
    let mut next = ranges.iter().peekable();
    let mut open: Option<usize> = None;
    for (index, c) in text.chars().enumerate() {
        if open == Some(index) {
            out.push_str("</mark>");
            open = None;
        }
        if open.is_none() {
            // Skip ranges that start inside one already marked.
            while next.peek().is_some_and(|r| r.0 < index) {
                next.next();
            }
            if let Some(&&(_, end, negated)) = next.peek().filter(|r| r.0 == index) {
                next.next();
                out.push_str(if negated {
                    "<mark class=\"denied\">"
                } else {
                    "<mark>"
                });
                open = Some(end);
            }
        }
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    if open.is_some() {
        out.push_str("</mark>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(start: usize, end: usize, negated: bool) -> Finding {
        Finding {
            indicator: "x".into(),
            category: "c".into(),
            excerpt: String::new(),
            start,
            end,
            page: None,
            negated,
        }
    }

    #[test]
    fn marks_use_character_offsets_and_text_is_escaped() {
        let text = "Één <b>camera</b> met gezichtsherkenning & AI";
        let start = text.chars().position(|c| c == 'g').unwrap();
        let html = highlight(
            text,
            &[finding(start, start + 18, false), finding(43, 45, true)],
        );
        assert_eq!(
            html,
            "Één &lt;b&gt;camera&lt;/b&gt; met <mark>gezichtsherkenning</mark> &amp; \
             <mark class=\"denied\">AI</mark>"
        );
    }

    #[test]
    fn overlapping_and_out_of_range_findings_do_not_break_the_markup() {
        let html = highlight(
            "abcdef",
            &[
                finding(1, 4, false),
                finding(2, 5, false),
                finding(5, 99, false),
            ],
        );
        assert_eq!(html, "a<mark>bcd</mark>e<mark>f</mark>");
    }
}
