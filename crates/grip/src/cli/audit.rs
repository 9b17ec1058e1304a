//! `grip audit verify`: re-walk the hash chain; exit 1 naming the first broken link.

use super::DbArgs;
use clap::Subcommand;
use grip_core::audit::Verification;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum AuditCommand {
    /// Verify the whole audit chain.
    Verify,
}

pub async fn run(db: &DbArgs, cmd: AuditCommand) -> anyhow::Result<ExitCode> {
    let AuditCommand::Verify = cmd;
    let app = db.open().await?;
    match grip_app::audit::verify(&app, None).await? {
        Verification::Intact { events } => {
            println!("Audit chain intact: {events} events verified.");
            Ok(ExitCode::SUCCESS)
        }
        Verification::Broken(broken) => {
            eprintln!(
                "Audit chain BROKEN at sequence number {}: {broken}",
                broken.seq()
            );
            Ok(ExitCode::FAILURE)
        }
        Verification::SealBroken { decisions } => {
            eprintln!(
                "Audit chain intact, but sealed decision records were changed after sealing: {}",
                decisions.join(", ")
            );
            Ok(ExitCode::FAILURE)
        }
    }
}
