//! The indicator lexicon: a versioned knowledge pack (TOML) of Dutch and English terms,
//! patterns, false friends and negation cues, embedded in the binary or loaded from a folder.

mod catalogue;
mod dialect;
mod fold;
mod matcher;
pub(crate) mod pack;

use std::borrow::Cow;
use std::path::Path;
use std::sync::OnceLock;

use sha2::{Digest, Sha256};

pub use catalogue::{FunctionEntry, LookalikeEntry};
pub(crate) use dialect::{compile as compile_pattern, document_dialect};
pub(crate) use fold::fold;
pub(crate) use matcher::Hit;
pub use pack::{CATEGORIES, FalseFriendEntry, IndicatorEntry, NegationRules, PackMeta};

use crate::LexiconError;
use crate::analysis::negation::Negation;
use matcher::Matcher;
use pack::PackFile;

/// File name of the pack inside `knowledge/indicators/`.
pub const PACK_FILE: &str = "indicators.toml";

pub(crate) const EMBEDDED: &str = include_str!("../../../../knowledge/indicators/indicators.toml");

/// A validated, compiled indicator pack.
#[derive(Debug)]
pub struct Lexicon {
    pack: PackFile,
    matcher: Matcher,
    negation: Negation,
    /// The pack file's text, hashed only when the hash is asked for: a screening run that
    /// stores nothing need not spend a third of a millisecond on it at start-up.
    source: Cow<'static, str>,
    content_hash: OnceLock<String>,
}

impl Lexicon {
    /// The pack compiled into this build.
    pub fn embedded() -> Result<Lexicon, LexiconError> {
        Self::from_source(Cow::Borrowed(EMBEDDED), "<embedded>")
    }

    /// Loads `indicators.toml` from `dir` (an administrator's newer pack version).
    pub fn load_from_dir(dir: &Path) -> Result<Lexicon, LexiconError> {
        let path = dir.join(PACK_FILE);
        let source = std::fs::read_to_string(&path).map_err(|source| LexiconError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Self::from_source(Cow::Owned(source), &path.display().to_string())
    }

    /// Parses, validates and compiles a pack given as TOML text.
    pub fn from_toml(source: &str, file_label: &str) -> Result<Lexicon, LexiconError> {
        Self::from_source(Cow::Owned(source.to_owned()), file_label)
    }

    fn from_source(source: Cow<'static, str>, file_label: &str) -> Result<Lexicon, LexiconError> {
        let mut pack: PackFile = toml::from_str(&source).map_err(|e| LexiconError::Parse {
            file: file_label.to_owned(),
            message: e.to_string(),
        })?;
        pack.validate_and_expand()?;
        let negation = Negation::compile(&pack.negation)?;
        let matcher = Matcher::compile(&pack)?;
        Ok(Lexicon {
            pack,
            matcher,
            negation,
            source,
            content_hash: OnceLock::new(),
        })
    }

    pub fn id(&self) -> &str {
        &self.pack.pack.id
    }

    pub fn version(&self) -> &str {
        &self.pack.pack.version
    }

    pub fn meta(&self) -> &PackMeta {
        &self.pack.pack
    }

    /// SHA-256 (hex) of the pack file's bytes; store it with every screening result.
    pub fn content_hash(&self) -> &str {
        self.content_hash
            .get_or_init(|| hex::encode(Sha256::digest(self.source.as_bytes())))
    }

    pub fn indicators(&self) -> &[IndicatorEntry] {
        &self.pack.indicators
    }

    pub fn negation(&self) -> &NegationRules {
        &self.pack.negation
    }

    pub fn threshold(&self) -> f64 {
        self.pack.scoring.threshold
    }

    /// Plain terms (no patterns), lower-cased: what a `grep -F -i` baseline would search for.
    pub fn plain_terms(&self) -> Vec<String> {
        let mut terms: Vec<String> = self
            .pack
            .indicators
            .iter()
            .flat_map(|i| {
                i.terms
                    .iter()
                    .chain(&i.words)
                    .chain(&i.exact)
                    .chain(&i.infix)
            })
            .map(|t| t.to_lowercase())
            .collect();
        terms.sort();
        terms.dedup();
        terms
    }

    /// The function catalogue: capabilities nearly always built with AI, matched as the
    /// indicators of the same ids.
    pub fn functions(&self) -> &[FunctionEntry] {
        &self.pack.functions
    }

    /// The catalogue's function behind an indicator id (`function.…`), for its confidence
    /// and the sentence a buyer reads; None for the lexicon's other indicators.
    pub fn function(&self, indicator_id: &str) -> Option<&FunctionEntry> {
        self.pack.functions.iter().find(|f| f.id == indicator_id)
    }

    /// Features that look like AI but are not, matched as false friends.
    pub fn lookalikes(&self) -> &[LookalikeEntry] {
        &self.pack.lookalikes
    }

    pub(crate) fn negation_rules(&self) -> &Negation {
        &self.negation
    }

    /// Indicator hits in `text`, whose folded form is `folded`, sorted by start.
    pub(crate) fn find(&self, text: &str, folded: &str) -> Vec<Hit> {
        self.matcher.find(text, folded)
    }
}

/// Validates the pack in `dir` (or the embedded one) for `grip knowledge check`.
/// Returns (id, version, content hash).
pub fn check_lexicon(dir: Option<&Path>) -> Result<(String, String, String), LexiconError> {
    let lexicon = match dir {
        Some(dir) => Lexicon::load_from_dir(dir)?,
        None => Lexicon::embedded()?,
    };
    Ok((
        lexicon.id().to_owned(),
        lexicon.version().to_owned(),
        lexicon.content_hash().to_owned(),
    ))
}

impl Lexicon {
    pub fn false_friends(&self) -> &[FalseFriendEntry] {
        &self.pack.false_friends
    }
}
