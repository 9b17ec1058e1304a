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
    /// Systems as entries in the Algorithm Register publication standard (a JSON list).
    Register(RegisterArgs),
}

#[derive(Args)]
pub struct RegisterArgs {
    /// The version of the publication standard; 1.0 is the one there is.
    #[arg(long, default_value = "1.0")]
    standard: String,
    /// One system (inventory id); default every system with a register entry.
    #[arg(long)]
    system: Option<String>,
    /// Where to write the JSON list.
    #[arg(long)]
    out: PathBuf,
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
    match cmd {
        ExportCommand::Package(args) => package(db, args).await,
        ExportCommand::Register(args) => register(db, args).await,
    }
}

/// Writes the complete entries; says on stderr which systems were left out and why. Asked
/// for one system that cannot be exported, it writes nothing and fails.
async fn register(db: &DbArgs, args: RegisterArgs) -> anyhow::Result<ExitCode> {
    if args.standard != grip_register::standard::STANDARD_VERSION {
        eprintln!(
            "grip: unknown standard version '{}'; use {}",
            args.standard,
            grip_register::standard::STANDARD_VERSION
        );
        return Ok(ExitCode::from(2));
    }
    let app = db.open().await?;
    let report = grip_app::register::export(&app, &operator(), args.system.as_deref())
        .await
        .context("cannot export the register entries")?;
    for (name, publication) in &report.withheld {
        eprintln!("left out: {name}: {}", publication.reason.en);
    }
    for (name, problems) in &report.incomplete {
        eprintln!("left out: {name}: not yet complete:");
        for p in problems {
            eprintln!("  {}", p.describe(Lang::En));
        }
    }
    if args.system.is_some() && report.entries.is_empty() {
        eprintln!("grip: nothing written");
        return Ok(ExitCode::FAILURE);
    }
    let json = serde_json::to_vec_pretty(&report.entries)?;
    std::fs::write(&args.out, &json)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    println!(
        "Wrote {} entries in publication standard {} to {}.",
        report.entries.len(),
        args.standard,
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

async fn package(db: &DbArgs, args: PackageArgs) -> anyhow::Result<ExitCode> {
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
