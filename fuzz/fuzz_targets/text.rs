#![no_main]
//! Text/Markdown path: decoding (UTF-8/UTF-16/1252), normalisation and the whole analysis.
mod common;
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::screen(data);
});
