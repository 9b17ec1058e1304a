#![no_main]
//! PDF extractor: raw bytes, prefixed with a PDF header so detection routes them to lopdf.
mod common;
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend_from_slice(data);
    common::screen(&bytes);
    common::screen(data);
});
