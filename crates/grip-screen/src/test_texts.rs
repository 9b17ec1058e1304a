//! Real texts for unit tests that compare a fast path with the plain one: the public
//! screening cases and the Algorithm Register's titles and purposes from `../shared`.

/// The shared texts, or `None` (reported as skipped, naming `what` the caller leaves out)
/// when `../shared` is not next to the checkout.
///
/// # Panics
/// When `../shared` is there but a file is missing or yields no text.
#[track_caller]
pub(crate) fn shared_texts(what: &str) -> Option<Vec<String>> {
    let mut texts = Vec::new();
    for file in [
        "fixtures/screen/cases.json",
        "corpora/algoritmeregister/algoritmeregister_listing_2026-08-08.json",
    ] {
        let json = grip_test_support::shared_json(file, what)?;
        let before = texts.len();
        let items = json.as_array().or_else(|| json["algoritmes"].as_array());
        for item in items.into_iter().flatten() {
            for key in ["text", "title", "doel"] {
                if let Some(text) = item[key].as_str() {
                    texts.push(text.to_owned());
                }
            }
        }
        assert!(texts.len() > before, "no texts in ../shared/{file}");
    }
    Some(texts)
}
