//! Renders a sample decision record (Dutch, every kind of block), to look at the layout:
//! `cargo run -p grip-docs --example render_report -- FILE.pdf|FILE.docx [--lang en]`

use std::time::Instant;

use grip_docs::{Report, render_report_docx, render_report_pdf};
use grip_knowledge::Lang;

// The same decision record the report tests render.
#[path = "../tests/sample/mod.rs"]
mod sample;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut out = None;
    let mut lang = Lang::Nl;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lang" => {
                lang = match args.next().as_deref() {
                    Some("nl") => Lang::Nl,
                    Some("en") => Lang::En,
                    _ => return Err("--lang is nl or en".into()),
                }
            }
            path => out = Some(path.to_string()),
        }
    }
    let out = out.ok_or("usage: render_report FILE.pdf|FILE.docx [--lang nl|en]")?;
    let report = Report {
        lang,
        ..sample::decision_record()
    };
    let started = Instant::now();
    let bytes = if out.ends_with(".docx") {
        render_report_docx(&report)?
    } else {
        render_report_pdf(&report)?
    };
    eprintln!("rendered in {:?}, {} bytes", started.elapsed(), bytes.len());
    std::fs::write(&out, bytes)?;
    Ok(())
}
