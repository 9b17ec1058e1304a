//! Helpers shared by the integration tests: the embedded lexicon, the contract schema
//! validator, and small document builders (DOCX, ODT, PDF) so no binaries are committed.
#![allow(
    dead_code,
    unused_imports,
    reason = "each test binary uses its own part of these helpers, so the lint fires in some \
    binaries and not in others, where `expect` would fail"
)]

pub use grip_screen::samples as builders;

use std::sync::OnceLock;

use grip_screen::Lexicon;

pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::embedded().expect("embedded lexicon is valid"))
}

/// The `grip.screening/1` contract from `../shared` (accepting all, reported, without it).
#[track_caller]
pub fn screening_validator() -> grip_test_support::Contract {
    grip_test_support::Contract::screening()
}
