//! Determinises the embedded pack's patterns and the specificity signals into dense DFAs,
//! serialised into `OUT_DIR` and embedded by `src/automata`, so that a run only validates
//! them instead of compiling regexes and growing lazy DFAs; the term list becomes a table
//! that is used without validation. A pattern that cannot be precompiled is left out with
//! a warning and gets a lazy DFA at run time.

#[path = "src/lexicon/anchors.rs"]
mod anchors;
#[path = "src/ascii.rs"]
#[expect(
    dead_code,
    reason = "the build script uses a few items of the crate's module"
)]
mod ascii;
#[path = "src/automata/config.rs"]
mod config;
#[path = "src/lexicon/dialect.rs"]
mod dialect;
#[path = "src/analysis/signals.rs"]
#[expect(
    dead_code,
    reason = "the build script uses a few items of the crate's module"
)]
mod signals;
#[path = "src/automata/term_table.rs"]
#[expect(
    dead_code,
    reason = "the build script uses a few items of the crate's module"
)]
mod term_table;

use std::fmt::Write as _;
use std::path::PathBuf;

use regex_automata::dfa::{StartKind, dense};

use config::Use;

const PACK: &str = "../../knowledge/indicators/indicators.toml";
/// The embedded pack's folded terms as the matcher lists them (kept fresh by a test).
const TERMS: &str = "src/lexicon/embedded_terms.txt";

fn main() {
    for input in [
        PACK,
        TERMS,
        "build.rs",
        "src/ascii.rs",
        "src/automata/config.rs",
        "src/lexicon/anchors.rs",
        "src/lexicon/dialect.rs",
        "src/analysis/signals.rs",
        "src/automata/term_table.rs",
    ] {
        println!("cargo:rerun-if-changed={input}");
    }
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let big_endian = std::env::var("CARGO_CFG_TARGET_ENDIAN").as_deref() == Ok("big");
    let pack = std::fs::read_to_string(PACK).expect("the embedded indicator pack");
    let patterns: Vec<String> = pack_patterns(&pack)
        .iter()
        .map(|p| dialect::document_dialect(p))
        .collect();
    let signals: Vec<String> = signals::SIGNAL_SPECS
        .iter()
        .map(|s| signals::signal_source(&dialect::document_dialect(s.pattern)))
        .collect();
    let mut code = String::new();
    for (name, purpose, regexes) in [
        ("PATTERN", Use::AnchoredPattern, &patterns),
        ("SIGNAL", Use::Signal, &signals),
    ] {
        let _ = writeln!(code, "static {name}_DFAS: &[(&str, &Aligned<[u8]>)] = &[");
        for (index, regex) in regexes.iter().enumerate() {
            let file = format!("{}-{index}.dfa", name.to_lowercase());
            match serialised_dfa(regex, purpose, big_endian) {
                Ok(bytes) => {
                    std::fs::write(out_dir.join(&file), bytes).expect("write a DFA");
                    let _ = writeln!(
                        code,
                        "    ({}, &Aligned(*include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{file}\")))),",
                        raw_string(regex)
                    );
                }
                Err(e) => {
                    println!("cargo:warning=not precompiled, compiled at run time: {regex}: {e}")
                }
            }
        }
        code.push_str("];\n");
    }
    std::fs::write(out_dir.join("precompiled_dfas.rs"), code).expect("write the DFA table");
    write_anchors(&out_dir, &patterns);
    write_term_table(&out_dir, big_endian);
}

/// Writes each pattern's prefix anchors (a pattern they cannot be found for is left out:
/// loading the pack then reports why).
fn write_anchors(out_dir: &std::path::Path, patterns: &[String]) {
    let mut code = String::from("static PATTERN_ANCHORS: &[(&str, &[&str])] = &[\n");
    for pattern in patterns {
        if let Ok(anchors) = anchors::prefix_anchors(pattern) {
            let list: Vec<String> = anchors.iter().map(|a| raw_string(a)).collect();
            let _ = writeln!(
                code,
                "    ({}, &[{}]),",
                raw_string(pattern),
                list.join(", ")
            );
        }
    }
    code.push_str("];\n");
    std::fs::write(out_dir.join("precompiled_anchors.rs"), code).expect("write the anchors");
}

/// Writes the term list's table (see `src/automata/term_table.rs`) as words of the target.
fn write_term_table(out_dir: &std::path::Path, big_endian: bool) {
    let terms: Vec<String> = std::fs::read_to_string(TERMS)
        .expect("the embedded term list")
        .lines()
        .map(str::to_owned)
        .collect();
    let table = term_table::TermTable::build(&terms).expect("the term table");
    let bytes: Vec<u8> = table
        .to_words()
        .into_iter()
        .flat_map(|w| {
            if big_endian {
                w.to_be_bytes()
            } else {
                w.to_le_bytes()
            }
        })
        .collect();
    std::fs::write(out_dir.join("terms.table"), bytes).expect("write the term table");
    let code = format!(
        "static EMBEDDED_TERMS: &str = include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{TERMS}\"));\n\
         static EMBEDDED_TERM_TABLE: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(env!(\"OUT_DIR\"), \"/terms.table\")));\n"
    );
    std::fs::write(out_dir.join("precompiled_terms.rs"), code).expect("write the term table");
}

/// The `patterns` of every indicator and false friend, in pack order.
fn pack_patterns(pack: &str) -> Vec<String> {
    let table: toml::Table = toml::from_str(pack).expect("the embedded pack parses");
    ["indicator", "false_friend"]
        .iter()
        .filter_map(|key| table.get(*key)?.as_array())
        .flatten()
        .filter_map(|entry| entry.get("patterns")?.as_array())
        .flatten()
        .filter_map(|p| p.as_str().map(str::to_owned))
        .collect()
}

fn serialised_dfa(regex: &str, purpose: Use, big_endian: bool) -> Result<Vec<u8>, String> {
    let start = if purpose.anchored() {
        StartKind::Anchored
    } else {
        StartKind::Unanchored
    };
    let dfa = dense::Builder::new()
        .syntax(purpose.syntax())
        .thompson(purpose.thompson())
        // Minimised tables are about a quarter smaller, and start-up validates every byte.
        .configure(dense::Config::new().start_kind(start).minimize(true))
        .build(regex)
        .map_err(|e| e.to_string())?;
    Ok(dfa_bytes(&dfa, big_endian))
}

/// The DFA serialised for the target, without the alignment padding (`Aligned` aligns it).
fn dfa_bytes(dfa: &dense::DFA<Vec<u32>>, big_endian: bool) -> Vec<u8> {
    let (bytes, padding) = if big_endian {
        dfa.to_bytes_big_endian()
    } else {
        dfa.to_bytes_little_endian()
    };
    bytes[padding..].to_vec()
}

/// `text` as a Rust raw string literal.
fn raw_string(text: &str) -> String {
    let mut hashes = String::from("#");
    while text.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    format!("r{hashes}\"{text}\"{hashes}")
}
