//! Test support: a fresh, migrated database per test, on SQLite (a temporary directory) or
//! PostgreSQL (a new database on the server named by `GRIP_TEST_POSTGRES_URL`, default
//! `postgres://postgres@127.0.0.1:5432/postgres`), dropped again by `finish`.

use crate::users::{Operator, add_user};
use crate::{Actor, App, DatabaseTarget, Role};
use sqlx::Executor;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestBackend {
    Sqlite,
    Postgres,
}

pub struct TestDb {
    pub app: App,
    pub target: DatabaseTarget,
    cleanup: Cleanup,
}

enum Cleanup {
    Dir(PathBuf),
    Database { admin_url: String, name: String },
}

pub fn postgres_admin_url() -> String {
    std::env::var("GRIP_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn unique_name() -> String {
    format!("grip_test_{}", uuid::Uuid::now_v7().simple())
}

/// Tests speak the first customer's markings, as its people type them.
async fn name_labels_as_the_police(app: &App) {
    let names = grip_core::LabelNames {
        public: "Openbaar".into(),
        internal: "Politie Intern".into(),
        confidential: "Politie Vertrouwelijk".into(),
        secret: "Politie Geheim".into(),
    };
    let mut conn = app.store.conn().await.expect("connection");
    grip_store::settings::put(
        &mut conn,
        crate::organisation::LABEL_NAMES_SETTING,
        &serde_json::to_string(&names).expect("names"),
        "test",
        0,
    )
    .await
    .expect("label names");
}

impl TestDb {
    pub async fn new(backend: TestBackend) -> TestDb {
        sqlx::any::install_default_drivers();
        let (target, cleanup) = match backend {
            TestBackend::Sqlite => {
                let dir = std::env::temp_dir().join(unique_name());
                (DatabaseTarget::DataDir(dir.clone()), Cleanup::Dir(dir))
            }
            TestBackend::Postgres => {
                let admin_url = postgres_admin_url();
                let name = unique_name();
                let mut admin = <sqlx::AnyConnection as sqlx::Connection>::connect(&admin_url)
                    .await
                    .unwrap_or_else(|e| {
                        panic!("PostgreSQL tests need a server at {admin_url} (set GRIP_TEST_POSTGRES_URL): {e}")
                    });
                admin
                    .execute(sqlx::AssertSqlSafe(format!("create database {name}")))
                    .await
                    .expect("create test database");
                let url = match admin_url.rsplit_once('/') {
                    Some((base, _)) => format!("{base}/{name}"),
                    None => panic!("GRIP_TEST_POSTGRES_URL must end in /DATABASE"),
                };
                (
                    DatabaseTarget::Url(url),
                    Cleanup::Database { admin_url, name },
                )
            }
        };
        let app = App::open(&target).await.expect("open test database");
        name_labels_as_the_police(&app).await;
        TestDb {
            app,
            target,
            cleanup,
        }
    }

    /// Closes the pool and removes the database.
    pub async fn finish(self) {
        self.app.store.close().await;
        match self.cleanup {
            Cleanup::Dir(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::Database { admin_url, name } => {
                if let Ok(mut admin) =
                    <sqlx::AnyConnection as sqlx::Connection>::connect(&admin_url).await
                {
                    let _ = admin
                        .execute(sqlx::AssertSqlSafe(format!(
                            "drop database if exists {name} with (force)"
                        )))
                        .await;
                }
            }
        }
    }
}

/// Creates a user with these roles (password `test-password`) and returns the actor.
pub async fn user(app: &App, username: &str, roles: &[Role]) -> Actor {
    let id = add_user(
        app,
        Operator::Cli,
        username,
        username,
        "test-password",
        roles,
    )
    .await
    .expect("create test user");
    Actor {
        user_id: id,
        username: username.into(),
        roles: roles.to_vec(),
    }
}

/// Runs `test` once on each backend.
#[macro_export]
macro_rules! on_both_backends {
    ($name:ident, |$db:ident| $body:block) => {
        mod $name {
            #[allow(
                unused_imports,
                reason = "a test body may use nothing of its file; `expect` would fail where it does"
            )]
            use super::*;
            async fn run($db: &$crate::testing::TestDb) $body
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let db = $crate::testing::TestDb::new($crate::testing::TestBackend::Sqlite).await;
                run(&db).await;
                db.finish().await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let db = $crate::testing::TestDb::new($crate::testing::TestBackend::Postgres).await;
                run(&db).await;
                db.finish().await;
            }
        }
    };
}

/// Waives the open mandatory checklist items of the dossier's phase, so that a test about
/// something else can move the dossier on. `actor` must be allowed to waive; the items of
/// other roles, which `actor` can only propose to waive, are confirmed by a second person
/// (a new administrator), as the four-eyes rule wants. At the award gate it also has an
/// award decision proposed by `actor` (a buyer) and sealed by new accounts in every role.
pub async fn clear_phase_gate(app: &App, actor: &Actor, dossier_id: &str) {
    clear_checklist(app, actor, dossier_id).await;
    let dossier = crate::dossiers::get(app, actor, dossier_id)
        .await
        .expect("dossier");
    if dossier.phase == crate::Phase::BeoordelingGunning && actor.has(Role::Inkoper) {
        seal_award_decision(app, actor, dossier_id).await;
    }
}

/// A go decision on the award gate, every interest weighed neutral, signed in every required
/// role by a new team member of that role (the buyer signs as buyer).
pub async fn seal_award_decision(app: &App, buyer: &Actor, dossier_id: &str) {
    use crate::award::decisions::{self, Proposal, WeighingInput};
    let weighing = decisions::interest_ids()
        .expect("interests")
        .into_iter()
        .map(|interest| WeighingInput {
            interest,
            weighing: grip_core::award::decision::Weighing::Neutral,
            note: String::new(),
            measures: String::new(),
        })
        .collect();
    let proposal = Proposal {
        gate: crate::Phase::BeoordelingGunning,
        outcome: grip_core::award::decision::Outcome::Go,
        conditions: String::new(),
        motivation: "Testbesluit.".into(),
        winning_bid: None,
        weighing,
        supersedes: None,
        supersede_reason: None,
    };
    let record = decisions::propose(app, buyer, dossier_id, proposal)
        .await
        .expect("proposal");
    for role in record.required_roles.clone() {
        let signer = if role == Role::Inkoper {
            buyer.clone()
        } else {
            let name = format!("{}-{}", role.id(), grip_store::new_id());
            let person = user(app, &name, &[role]).await;
            crate::dossiers::add_member(app, buyer, dossier_id, &name, role)
                .await
                .expect("signer joins the team");
            person
        };
        decisions::sign(app, &signer, &record.id, role)
            .await
            .expect("signature");
    }
}

/// Waives the open mandatory checklist items only (see `clear_phase_gate`).
pub async fn clear_checklist(app: &App, actor: &Actor, dossier_id: &str) {
    let list = crate::checklists::for_dossier(app, actor, dossier_id)
        .await
        .expect("checklist");
    let open: Vec<String> = list.open_mandatory().map(|i| i.check.id.clone()).collect();
    let mut second: Option<Actor> = None;
    for id in open {
        waive_item(app, actor, dossier_id, &id).await;
        let after = crate::checklists::for_dossier(app, actor, dossier_id)
            .await
            .expect("checklist");
        if after.open_mandatory().any(|i| i.check.id == id) {
            if second.is_none() {
                let name = format!("tweede-{}", grip_store::new_id());
                let admin = user(app, &name, &[Role::Beheerder]).await;
                // On the team, so that need-to-know lets them read a confidential dossier.
                crate::dossiers::add_member(app, actor, dossier_id, &name, Role::Beheerder)
                    .await
                    .expect("the second person joins the team");
                second = Some(admin);
            }
            if let Some(second) = &second {
                waive_item(app, second, dossier_id, &id).await;
            }
        }
    }
}

async fn waive_item(app: &App, actor: &Actor, dossier_id: &str, item: &str) {
    crate::checklists::set_status(
        app,
        actor,
        dossier_id,
        item,
        crate::checklists::CheckStatus::Waived,
        "niet van toepassing in deze test",
    )
    .await
    .expect("waive");
}

/// The demo account `username` (loaded by `demo::load`) acting in `role`.
pub async fn demo_actor(app: &App, username: &str, role: Role) -> Actor {
    let mut conn = app.store.conn().await.expect("connection");
    let row = grip_store::users::find_by_username(&mut conn, username)
        .await
        .expect("user lookup")
        .expect("demo account");
    Actor {
        user_id: row.id.into_string(),
        username: username.into(),
        roles: vec![role],
    }
}

/// Ends a screening job's lease at once, as if the worker holding it had crashed.
pub async fn expire_job_lease(app: &App, job_id: &str) {
    let mut conn = app.store.conn().await.expect("connection");
    grip_store::screening_jobs::expire_lease(&mut conn, job_id)
        .await
        .expect("expire lease");
}

/// A ZIP archive of these entries (deflated), for bulk screening tests.
pub fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in entries {
        writer.start_file(*name, options).expect("zip entry");
        writer.write_all(content).expect("zip content");
    }
    writer.finish().expect("zip").into_inner()
}

/// A ZIP whose one entry of zeros expands about a thousandfold.
pub fn zip_bomb() -> Vec<u8> {
    zip_of(&[("nullen.txt", &vec![0u8; 20 * 1024 * 1024])])
}
