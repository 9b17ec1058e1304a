//! Command-line parsing and dispatch. Each subcommand lives in its own module.

mod admin;
mod audit;
mod classify;
mod demo;
mod export;
mod knowledge;
mod listen;
mod screen;
mod serve;
mod spend;
mod triage;

use clap::{Args, Parser, Subcommand};
use grip_app::{App, DatabaseTarget};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "grip",
    version,
    about = "Grip: keep control over the AI inside what a public-sector buyer procures",
    long_about = "Grip helps a procurement organisation find, classify and control the AI inside the \
products and services it buys: dossiers per acquisition, a tamper-evident audit trail, a web \
interface and a REST API.\n\nData lives in a SQLite file under --data-dir (default ./grip-data) or in \
PostgreSQL (--database-url postgres://… or GRIP_DATABASE_URL).",
    after_help = "Start here:  grip demo            (demo data, served on http://127.0.0.1:8080)\n             grip serve --bind 0.0.0.0:8080"
)]
pub struct Cli {
    #[command(flatten)]
    pub db: DbArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Args, Clone)]
pub struct DbArgs {
    /// Directory holding the SQLite database (grip.sqlite); created when missing.
    #[arg(long, global = true, value_name = "DIR", default_value = "grip-data")]
    pub data_dir: PathBuf,
    /// Database URL (postgres://user@host/db); overrides --data-dir.
    #[arg(
        long,
        global = true,
        value_name = "URL",
        env = "GRIP_DATABASE_URL",
        hide_env_values = true
    )]
    pub database_url: Option<String>,
}

impl DbArgs {
    pub fn target(&self) -> DatabaseTarget {
        match &self.database_url {
            Some(url) => DatabaseTarget::Url(url.clone()),
            None => DatabaseTarget::DataDir(self.data_dir.clone()),
        }
    }

    /// Opens the database and applies pending migrations.
    pub async fn open(&self) -> anyhow::Result<App> {
        let target = self.target();
        App::open(&target)
            .await
            .map_err(|e| anyhow::anyhow!("cannot use the database at {}: {e}", target.describe()))
    }
}

#[derive(Subcommand)]
pub enum Command {
    /// Serve the web interface and the REST API.
    Serve(serve::ServeArgs),
    /// Build a demonstration database (police procurement service) and serve it.
    Demo(demo::DemoArgs),
    /// Create or update the database schema, then exit.
    Migrate,
    /// Manage users and their roles.
    #[command(subcommand)]
    User(admin::UserCommand),
    /// Manage API tokens.
    #[command(subcommand)]
    Token(admin::TokenCommand),
    /// Work with the audit trail.
    #[command(subcommand)]
    Audit(audit::AuditCommand),
    /// Import data from outside.
    #[command(subcommand)]
    Import(admin::ImportCommand),
    /// Print the REST API's OpenAPI document.
    Openapi,
    /// Screen documents for AI indicators (no database needed).
    Screen(screen::ScreenArgs),
    /// Triage supplier change notices against a contract's AI baseline (no database needed).
    Triage(triage::TriageArgs),
    /// Classify a system profile under the EU AI Act (no database needed).
    Classify(classify::ClassifyArgs),
    /// Work with the knowledge packs.
    #[command(subcommand)]
    Knowledge(knowledge::KnowledgeCommand),
    /// Write documents out of the database (tender packages).
    #[command(subcommand)]
    Export(export::ExportCommand),
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("grip: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Commands without a database run without the async runtime (and start faster without it).
fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Classify(args) => classify::run(args),
        Command::Screen(args) => screen::run(args),
        Command::Triage(args) => triage::run(args),
        Command::Knowledge(cmd) => knowledge::run(cmd),
        Command::Openapi => {
            println!("{}", grip_web::openapi_json());
            Ok(ExitCode::SUCCESS)
        }
        command => tokio::runtime::Runtime::new()
            .map_err(|e| anyhow::anyhow!("cannot start the async runtime: {e}"))?
            .block_on(run_with_database(&cli.db, command)),
    }
}

async fn run_with_database(db: &DbArgs, command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Serve(args) => serve::run(db, args).await,
        Command::Demo(args) => demo::run(db, args).await,
        Command::Migrate => {
            let app = db.open().await?;
            let version = app.store.database_schema_version().await?.unwrap_or(0);
            println!(
                "Database {} is at schema version {version}.",
                db.target().describe()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::User(cmd) => admin::user(db, cmd).await,
        Command::Token(cmd) => admin::token(db, cmd).await,
        Command::Audit(cmd) => audit::run(db, cmd).await,
        Command::Import(cmd) => admin::import(db, cmd).await,
        Command::Export(cmd) => export::run(db, cmd).await,
        Command::Classify(_)
        | Command::Screen(_)
        | Command::Triage(_)
        | Command::Knowledge(_)
        | Command::Openapi => {
            unreachable!("handled by `run` without the runtime")
        }
    }
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("GRIP_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn,grip=info,tower_http=warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
