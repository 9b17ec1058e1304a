//! `grip knowledge check [--dir DIR]`: load and validate every knowledge pack (the embedded
//! copies, or `DIR/<pack id>/`) and print one line per pack; non-zero exit on any problem.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use grip_knowledge::PackReport;
use sha2::{Digest, Sha256};

#[derive(Subcommand)]
pub enum KnowledgeCommand {
    /// Validate all knowledge packs and print id, version and content hash of each.
    Check {
        /// Directory holding one folder per pack (e.g. ./knowledge); default: the packs
        /// built into this binary.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

pub fn run(cmd: KnowledgeCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        KnowledgeCommand::Check { dir } => {
            let mut reports = grip_knowledge::check_packs(dir.as_deref());
            // The indicator lexicon and the portfolio live outside grip-knowledge (they are
            // owned by grip-screen and grip-app), but an operator checks all packs at once.
            reports.push(check_indicators(dir.as_deref()));
            reports.push(check_portfolio(dir.as_deref()));
            let mut ok = true;
            for report in &reports {
                ok &= report.is_ok();
                // A failed report already ends its problem list with a newline.
                if report.is_ok() {
                    println!("{report}");
                } else {
                    print!("{report}");
                }
            }
            Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
    }
}

fn origin(dir: Option<&Path>, id: &str) -> (String, Option<PathBuf>) {
    match dir {
        None => ("embedded".into(), None),
        Some(root) => {
            let path = root.join(id);
            (path.display().to_string(), Some(path))
        }
    }
}

fn check_indicators(dir: Option<&Path>) -> PackReport {
    let (origin, path) = origin(dir, "indicators");
    let (version, content_hash, problems) = match grip_screen::check_lexicon(path.as_deref()) {
        Ok((_, version, hash)) => (Some(version), Some(hash), vec![]),
        Err(error) => (None, None, vec![error.to_string()]),
    };
    PackReport {
        id: "indicators".into(),
        origin,
        version,
        content_hash,
        problems,
    }
}

fn check_portfolio(dir: Option<&Path>) -> PackReport {
    let (origin, path) = origin(dir, "portfolio");
    let text = match path {
        None => Ok(grip_app::portfolio::EMBEDDED.to_string()),
        Some(path) => std::fs::read_to_string(path.join("portfolio.toml"))
            .map_err(|e| format!("{}: {e}", path.join("portfolio.toml").display())),
    };
    let parsed = text.and_then(|text| {
        grip_app::portfolio::parse(&text).map(|pack| (pack, hex::encode(Sha256::digest(&text))))
    });
    let (version, content_hash, problems) = match parsed {
        Ok((pack, hash)) => (Some(pack.pack.version), Some(hash), vec![]),
        Err(problem) => (None, None, vec![problem]),
    };
    PackReport {
        id: "portfolio".into(),
        origin,
        version,
        content_hash,
        problems,
    }
}
