//! Helper of `bench/screen/run.sh` (which times `grip screen` itself):
//!   screen_bench terms               the lexicon's plain terms, one per line (for grep -F -f)
//!   screen_bench extraction DIR N    generates a DOCX and a PDF of N pages into DIR, times extraction

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use grip_screen::{Lexicon, Limits, extract};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("terms") => terms(),
        Some("extraction") => extraction(&args[1..]),
        _ => Err("usage: screen_bench terms | extraction DIR PAGES".to_owned()),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("screen_bench: {message}");
            ExitCode::from(2)
        }
    }
}

fn lexicon() -> Result<Lexicon, String> {
    Lexicon::embedded().map_err(|e| e.to_string())
}

fn terms() -> Result<ExitCode, String> {
    for term in lexicon()?.plain_terms() {
        println!("{term}");
    }
    Ok(ExitCode::SUCCESS)
}

const PARAGRAPH: &str = "De leverancier levert camera's met beheersoftware; firmware 3.1 voegt \
    gezichtsvergelijking toe en de module herkent kentekens. Onderhoud binnen vier uur.";

fn extraction(args: &[String]) -> Result<ExitCode, String> {
    let dir = Path::new(args.first().ok_or("missing DIR")?);
    let pages: usize = args.get(1).and_then(|p| p.parse().ok()).unwrap_or(50);
    let limits = Limits::default();
    let docx = generated::docx(pages);
    let pdf = generated::pdf(pages);
    std::fs::write(dir.join("generated.docx"), &docx).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("generated.pdf"), &pdf).map_err(|e| e.to_string())?;
    for (label, bytes) in [("docx", &docx), ("pdf", &pdf)] {
        let runs = 5;
        let started = Instant::now();
        let mut chars = 0;
        for _ in 0..runs {
            chars = extract(bytes, &limits)
                .map_err(|e| format!("{label}: {e}"))?
                .chars();
        }
        let per_doc = started.elapsed().as_secs_f64() / runs as f64;
        println!(
            "extract {label}: {pages} pages ({} KB, {chars} chars) in {:.1} ms = {:.3} ms/page",
            bytes.len() / 1024,
            per_doc * 1000.0,
            per_doc * 1000.0 / pages as f64
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Documents of a given page count: one page = 8 paragraphs (DOCX page breaks, PDF pages).
mod generated {
    use std::io::{Cursor, Write};

    use lopdf::content::{Content, Operation};
    use lopdf::{Document, Object, Stream, dictionary};

    use super::PARAGRAPH;

    pub fn docx(pages: usize) -> Vec<u8> {
        let mut body = String::new();
        for _ in 0..pages {
            for _ in 0..8 {
                body.push_str(&format!("<w:p><w:r><w:t>{PARAGRAPH}</w:t></w:r></w:p>"));
            }
            body.push_str("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
        }
        let xml = format!(
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
        );
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let write = |w: &mut zip::ZipWriter<_>, name: &str, data: &[u8]| {
            w.start_file(name, options).expect("entry");
            w.write_all(data).expect("write");
        };
        write(&mut writer, "[Content_Types].xml", b"<Types/>");
        write(&mut writer, "word/document.xml", xml.as_bytes());
        writer.finish().expect("zip").into_inner()
    }

    pub fn pdf(pages: usize) -> Vec<u8> {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let font = doc.add_object(
            dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" },
        );
        let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
        let mut kids: Vec<Object> = Vec::new();
        for _ in 0..pages {
            let mut ops = vec![
                Operation::new("BT", vec![]),
                Operation::new("Tf", vec!["F1".into(), 10.into()]),
                Operation::new("TL", vec![12.into()]),
                Operation::new("Td", vec![40.into(), 800.into()]),
            ];
            for _ in 0..8 {
                for line in PARAGRAPH.as_bytes().chunks(90) {
                    ops.push(Operation::new(
                        "Tj",
                        vec![Object::string_literal(line.to_vec())],
                    ));
                    ops.push(Operation::new("T*", vec![]));
                }
            }
            ops.push(Operation::new("ET", vec![]));
            let stream = Stream::new(
                dictionary! {},
                Content { operations: ops }.encode().expect("content"),
            );
            let content = doc.add_object(stream);
            kids.push(
                doc.add_object(
                    dictionary! { "Type" => "Page", "Parent" => pages_id, "Contents" => content },
                )
                .into(),
            );
        }
        let count = kids.len() as i64;
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => kids, "Count" => count, "Resources" => resources,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog);
        let mut out = Vec::new();
        doc.save_to(&mut out).expect("pdf");
        out
    }
}
