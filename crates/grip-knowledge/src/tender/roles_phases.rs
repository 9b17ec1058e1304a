//! The `roles-phases` pack: for each of the eight phases and each of the ten roles, the
//! checklist of what that person must know and do about AI, with legal basis where it applies.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::load::{KnowledgePack, PackContent};
use super::tags::{duplicate_problems, text_problems};
use crate::common::Text;
use crate::pack::model::PackMeta;

pub type RolesPhasesPack = KnowledgePack<RolesPhasesContent>;

/// Phase codes in lifecycle order; the spelling of `grip_core::Phase`.
pub const PHASES: &[&str] = &[
    "behoeftestelling",
    "marktverkenning",
    "specificatie",
    "beoordeling_gunning",
    "contractering",
    "implementatie",
    "contractmanagement",
    "exit_herbeoordeling",
];

/// Role codes; the spelling of `grip_core::Role`.
pub const ROLES: &[&str] = &[
    "inkoper",
    "behoeftesteller",
    "contractmanager",
    "jurist",
    "privacy",
    "security",
    "ai-expert",
    "beoordelaar",
    "beheerder",
    "auditor",
];

/// One section per phase, so each phase can live in its own file.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RolesPhasesContent {
    pub pack: PackMeta,
    pub behoeftestelling: Vec<Check>,
    pub marktverkenning: Vec<Check>,
    pub specificatie: Vec<Check>,
    pub beoordeling_gunning: Vec<Check>,
    pub contractering: Vec<Check>,
    pub implementatie: Vec<Check>,
    pub contractmanagement: Vec<Check>,
    pub exit_herbeoordeling: Vec<Check>,
}

/// A checklist item for one role in one phase.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Check {
    pub id: String,
    pub role: String,
    pub text: Text,
    /// Short explanation: why this matters now.
    pub why: Text,
    /// Mandatory items must be done or waived with a reason before the phase gate.
    pub mandatory: bool,
    #[serde(default)]
    pub legal_basis: Option<String>,
}

impl RolesPhasesContent {
    /// The checklist of a phase (by code), in pack order.
    pub fn phase(&self, phase: &str) -> Option<&[Check]> {
        let list = match phase {
            "behoeftestelling" => &self.behoeftestelling,
            "marktverkenning" => &self.marktverkenning,
            "specificatie" => &self.specificatie,
            "beoordeling_gunning" => &self.beoordeling_gunning,
            "contractering" => &self.contractering,
            "implementatie" => &self.implementatie,
            "contractmanagement" => &self.contractmanagement,
            "exit_herbeoordeling" => &self.exit_herbeoordeling,
            _ => return None,
        };
        Some(list)
    }

    /// The items for the given roles in a phase, in pack order.
    pub fn checklist<'a>(&'a self, phase: &str, roles: &[&str]) -> Vec<&'a Check> {
        self.phase(phase)
            .unwrap_or_default()
            .iter()
            .filter(|c| roles.contains(&c.role.as_str()))
            .collect()
    }
}

impl PackContent for RolesPhasesContent {
    const ID: &'static str = "roles-phases";
    const EMBEDDED: &'static [(&'static str, &'static str)] = &[
        (
            "pack.toml",
            include_str!("../../../../knowledge/roles-phases/pack.toml"),
        ),
        (
            "phase-1-2.toml",
            include_str!("../../../../knowledge/roles-phases/phase-1-2.toml"),
        ),
        (
            "phase-3-4.toml",
            include_str!("../../../../knowledge/roles-phases/phase-3-4.toml"),
        ),
        (
            "phase-5-6.toml",
            include_str!("../../../../knowledge/roles-phases/phase-5-6.toml"),
        ),
        (
            "phase-7-8.toml",
            include_str!("../../../../knowledge/roles-phases/phase-7-8.toml"),
        ),
    ];

    fn meta(&self) -> &PackMeta {
        &self.pack
    }

    fn semantic_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        text_problems("pack.title", &self.pack.title, &mut problems);
        let ids = PHASES
            .iter()
            .flat_map(|p| self.phase(p).unwrap_or_default())
            .map(|c| c.id.as_str());
        duplicate_problems("roles-phases", ids, &mut problems);
        for phase in PHASES {
            let checks = self.phase(phase).unwrap_or_default();
            for c in checks {
                let at = format!("{phase}[{}]", c.id);
                if !ROLES.contains(&c.role.as_str()) {
                    problems.push(format!(
                        "{at}: unknown role {:?}; known roles: {}",
                        c.role,
                        ROLES.join(", ")
                    ));
                }
                text_problems(&format!("{at}.text"), &c.text, &mut problems);
                text_problems(&format!("{at}.why"), &c.why, &mut problems);
            }
            for role in ROLES {
                if !checks.iter().any(|c| c.role == *role) {
                    problems.push(format!("{phase}: no checklist item for role {role:?}"));
                }
            }
        }
        problems
    }
}
