//! `grip user …`, `grip token create`, `grip import register`: operator commands.

use super::DbArgs;
use anyhow::{Context, bail};
use clap::Subcommand;
use grip_app::register::{self, ImportedFile};
use grip_app::users::{self, Operator};
use grip_app::{Actor, Role, auth};
use grip_core::role::parse_role_list;
use grip_knowledge::Lang;
use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum UserCommand {
    /// Add a user. The password is read from stdin (--password-stdin) or GRIP_PASSWORD.
    Add {
        username: String,
        /// Comma-separated roles: inkoper, behoeftesteller, contractmanager, jurist, privacy,
        /// security, ai-expert, beoordelaar, beheerder, auditor.
        #[arg(long)]
        roles: String,
        #[arg(long, default_value = "")]
        display_name: String,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
    /// List users and their roles.
    List,
    /// Replace a user's roles.
    SetRoles {
        username: String,
        #[arg(long)]
        roles: String,
    },
    /// Set a new password (ends the user's sessions and revokes their API tokens).
    ResetPassword {
        username: String,
        #[arg(long)]
        password_stdin: bool,
    },
    /// Close an account: no sign-in; sessions end and API tokens are revoked.
    Deactivate { username: String },
    /// Open a closed account again (old API tokens stay revoked).
    Reactivate { username: String },
}

#[derive(Subcommand)]
pub enum TokenCommand {
    /// Create an API token for a user and print it once.
    Create {
        #[arg(long)]
        user: String,
        #[arg(long, default_value = "cli")]
        label: String,
    },
}

#[derive(Subcommand)]
pub enum ImportCommand {
    /// Import Algorithm Register files into the inventory: the register's listing, or entries
    /// in publication standard 1.0 (one object or a list, such as a supplier's template).
    /// Each file is one transaction; a refused file changes nothing.
    Register {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Import a spend file (CSV or XLSX of contracts or invoices) and place every line in a
    /// portfolio category. Columns are found by their header names; name them with
    /// `--column supplier=Crediteur` (fields: supplier, amount, date, description, cpv).
    Spend {
        file: PathBuf,
        #[arg(long = "column", value_name = "FIELD=HEADER")]
        columns: Vec<String>,
    },
}

fn read_password(from_stdin: bool) -> anyhow::Result<String> {
    if from_stdin {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .context("reading the password from stdin")?;
        return Ok(line.trim_end_matches(['\r', '\n']).to_string());
    }
    match std::env::var("GRIP_PASSWORD") {
        Ok(p) => Ok(p),
        Err(_) => bail!(
            "give the password with --password-stdin or the GRIP_PASSWORD environment variable"
        ),
    }
}

pub async fn user(db: &DbArgs, cmd: UserCommand) -> anyhow::Result<ExitCode> {
    let app = db.open().await?;
    match cmd {
        UserCommand::Add {
            username,
            roles,
            display_name,
            password_stdin,
        } => {
            let roles = parse_role_list(&roles).map_err(anyhow::Error::msg)?;
            let password = read_password(password_stdin)?;
            users::add_user(
                &app,
                Operator::Cli,
                &username,
                &display_name,
                &password,
                &roles,
            )
            .await?;
            println!("User '{username}' added.");
        }
        UserCommand::List => {
            for user in users::list_users(&app, Operator::Cli).await? {
                let roles: Vec<&str> = user.roles.iter().map(|r| r.id()).collect();
                let active = if user.active { "" } else { " (inactive)" };
                let last = user
                    .last_sign_in_at
                    .map_or_else(|| "never".to_string(), grip_app::format_ms);
                println!(
                    "{:<20} {:<30} {:<40} last sign-in {last}{active}",
                    user.username,
                    user.display_name,
                    roles.join(",")
                );
            }
        }
        UserCommand::SetRoles { username, roles } => {
            let roles = parse_role_list(&roles).map_err(anyhow::Error::msg)?;
            users::set_roles(&app, Operator::Cli, &username, &roles).await?;
            println!("Roles of '{username}' set.");
        }
        UserCommand::ResetPassword {
            username,
            password_stdin,
        } => {
            let password = read_password(password_stdin)?;
            users::reset_password(&app, Operator::Cli, &username, &password).await?;
            println!(
                "Password of '{username}' reset; their sessions have ended and their API \
                 tokens are revoked."
            );
        }
        UserCommand::Deactivate { username } => {
            users::deactivate(&app, Operator::Cli, &username).await?;
            println!("User '{username}' deactivated; their sessions and API tokens have ended.");
        }
        UserCommand::Reactivate { username } => {
            users::reactivate(&app, Operator::Cli, &username).await?;
            println!("User '{username}' can sign in again.");
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub async fn token(db: &DbArgs, cmd: TokenCommand) -> anyhow::Result<ExitCode> {
    let app = db.open().await?;
    let TokenCommand::Create { user, label } = cmd;
    let token = auth::create_api_token(&app, None, &user, &label).await?;
    eprintln!("API token for '{user}' (shown once; store it safely):");
    println!("{token}");
    Ok(ExitCode::SUCCESS)
}

pub async fn import(db: &DbArgs, cmd: ImportCommand) -> anyhow::Result<ExitCode> {
    let files = match cmd {
        ImportCommand::Register { files } => files,
        ImportCommand::Spend { file, columns } => {
            return super::spend::import(db, file, columns).await;
        }
    };
    let app = db.open().await?;
    // The command line acts as the administrator of the machine it runs on.
    let actor = Actor {
        user_id: "cli".into(),
        username: "cli".into(),
        roles: vec![Role::Beheerder],
    };
    let mut failed = false;
    for file in files {
        let bytes =
            std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
        match register::import_file(&app, &actor, &bytes).await {
            Ok(ImportedFile::Listing(report)) => println!(
                "{}: register listing, imported {} entries; {} were already present.",
                file.display(),
                report.imported,
                report.skipped
            ),
            Ok(ImportedFile::Standard(report)) => {
                println!(
                    "{}: publication standard 1.0, imported {} systems; {} were already present.",
                    file.display(),
                    report.imported,
                    report.skipped
                );
                for note in &report.notes {
                    println!("  entry {}: {}", note.entry, note.describe(Lang::En));
                }
            }
            Err(e) => {
                failed = true;
                eprintln!(
                    "grip: {} was not imported (nothing changed):",
                    file.display()
                );
                for line in e.lines() {
                    eprintln!("  {line}");
                }
            }
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
