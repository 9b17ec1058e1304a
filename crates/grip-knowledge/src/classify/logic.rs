//! Three-valued logic over profile facts. An `Eval` carries, besides yes/no/unknown, the
//! unknown facts that decide it (only when the answer is unknown) and every fact it read.

use serde_json::Value;

use crate::profile::Fact;
use crate::trace::FactUsed;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tri {
    Yes,
    No,
    Unknown,
}

#[derive(Debug, Clone)]
pub struct Eval {
    pub tri: Tri,
    /// Paths of unknown facts that would settle this; empty unless `tri` is `Unknown`.
    pub missing: Vec<String>,
    pub facts: Vec<FactUsed>,
}

impl Eval {
    /// A yes/no fact from the profile; `None` is unknown and reported by its path.
    pub fn fact(path: &str, value: Fact) -> Eval {
        let used = FactUsed {
            path: path.to_string(),
            value: value.map_or(Value::Null, Value::Bool),
        };
        match value {
            Some(true) => Eval::with(Tri::Yes, vec![], vec![used]),
            Some(false) => Eval::with(Tri::No, vec![], vec![used]),
            None => Eval::with(Tri::Unknown, vec![path.to_string()], vec![used]),
        }
    }

    /// A derived truth that does not depend on an unknown fact.
    pub fn known(value: bool) -> Eval {
        Eval::with(if value { Tri::Yes } else { Tri::No }, vec![], vec![])
    }

    pub fn with(tri: Tri, missing: Vec<String>, facts: Vec<FactUsed>) -> Eval {
        Eval {
            tri,
            missing,
            facts,
        }
    }

    /// Record a non-boolean fact that was read (for the trace only).
    pub fn reading(mut self, path: &str, value: Value) -> Eval {
        self.facts.push(FactUsed {
            path: path.to_string(),
            value,
        });
        self
    }

    pub fn is_yes(&self) -> bool {
        self.tri == Tri::Yes
    }

    /// True when every operand is true; false as soon as one is known false.
    pub fn all(operands: Vec<Eval>) -> Eval {
        Self::combine(operands, Tri::No, Tri::Yes)
    }

    /// True as soon as one operand is true; false when every operand is false.
    pub fn any(operands: Vec<Eval>) -> Eval {
        Self::combine(operands, Tri::Yes, Tri::No)
    }

    /// `decisive` settles the result on its own; the result is `otherwise` only when every
    /// operand is `otherwise`. Unknowns are reported only when they keep it open.
    fn combine(operands: Vec<Eval>, decisive: Tri, otherwise: Tri) -> Eval {
        let facts: Vec<FactUsed> = operands.iter().flat_map(|e| e.facts.clone()).collect();
        if operands.iter().any(|e| e.tri == decisive) {
            return Eval::with(decisive, vec![], facts);
        }
        if operands.iter().all(|e| e.tri == otherwise) {
            return Eval::with(otherwise, vec![], facts);
        }
        let mut missing = Vec::new();
        for path in operands
            .iter()
            .filter(|e| e.tri == Tri::Unknown)
            .flat_map(|e| e.missing.iter())
        {
            if !missing.contains(path) {
                missing.push(path.clone());
            }
        }
        Eval::with(Tri::Unknown, missing, facts)
    }

    pub fn not(self) -> Eval {
        let tri = match self.tri {
            Tri::Yes => Tri::No,
            Tri::No => Tri::Yes,
            Tri::Unknown => Tri::Unknown,
        };
        Eval { tri, ..self }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_false_settles_all_without_reporting_unknowns() {
        let e = Eval::all(vec![Eval::fact("a", Some(false)), Eval::fact("b", None)]);
        assert_eq!(e.tri, Tri::No);
        assert!(e.missing.is_empty());
    }

    #[test]
    fn unknown_keeps_any_open_and_names_the_fact() {
        let e = Eval::any(vec![Eval::fact("a", Some(false)), Eval::fact("b", None)]);
        assert_eq!(e.tri, Tri::Unknown);
        assert_eq!(e.missing, vec!["b".to_string()]);
    }
}
