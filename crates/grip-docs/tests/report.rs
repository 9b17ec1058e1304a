//! Reports (decision records, award letters) render to PDF and DOCX: title, numbered headings,
//! tables, footer line and the label on every page; hostile text stays literal; long tables
//! and unbroken strings break across lines and pages; the same report gives the same bytes.

mod sample;

use std::io::{Cursor, Read};

use grip_docs::{Block, Report, render_report_docx, render_report_pdf};
use grip_knowledge::Lang;
use quick_xml::Reader;
use quick_xml::events::Event;
use sample::{FINGERPRINT, LABEL, decision_record, field};

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

fn without_whitespace(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn assert_label_and_page_words(pages: &[String], page: &str, of: &str) {
    let total = pages.len();
    for (index, text) in pages.iter().enumerate() {
        let number = index + 1;
        assert!(
            text.matches(LABEL).count() >= 2,
            "page {number} lacks the label at top and bottom"
        );
        let footer = format!("{page} {number} {of} {total}");
        assert!(text.contains(&footer), "page {number} lacks {footer:?}");
    }
}

fn report(blocks: Vec<Block>) -> Report {
    Report {
        blocks,
        ..decision_record()
    }
}

fn table(rows: usize) -> Block {
    Block::Table {
        headers: vec!["Regel".into(), "Inschrijver".into(), "Toelichting".into()],
        rows: (1..=rows)
            .map(|n| {
                vec![
                    format!("r{n}"),
                    format!("Inschrijver {n}"),
                    format!("Toelichting bij regel {n} die over meer dan één regel loopt"),
                ]
            })
            .collect(),
    }
}

#[test]
fn pdf_has_title_numbered_headings_table_footer_and_label_on_every_page() {
    let pdf = render_report_pdf(&decision_record()).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let pages = page_texts(&pdf);
    assert_label_and_page_words(&pages, "Pagina", "van");
    assert!(pages[0].contains("Gunningsbeslissing"));
    assert!(pages[0].contains("Surveillancevoertuigen noodhulp 2027"));
    assert!(pages[0].contains("Aanbestedende dienst"));
    assert!(pages[0].contains("Inkoopdienst, categorie Voertuigen"));
    for (index, text) in pages.iter().enumerate() {
        assert!(
            text.contains(FINGERPRINT),
            "page {} lacks the footer line",
            index + 1
        );
    }
    let all = pages.join(" ");
    for expected in [
        "1. Aanleiding",
        "2. Beoordeling van de inschrijvingen",
        "3. Besluit",
        "4. Motivering",
        "5. Rechtsmiddelen",
        "Inschrijver",
        "Kwaliteit (60)",
        "Vlietstra Voertuigtechniek",
        "niet voldaan",
        "Gegunde inschrijver",
        "€ 4.860.000 excl. btw",
        "met twee opties tot verlenging van 1 jaar",
        "Het verschil in prijs weegt niet op",
        "Opschortende termijn: tot en met 13 december 2026",
    ] {
        assert!(all.contains(expected), "PDF text lacks {expected:?}");
    }
}

#[test]
fn pdf_keeps_line_breaks_of_a_paragraph() {
    let pdf = render_report_pdf(&report(vec![Block::Paragraph("eerste\ntweede".into())])).unwrap();
    let document = lopdf::Document::load_mem(&pdf).unwrap();
    let text = document.extract_text(&[1]).unwrap();
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    assert!(
        lines.contains(&"eerste") && lines.contains(&"tweede"),
        "the break is kept: {text:?}"
    );
}

#[test]
fn pdf_long_table_breaks_across_pages_with_label_and_header_on_each() {
    let pdf = render_report_pdf(&report(vec![table(300)])).unwrap();
    let pages = page_texts(&pdf);
    assert!(pages.len() >= 4, "300 rows on {} pages", pages.len());
    assert_label_and_page_words(&pages, "Pagina", "van");
    for (index, text) in pages.iter().enumerate() {
        assert!(
            text.contains("Regel Inschrijver Toelichting"),
            "page {} lacks the repeated header row",
            index + 1
        );
    }
    let all = pages.join(" ");
    for n in [1, 150, 300] {
        assert!(all.contains(&format!("r{n} Inschrijver {n} ")), "row {n}");
    }
}

#[test]
fn pdf_renders_a_table_of_5000_rows() {
    let pdf = render_report_pdf(&report(vec![table(5_000)])).unwrap();
    let pages = page_texts(&pdf);
    assert!(pages.len() > 50, "{} pages", pages.len());
    assert!(pages.iter().all(|page| page.contains(LABEL)));
    assert!(pages.join(" ").contains("r5000 Inschrijver 5000"));
}

/// Typst markup and code, XML and Word specials, quotes and backslashes.
const HOSTILE: [&str; 10] = [
    "#read(\"/etc/passwd\")",
    "#set page(width: 1pt)",
    "$x^2$ and *bold* and _emph_",
    "back\\slash and <label> and @ref",
    "[brackets] {braces} `raw` ~tilde",
    "<script>alert('x')</script> & ]]> &amp;",
    "// not a comment /* nor this */",
    "= not a heading",
    "#let x = \"a\" + \"b\"",
    "#{ panic(\"boom\") }",
];

fn hostile_report() -> Report {
    let mut blocks = Vec::new();
    for text in HOSTILE {
        blocks.push(Block::Heading(text.into()));
        blocks.push(Block::Paragraph(text.into()));
        blocks.push(Block::Bullets(vec![text.into()]));
        blocks.push(Block::Note(text.into()));
        blocks.push(Block::Fields(vec![field(text, &[text])]));
        blocks.push(Block::Table {
            headers: vec![text.into()],
            rows: vec![vec![text.into()]],
        });
    }
    blocks.push(Block::Paragraph(
        "ctrl\u{0}\u{1}\u{8}\u{b}\u{1b}\u{7f}chars".into(),
    ));
    Report {
        label: format!("{LABEL} #read(\"/etc/passwd\")"),
        kind: "#set text(size: 1pt)".into(),
        title: "Titel #{1+1} <x> & $y$".into(),
        cover: vec![field("#x", &["*y*", "_z_"])],
        blocks,
        footer: Some("#read(\"/etc/hostname\") \\ ]".into()),
        ..decision_record()
    }
}

#[test]
fn pdf_renders_hostile_text_literally_and_reads_no_files() {
    let pdf = render_report_pdf(&hostile_report()).unwrap();
    let pages = page_texts(&pdf);
    let all = pages.join(" ");
    for text in HOSTILE {
        assert!(
            all.matches(text).count() >= 5,
            "PDF text lacks {text:?} literally in every block kind"
        );
    }
    for page in &pages {
        assert!(page.contains("Politie Vertrouwelijk #read(\"/etc/passwd\")"));
        assert!(page.contains("#read(\"/etc/hostname\") \\ ]"));
    }
    assert!(all.contains("Titel #{1+1} <x> & $y$"));
    assert!(all.contains("#set text(size: 1pt)"));
    assert!(all.contains("#x *y* _z_"));
    assert!(all.contains("ctrlchars"), "control characters dropped");
    assert!(!all.contains("root:"), "no file content");
    // `#set page(width: 1pt)` would have produced thousands of slivers of pages.
    assert!(pages.len() < 30, "{} pages", pages.len());
}

#[test]
fn pdf_breaks_long_unbroken_strings_instead_of_overflowing() {
    let long = "x".repeat(20_000);
    let pdf = render_report_pdf(&report(vec![
        Block::Paragraph(long.clone()),
        Block::Table {
            headers: vec!["Nr".into(), "Waarde".into(), "Opmerking".into()],
            rows: vec![vec!["1".into(), long.clone(), "kort".into()]],
        },
    ]))
    .unwrap();
    let pages = page_texts(&pdf);
    // On one line each, both would fit on the first page.
    assert!(pages.len() >= 6, "{} pages", pages.len());
    assert_label_and_page_words(&pages, "Pagina", "van");
    // Interrupted only by page headers and footers, all of it is there.
    assert_eq!(pages.join("").matches('x').count(), 2 * long.len());
    assert!(without_whitespace(&pages[0]).contains(&long[..2_000]));
}

#[test]
fn pdf_keeps_dutch_diacritics_quotes_and_right_to_left_text() {
    let dutch = "Geëvalueerd: café, naïef, ruïne, „citaat” en ‘enkel’ – één ĳs";
    let hebrew = "שלום עולם";
    let mut report = report(vec![
        Block::Heading(dutch.into()),
        Block::Paragraph(format!("{dutch}\t{hebrew}")),
        Block::Table {
            headers: vec!["Ä".into(), "É".into()],
            rows: vec![vec![dutch.into(), hebrew.into()]],
        },
    ]);
    report.title = dutch.into();
    let all = page_texts(&render_report_pdf(&report).unwrap()).join(" ");
    assert!(all.matches(dutch).count() >= 4, "{all}");
    let reversed: String = hebrew.chars().rev().collect();
    assert!(all.contains(hebrew) || all.contains(&reversed), "{all}");
}

#[test]
fn pdf_in_english_and_dutch_uses_their_page_words() {
    let dutch = page_texts(&render_report_pdf(&decision_record()).unwrap());
    let english = Report {
        lang: Lang::En,
        ..decision_record()
    };
    let english = page_texts(&render_report_pdf(&english).unwrap());
    assert_label_and_page_words(&dutch, "Pagina", "van");
    assert_label_and_page_words(&english, "Page", "of");
    assert!(!english.join(" ").contains("Pagina 1 van"));
}

#[test]
fn pdf_of_an_empty_report_has_title_and_label() {
    let empty = Report {
        cover: vec![],
        blocks: vec![],
        footer: None,
        ..decision_record()
    };
    let pages = page_texts(&render_report_pdf(&empty).unwrap());
    assert_eq!(pages.len(), 1);
    assert_label_and_page_words(&pages, "Pagina", "van");
    assert!(pages[0].contains("Surveillancevoertuigen noodhulp 2027"));
    assert!(!pages[0].contains("Vingerafdruk"));
}

#[test]
fn pdf_and_docx_repeated_render_give_the_same_bytes() {
    let record = decision_record();
    assert_eq!(
        render_report_pdf(&record).unwrap(),
        render_report_pdf(&record).unwrap()
    );
    assert_eq!(
        render_report_docx(&record).unwrap(),
        render_report_docx(&record).unwrap()
    );
    let pdf = render_report_pdf(&record).unwrap();
    let text = String::from_utf8_lossy(&pdf);
    assert!(!text.contains("/CreationDate"), "no creation date");
}

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
fn docx_has_title_headings_tables_and_label_in_header_and_footer() {
    let docx = render_report_docx(&decision_record()).unwrap();
    let xml = parts(&docx, "word/document.xml").pop().unwrap();
    assert_well_formed(&xml);
    for expected in [
        "Gunningsbeslissing",
        "Surveillancevoertuigen noodhulp 2027",
        "Aanbestedende dienst",
        "1. Aanleiding",
        "5. Rechtsmiddelen",
        "Kwaliteit (60)",
        "Vlietstra Voertuigtechniek",
        "€ 4.860.000 excl. btw",
        "Opschortende termijn",
        "„stopstoot en automatische noodrem”",
        "geëvalueerd",
    ] {
        assert!(xml.contains(expected), "document.xml lacks {expected:?}");
    }
    assert!(
        xml.contains(r#"w:val="Heading1""#),
        "headings use Heading 1"
    );
    let numbering = parts(&docx, "word/numbering.xml").join("");
    assert!(
        xml.contains(r#"<w:numId w:val="2" />"#)
            && numbering.contains(r#"<w:num w:numId="2"><w:abstractNumId w:val="2" />"#)
            && numbering.contains(r#"<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1" /><w:numFmt w:val="bullet" />"#),
        "bullets are a real bullet list"
    );
    assert!(xml.contains("D9E2F3"), "table header row is shaded");
    assert!(
        xml.matches("<w:tbl>").count() >= 4,
        "cover, table, fields, note"
    );
    assert!(xml.contains("<w:br"), "the paragraph's line break is kept");
    let headers = parts(&docx, "word/header");
    let footers = parts(&docx, "word/footer");
    assert!(!headers.is_empty() && !footers.is_empty());
    for part in headers.iter().chain(&footers) {
        assert_well_formed(part);
        assert!(part.contains(LABEL));
    }
    let footer = footers.join("");
    assert!(footer.contains(FINGERPRINT));
    assert!(footer.contains("Pagina") && footer.contains("NUMPAGES"));
    let english = Report {
        lang: Lang::En,
        ..decision_record()
    };
    let footer = parts(&render_report_docx(&english).unwrap(), "word/footer").join("");
    assert!(footer.contains("Page") && !footer.contains("Pagina"));
}

#[test]
fn docx_escapes_hostile_text_and_drops_control_characters() {
    let docx = render_report_docx(&hostile_report()).unwrap();
    let xml = parts(&docx, "word/document.xml").pop().unwrap();
    assert_well_formed(&xml);
    assert!(
        xml.contains("#read(\"/etc/passwd\")") || xml.contains("#read(&quot;/etc/passwd&quot;)")
    );
    assert!(xml.contains("&lt;script&gt;alert("));
    assert!(!xml.contains("<script>"));
    assert!(xml.contains("ctrlchars"));
    for part in parts(&docx, "word/header")
        .iter()
        .chain(&parts(&docx, "word/footer"))
    {
        assert_well_formed(part);
        assert!(part.contains(LABEL));
    }
}
