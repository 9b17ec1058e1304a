#![no_main]
//! DOCX extractor: fuzzer bytes as word/document.xml inside a valid ZIP, and as a raw ZIP.
mod common;
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::screen(&common::zip_with("word/document.xml", data, &[]));
    common::screen(data);
});
