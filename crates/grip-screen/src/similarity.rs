//! Text similarity for spotting boilerplate: answers that are near-identical across bids of
//! different suppliers, or that mostly repeat the question, suggest copied or machine-written
//! text rather than an offer made for this tender. Word shingles hashed with a stable hash, so
//! the same text gives the same shingles in every build and on every machine.

use std::collections::HashSet;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Words per shingle: three keeps common word pairs from matching while one changed word
/// still leaves most shingles intact.
pub const SHINGLE_WORDS: usize = 3;
/// Jaccard similarity from which two passages count as near-duplicates.
pub const NEAR_DUPLICATE: f64 = 0.6;
/// Share of an answer found in the question from which the answer counts as an echo.
pub const ECHOES_QUESTION: f64 = 0.5;
/// Fewer words than this are too short to judge: "Ja, dat leveren wij." repeats everywhere.
pub const MIN_WORDS: usize = 12;
/// Longest excerpt of shared text returned with a pair.
pub const EXCERPT_CHARS: usize = 200;

/// One supplier's text for one item, as compared with the others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// The bid the text belongs to.
    pub owner: String,
    /// The package item the text answers.
    pub key: String,
    pub text: String,
}

/// Two passages of different owners that are near-identical.
#[derive(Debug, Clone, PartialEq)]
pub struct DuplicatePair {
    /// Indexes into the passages given, `a < b`.
    pub a: usize,
    pub b: usize,
    /// Jaccard similarity of their shingles.
    pub similarity: f64,
    /// The longest run of words both share, as written in passage `a`, at most
    /// [`EXCERPT_CHARS`] characters, cut at a word boundary.
    pub excerpt: String,
}

/// The hashed word `k`-shingles of `text` after normalising it: NFKC, lower case, letters
/// (accents included), digits and combining marks kept, everything else a word break, and
/// apostrophes within words dropped. A text shorter than `k` words gives one shingle of all
/// its words; an empty text gives none.
pub fn shingles(text: &str, k: usize) -> HashSet<u64> {
    shingles_of(&Words::of(text).normalised(), k)
}

/// |a ∩ b| / |a ∪ b|; 0 when both are empty, as there is nothing to call alike.
pub fn jaccard(a: &HashSet<u64>, b: &HashSet<u64>) -> f64 {
    let shared = a.intersection(b).count();
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

/// The share of `part`'s shingles found in `whole`; 0 when `part` is empty.
pub fn containment(part: &HashSet<u64>, whole: &HashSet<u64>) -> f64 {
    if part.is_empty() {
        return 0.0;
    }
    part.intersection(whole).count() as f64 / part.len() as f64
}

/// Every pair of passages with different owners (any item key, since suppliers also reuse
/// text across items) whose Jaccard similarity is at least `threshold`, in index order.
/// Passages under [`MIN_WORDS`] words are skipped.
///
/// Cost: every pair is compared, O(n²) set intersections, plus a word-by-word search for the
/// excerpt of each pair found. Fine for the hundreds of passages of one tender; thousands
/// would call for min-hashing first.
pub fn near_duplicates(passages: &[Passage], threshold: f64) -> Vec<DuplicatePair> {
    let prepared: Vec<Option<Prepared>> = passages
        .iter()
        .map(|passage| Prepared::of(&passage.text))
        .collect();
    let mut pairs = Vec::new();
    for (a, first) in prepared.iter().enumerate() {
        let Some(first) = first else { continue };
        for (b, second) in prepared.iter().enumerate().skip(a + 1) {
            let Some(second) = second else { continue };
            if passages[a].owner == passages[b].owner {
                continue;
            }
            let similarity = jaccard(&first.shingles, &second.shingles);
            if similarity >= threshold {
                let excerpt = shared_excerpt(&first.words, &second.words);
                pairs.push(DuplicatePair {
                    a,
                    b,
                    similarity,
                    excerpt,
                });
            }
        }
    }
    pairs
}

/// The share of the answer's shingles that the question already holds, for an answer of at
/// least [`MIN_WORDS`] words; the caller flags it from [`ECHOES_QUESTION`].
pub fn echoes_question(answer: &str, question: &str) -> Option<f64> {
    let words = Words::of(answer);
    if words.spans.len() < MIN_WORDS {
        return None;
    }
    let answer = shingles_of(&words.normalised(), SHINGLE_WORDS);
    Some(containment(&answer, &shingles(question, SHINGLE_WORDS)))
}

/// A passage long enough to judge, split and shingled once for all its comparisons.
struct Prepared {
    words: Words,
    shingles: HashSet<u64>,
}

impl Prepared {
    fn of(text: &str) -> Option<Prepared> {
        let words = Words::of(text);
        if words.spans.len() < MIN_WORDS {
            return None;
        }
        let shingles = shingles_of(&words.normalised(), SHINGLE_WORDS);
        Some(Prepared { words, shingles })
    }
}

/// A text split into words: NFKC-normalised (so composed and decomposed "é", or "ﬁ" and "fi",
/// are the same), lower-cased, with every character that is not a letter, digit or combining
/// mark separating words. Apostrophes within a word are dropped, so "auto's" and "autos" match.
struct Words {
    /// The NFKC form of the text, which the spans point into.
    text: String,
    /// Byte range and lower-cased form of each word.
    spans: Vec<(usize, usize, String)>,
}

impl Words {
    fn of(text: &str) -> Words {
        let text: String = text.nfkc().collect();
        let mut spans = Vec::new();
        let mut current: Option<(usize, usize, String)> = None;
        for (at, c) in text.char_indices() {
            let in_word = current.is_some();
            if c.is_alphanumeric() || (in_word && is_combining_mark(c)) {
                let word = current.get_or_insert_with(|| (at, at, String::new()));
                word.1 = at + c.len_utf8();
                word.2.extend(c.to_lowercase());
            } else if in_word && matches!(c, '\'' | '’' | 'ʼ') {
                continue;
            } else if let Some(word) = current.take() {
                spans.push(word);
            }
        }
        spans.extend(current);
        Words { text, spans }
    }

    fn normalised(&self) -> Vec<&str> {
        self.spans
            .iter()
            .map(|(_, _, word)| word.as_str())
            .collect()
    }
}

fn shingles_of(words: &[&str], k: usize) -> HashSet<u64> {
    let k = k.max(1);
    if words.is_empty() {
        return HashSet::new();
    }
    if words.len() < k {
        return HashSet::from([hash_words(words)]);
    }
    words.windows(k).map(hash_words).collect()
}

/// FNV-1a over the words with a space between them; words hold no spaces, so the joined
/// bytes name the shingle unambiguously.
fn hash_words(words: &[&str]) -> u64 {
    let mut hash = Fnv1a::new();
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            hash.write(b" ");
        }
        hash.write(word.as_bytes());
    }
    hash.0
}

/// 64-bit FNV-1a: small, fast for short keys, and fixed by its definition, unlike std's
/// `DefaultHasher`, whose output may change between Rust versions.
struct Fnv1a(u64);

impl Fnv1a {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    fn new() -> Fnv1a {
        Fnv1a(Self::OFFSET_BASIS)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(Self::PRIME);
        }
    }
}

/// The longest run of words both passages share, as written in `first`, cut to
/// [`EXCERPT_CHARS`] at a word boundary.
fn shared_excerpt(first: &Words, second: &Words) -> String {
    let (start, len) = longest_common_run(&first.normalised(), &second.normalised());
    let run = &first.spans[start..start + len];
    let Some(&(from, _, _)) = run.first() else {
        return String::new();
    };
    let fitting = run
        .iter()
        .take_while(|(_, to, _)| first.text[from..*to].chars().count() <= EXCERPT_CHARS)
        .last();
    match fitting {
        Some(&(_, to, _)) => first.text[from..to].to_string(),
        // A single word longer than the limit: no boundary to cut at, so cut the word.
        None => first.text[from..].chars().take(EXCERPT_CHARS).collect(),
    }
}

/// Start in `a` and length of the longest run of equal words, by dynamic programming over
/// two rows (O(|a|·|b|) time, O(|b|) memory). The first longest run in `a` wins.
fn longest_common_run(a: &[&str], b: &[&str]) -> (usize, usize) {
    let mut previous = vec![0usize; b.len() + 1];
    let mut current = vec![0usize; b.len() + 1];
    let mut best = (0, 0);
    for (i, word_a) in a.iter().enumerate() {
        for (j, word_b) in b.iter().enumerate() {
            current[j + 1] = if word_a == word_b { previous[j] + 1 } else { 0 };
            if current[j + 1] > best.1 {
                best = (i + 1 - current[j + 1], current[j + 1]);
            }
        }
        std::mem::swap(&mut previous, &mut current);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    const S1: &str = "Wij leveren alle portofoons binnen vijf werkdagen na ontvangst van de bestelling af op het bureau.";
    const S2: &str =
        "Onze servicedesk is dag en nacht bereikbaar en lost storingen binnen vier uur op.";
    const S3: &str =
        "Elk toestel wordt vooraf getest en geleverd met een laadstation en een reserveaccu.";

    fn passage(owner: &str, text: &str) -> Passage {
        Passage {
            owner: owner.into(),
            key: "levering".into(),
            text: text.into(),
        }
    }

    fn similarity(a: &str, b: &str) -> f64 {
        jaccard(&shingles(a, SHINGLE_WORDS), &shingles(b, SHINGLE_WORDS))
    }

    #[test]
    fn identical_texts_are_one() {
        let text = format!("{S1} {S2}");
        assert_eq!(similarity(&text, &text), 1.0);
    }

    #[test]
    fn reordered_sentences_stay_close() {
        // 16 + 14 + 13 = 43 words, 41 shingles each; 14 + 12 + 11 = 37 lie within a sentence
        // and the 2 across the S1→S2 boundary occur in both orders, so 39 are shared:
        // 39 / (41 + 41 − 39) = 39/43 = 0.907.
        let similarity = similarity(&format!("{S1} {S2} {S3}"), &format!("{S3} {S1} {S2}"));
        assert!((similarity - 39.0 / 43.0).abs() < 1e-9, "{similarity}");
    }

    #[test]
    fn unrelated_texts_are_near_zero() {
        let other = "De gemeente organiseert in het voorjaar een informatieavond over de nieuwe \
                     parkeerregels in het centrum en de wijken daaromheen.";
        assert!(similarity(&format!("{S1} {S2}"), other) < 0.05);
    }

    #[test]
    fn case_punctuation_and_composition_do_not_matter() {
        let plain = shingles("wij leveren één toestel per agent", 3);
        assert_eq!(shingles("Wij leveren: één, toestel (per agent)!", 3), plain);
        assert_eq!(
            shingles("WIJ LEVEREN e\u{301}e\u{301}n toestel per agent", 3),
            plain
        );
        // The accents are letters, not punctuation: "één" is not "een".
        assert_ne!(shingles("wij leveren een toestel per agent", 3), plain);
        assert_eq!(shingles("de auto's van", 3), shingles("de autos van", 3));
        assert_eq!(shingles("twee woorden", 3).len(), 1);
        assert!(shingles(" ,. ", 3).is_empty());
    }

    #[test]
    fn set_measures() {
        let a: HashSet<u64> = [1, 2, 3, 4].into();
        let b: HashSet<u64> = [3, 4, 5].into();
        assert!((jaccard(&a, &b) - 2.0 / 5.0).abs() < 1e-12);
        assert!((containment(&b, &a) - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(jaccard(&HashSet::new(), &HashSet::new()), 0.0);
        assert_eq!(containment(&HashSet::new(), &a), 0.0);
    }

    #[test]
    fn hash_is_standard_fnv1a() {
        // Published FNV-1a 64 test vectors, so the shingles never change with the toolchain.
        assert_eq!(hash_words(&[""]), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash_words(&["a"]), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(hash_words(&["foobar"]), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn answer_that_repeats_the_question_is_an_echo() {
        let question = "Beschrijf hoe u de levering van de portofoons binnen vijf werkdagen na de \
                        bestelling garandeert en welke maatregelen u neemt bij vertraging.";
        let echo = echoes_question(&format!("{question} Ja."), question).unwrap();
        // The question has 22 words, the answer 23 and so 21 shingles, of which only
        // "bij vertraging ja" is not in the question: 20/21.
        assert!((echo - 20.0 / 21.0).abs() < 1e-9, "{echo}");
        let own = echoes_question(&format!("{S1} {S3}"), question).unwrap();
        assert!(own < ECHOES_QUESTION, "{own}");
        assert_eq!(echoes_question("Ja, dat garanderen wij.", question), None);
    }

    #[test]
    fn near_duplicates_pair_different_owners_only() {
        let shared = format!("{S1} {S2}");
        let passages = vec![
            passage("bid-1", &shared),
            passage("bid-1", &shared),
            passage("bid-2", &format!("Kortom: {shared}")),
            passage("bid-3", S3),
            passage(
                "bid-4",
                "Wij leveren alle portofoons binnen vijf werkdagen na ontvangst van bestellingen.",
            ),
            passage(
                "bid-5",
                "Wij leveren alle portofoons binnen vijf werkdagen na ontvangst van bestellingen.",
            ),
        ];
        let pairs = near_duplicates(&passages, NEAR_DUPLICATE);
        let found: Vec<(usize, usize)> = pairs.iter().map(|p| (p.a, p.b)).collect();
        // 0–1 share an owner; 4–5 have 11 words, too short to judge.
        assert_eq!(found, vec![(0, 2), (1, 2)]);
        assert!(pairs[0].similarity > 0.9);
        assert!(
            shared.starts_with(&pairs[0].excerpt) && pairs[0].excerpt.starts_with("Wij leveren")
        );
    }

    #[test]
    fn excerpt_is_cut_at_a_word_boundary() {
        let shared = format!("{S1} {S2} {S3}");
        let passages = vec![
            passage("bid-1", &format!("Aanbieder één: {shared}")),
            passage("bid-2", &format!("{shared} Tot zover ons antwoord.")),
        ];
        let pairs = near_duplicates(&passages, NEAR_DUPLICATE);
        let excerpt = &pairs[0].excerpt;
        assert!(excerpt.chars().count() <= EXCERPT_CHARS && excerpt.chars().count() > 150);
        assert!(shared.starts_with(excerpt.as_str()));
        let next = shared[excerpt.len()..].chars().next().unwrap();
        assert!(!next.is_alphanumeric(), "cut inside a word: {excerpt:?}");
        assert!(!excerpt.ends_with(' '));
    }

    #[test]
    fn longest_run_is_found() {
        let a = ["x", "a", "b", "c", "y", "a", "b"];
        let b = ["a", "b", "c", "z"];
        assert_eq!(longest_common_run(&a, &b), (1, 3));
        assert_eq!(longest_common_run(&a, &[]), (0, 0));
    }
}
