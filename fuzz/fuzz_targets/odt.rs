#![no_main]
//! ODT extractor: fuzzer bytes as content.xml (and styles.xml) inside a valid ZIP.
mod common;
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let mimetype: &[u8] = b"application/vnd.oasis.opendocument.text";
    common::screen(&common::zip_with("content.xml", data, &[("mimetype", mimetype)]));
    common::screen(&common::zip_with("styles.xml", data, &[("mimetype", mimetype), ("content.xml", b"<a/>")]));
});
