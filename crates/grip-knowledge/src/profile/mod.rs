//! Reading `grip.system-profile/1` JSON into typed facts. Invalid input yields a
//! `ProfileError` that names the JSON path and what was expected there.

pub mod codes;
mod model;
mod parse;

pub use model::{
    AiDefinition, AnnexI, Art6_3, Deployment, Exclusions, Fact, Gpai, OpenSource, RbiObjective,
    RealtimeRbi, SystemProfile, Transparency,
};
pub use parse::{parse_profile, parse_profile_value};

/// Why a profile was rejected. `path` is dotted (`deployment.law_enforcement`) with
/// `[i]` for list items; `(root)` is the document itself.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProfileError {
    #[error("(root): malformed JSON at line {line}, column {column}: {message}")]
    MalformedJson {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: expected {expected}, found {found}")]
    WrongType {
        path: String,
        expected: String,
        found: String,
    },
    #[error("{path}: required field is missing; expected {expected}")]
    MissingField { path: String, expected: String },
    #[error("{path}: unknown field; expected one of {expected}")]
    UnknownField { path: String, expected: String },
    #[error("{path}: {value} appears more than once; expected each code at most once")]
    Duplicate { path: String, value: String },
}

impl ProfileError {
    /// The JSON path the error is about.
    pub fn path(&self) -> &str {
        match self {
            Self::MalformedJson { .. } => "(root)",
            Self::WrongType { path, .. }
            | Self::MissingField { path, .. }
            | Self::UnknownField { path, .. }
            | Self::Duplicate { path, .. } => path,
        }
    }
}
