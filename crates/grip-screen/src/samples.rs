//! Small documents for tests, generated in code instead of committed binaries: DOCX and
//! ODT via the zip writer and XML strings, PDF via lopdf, and a set with one document of
//! every supported format and the usual broken ones (feature `testing`, for this and other
//! crates' tests).

use std::io::{Cursor, Write};

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

pub fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A ZIP from (name, bytes) pairs, deflated.
pub fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        writer.start_file(*name, options).expect("start entry");
        writer.write_all(bytes).expect("write entry");
    }
    writer.finish().expect("finish zip").into_inner()
}

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

fn word_paragraphs(paragraphs: &[&str]) -> String {
    paragraphs
        .iter()
        .map(|p| {
            format!(
                "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                xml_escape(p)
            )
        })
        .collect()
}

/// Parts of a DOCX; empty parts are left out.
#[derive(Default)]
pub struct DocxParts<'a> {
    pub body: &'a [&'a str],
    pub table: &'a [&'a [&'a str]],
    pub header: &'a [&'a str],
    pub footer: &'a [&'a str],
    pub footnotes: &'a [&'a str],
}

pub fn docx(parts: &DocxParts<'_>) -> Vec<u8> {
    let mut body = word_paragraphs(parts.body);
    if !parts.table.is_empty() {
        body.push_str("<w:tbl>");
        for row in parts.table {
            body.push_str("<w:tr>");
            for cell in row.iter() {
                body.push_str(&format!(
                    "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>",
                    xml_escape(cell)
                ));
            }
            body.push_str("</w:tr>");
        }
        body.push_str("</w:tbl>");
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document {W}><w:body>{body}</w:body></w:document>"
    );
    let header = format!("<w:hdr {W}>{}</w:hdr>", word_paragraphs(parts.header));
    let footer = format!("<w:ftr {W}>{}</w:ftr>", word_paragraphs(parts.footer));
    let footnotes = format!(
        "<w:footnotes {W}><w:footnote w:id=\"1\">{}</w:footnote></w:footnotes>",
        word_paragraphs(parts.footnotes)
    );
    let content_types = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", content_types.as_bytes()),
        ("word/document.xml", document.as_bytes()),
    ];
    if !parts.header.is_empty() {
        entries.push(("word/header1.xml", header.as_bytes()));
    }
    if !parts.footer.is_empty() {
        entries.push(("word/footer1.xml", footer.as_bytes()));
    }
    if !parts.footnotes.is_empty() {
        entries.push(("word/footnotes.xml", footnotes.as_bytes()));
    }
    zip_of(&entries)
}

pub fn docx_body(paragraphs: &[&str]) -> Vec<u8> {
    docx(&DocxParts {
        body: paragraphs,
        ..Default::default()
    })
}

const ODF_NS: &str = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
     xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" \
     xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
     xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"";

/// An ODT whose content.xml holds `inner` (already XML) inside office:text.
pub fn odt_raw(inner: &str, footer: Option<&str>) -> Vec<u8> {
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content {ODF_NS}><office:body><office:text>{inner}</office:text></office:body></office:document-content>"
    );
    let styles = footer.map(|f| {
        format!(
            "<office:document-styles {ODF_NS}><office:master-styles><style:master-page><style:footer><text:p>{}</text:p></style:footer></style:master-page></office:master-styles><office:styles><text:p>STYLE-NOT-TEXT</text:p></office:styles></office:document-styles>",
            xml_escape(f)
        )
    });
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", content.as_bytes()),
    ];
    if let Some(styles) = &styles {
        entries.push(("styles.xml", styles.as_bytes()));
    }
    zip_of(&entries)
}

pub fn odt(paragraphs: &[&str]) -> Vec<u8> {
    let inner: String = paragraphs
        .iter()
        .map(|p| format!("<text:p>{}</text:p>", xml_escape(p)))
        .collect();
    odt_raw(&inner, None)
}

/// A PDF with one page per entry; each page's lines are drawn as separate text lines
/// in Helvetica (ASCII only, so the standard encoding maps them).
pub fn pdf(pages: &[&[&str]]) -> Vec<u8> {
    save(pdf_document(pages))
}

/// A text PDF whose trailer announces standard-handler encryption we cannot open.
pub fn pdf_claiming_encryption() -> Vec<u8> {
    let mut doc = pdf_document(&[&["Secret offer text that is long enough to read."]]);
    let encrypt = doc.add_object(dictionary! {
        "Filter" => "Standard", "V" => 2, "R" => 3, "Length" => 128, "P" => -4,
        "O" => Object::string_literal(vec![1u8; 32]), "U" => Object::string_literal(vec![2u8; 32]),
    });
    doc.trailer.set("Encrypt", encrypt);
    doc.trailer.set(
        "ID",
        vec![
            Object::string_literal(vec![3u8; 16]),
            Object::string_literal(vec![3u8; 16]),
        ],
    );
    save(doc)
}

fn save(mut doc: Document) -> Vec<u8> {
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("write pdf");
    out
}

fn pdf_document(pages: &[&[&str]]) -> Document {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let mut kids: Vec<Object> = Vec::new();
    for lines in pages {
        let mut operations = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 11.into()]),
            Operation::new("TL", vec![14.into()]),
            Operation::new("Td", vec![50.into(), 780.into()]),
        ];
        for line in lines.iter() {
            operations.push(Operation::new("Tj", vec![Object::string_literal(*line)]));
            operations.push(Operation::new("T*", vec![]));
        }
        operations.push(Operation::new("ET", vec![]));
        let content = Content { operations };
        let content_id = doc.add_object(Stream::new(
            dictionary! {},
            content.encode().expect("encode content"),
        ));
        let page_id = doc.add_object(
            dictionary! { "Type" => "Page", "Parent" => pages_id, "Contents" => content_id },
        );
        kids.push(page_id.into());
    }
    let count = kids.len() as i64;
    let pages_dict = dictionary! {
        "Type" => "Pages", "Kids" => kids, "Count" => count, "Resources" => resources_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    };
    doc.objects.insert(pages_id, Object::Dictionary(pages_dict));
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    doc
}

/// A PDF whose only page draws nothing but a rectangle: no text layer.
pub fn pdf_without_text() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let content = Content {
        operations: vec![
            Operation::new("re", vec![10.into(), 10.into(), 200.into(), 200.into()]),
            Operation::new("f", vec![]),
        ],
    };
    let content_id = doc.add_object(Stream::new(
        dictionary! {},
        content.encode().expect("encode"),
    ));
    let page_id = doc.add_object(
        dictionary! { "Type" => "Page", "Parent" => pages_id, "Contents" => content_id },
    );
    let pages_dict = dictionary! {
        "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    };
    doc.objects.insert(pages_id, Object::Dictionary(pages_dict));
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("write pdf");
    out
}

/// A sample document and what its screening must say.
pub struct Sample {
    pub name: &'static str,
    pub bytes: Vec<u8>,
    /// False for documents that must come out `unreadable`.
    pub readable: bool,
    /// For readable samples: whether AI must be indicated.
    pub ai: bool,
}

impl Sample {
    /// The verdict the contract names for this sample (`unreadable`, `ai_indicated`, …).
    pub fn expected_verdict(&self) -> &'static str {
        match (self.readable, self.ai) {
            (false, _) => "unreadable",
            (true, true) => "ai_indicated",
            (true, false) => "no_ai_indicated",
        }
    }

    /// Panics unless `result`, this sample's screening as JSON, fits the contract (as
    /// `fits` judges), has the expected verdict, and has an error exactly when the sample
    /// is broken.
    pub fn assert_screened(
        &self,
        result: &serde_json::Value,
        fits: impl Fn(&serde_json::Value) -> bool,
    ) {
        assert!(fits(result), "{}: {result}", self.name);
        assert_eq!(
            result["verdict"],
            self.expected_verdict(),
            "{}: {result}",
            self.name
        );
        assert_eq!(
            result["error"].is_string(),
            !self.readable,
            "{}: {result}",
            self.name
        );
    }
}

const AI_NL: &str = "De camera gebruikt gezichtsherkenning om bezoekers te vergelijken.";
const AI_EN: &str = "The system uses machine learning to predict maintenance.";
const PLAIN_NL: &str = "Wij leveren stevige bureaustoelen met verstelbare armleuningen.";

/// One document of every supported format (with and without AI), then broken ones: an
/// encrypted PDF, a PDF without text layer, a truncated PDF, garbage named .pdf, a ZIP that
/// is no office document, an empty file and binary bytes named .txt.
pub fn every_format() -> Vec<Sample> {
    let readable = |name, bytes, ai| Sample {
        name,
        bytes,
        readable: true,
        ai,
    };
    let broken = |name, bytes| Sample {
        name,
        bytes,
        readable: false,
        ai: false,
    };
    let pdf_bytes = pdf(&[&[PLAIN_NL], &[AI_EN]]);
    let truncated = pdf_bytes[..pdf_bytes.len() / 2].to_vec();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(AI_NL.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let html = format!(
        "<!doctype html><html><head><style>.x{{}}</style><script>var ai = 'AI';</script></head>\
         <body><p>{AI_EN}</p></body></html>"
    );
    vec![
        readable("offerte.pdf", pdf_bytes, true),
        readable("productblad.docx", docx_body(&[PLAIN_NL, AI_NL]), true),
        readable("stoelen.docx", docx_body(&[PLAIN_NL]), false),
        readable("handleiding.odt", odt(&[AI_EN]), true),
        readable("release-notes.html", html.into_bytes(), true),
        readable("antwoord.txt", AI_NL.as_bytes().to_vec(), true),
        readable(
            "notities.md",
            format!("# Notities\n\n- {PLAIN_NL}\n").into_bytes(),
            false,
        ),
        readable("utf16.txt", utf16, true),
        readable(
            "cp1252.txt",
            b"Caf\xe9 met stoelen en tafels, geen bijzonderheden.".to_vec(),
            false,
        ),
        broken("versleuteld.pdf", pdf_claiming_encryption()),
        broken("scan.pdf", pdf_without_text()),
        broken("afgekapt.pdf", truncated),
        broken("onzin.pdf", b"%PDF-1.7\n\x00\x01\x02 garbage".to_vec()),
        broken(
            "archief.docx",
            zip_of(&[("readme.txt", b"no office document")]),
        ),
        broken("leeg.txt", Vec::new()),
        broken("binair.txt", vec![0, 1, 2, 3, 0xFF, 0xFE, 0, 7]),
    ]
}
