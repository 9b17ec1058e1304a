//! Renders the demo patrol-car tender package, to look at the layout or reproduce
//! `docs/patrol-car-package.png`:
//! `cargo run -p grip-docs --example render_package -- --format pdf|docx|md [--lang nl|en] --out FILE`

use std::time::Instant;

use grip_docs::{render_docx, render_markdown, render_pdf};
use grip_knowledge::Lang;

// The same patrol-car package the export tests render.
#[path = "../tests/common/mod.rs"]
#[expect(dead_code, reason = "the example uses only the patrol-car package")]
mod common;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut format = "pdf".to_string();
    let mut out = None;
    let mut lang = Lang::Nl;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" => format = args.next().ok_or("--format needs a value")?,
            "--out" => out = Some(args.next().ok_or("--out needs a value")?),
            "--lang" => {
                lang = match args.next().as_deref() {
                    Some("nl") => Lang::Nl,
                    Some("en") => Lang::En,
                    _ => return Err("--lang is nl or en".into()),
                }
            }
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let out = out.ok_or("usage: --format pdf|docx|md --out FILE")?;
    let (package, cover) = common::patrol_car();
    // Twice, so the timing shows the cost with and without one-off font loading.
    for round in ["first", "second"] {
        let started = Instant::now();
        let bytes = match format.as_str() {
            "pdf" => render_pdf(&package, lang, &cover)?,
            "docx" => render_docx(&package, lang, &cover)?,
            "md" => render_markdown(&package, lang, &cover).into_bytes(),
            other => return Err(format!("unknown format {other}").into()),
        };
        eprintln!(
            "{round} render: {:?}, {} bytes",
            started.elapsed(),
            bytes.len()
        );
        std::fs::write(&out, bytes)?;
    }
    Ok(())
}
