//! The term automaton: every occurrence of every folded term, overlapping ones included.
//! For the embedded pack its table was built by the build script from
//! `src/lexicon/embedded_terms.txt` and is used where it lies; any other term list (a pack
//! loaded from a folder, or an embedded pack whose list file is stale) gets its table
//! built at load.

use super::Aligned;
use super::term_table::TermTable;

// `EMBEDDED_TERMS` (the list, one term per line) and `EMBEDDED_TERM_TABLE`, from build.rs.
include!(concat!(env!("OUT_DIR"), "/precompiled_terms.rs"));

#[derive(Debug)]
pub(crate) struct TermAutomaton {
    table: TermTable,
    /// The terms by number (a match state only says where a term ends, not its length).
    terms: Vec<String>,
    /// The longest term's length in bytes.
    longest: usize,
}

impl TermAutomaton {
    pub(crate) fn new(terms: &[String]) -> Result<TermAutomaton, String> {
        let table = match precompiled(terms) {
            Some(table) => table,
            None => TermTable::build(terms)?,
        };
        Ok(TermAutomaton {
            table,
            terms: terms.to_vec(),
            longest: terms.iter().map(String::len).max().unwrap_or(0),
        })
    }

    #[cfg(test)]
    pub(crate) fn is_precompiled(&self) -> bool {
        self.table.is_borrowed()
    }

    #[cfg(test)]
    pub(crate) fn terms(&self) -> &[String] {
        &self.terms
    }

    /// Calls `on_match(term, start, end)` for every occurrence of every term in `haystack`,
    /// overlapping ones included, in order of their ends.
    pub(crate) fn for_each_overlapping(
        &self,
        haystack: &[u8],
        mut on_match: impl FnMut(usize, usize, usize),
    ) {
        self.table
            .for_each_overlapping(haystack, self.longest, |term, end| {
                on_match(term, end - self.terms[term].len(), end)
            });
    }
}

/// The build script's table, when it was made from exactly these terms.
fn precompiled(terms: &[String]) -> Option<TermTable> {
    if !EMBEDDED_TERMS.lines().eq(terms.iter().map(String::as_str)) {
        return None;
    }
    TermTable::from_words(bytemuck::try_cast_slice(&EMBEDDED_TERM_TABLE.0).ok()?)
}

#[cfg(test)]
mod tests {
    use aho_corasick::{AhoCorasick, MatchKind};

    use super::*;

    fn occurrences(automaton: &TermAutomaton, text: &str) -> Vec<(usize, usize, usize)> {
        let mut found = Vec::new();
        automaton.for_each_overlapping(text.as_bytes(), |t, s, e| found.push((t, s, e)));
        found.sort_unstable();
        found
    }

    /// The build script's table is the one built at load, word for word.
    #[test]
    fn precompiled_table_is_the_built_one() {
        let terms: Vec<String> = EMBEDDED_TERMS.lines().map(str::to_owned).collect();
        assert!(terms.len() > 500);
        let precompiled = TermAutomaton::new(&terms).unwrap();
        assert!(precompiled.is_precompiled());
        assert_eq!(
            precompiled.table.to_words(),
            TermTable::build(&terms).unwrap().to_words()
        );
    }

    /// The table finds every occurrence Aho-Corasick's own overlapping search finds, at
    /// the ends of texts too, on the register texts.
    #[test]
    fn table_finds_what_aho_corasick_finds() {
        let terms: Vec<String> = EMBEDDED_TERMS.lines().map(str::to_owned).collect();
        let automaton = TermAutomaton::new(&terms).unwrap();
        let reference = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&terms)
            .unwrap();
        let Some(mut texts) = crate::test_texts::shared_texts("the whole test") else {
            return;
        };
        texts.extend(terms.iter().take(50).cloned());
        let mut total = 0;
        for text in &texts {
            let text = crate::lexicon::fold_text(text).text;
            let found = occurrences(&automaton, &text);
            let mut expected: Vec<_> = reference
                .find_overlapping_iter(&text)
                .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                .collect();
            expected.sort_unstable();
            assert_eq!(found, expected, "{text}");
            total += found.len();
        }
        assert!(total > 1000, "{total}");
    }

    /// Long haystacks are searched in parts side by side: they report what one search of
    /// the whole reports, in the same order (by end), also for occurrences that cross a
    /// part's edge or lie inside a part's lead-in.
    #[test]
    fn parts_searched_side_by_side_find_what_one_search_finds() {
        let terms: Vec<String> = EMBEDDED_TERMS.lines().map(str::to_owned).collect();
        let automaton = TermAutomaton::new(&terms).unwrap();
        let mut texts: Vec<String> = crate::test_texts::shared_texts("the register texts")
            .unwrap_or_default()
            .join("\n")
            .as_bytes()
            .chunks(100_000)
            .map(fold_lossy)
            .collect();
        // Terms right across every possible part edge of a 6,000-byte text.
        let filler = "x".repeat(6_000);
        for term in terms.iter().filter(|t| t.len() > 3).take(40) {
            for edge in [1_500, 3_000, 4_500] {
                for shift in 0..term.len() {
                    let at = edge - shift;
                    texts.push(format!(
                        "{}{term}{}",
                        &filler[..at],
                        &filler[at + term.len()..]
                    ));
                }
            }
        }
        let mut total = 0;
        for text in &texts {
            let mut found = Vec::new();
            automaton.for_each_overlapping(text.as_bytes(), |t, s, e| found.push((t, s, e)));
            assert!(found.is_sorted_by_key(|&(_, _, end)| end), "{text}");
            let mut alone = Vec::new();
            automaton
                .table
                .run_part(text.as_bytes(), 0, automaton.table.start(), &mut alone);
            let mut expected = Vec::new();
            automaton.table.report_ends(&alone, 0, &mut |t, e| {
                expected.push((t, e - terms[t].len(), e))
            });
            assert_eq!(found, expected);
            total += found.len();
        }
        assert!(total > 1_000, "{total}");
    }

    fn fold_lossy(bytes: &[u8]) -> String {
        crate::lexicon::fold_text(&String::from_utf8_lossy(bytes)).text
    }

    proptest::proptest! {
        #[test]
        fn parts_agree_with_aho_corasick(
            text in crate::test_texts::concatenations(
                &["ai", "machine learning", "learning", "ml", " ", "earn", "machin", "é",
                    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "mach", "ine "],
                900,
            )
        ) {
            let terms = vec![
                "ai".to_owned(),
                "machine learning".to_owned(),
                "learning".to_owned(),
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".to_owned(),
            ];
            let automaton = TermAutomaton::new(&terms).unwrap();
            let reference = AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(&terms)
                .unwrap();
            let mut expected: Vec<_> = reference
                .find_overlapping_iter(&text)
                .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                .collect();
            expected.sort_unstable();
            proptest::prop_assert_eq!(occurrences(&automaton, &text), expected);
        }
    }

    #[test]
    fn another_term_list_is_built_at_load() {
        let terms = vec![
            "ai".to_owned(),
            "machine learning".to_owned(),
            "learning".to_owned(),
        ];
        let automaton = TermAutomaton::new(&terms).unwrap();
        assert!(!automaton.is_precompiled());
        assert_eq!(
            occurrences(&automaton, "ai and machine learning"),
            [(0, 0, 2), (1, 7, 23), (2, 15, 23)]
        );
    }

    /// Words that do not have the table's layout are refused, not used.
    #[test]
    fn malformed_words_are_refused() {
        let terms = vec!["ai".to_owned(), "ml".to_owned()];
        let words = TermTable::build(&terms).unwrap().to_words();
        let words: &'static [u32] = Vec::leak(words);
        assert!(TermTable::from_words(words).is_some());
        assert!(TermTable::from_words(&words[..words.len() - 1]).is_none());
        assert!(TermTable::from_words(&words[..3]).is_none());
        let mut wrong_format = words.to_vec();
        wrong_format[0] ^= 1;
        assert!(TermTable::from_words(Vec::leak(wrong_format)).is_none());
        // The header's start (word 3) and first match state (word 4) must be rows inside
        // the transitions.
        let mut start_between_rows = words.to_vec();
        start_between_rows[3] += 1;
        assert!(TermTable::from_words(Vec::leak(start_between_rows)).is_none());
        let mut matches_past_the_end = words.to_vec();
        matches_past_the_end[4] = u32::MAX - 1;
        assert!(TermTable::from_words(Vec::leak(matches_past_the_end)).is_none());
    }
}
