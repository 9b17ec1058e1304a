//! Helper of `bench/screen/run.sh`, the tender benchmark (issue 21):
//!   screen_bench make SOURCE DIR       writes 500 documents (PDF, DOCX, HTML, text; ~100 KB of
//!                                      text each, 50 MB in all) made of SOURCE's paragraphs
//!   screen_bench tender DIR JOBS       screens every file in DIR on JOBS threads; prints wall
//!                                      time, text MB, documents flagged and peak memory
//!   screen_bench one FILE RUNS         screens one document RUNS times; prints the median
//!   screen_bench screen --format jsonl FILE…
//!                                      what `grip screen` prints, for scorers that call it
//!
//! Uses only the library's long-standing API (`screen_bytes`, `samples`), so the same file
//! measures today's engine and the one it replaces.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use grip_screen::{Lexicon, Limits, Verdict, samples, screen_bytes};

const DOCUMENTS: usize = 500;
const TEXT_PER_DOCUMENT: usize = 100_000;
const LINES_PER_PDF_PAGE: usize = 60;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).map(String::as_str).unwrap_or_default();
    let result = match arg(0) {
        "make" => make(Path::new(arg(1)), Path::new(arg(2))),
        "tender" => screen(Path::new(arg(1)), arg(2).parse().unwrap_or(2)),
        "screen" if arg(1) == "--format" && arg(2) == "jsonl" => jsonl(&args[3..]),
        "one" => one(Path::new(arg(1)), arg(2).parse().unwrap_or(20)),
        _ => Err(
            "usage: screen_bench make SOURCE DIR | tender DIR JOBS | one FILE RUNS | \
             screen --format jsonl FILE…"
                .into(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("screen_bench: {message}");
            ExitCode::from(2)
        }
    }
}

fn make(source: &Path, dir: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(source).map_err(|e| format!("{source:?}: {e}"))?;
    let paragraphs: Vec<&str> = text.lines().filter(|l| l.trim().len() > 20).collect();
    if paragraphs.is_empty() {
        return Err("the source has no paragraphs".into());
    }
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let mut next = 0;
    for n in 0..DOCUMENTS {
        let mut chosen = Vec::new();
        let mut size = 0;
        while size < TEXT_PER_DOCUMENT {
            let p = paragraphs[next % paragraphs.len()];
            next += 1;
            size += p.len() + 1;
            chosen.push(p);
        }
        let (extension, bytes) = match n % 4 {
            0 => ("pdf", pdf(&chosen)),
            1 => ("docx", samples::docx_body(&chosen)),
            2 => ("html", html(&chosen)),
            _ => ("txt", chosen.join("\n").into_bytes()),
        };
        let path = dir.join(format!("{n:03}.{extension}"));
        std::fs::write(&path, bytes).map_err(|e| format!("{path:?}: {e}"))?;
    }
    println!("wrote {DOCUMENTS} documents into {}", dir.display());
    Ok(())
}

fn jsonl(files: &[String]) -> Result<(), String> {
    let lexicon = Lexicon::embedded().map_err(|e| e.to_string())?;
    for file in files {
        let bytes = std::fs::read(file).map_err(|e| format!("{file}: {e}"))?;
        let screening = screen_bytes(file, &bytes, &lexicon, &Limits::default());
        println!("{}", screening.to_json_line());
    }
    Ok(())
}

fn html(paragraphs: &[&str]) -> Vec<u8> {
    let body: String = paragraphs
        .iter()
        .map(|p| format!("<p>{}</p>\n", samples::xml_escape(p)))
        .collect();
    format!("<!DOCTYPE html><html><head><title>Offer</title></head><body>{body}</body></html>")
        .into_bytes()
}

/// The sample PDF writer draws ASCII lines in Helvetica: other characters become `?`.
fn pdf(paragraphs: &[&str]) -> Vec<u8> {
    let mut lines = Vec::new();
    for paragraph in paragraphs {
        let ascii: String = paragraph
            .chars()
            .map(|c| if c.is_ascii() { c } else { '?' })
            .collect();
        let mut line = String::new();
        for word in ascii.split_whitespace() {
            if line.len() + word.len() > 90 {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
        lines.push(String::new());
    }
    let pages: Vec<Vec<&str>> = lines
        .chunks(LINES_PER_PDF_PAGE)
        .map(|c| c.iter().map(String::as_str).collect())
        .collect();
    let pages: Vec<&[&str]> = pages.iter().map(Vec::as_slice).collect();
    samples::pdf(&pages)
}

fn files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{dir:?}: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    Ok(files)
}

fn screen(dir: &Path, jobs: usize) -> Result<(), String> {
    let started = Instant::now();
    let files = files(dir)?;
    let lexicon = Lexicon::embedded().map_err(|e| e.to_string())?;
    let limits = Limits::default();
    let next = AtomicUsize::new(0);
    let totals = Mutex::new((0usize, 0usize, 0usize));
    std::thread::scope(|scope| {
        for _ in 0..jobs.max(1) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(file) = files.get(i) else { break };
                    let bytes = std::fs::read(file).unwrap_or_default();
                    let name = file.display().to_string();
                    let screening = screen_bytes(&name, &bytes, &lexicon, &limits);
                    let line = screening.to_json_line();
                    let mut totals = totals.lock().unwrap_or_else(|e| e.into_inner());
                    totals.0 += screening.document.chars;
                    totals.1 += usize::from(screening.verdict == Verdict::AiIndicated);
                    totals.2 += line.len();
                }
            });
        }
    });
    let seconds = started.elapsed().as_secs_f64();
    let (chars, flagged, _) = *totals.lock().unwrap_or_else(|e| e.into_inner());
    println!(
        "{} documents, {:.1} M characters, {flagged} flagged, {jobs} jobs: {seconds:.2} s, peak memory {:.1} MB",
        files.len(),
        chars as f64 / 1e6,
        peak_memory_mb()
    );
    Ok(())
}

fn one(file: &Path, runs: usize) -> Result<(), String> {
    let bytes = std::fs::read(file).map_err(|e| format!("{file:?}: {e}"))?;
    let loading = Instant::now();
    let lexicon = Lexicon::embedded().map_err(|e| e.to_string())?;
    let load_ms = loading.elapsed().as_secs_f64() * 1000.0;
    let limits = Limits::default();
    let mut times = Vec::new();
    let mut chars = 0;
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        chars = screen_bytes("one", &bytes, &lexicon, &limits)
            .document
            .chars;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{} ({} KB, {chars} characters): median {:.1} ms, slowest {:.1} ms (lexicon loaded in {load_ms:.1} ms)",
        file.display(),
        bytes.len() / 1024,
        times[times.len() / 2],
        times[times.len() - 1]
    );
    Ok(())
}

/// Peak resident memory of this process (Linux), in MB.
fn peak_memory_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}
