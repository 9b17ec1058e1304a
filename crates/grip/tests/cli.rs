//! The `grip` binary from outside: demo, audit verification after tampering, clear errors
//! for bad databases and busy ports, and two server processes sharing one PostgreSQL database.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

use sqlx::Executor;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

fn grip() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_grip"));
    cmd.env_remove("GRIP_DATABASE_URL").env("GRIP_LOG", "error");
    cmd
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("grip-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("run grip")
}

async fn sqlite_pool(dir: &Path) -> sqlx::AnyPool {
    sqlx::any::install_default_drivers();
    let url = format!(
        "sqlite://{}/grip.sqlite",
        dir.canonicalize().unwrap().display()
    );
    sqlx::AnyPool::connect(&url).await.unwrap()
}

#[tokio::test]
async fn demo_builds_once_verifies_and_tampering_is_named() {
    let dir = temp_dir("demo");
    let data = dir.to_str().unwrap();
    let first = run(grip().args([
        "demo",
        "--no-serve",
        "--data-dir",
        data,
        "--register",
        "/nonexistent.json",
    ]));
    assert!(
        !first.status.success(),
        "a missing register file is an error"
    );
    let first = run(grip().args(["demo", "--no-serve", "--data-dir", data]));
    assert!(first.status.success(), "{}", text(&first));
    let second = run(grip().args(["demo", "--no-serve", "--data-dir", data]));
    assert!(second.status.success());
    assert!(
        text(&second).contains("reusing it unchanged"),
        "{}",
        text(&second)
    );

    let verify = run(grip().args(["audit", "verify", "--data-dir", data]));
    assert!(verify.status.success(), "{}", text(&verify));
    assert!(text(&verify).contains("intact"));

    let pool = sqlite_pool(&dir).await;
    pool.execute("update audit_event set actor = 'mallory' where seq = 7")
        .await
        .unwrap();
    pool.close().await;
    let verify = run(grip().args(["audit", "verify", "--data-dir", data]));
    assert_eq!(verify.status.code(), Some(1));
    assert!(
        text(&verify).contains("sequence number 7"),
        "{}",
        text(&verify)
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn bad_databases_get_clear_messages() {
    let out = run(grip().args(["migrate", "--database-url", "mysql://localhost/grip"]));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("expected a URL starting with postgres:// or sqlite://"),
        "{}",
        text(&out)
    );
    let out = run(grip().args([
        "migrate",
        "--database-url",
        "postgres://nobody:secret@127.0.0.1:1/none",
    ]));
    assert_eq!(out.status.code(), Some(1));
    let message = text(&out);
    assert!(message.contains("cannot use the database"), "{message}");
    assert!(
        !message.contains("secret"),
        "passwords never appear in messages: {message}"
    );
}

#[test]
fn a_busy_port_is_reported() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let dir = temp_dir("port");
    let out = run(grip().args([
        "serve",
        "--bind",
        &addr,
        "--data-dir",
        dir.to_str().unwrap(),
    ]));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains(&format!("cannot listen on {addr}")),
        "{}",
        text(&out)
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// A `grip serve` child and the URL it announced.
struct Server(Child, String);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start_server(database_url: &str) -> Server {
    let mut child = grip()
        .args([
            "serve",
            "--bind",
            "127.0.0.1:0",
            "--database-url",
            database_url,
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line.trim().rsplit(' ').next().unwrap().to_string();
    assert!(url.starts_with("http://"), "{line}");
    Server(child, url)
}

fn post_dossier(url: &str, token: &str, title: &str) -> bool {
    let out = Command::new("curl")
        .args(["-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST"])
        .args([
            "-H",
            &format!("Authorization: Bearer {token}"),
            "-H",
            "Content-Type: application/json",
        ])
        .args([
            "-d",
            &format!("{{\"title\": \"{title}\"}}"),
            &format!("{url}/api/v1/dossiers"),
        ])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout) == "201"
}

#[tokio::test]
async fn two_servers_on_one_postgres_database_keep_one_linear_chain() {
    sqlx::any::install_default_drivers();
    let admin_url = grip_app::testing::postgres_admin_url();
    let name = format!("grip_cli_{}", std::process::id());
    let mut admin = <sqlx::AnyConnection as sqlx::Connection>::connect(&admin_url)
        .await
        .unwrap();
    admin
        .execute(sqlx::AssertSqlSafe(format!(
            "drop database if exists {name} with (force)"
        )))
        .await
        .unwrap();
    admin
        .execute(sqlx::AssertSqlSafe(format!("create database {name}")))
        .await
        .unwrap();
    let url = format!("{}/{name}", admin_url.rsplit_once('/').unwrap().0);

    // Two migrations at once: the advisory lock lets one win and the other find it done.
    let migrations: Vec<_> = (0..2)
        .map(|_| {
            grip()
                .args(["migrate", "--database-url", &url])
                .spawn()
                .unwrap()
        })
        .collect();
    for mut m in migrations {
        assert!(m.wait().unwrap().success());
    }
    let add = grip()
        .args([
            "user",
            "add",
            "inkoper",
            "--roles",
            "inkoper",
            "--database-url",
            &url,
        ])
        .env("GRIP_PASSWORD", "lang-genoeg-wachtwoord")
        .output()
        .unwrap();
    assert!(add.status.success(), "{}", text(&add));
    let token = run(grip().args([
        "token",
        "create",
        "--user",
        "inkoper",
        "--database-url",
        &url,
    ]));
    let token = String::from_utf8_lossy(&token.stdout).trim().to_string();
    assert!(token.starts_with("grip_"));

    let servers = [start_server(&url), start_server(&url)];
    let urls: Vec<String> = servers.iter().map(|s| s.1.clone()).collect();
    let writers: Vec<_> = (0..8)
        .map(|w| {
            let (urls, token) = (urls.clone(), token.clone());
            std::thread::spawn(move || {
                (0..10)
                    .filter(|i| {
                        post_dossier(
                            &urls[(w + i) % 2],
                            &token,
                            &format!("Schrijver {w} dossier {i}"),
                        )
                    })
                    .count()
            })
        })
        .collect();
    let created: usize = writers.into_iter().map(|w| w.join().unwrap()).sum();
    assert_eq!(created, 80);
    drop(servers);

    let verify = run(grip().args(["audit", "verify", "--database-url", &url]));
    assert!(verify.status.success(), "{}", text(&verify));
    assert!(
        text(&verify).contains("82 events verified"),
        "{}",
        text(&verify)
    );
    admin
        .execute(sqlx::AssertSqlSafe(format!(
            "drop database if exists {name} with (force)"
        )))
        .await
        .unwrap();
}
