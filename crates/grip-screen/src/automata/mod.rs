//! Forward DFAs for the pack's patterns and the specificity signals. The embedded pack's
//! are determinised by the build script (see `build.rs`) and only validated at start-up;
//! any other regex (a pack loaded from a folder) gets a lazy DFA, determinised while it
//! searches. Compiling and determinising at run time was a quarter of a screening run.

pub(crate) mod config;
pub(crate) mod counting;
pub(crate) mod term_table;
pub(crate) mod terms;

use std::sync::Mutex;

use regex_automata::dfa::Automaton;
use regex_automata::dfa::dense;
use regex_automata::hybrid::dfa::{Cache, DFA as LazyDfa};
use regex_automata::{HalfMatch, Input, MatchError};

pub(crate) use config::Use;

/// Bytes of a serialised DFA or term table, aligned as `dense::DFA::from_bytes` and the
/// table's 32-bit words require.
#[repr(C, align(4))]
struct Aligned<B: ?Sized>(B);

// `PATTERN_DFAS` and `SIGNAL_DFAS`: (regex as compiled, serialised DFA), written by build.rs.
include!(concat!(env!("OUT_DIR"), "/precompiled_dfas.rs"));

/// A forward DFA, precompiled or lazy.
#[derive(Debug)]
pub(crate) struct ForwardDfa {
    engine: Engine,
}

#[derive(Debug)]
enum Engine {
    Precompiled(dense::DFA<&'static [u32]>),
    Lazy {
        dfa: LazyDfa,
        /// State caches, reused across documents (they are what makes a lazy DFA fast).
        caches: Mutex<Vec<Cache>>,
    },
}

/// One search: where the leftmost-first match of `input` ends, if any.
pub(crate) type Search<'a> = dyn FnMut(&Input<'_>) -> Result<Option<HalfMatch>, MatchError> + 'a;

impl ForwardDfa {
    /// The DFA for `regex` (already in its compiled form) used as `purpose` says.
    pub(crate) fn new(regex: &str, purpose: Use) -> Result<ForwardDfa, String> {
        if let Some(dfa) = Self::precompiled(regex, purpose) {
            return Ok(dfa);
        }
        let dfa = LazyDfa::builder()
            .syntax(purpose.syntax())
            .thompson(purpose.thompson())
            .build(regex)
            .map_err(|e| e.to_string())?;
        Ok(ForwardDfa {
            engine: Engine::Lazy {
                dfa,
                caches: Mutex::new(Vec::new()),
            },
        })
    }

    /// The build script's dense DFA, when this is one.
    pub(crate) fn dense(&self) -> Option<&counting::Dfa> {
        match &self.engine {
            Engine::Precompiled(dfa) => Some(dfa),
            Engine::Lazy { .. } => None,
        }
    }

    /// Whether the build script compiled this one.
    #[cfg(test)]
    pub(crate) fn is_precompiled(&self) -> bool {
        matches!(self.engine, Engine::Precompiled(_))
    }

    /// Runs `searches` with a search function; a lazy DFA's cache is taken from the pool
    /// for the whole run and given back after.
    pub(crate) fn searching<R>(&self, searches: impl FnOnce(&mut Search<'_>) -> R) -> R {
        match &self.engine {
            Engine::Precompiled(dfa) => searches(&mut |input| dfa.try_search_fwd(input)),
            Engine::Lazy { dfa, caches } => {
                let mut cache = caches
                    .lock()
                    .ok()
                    .and_then(|mut c| c.pop())
                    .unwrap_or_else(|| dfa.create_cache());
                let result = searches(&mut |input| dfa.try_search_fwd(&mut cache, input));
                if let Ok(mut caches) = caches.lock() {
                    caches.push(cache);
                }
                result
            }
        }
    }

    /// Whether the build script made a DFA for `regex`.
    pub(crate) fn is_embedded(regex: &str, purpose: Use) -> bool {
        embedded_bytes(regex, purpose).is_some()
    }

    /// The build script's DFA for `regex`, if it made one. Such a regex was parsed,
    /// compiled within the size limit and determinised when Grip was built.
    pub(crate) fn precompiled(regex: &str, purpose: Use) -> Option<ForwardDfa> {
        // Fails only if the bytes do not fit this build (they were made for it): then compile.
        let dfa = load_embedded(embedded_bytes(regex, purpose)?)?;
        Some(ForwardDfa {
            engine: Engine::Precompiled(dfa),
        })
    }
}

/// Loads a DFA the build script serialised, without walking its transition table.
/// Validating them (`dense::DFA::from_bytes`) took a third of the instructions of
/// screening one 100 KB document, all of it before the first search; the test
/// `embedded_dfas_pass_full_validation` validates every one of them instead.
#[expect(
    unsafe_code,
    reason = "the DFAs are this build's own output, validated by a test rather than per run"
)]
fn load_embedded(bytes: &'static [u8]) -> Option<dense::DFA<&'static [u32]>> {
    // SAFETY: the bytes are `PATTERN_DFAS` / `SIGNAL_DFAS`, written by this crate's build
    // script with `to_bytes_{little,big}_endian` for the target's byte order, by the same
    // regex-automata (Cargo.lock holds one version for the build script and the crate).
    // The header (label, version, endianness, state id size) is still checked here.
    let (dfa, _) = unsafe { dense::DFA::from_bytes_unchecked(bytes) }.ok()?;
    Some(dfa)
}

fn embedded_bytes(regex: &str, purpose: Use) -> Option<&'static [u8]> {
    let table = match purpose {
        Use::AnchoredPattern => PATTERN_DFAS,
        Use::Signal => SIGNAL_DFAS,
    };
    let (_, bytes) = table.iter().find(|(source, _)| *source == regex)?;
    Some(&bytes.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What makes `load_embedded` sound: every DFA the build script embedded passes the
    /// full validation of `from_bytes`.
    #[test]
    fn embedded_dfas_pass_full_validation() {
        let embedded: Vec<_> = PATTERN_DFAS.iter().chain(SIGNAL_DFAS).collect();
        assert!(embedded.len() > 20, "{} embedded DFAs", embedded.len());
        for (source, bytes) in embedded {
            if let Err(e) = dense::DFA::from_bytes(&bytes.0) {
                panic!("{source}: {e}");
            }
            assert!(load_embedded(&bytes.0).is_some(), "{source}");
        }
    }

    /// Bytes that are not a whole DFA of this build are refused by the header and length
    /// checks that `load_embedded` keeps, and the pattern is then compiled instead.
    #[test]
    fn bytes_that_are_no_dfa_are_refused() {
        static GARBAGE: Aligned<[u8; 256]> = Aligned([0xA5; 256]);
        assert!(load_embedded(&GARBAGE.0).is_none());
        let (_, whole) = SIGNAL_DFAS.first().expect("signal DFAs");
        assert!(load_embedded(&whole.0[..whole.0.len() / 2]).is_none());
    }
}
