//! Markdown export of a `TenderPackage`: cover details, one numbered list per section, a
//! table for the award criteria. Like the other formats it goes to suppliers: words, no
//! codes, no internal reasons.

use std::fmt::Write;

use grip_knowledge::Lang;
use grip_knowledge::tender::{PackageItem, SectionKind, TenderPackage};

use crate::CoverInfo;
use crate::vocab::{Words, use_label, verdict_label, words};

/// Text people typed, made inert: Markdown renderers pass raw HTML through, so `<`, `>` and
/// `&` become entities, which every renderer shows as the characters themselves.
fn plain(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Table cells must not break the row: pipes escaped, newlines flattened.
fn cell(text: &str) -> String {
    plain(text).replace('|', "\\|").replace(['\r', '\n'], " ")
}

/// The package as Markdown in `lang`. Pure: the same input gives the same bytes.
pub fn render_markdown(package: &TenderPackage, lang: Lang, cover: &CoverInfo) -> String {
    let w = words(lang);
    let mut out = String::new();
    // Writing to a String cannot fail; the results are ignored on purpose.
    let _ = writeln!(out, "**{}**\n", cell(&cover.label));
    let _ = writeln!(out, "# {}\n", plain(cover.title.trim()));
    if let Some(addressee) = &cover.addressee {
        let _ = writeln!(out, "- {}: {}", w.addressee, plain(addressee));
    }
    let _ = writeln!(out, "- {}: {}", w.dossier, cover.dossier_id);
    let _ = writeln!(out, "- {}: {}", w.date, cover.date);
    if let Some(category) = &cover.category {
        let _ = writeln!(out, "- {}: {}", w.category, plain(category.get(lang)));
    }
    let _ = writeln!(
        out,
        "- {}: {}\n",
        w.verdict,
        verdict_label(package.verdict, lang)
    );
    let mut number = 0;
    for (index, section) in package.sections.iter().enumerate() {
        let _ = writeln!(
            out,
            "## {}. {}\n",
            index + 1,
            section.kind.title().get(lang)
        );
        if section.items.is_empty() {
            let _ = writeln!(out, "{}\n", w.empty);
            continue;
        }
        if section.kind == SectionKind::Award {
            award_table(&mut out, &section.items, lang, &w);
            continue;
        }
        for item in &section.items {
            number += 1;
            item_block(&mut out, number, item, lang, &w);
        }
    }
    let _ = writeln!(out, "---\n\n**{}**", cell(&cover.label));
    out
}

fn item_block(out: &mut String, number: usize, item: &PackageItem, lang: Lang, w: &Words) {
    let title = item
        .title
        .as_ref()
        .map(|t| format!(" {}", plain(t.get(lang))))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "### {number}.{title} [{}]\n",
        use_label(item.use_, lang)
    );
    let _ = writeln!(out, "{}\n", plain(item.text.get(lang)));
    if let Some(purpose) = &item.purpose {
        let _ = writeln!(out, "- {}: {}", w.purpose, plain(purpose.get(lang)));
    }
    if let Some(secures) = &item.secures {
        let _ = writeln!(out, "- {}: {}", w.secures, plain(secures.get(lang)));
    }
    if let Some(source) = &item.source {
        let _ = writeln!(out, "- {}: {}", w.source, plain(source));
    }
    out.push('\n');
}

fn award_table(out: &mut String, items: &[PackageItem], lang: Lang, w: &Words) {
    let _ = writeln!(out, "| {} | {} | {} |", w.criterion, w.group, w.weight);
    let _ = writeln!(out, "|---|---|---:|");
    for item in items {
        let title = item.title.as_ref().map(|t| t.get(lang)).unwrap_or_default();
        let _ = writeln!(
            out,
            "| **{}**: {} | {} | {} |",
            cell(title),
            cell(item.text.get(lang)),
            cell(item.group.as_deref().unwrap_or("")),
            item.weight.map(|w| w.to_string()).unwrap_or_default(),
        );
    }
    out.push('\n');
}
