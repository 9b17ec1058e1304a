//! `grip triage --baseline BASELINE.json NOTICE…|-`: triage supplier change notices against a
//! contract's AI baseline and print one `grip.change-triage/1` object per notice (JSON Lines,
//! input order). An unreadable notice gets its line with the reason; the exit code is then 1.

use anyhow::Context;
use clap::{Args, ValueEnum};
use grip_app::triage::{self, Baseline, Impact};
use grip_knowledge::Lang;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use super::screen::{collect, read};

/// Largest baseline file read: a baseline lists components, not documents.
const MAX_BASELINE_BYTES: u64 = 1 << 20;

#[derive(Args)]
pub struct TriageArgs {
    /// The contract's AI baseline (`grip.contract-baseline/1`, JSON).
    #[arg(long, value_name = "BASELINE.json")]
    pub baseline: PathBuf,
    /// Change notices (release notes, e-mails, documents) or directories; `-` reads one
    /// notice from standard input.
    #[arg(value_name = "NOTICE|-", required = true)]
    pub notices: Vec<PathBuf>,
    /// Language of the reasons.
    #[arg(long, value_enum, default_value = "nl")]
    pub lang: ReasonLang,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ReasonLang {
    Nl,
    En,
}

pub fn run(args: TriageArgs) -> anyhow::Result<ExitCode> {
    let baseline = load_baseline(&args.baseline)?;
    let lang = match args.lang {
        ReasonLang::Nl => Lang::Nl,
        ReasonLang::En => Lang::En,
    };
    let mut files = Vec::new();
    for input in &args.notices {
        collect(input, &mut files);
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut any_unreadable = false;
    for file in &files {
        let (name, bytes) = read(file);
        let assessment = match bytes {
            Ok(bytes) => triage::assess(&name, &bytes, &baseline)?,
            Err(reason) => grip_triage::unreadable_notice(&name, &reason),
        };
        any_unreadable |= assessment.impact == Impact::Unreadable;
        writeln!(out, "{}", assessment.to_contract(lang).to_json()?)?;
    }
    out.flush()?;
    Ok(if any_unreadable {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn load_baseline(path: &PathBuf) -> anyhow::Result<Baseline> {
    let file = std::fs::File::open(path)
        .with_context(|| format!("cannot read the baseline {}", path.display()))?;
    let mut text = String::new();
    std::io::Read::read_to_string(
        &mut std::io::Read::take(file, MAX_BASELINE_BYTES + 1),
        &mut text,
    )
    .with_context(|| format!("the baseline {} is not UTF-8 text", path.display()))?;
    if text.len() as u64 > MAX_BASELINE_BYTES {
        anyhow::bail!(
            "the baseline {} is larger than {MAX_BASELINE_BYTES} bytes",
            path.display()
        );
    }
    Baseline::parse(&text).with_context(|| format!("baseline {}", path.display()))
}
