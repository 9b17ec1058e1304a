//! The DOCX export is a well-formed package with headings, numbered items, an award table
//! and the classification label in the header and footer; hostile text stays text.

mod common;

use std::io::{Cursor, Read};

use grip_docs::render_docx;
use grip_knowledge::Lang;
use quick_xml::Reader;
use quick_xml::events::Event;

/// Every part of the archive whose name starts with `prefix`, as text.
fn parts(docx: &[u8], prefix: &str) -> Vec<String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).expect("DOCX is a zip archive");
    let names: Vec<String> = archive
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| n.starts_with(prefix) && n.ends_with(".xml"))
        .map(|n| n.into_owned())
        .collect();
    names
        .iter()
        .map(|name| {
            let mut text = String::new();
            archive
                .by_name(name)
                .expect("part listed")
                .read_to_string(&mut text)
                .expect("part is UTF-8");
            text
        })
        .collect()
}

fn document_xml(docx: &[u8]) -> String {
    parts(docx, "word/document.xml")
        .pop()
        .expect("word/document.xml exists")
}

fn assert_well_formed(xml: &str) {
    let mut reader = Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("XML not well-formed at {}: {e}", reader.buffer_position()),
        }
    }
    let forbidden = xml
        .chars()
        .find(|&c| c < ' ' && !matches!(c, '\t' | '\n' | '\r'));
    assert_eq!(forbidden, None, "XML 1.0 forbids control characters");
}

#[test]
fn docx_has_cover_headings_numbered_items_and_award_table() {
    let (package, cover) = common::patrol_car();
    let docx = render_docx(&package, Lang::Nl, &cover).unwrap();
    let xml = document_xml(&docx);
    assert_well_formed(&xml);
    for expected in [
        "Aanbestedingspakket",
        "Surveillancevoertuigen noodhulp 2027",
        "0190f3a2-demo-patrol",
        "2026-11-23",
        "Hoog risico",
        "Kordaan Automotive Nederland B.V.",
        "1. Vragen over de AI in het product",
        "6. Gunningscriteria",
        "Stopstoot en automatische noodrem",
        "op de A12 bij Utrecht",
        "[knock-out]",
        "Doel: ",
    ] {
        assert!(xml.contains(expected), "document.xml lacks {expected:?}");
    }
    for internal in [
        "Waarom",
        "Kennisitem",
        "high_risk",
        "autonomy_driver_assistance",
    ] {
        assert!(!xml.contains(internal), "document.xml shows {internal:?}");
    }
    assert!(
        xml.contains(r#"<w:pStyle w:val="Heading1" />"#) || xml.contains(r#"w:val="Heading1""#)
    );
    assert!(
        xml.contains(r#"w:val="Heading2""#),
        "titled items are Heading 2"
    );
    assert!(xml.contains(">1.1<"), "questions are numbered per section");
    let award = &xml[xml.find("6. Gunningscriteria").unwrap()..];
    assert!(award.contains("<w:tbl>"), "award criteria form a table");
    for column in ["Criterium", "Groep", "Weging"] {
        assert!(award.contains(column), "award table lacks column {column}");
    }
}

#[test]
fn docx_has_label_in_header_and_footer_with_page_numbers() {
    let (package, cover) = common::patrol_car();
    let docx = render_docx(&package, Lang::Nl, &cover).unwrap();
    let headers = parts(&docx, "word/header");
    let footers = parts(&docx, "word/footer");
    assert!(!headers.is_empty() && !footers.is_empty());
    for part in headers.iter().chain(&footers) {
        assert_well_formed(part);
        assert!(part.contains(common::LABEL));
    }
    let footer = footers.join("");
    assert!(footer.contains("Pagina") && footer.contains("PAGE") && footer.contains("NUMPAGES"));
    let styles = parts(&docx, "word/styles.xml").join("");
    assert!(styles.contains("heading 1") && styles.contains("w:outlineLvl"));
}

#[test]
fn docx_in_english_uses_english_words() {
    let (package, cover) = common::patrol_car();
    let xml = document_xml(&render_docx(&package, Lang::En, &cover).unwrap());
    for expected in [
        "Tender package",
        "1. Disclosure questions",
        "Purpose: ",
        "Criterion",
    ] {
        assert!(xml.contains(expected), "document.xml lacks {expected:?}");
    }
}

#[test]
fn docx_escapes_hostile_text() {
    let (package, cover) = common::hostile();
    let docx = render_docx(&package, Lang::Nl, &cover).unwrap();
    let xml = document_xml(&docx);
    assert_well_formed(&xml);
    assert!(xml.contains("&lt;script&gt;alert("));
    assert!(xml.contains("]]&gt;"));
    assert!(xml.contains("&amp;amp;"));
    assert!(!xml.contains("<script>"));
    assert!(
        xml.contains("ctrlchars"),
        "control characters are dropped, text kept"
    );
    assert!(xml.contains("#set page(width: 1pt)"));
    assert!(xml.contains(&"x".repeat(20_000)));
    for part in parts(&docx, "word/header")
        .iter()
        .chain(&parts(&docx, "word/footer"))
    {
        assert_well_formed(part);
        assert!(part.contains("Label &lt;b&gt;&amp;amp; *x* #y"));
    }
}

/// Only where LibreOffice happens to be installed: it must open the file and convert it.
#[test]
fn docx_converts_with_libreoffice_when_installed() {
    let Some(office) = ["soffice", "libreoffice"].into_iter().find(|cmd| {
        std::process::Command::new(cmd)
            .arg("--version")
            .output()
            .is_ok()
    }) else {
        eprintln!("LibreOffice not installed; conversion check skipped");
        return;
    };
    let (package, cover) = common::patrol_car();
    let dir = std::env::temp_dir().join(format!("grip-docs-lo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("package.docx");
    std::fs::write(&input, render_docx(&package, Lang::Nl, &cover).unwrap()).unwrap();
    let status = std::process::Command::new(office)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .arg(&input)
        .status()
        .unwrap();
    assert!(status.success());
    let pdf = std::fs::read(dir.join("package.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let _ = std::fs::remove_dir_all(&dir);
}
