//! Human-readable rendering of a screening for `grip screen --format text`.
//! Lists the verdict first, then the evidence, so an officer can check each sentence; a
//! finding from the function catalogue adds its confidence and the sentence a buyer reads.

use std::fmt::Write;

use crate::analysis::assess_specificity;
use crate::extract::Extracted;
use crate::lexicon::Lexicon;
use crate::screening::{Screening, Verdict};

/// The report; `lexicon` (the one that screened) explains catalogue findings.
pub fn screening_text_report(
    screening: &Screening,
    extracted: Option<&Extracted>,
    lexicon: Option<&Lexicon>,
) -> String {
    let mut out = String::new();
    let doc = &screening.document;
    let pages = doc
        .pages
        .map(|p| format!(", {p} pages"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{} ({}{pages}, {} characters, language {})",
        doc.name,
        doc.format.as_str(),
        doc.chars,
        doc.language.as_str()
    );
    let verdict = match screening.verdict {
        Verdict::AiIndicated => "AI INDICATED",
        Verdict::NoAiIndicated => "no AI indicated",
        Verdict::Unreadable => "UNREADABLE",
    };
    let _ = writeln!(out, "  verdict: {verdict}");
    if let Some(error) = &screening.error {
        let _ = writeln!(out, "  error: {error}");
    }
    if !screening.categories.is_empty() {
        let _ = writeln!(out, "  categories: {}", screening.categories.join(", "));
    }
    if !screening.annex_iii_hints.is_empty() {
        let _ = writeln!(
            out,
            "  examine Annex III points: {}",
            screening.annex_iii_hints.join(", ")
        );
    }
    if screening.contradiction {
        let _ = writeln!(
            out,
            "  CONTRADICTION: the document denies AI and also describes AI functionality"
        );
    }
    if let Some(score) = screening.specificity {
        let _ = writeln!(out, "  specificity: {score:.2} (0 = generic, 1 = concrete)");
        if let Some(spec) = extracted.and_then(|e| assess_specificity(&e.text)) {
            for reason in spec.reasons {
                let _ = writeln!(out, "    - {reason}");
            }
        }
    }
    if !screening.findings.is_empty() {
        let _ = writeln!(out, "  findings ({}):", screening.findings.len());
    }
    for f in &screening.findings {
        let page = f.page.map(|p| format!("p.{p} ")).unwrap_or_default();
        let negated = if f.negated { " [denied]" } else { "" };
        let excerpt: String = f.excerpt.split_whitespace().collect::<Vec<_>>().join(" ");
        let _ = writeln!(
            out,
            "    {page}@{}-{} {} ({}){negated}: \"{excerpt}\"",
            f.start, f.end, f.indicator, f.category
        );
        if let Some(function) = lexicon.and_then(|l| l.function(&f.indicator)) {
            let _ = writeln!(
                out,
                "      function catalogue, confidence {:.2}: {}",
                function.confidence, function.explanation_en
            );
        }
    }
    out
}
