//! `grip demo`: build (or reuse) a demonstration database and serve it.

use super::DbArgs;
use super::serve::{ServeArgs, serve};
use anyhow::Context;
use clap::Args;
use grip_app::demo::{self, DemoOutcome, RegisterListing};
use std::path::PathBuf;
use std::process::ExitCode;

/// Where the public Algorithm Register listing is looked for when --register is not given
/// (the repository's sibling `shared/` folder, as in development and CI).
const REGISTER_CANDIDATES: [&str; 2] = [
    "../shared/corpora/algoritmeregister/algoritmeregister_listing_2026-08-08.json",
    "shared/corpora/algoritmeregister/algoritmeregister_listing_2026-08-08.json",
];

#[derive(Args)]
pub struct DemoArgs {
    /// Address to serve on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub bind: String,
    /// Only build the database; do not serve.
    #[arg(long)]
    pub no_serve: bool,
    /// Password of every demo account.
    #[arg(long, default_value = demo::DEFAULT_PASSWORD)]
    pub demo_password: String,
    /// The Algorithm Register listing (JSON) to import into the inventory.
    #[arg(long, value_name = "FILE")]
    pub register: Option<PathBuf>,
}

pub async fn run(db: &DbArgs, args: DemoArgs) -> anyhow::Result<ExitCode> {
    let app = db.open().await?;
    let register_path = args.register.clone().or_else(|| {
        REGISTER_CANDIDATES
            .iter()
            .map(PathBuf::from)
            .find(|p| p.is_file())
    });
    let bytes = match &register_path {
        Some(path) => {
            Some(std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?)
        }
        None => None,
    };
    let listing = bytes.as_deref().map(|bytes| RegisterListing { bytes });
    let outcome = demo::load(&app, &args.demo_password, listing).await?;
    match &outcome {
        DemoOutcome::Created {
            dossiers,
            register_imported,
        } => {
            println!(
                "Demo database built in {}: {dossiers} dossiers.",
                db.target().describe()
            );
            match &register_path {
                Some(p) => println!(
                    "Imported {register_imported} entries of the Algorithm Register from {}.",
                    p.display()
                ),
                None => println!(
                    "No Algorithm Register listing found (use --register FILE); the inventory holds the demo systems only."
                ),
            }
        }
        DemoOutcome::AlreadyPresent { organisation } => {
            println!(
                "{} already holds data ({organisation}); reusing it unchanged.",
                db.target().describe()
            );
        }
    }
    if args.no_serve {
        return Ok(ExitCode::SUCCESS);
    }
    let serve_args = ServeArgs {
        bind: args.bind,
        secure_cookies: false,
        max_connections: 1024,
        header_timeout_secs: 10,
    };
    let password = if matches!(outcome, DemoOutcome::AlreadyPresent { .. }) {
        "(as set when the demo was built)".to_string()
    } else {
        args.demo_password.clone()
    };
    serve(app, &serve_args, |url| {
        println!("\nGrip demo: open {url}");
        println!("Accounts (password {password}):");
        for (name, role) in demo::ACCOUNTS {
            println!("  {name:<16} {}", role.label_nl());
        }
        println!("Stop with Ctrl-C.");
    })
    .await?;
    Ok(ExitCode::SUCCESS)
}
