//! `grip export package`: write a dossier's tender package (newest or a given version) as
//! DOCX, PDF, Markdown or JSON. Reading only, so it acts as a read-only operator.

use super::DbArgs;
use anyhow::Context;
use clap::{Args, Subcommand};
use grip_app::classification::Lang;
use grip_app::packages::{self, ExportFormat};
use grip_app::{Actor, Role};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum ExportCommand {
    /// The tender package of a dossier.
    Package(PackageArgs),
}

#[derive(Args)]
pub struct PackageArgs {
    /// The dossier's id.
    #[arg(long)]
    dossier: String,
    /// docx, pdf, md or json.
    #[arg(long)]
    format: String,
    /// Where to write the document.
    #[arg(long)]
    out: PathBuf,
    /// A package version; default the newest.
    #[arg(long)]
    version: Option<i64>,
    /// nl (default) or en.
    #[arg(long, default_value = "nl")]
    lang: String,
    /// The supplier (id) the package is addressed to; it then also holds the questions that
    /// quote that supplier's own documents. Default: every bidder, quoting no document.
    #[arg(long)]
    supplier: Option<String>,
}

/// The command line reads as the auditor does: everything, changing nothing.
fn operator() -> Actor {
    Actor {
        user_id: "cli".into(),
        username: "cli".into(),
        roles: vec![Role::Auditor],
    }
}

pub async fn run(db: &DbArgs, cmd: ExportCommand) -> anyhow::Result<ExitCode> {
    let ExportCommand::Package(args) = cmd;
    let Some(format) = ExportFormat::parse(&args.format) else {
        eprintln!(
            "grip: unknown format '{}'; use {}",
            args.format,
            ExportFormat::NAMES
        );
        return Ok(ExitCode::from(2));
    };
    let lang = match args.lang.as_str() {
        "nl" => Lang::Nl,
        "en" => Lang::En,
        other => {
            eprintln!("grip: unknown language '{other}'; use nl or en");
            return Ok(ExitCode::from(2));
        }
    };
    let app = db.open().await?;
    let exported = packages::export(
        &app,
        &operator(),
        &args.dossier,
        args.version,
        format,
        lang,
        args.supplier.as_deref(),
    )
    .await
    .with_context(|| format!("cannot export the package of dossier {}", args.dossier))?;
    std::fs::write(&args.out, &exported.bytes)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    println!(
        "Wrote {} ({} bytes, {}).",
        args.out.display(),
        exported.bytes.len(),
        exported.media_type
    );
    Ok(ExitCode::SUCCESS)
}
