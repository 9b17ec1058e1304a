//! The eight phases of an acquisition. A dossier moves forward one phase at a time; each
//! move is a gate that later issues attach decisions to.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Behoeftestelling,
    Marktverkenning,
    Specificatie,
    BeoordelingGunning,
    Contractering,
    Implementatie,
    Contractmanagement,
    ExitHerbeoordeling,
}

impl Phase {
    pub const ALL: [Phase; 8] = [
        Phase::Behoeftestelling,
        Phase::Marktverkenning,
        Phase::Specificatie,
        Phase::BeoordelingGunning,
        Phase::Contractering,
        Phase::Implementatie,
        Phase::Contractmanagement,
        Phase::ExitHerbeoordeling,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Phase::Behoeftestelling => "behoeftestelling",
            Phase::Marktverkenning => "marktverkenning",
            Phase::Specificatie => "specificatie",
            Phase::BeoordelingGunning => "beoordeling_gunning",
            Phase::Contractering => "contractering",
            Phase::Implementatie => "implementatie",
            Phase::Contractmanagement => "contractmanagement",
            Phase::ExitHerbeoordeling => "exit_herbeoordeling",
        }
    }

    pub fn parse(id: &str) -> Option<Phase> {
        Phase::ALL.into_iter().find(|p| p.id() == id)
    }

    /// 1-based position, as buyers number the phases.
    pub fn number(self) -> usize {
        Phase::ALL.iter().position(|p| *p == self).unwrap_or(0) + 1
    }

    pub fn next(self) -> Option<Phase> {
        Phase::ALL.get(self.number()).copied()
    }

    pub fn label_nl(self) -> &'static str {
        match self {
            Phase::Behoeftestelling => "Behoeftestelling",
            Phase::Marktverkenning => "Marktverkenning",
            Phase::Specificatie => "Specificatie",
            Phase::BeoordelingGunning => "Beoordeling & gunning",
            Phase::Contractering => "Contractering",
            Phase::Implementatie => "Implementatie",
            Phase::Contractmanagement => "Contractmanagement",
            Phase::ExitHerbeoordeling => "Exit / herbeoordeling",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Phase::Behoeftestelling => "Need",
            Phase::Marktverkenning => "Market consultation",
            Phase::Specificatie => "Tender preparation",
            Phase::BeoordelingGunning => "Evaluation and award",
            Phase::Contractering => "Contracting",
            Phase::Implementatie => "Implementation",
            Phase::Contractmanagement => "Contract management",
            Phase::ExitHerbeoordeling => "Exit / renewal",
        }
    }
}

impl std::fmt::Display for Phase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_advance_in_order_and_stop_at_exit() {
        assert_eq!(Phase::Behoeftestelling.next(), Some(Phase::Marktverkenning));
        assert_eq!(
            Phase::Contractmanagement.next(),
            Some(Phase::ExitHerbeoordeling)
        );
        assert_eq!(Phase::ExitHerbeoordeling.next(), None);
        assert_eq!(Phase::Specificatie.number(), 3);
        for p in Phase::ALL {
            assert_eq!(Phase::parse(p.id()), Some(p));
        }
    }
}
