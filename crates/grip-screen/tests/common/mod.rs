//! Helpers shared by the integration tests: the embedded lexicon, the contract schema
//! validator, and small document builders (DOCX, ODT, PDF) so no binaries are committed.
#![allow(dead_code, unused_imports)]

pub use grip_screen::samples as builders;

use std::path::PathBuf;
use std::sync::OnceLock;

use grip_screen::Lexicon;

/// `/work/shared`, reached the same way from the worktree and from the main checkout.
pub fn shared_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::embedded().expect("embedded lexicon is valid"))
}

pub fn screening_validator() -> jsonschema::Validator {
    jsonschema::validator_for(&grip_screen::samples::contract_schema()).expect("schema compiles")
}
