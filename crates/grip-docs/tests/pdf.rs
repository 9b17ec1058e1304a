//! The PDF export is a real PDF whose text can be read back: cover, scenario text, award
//! table, the label and "Pagina X van Y" on every page; markup in user text stays literal.

mod common;

use grip_docs::render_pdf;
use grip_knowledge::Lang;

/// The text per page, whitespace collapsed so line breaks do not matter.
fn page_texts(pdf: &[u8]) -> Vec<String> {
    let document = lopdf::Document::load_mem(pdf).expect("lopdf reads the PDF");
    document
        .get_pages()
        .keys()
        .map(|&number| {
            let text = document.extract_text(&[number]).expect("page text");
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

#[test]
fn pdf_has_cover_scenario_award_table_and_label_on_every_page() {
    let (package, cover) = common::patrol_car();
    let pdf = render_pdf(&package, Lang::Nl, &cover).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let pages = page_texts(&pdf);
    assert!(
        pages.len() > 3,
        "cover plus several pages, got {}",
        pages.len()
    );
    let total = pages.len();
    for (index, page) in pages.iter().enumerate() {
        assert!(
            page.contains(common::LABEL),
            "page {} lacks the label",
            index + 1
        );
        let footer = format!("Pagina {} van {total}", index + 1);
        assert!(
            page.contains(&footer),
            "page {} lacks {footer:?}",
            index + 1
        );
    }
    assert!(pages[0].contains("Aanbestedingspakket"));
    assert!(pages[0].contains("Surveillancevoertuigen noodhulp 2027"));
    assert!(pages[0].contains("0190f3a2-demo-patrol"));
    let all = pages.join(" ");
    for expected in [
        "3. Scenariovragen",
        "Stopstoot en automatische noodrem",
        "op de A12 bij Utrecht",
        "6. Gunningscriteria",
        "Criterium",
        "Weging",
        "[knock-out]",
        "Doel:",
    ] {
        assert!(all.contains(expected), "PDF text lacks {expected:?}");
    }
}

#[test]
fn pdf_in_english_uses_english_words() {
    let (package, cover) = common::patrol_car();
    let all = page_texts(&render_pdf(&package, Lang::En, &cover).unwrap()).join(" ");
    for expected in [
        "Tender package",
        "Disclosure questions",
        "Page 1 of",
        "Purpose:",
    ] {
        assert!(all.contains(expected), "PDF text lacks {expected:?}");
    }
}

#[test]
fn pdf_renders_markup_hostile_text_literally() {
    let (package, cover) = common::hostile();
    let pdf = render_pdf(&package, Lang::Nl, &cover).unwrap();
    let pages = page_texts(&pdf);
    let all = pages.join(" ");
    for text in common::HOSTILE.iter().filter(|t| !t.starts_with("ctrl")) {
        assert!(all.contains(text), "PDF text lacks {text:?} literally");
    }
    assert!(all.contains("ctrlchars"));
    assert!(all.contains("Titel #{1+1} <x> &"));
    assert!(pages[1].contains("Label <b>&amp; *x* #y"));
    // `#set page(width: 1pt)` would have produced thousands of slivers of pages.
    assert!(pages.len() < 60, "{} pages", pages.len());
}

#[test]
fn pdf_repeated_render_gives_the_same_bytes() {
    let (package, cover) = common::patrol_car();
    let first = render_pdf(&package, Lang::Nl, &cover).unwrap();
    let second = render_pdf(&package, Lang::Nl, &cover).unwrap();
    assert_eq!(first, second);
}

/// Only where poppler's pdftotext is installed: a second, independent reader of the text.
#[test]
fn pdf_text_reads_with_pdftotext_when_installed() {
    let Ok(probe) = std::process::Command::new("pdftotext").arg("-v").output() else {
        eprintln!("pdftotext not installed; check skipped");
        return;
    };
    assert!(probe.status.success() || !probe.stderr.is_empty());
    let (package, cover) = common::patrol_car();
    let dir = std::env::temp_dir().join(format!("grip-docs-pdftotext-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("package.pdf");
    std::fs::write(&input, render_pdf(&package, Lang::Nl, &cover).unwrap()).unwrap();
    let output = std::process::Command::new("pdftotext")
        .arg(&input)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Stopstoot en automatische noodrem"));
    assert!(text.contains(common::LABEL));
    let _ = std::fs::remove_dir_all(&dir);
}
