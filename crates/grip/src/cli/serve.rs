//! `grip serve`: the web interface and API on one address, until Ctrl-C.

use super::DbArgs;
use anyhow::Context;
use clap::Args;
use grip_app::App;
use std::process::ExitCode;

#[derive(Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", env = "GRIP_BIND")]
    pub bind: String,
    /// Mark cookies Secure (use when Grip is reached over HTTPS).
    #[arg(long, env = "GRIP_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// Most connections kept open at once; more wait in the listen queue.
    #[arg(long, default_value_t = 1024, env = "GRIP_MAX_CONNECTIONS")]
    pub max_connections: usize,
    /// Seconds a connection may take to send its request headers before it is closed.
    #[arg(long, default_value_t = 10, env = "GRIP_HEADER_TIMEOUT")]
    pub header_timeout_secs: u64,
}

pub async fn run(db: &DbArgs, args: ServeArgs) -> anyhow::Result<ExitCode> {
    let app = db.open().await?;
    serve(app, &args, |url| println!("Grip is listening on {url}")).await?;
    Ok(ExitCode::SUCCESS)
}

/// How often the worker looks for bulk screening jobs started by other instances.
const JOB_POLL: std::time::Duration = std::time::Duration::from_millis(500);

/// Binds first (so a busy port is reported before anything else), then serves.
pub async fn serve(app: App, args: &ServeArgs, announce: impl FnOnce(&str)) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(&args.bind).await.with_context(|| {
        format!("cannot listen on {} (is another grip or program using it? choose another with --bind)", args.bind)
    })?;
    let local = listener.local_addr().context("listening address")?;
    let stop = stop_requested();
    announce(&format!("http://{local}"));
    spawn_session_cleanup(app.clone());
    // Compile the screening lexicon now rather than on the first upload.
    tokio::task::spawn_blocking(|| {
        if let Err(e) = grip_app::screening::lexicon() {
            tracing::error!(error = %e, "the built-in indicator lexicon does not load");
        }
    });
    // Bulk screening jobs run in the background of every instance; leases keep several
    // instances on one PostgreSQL database from doing the same work.
    let worker = grip_app::bulk::WorkerHandle::spawn(app.clone(), JOB_POLL);
    let router = grip_web::router(
        app.clone(),
        grip_web::WebConfig {
            secure_cookies: args.secure_cookies,
        },
    );
    let limits = super::listen::ConnectionLimits {
        max_connections: args.max_connections,
        header_timeout: std::time::Duration::from_secs(args.header_timeout_secs.max(1)),
    };
    super::listen::run(listener, router, limits, stop).await;
    worker.stop(&app).await;
    app.store.close().await;
    Ok(())
}

/// Ctrl-C, or SIGTERM as service managers and `kill` send it: either stops accepting, lets
/// open requests finish and releases this instance's job leases. The SIGTERM handler is
/// installed when this is called, not when the future is first polled, so a signal sent as
/// soon as the server has announced itself is not lost.
fn stop_requested() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    let terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .map_err(|e| tracing::warn!(error = %e, "SIGTERM cannot be caught; stop with Ctrl-C"))
        .ok();
    async move {
        #[cfg(unix)]
        match terminate {
            Some(mut terminate) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = terminate.recv() => {}
                }
            }
            None => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
        tracing::info!("stopping: finishing open requests");
    }
}

/// Removes expired sessions every quarter of an hour while the server runs.
fn spawn_session_cleanup(app: App) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(15 * 60));
        loop {
            tick.tick().await;
            if let Err(e) = grip_app::auth::purge_expired_sessions(&app).await {
                tracing::warn!(error = %e, "could not remove expired sessions");
            }
        }
    });
}
