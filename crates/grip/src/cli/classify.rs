//! `grip classify PROFILE.json|-`: classify one system profile under the AI Act and print the
//! compact `grip.classification/1` object. Works without a database; bad input exits 2.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use grip_app::classification::{self, Lang};
use jiff::civil::Date;

/// Exit code for input that is not a valid profile (clap uses 2 for bad arguments too).
const BAD_INPUT: u8 = 2;

#[derive(Args)]
pub struct ClassifyArgs {
    /// The `grip.system-profile/1` JSON file, or `-` for standard input.
    #[arg(value_name = "PROFILE.json|-")]
    pub profile: PathBuf,
    /// Evaluate the law as in force on this date (YYYY-MM-DD); default today.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<Date>,
    /// Also write a readable explanation of the rules that fired to standard error.
    #[arg(long)]
    pub explain: bool,
    /// Language of the explanation.
    #[arg(long, value_enum, default_value = "nl")]
    pub lang: ExplainLang,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ExplainLang {
    Nl,
    En,
}

fn parse_date(text: &str) -> Result<Date, String> {
    text.parse::<Date>()
        .map_err(|_| format!("expected a date as YYYY-MM-DD, found '{text}'"))
}

fn read_input(path: &PathBuf) -> Result<String, String> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read the profile from standard input: {e}"))?;
        return Ok(text);
    }
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

pub fn run(args: ClassifyArgs) -> anyhow::Result<ExitCode> {
    let text = match read_input(&args.profile) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("grip classify: {message}");
            return Ok(ExitCode::from(BAD_INPUT));
        }
    };
    let as_of = args.as_of.unwrap_or_else(classification::today);
    let outcome = match classification::classify_text(&text, as_of)? {
        Ok(outcome) => outcome,
        Err(err) => {
            eprintln!("grip classify: invalid profile: {err}");
            return Ok(ExitCode::from(BAD_INPUT));
        }
    };
    println!("{}", serde_json::to_string(&outcome.classification)?);
    if args.explain {
        let lang = match args.lang {
            ExplainLang::Nl => Lang::Nl,
            ExplainLang::En => Lang::En,
        };
        eprint!("{}", classification::explain_text(&outcome.trace, lang));
    }
    Ok(ExitCode::SUCCESS)
}
