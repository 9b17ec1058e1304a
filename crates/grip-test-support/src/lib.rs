//! What tests take from `../shared` (the public fixtures, contracts and corpora laid next to
//! the checkout), found from this crate's manifest so the shell's folder does not matter.
//! When `../shared` is absent a test says what it skipped and why; when it is present, every
//! file a test asks for must be there and hold something, so no comparison runs on nothing.
//! `GRIP_REQUIRE_SHARED=1` (CI sets it when `../shared` exists) makes absence a failure too.

use std::io::Write;
use std::panic::Location;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;

mod register_standard;
pub use register_standard::RegisterStandard;

/// Why a test skipped; `scripts/test.sh` repeats it in its summary.
pub const ABSENT: &str = "../shared is not next to this checkout";

/// `<checkout>/../shared`, or `None` (reported as a skip) when it is absent.
///
/// # Panics
/// When it is absent while `GRIP_REQUIRE_SHARED=1` says it must be there.
#[track_caller]
pub fn shared_dir() -> Option<&'static Path> {
    static DIR: OnceLock<Option<PathBuf>> = OnceLock::new();
    let dir = DIR.get_or_init(|| {
        let dir = expected_dir();
        dir.is_dir().then_some(dir)
    });
    if dir.is_none() && std::env::var_os("GRIP_REQUIRE_SHARED").is_some_and(|v| v == "1") {
        panic!(
            "GRIP_REQUIRE_SHARED=1 but {} is not a directory",
            expected_dir().display()
        );
    }
    dir.as_deref()
}

/// Where `../shared` should be: beside the checkout whose test runs. The manifest folder is
/// read when the test runs (cargo sets it for the test's crate, one level below `crates/` as
/// this one is): a target directory shared by two checkouts may run a binary of this crate
/// compiled in the other one, whose built-in path would point beside that other checkout.
fn expected_dir() -> PathBuf {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from);
    // crates/<crate> -> the checkout -> its parent.
    manifest.join("../../../shared")
}

/// `../shared/<relative>`, or `None` when `../shared` is absent; `what` names what the
/// test leaves out then (the whole test, or the part that reads this file).
///
/// # Panics
/// When `../shared` is there but `relative` is not.
#[track_caller]
pub fn shared_path(relative: &str, what: &str) -> Option<PathBuf> {
    let Some(dir) = shared_dir() else {
        skipped(what);
        return None;
    };
    let path = dir.join(relative);
    assert!(
        path.exists(),
        "{} is missing from ../shared: the data set this test needs has moved or gone",
        path.display()
    );
    Some(path)
}

/// The JSON file `../shared/<relative>`, or `None` when `../shared` is absent.
///
/// # Panics
/// When `../shared` is there but the file is missing, unreadable, not JSON or empty.
#[track_caller]
pub fn shared_json(relative: &str, what: &str) -> Option<Value> {
    let path = shared_path(relative, what)?;
    let json = read_json(&path);
    assert!(
        !(json.is_null()
            || json.as_array().is_some_and(Vec::is_empty)
            || json.as_object().is_some_and(serde_json::Map::is_empty)),
        "{} holds nothing",
        path.display()
    );
    Some(json)
}

/// The `.json` files in the folder `../shared/<relative>`, sorted, or `None` when
/// `../shared` is absent.
///
/// # Panics
/// When `../shared` is there but the folder is missing or holds no JSON file.
#[track_caller]
pub fn shared_json_files(relative: &str, what: &str) -> Option<Vec<PathBuf>> {
    Fixtures::open(relative, what).map(|fixtures| fixtures.files())
}

/// A folder of JSON fixtures in `../shared`, such as `fixtures/classify`.
pub struct Fixtures(PathBuf);

impl Fixtures {
    /// The folder, or `None` (reported, naming `what` the test leaves out) without `../shared`.
    ///
    /// # Panics
    /// When `../shared` is there but the folder is not.
    #[track_caller]
    pub fn open(relative: &str, what: &str) -> Option<Self> {
        shared_path(relative, what).map(Self)
    }

    /// Its `.json` files, sorted.
    ///
    /// # Panics
    /// When the folder is unreadable or holds no JSON file.
    pub fn files(&self) -> Vec<PathBuf> {
        let dir = &self.0;
        let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        let mut files: Vec<PathBuf> = entries
            .map(|entry| {
                entry
                    .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                    .path()
            })
            .filter(|path| path.extension().is_some_and(|x| x == "json"))
            .collect();
        assert!(!files.is_empty(), "no JSON files in {}", dir.display());
        files.sort();
        files
    }

    /// The fixture `<name>.json`.
    ///
    /// # Panics
    /// When it is missing or not JSON.
    pub fn json(&self, name: &str) -> Value {
        read_json(&self.0.join(format!("{name}.json")))
    }
}

/// Reads and parses one JSON file, naming it when that fails.
///
/// # Panics
/// When the file is unreadable or not JSON.
pub fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// One of the fixed JSON contracts in `../shared/contracts/`, compiled; without
/// `../shared` it accepts everything, having reported that its checks are skipped.
pub struct Contract(Option<jsonschema::Validator>);

impl Contract {
    /// `grip.screening/1`.
    #[track_caller]
    pub fn screening() -> Self {
        Self::load("screening.schema.json")
    }

    /// `grip.classification/1`.
    #[track_caller]
    pub fn classification() -> Self {
        Self::load("classification.schema.json")
    }

    /// `grip.system-profile/1`.
    #[track_caller]
    pub fn system_profile() -> Self {
        Self::load("system-profile.schema.json")
    }

    /// `grip.change-triage/1`.
    #[track_caller]
    pub fn change_triage() -> Self {
        Self::load("change-triage.schema.json")
    }

    /// `grip.contract-baseline/1`.
    #[track_caller]
    pub fn contract_baseline() -> Self {
        Self::load("contract-baseline.schema.json")
    }

    /// The schema itself, when `../shared` is there.
    #[track_caller]
    pub fn schema(file: &str) -> Option<Value> {
        shared_json(
            &format!("contracts/{file}"),
            &format!("the checks against contracts/{file}"),
        )
    }

    #[track_caller]
    fn load(file: &str) -> Self {
        Self(Self::schema(file).map(|schema| {
            jsonschema::validator_for(&schema)
                .unwrap_or_else(|e| panic!("contracts/{file} does not compile: {e}"))
        }))
    }

    /// Whether the contract is really checked (false without `../shared`).
    pub fn is_checked(&self) -> bool {
        self.0.is_some()
    }

    pub fn is_valid(&self, instance: &Value) -> bool {
        self.0.as_ref().is_none_or(|v| v.is_valid(instance))
    }

    /// The contract's complaints about `instance`, as readable lines (empty = valid).
    pub fn violations(&self, instance: &Value) -> Vec<String> {
        self.0.as_ref().map_or_else(Vec::new, |v| {
            v.iter_errors(instance)
                .map(|e| format!("{}: {e}", e.instance_path()))
                .collect()
        })
    }
}

/// Says on the terminal (past the test harness's capture) and in `$GRIP_SKIP_LOG` (read by
/// `scripts/test.sh` for its summary) which test left out what, and why.
#[track_caller]
pub fn skipped(what: &str) {
    let thread = std::thread::current();
    let line = format!(
        "skipped  {} {}: {what}: {ABSENT}\n",
        Location::caller().file(),
        thread.name().unwrap_or("(unnamed test)"),
    );
    // Straight to the stream: the harness captures `eprintln!` of a passing test.
    let _ = std::io::stderr().write_all(line.as_bytes());
    if let Some(log) = std::env::var_os("GRIP_SKIP_LOG") {
        let _ = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .and_then(|mut file| file.write_all(line.as_bytes()));
    }
}
