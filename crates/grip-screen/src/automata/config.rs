//! How the screener's regexes are compiled. Kept free of crate items: the build script
//! includes this file, so the automata it precompiles are the ones the crate would build.

use regex_automata::nfa::thompson;
use regex_automata::util::syntax;

/// Upper bound on compiled regex size, so a pack cannot exhaust memory.
pub(crate) const REGEX_SIZE_LIMIT: usize = 8 * 1024 * 1024;

/// What a forward DFA is for; each use has its own compile settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Use {
    /// A pack pattern (document dialect), run anchored where one of its prefixes occurs,
    /// case-insensitive.
    AnchoredPattern,
    /// A specificity signal (document dialect, its own `(?i)`), counted over a text.
    Signal,
}

impl Use {
    pub(crate) fn syntax(self) -> syntax::Config {
        match self {
            Use::AnchoredPattern => syntax::Config::new().case_insensitive(true),
            Use::Signal => syntax::Config::new().utf8(true),
        }
    }

    pub(crate) fn thompson(self) -> thompson::Config {
        let config = thompson::Config::new().which_captures(thompson::WhichCaptures::None);
        match self {
            Use::AnchoredPattern => config.nfa_size_limit(Some(REGEX_SIZE_LIMIT)),
            Use::Signal => config,
        }
    }

    /// Whether searches are anchored at a given start (else they scan for the leftmost match).
    /// The build script needs it to choose a dense DFA's start states; a lazy DFA has both.
    #[allow(
        dead_code,
        reason = "only build.rs calls it; `expect` would fail there, where it is used"
    )]
    pub(crate) fn anchored(self) -> bool {
        matches!(self, Use::AnchoredPattern)
    }
}
