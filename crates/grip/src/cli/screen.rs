//! `grip screen FILE…|-`: screen documents for AI indicators and print one `grip.screening/1`
//! object per document (JSON Lines, input order), or a readable report. Directories are
//! walked in name order. An unreadable document is reported and the run goes on; the exit
//! code is 1 when any document was unreadable. Documents are screened on every core.

use clap::{Args, ValueEnum};
use grip_app::screening::{self, Verdict};
use rayon::prelude::*;
use std::io::{BufWriter, Read, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Documents screened together before their lines are written, per worker: enough to keep
/// every core busy past a slow document, few enough to hold their results in memory.
const BATCH_PER_WORKER: usize = 16;

#[derive(Args)]
pub struct ScreenArgs {
    /// Documents or directories to screen; `-` reads one document from standard input.
    #[arg(value_name = "FILE|-", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output: one JSON object per line, or a readable report.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: OutputFormat,
    /// Documents screened at the same time (default: one per processor core).
    #[arg(long, value_name = "N")]
    pub jobs: Option<NonZeroUsize>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum OutputFormat {
    Jsonl,
    Text,
}

pub fn run(args: ScreenArgs) -> anyhow::Result<ExitCode> {
    let mut files = Vec::new();
    for input in &args.inputs {
        collect(input, &mut files);
    }
    let workers = args
        .jobs
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(workers)
        .build()?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut any_unreadable = false;
    for batch in files.chunks(workers * BATCH_PER_WORKER) {
        // `collect` keeps the input order, so lines come out in the order given.
        let lines: Vec<(String, bool)> = pool.install(|| {
            batch
                .par_iter()
                .map(|file| render(file, args.format))
                .collect::<anyhow::Result<_>>()
        })?;
        for (line, unreadable) in lines {
            any_unreadable |= unreadable;
            writeln!(out, "{line}")?;
        }
    }
    out.flush()?;
    Ok(if any_unreadable {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The document's line (or report) and whether it was unreadable.
fn render(file: &Path, format: OutputFormat) -> anyhow::Result<(String, bool)> {
    let result = screen_file(file)?;
    let line = match format {
        OutputFormat::Jsonl => result.to_json()?,
        OutputFormat::Text => {
            screening::screening_text_report(&result, None, Some(screening::lexicon()?))
        }
    };
    Ok((line, result.verdict == Verdict::Unreadable))
}

fn screen_file(file: &Path) -> anyhow::Result<screening::Screening> {
    let (name, bytes) = read(file);
    Ok(match bytes {
        Ok(bytes) => screening::prepare(&name, &bytes).screen(screening::lexicon()?),
        Err(reason) => unreadable(&name, reason)?,
    })
}

pub(crate) fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(_) => return files.push(path.to_path_buf()),
        };
        entries.sort();
        for entry in entries {
            collect(&entry, files);
        }
    } else {
        files.push(path.to_path_buf());
    }
}

/// The document's name and bytes, reading at most one byte more than the size limit, so a
/// huge file (or stream) is refused without being held in memory.
pub(crate) fn read(path: &Path) -> (String, Result<Vec<u8>, String>) {
    let limit = screening::Limits::default().max_file_bytes;
    if path.as_os_str() == "-" {
        return ("-".into(), read_bounded(std::io::stdin().lock(), limit, 0));
    }
    let name = path.display().to_string();
    let result = std::fs::File::open(path)
        .map_err(|e| format!("cannot read the file: {e}"))
        .and_then(|file| {
            let size = file.metadata().map_or(0, |m| m.len());
            match usize::try_from(size) {
                Ok(size) if size <= limit => read_bounded(file, limit, size),
                _ => Err(too_large(
                    usize::try_from(size).unwrap_or(usize::MAX),
                    limit,
                )),
            }
        });
    (name, result)
}

/// Reads to the end, or refuses once more than `limit` bytes have come (a file that grows
/// while read, or standard input). `expected` bytes (a file's size) are room made up front,
/// so a document is read in one go instead of into a buffer grown and copied step by step.
fn read_bounded(source: impl Read, limit: usize, expected: usize) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::with_capacity(expected.min(limit).saturating_add(1));
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    source
        .take(cap)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read the file: {e}"))?;
    if bytes.len() > limit {
        return Err(format!("more than {limit} bytes, above the limit"));
    }
    Ok(bytes)
}

fn too_large(size: usize, limit: usize) -> String {
    grip_screen::ExtractError::TooLarge { size, limit }.to_string()
}

/// A file that could not even be read still gets its line, with the reason.
fn unreadable(name: &str, reason: String) -> anyhow::Result<screening::Screening> {
    // Screening empty content yields the contract's unreadable shape; the reason replaces
    // the generic "empty" message.
    let mut result = screening::screen(name, &[])?;
    result.verdict = Verdict::Unreadable;
    result.error = Some(reason);
    Ok(result)
}
