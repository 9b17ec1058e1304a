//! The portfolio pack lives in grip-knowledge with the other packs; re-exported for the demo.

pub use grip_knowledge::portfolio::*;
