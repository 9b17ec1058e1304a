#![no_main]
//! Bulk-upload ZIP expansion: fuzzer bytes as a raw archive, and as an entry (with a hostile
//! name taken from the data) inside a valid one. Any result is fine; a panic or an entry
//! beyond the limits is not.
mod common;
use grip_screen::{ArchiveLimits, expand_zip};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let limits = ArchiveLimits::default();
    let check = |bytes: &[u8]| {
        if let Ok(entries) = expand_zip(bytes, &limits) {
            assert!(entries.len() <= limits.max_entries);
        }
    };
    check(data);
    let split = data.len().min(40);
    let name = String::from_utf8_lossy(&data[..split]).into_owned();
    check(&common::zip_with(&name, &data[split..], &[("b.txt", b"tekst")]));
});
