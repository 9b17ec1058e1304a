//! `grip knowledge check [--dir DIR]`: load and validate every knowledge pack (the embedded
//! copies, or `DIR/<pack id>/`) and print one line per pack; non-zero exit on any problem.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;

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
            let reports = grip_knowledge::check_packs(dir.as_deref());
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
