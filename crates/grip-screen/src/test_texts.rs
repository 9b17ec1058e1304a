//! Real texts for unit tests that compare a fast path with the plain one: the public
//! screening cases and the Algorithm Register's titles and purposes, when `../shared` is
//! next to the checkout (empty otherwise).

pub(crate) fn shared_texts() -> Vec<String> {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let mut texts = Vec::new();
    for file in [
        "fixtures/screen/cases.json",
        "corpora/algoritmeregister/algoritmeregister_listing_2026-08-08.json",
    ] {
        let Ok(source) = std::fs::read_to_string(shared.join(file)) else {
            continue;
        };
        let json: serde_json::Value = serde_json::from_str(&source).expect("JSON");
        let items = json.as_array().or_else(|| json["algoritmes"].as_array());
        for item in items.into_iter().flatten() {
            for key in ["text", "title", "doel"] {
                if let Some(text) = item[key].as_str() {
                    texts.push(text.to_owned());
                }
            }
        }
    }
    texts
}

/// Texts made of up to `max_pieces` of `pieces` in any order: for property tests that need
/// what a pattern looks for close together, more often than random characters give it.
pub(crate) fn concatenations(
    pieces: &[&'static str],
    max_pieces: usize,
) -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::strategy::Strategy;
    proptest::collection::vec(proptest::sample::select(pieces.to_vec()), 0..max_pieces)
        .prop_map(|chosen| chosen.concat())
}
