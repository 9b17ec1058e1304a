#![no_main]
//! HTML extractor: fuzzer bytes after an HTML opener so detection routes them to html5ever.
mod common;
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let mut bytes = b"<!DOCTYPE html><html>".to_vec();
    bytes.extend_from_slice(data);
    common::screen(&bytes);
});
