//! `grip knowledge check`: load every registered pack (embedded, or from a directory of
//! pack folders) and report its id, version, hash and problems. New packs add one entry
//! to `REGISTERED_PACKS`.

use std::fmt;
use std::path::Path;

use crate::AiActPack;
use crate::changes::ChangesContent;
use crate::tender::{
    ClausesContent, InterestsContent, KnowledgePack, PackContent, QuestionsContent,
    RolesPhasesContent,
};

/// One registered pack: its id (= folder name under `knowledge/`) and how to check it.
pub struct PackSpec {
    pub id: &'static str,
    pub check: fn(Option<&Path>) -> PackReport,
}

/// Every pack `check_packs` knows. Later packs (indicators, portfolio) register here.
pub const REGISTERED_PACKS: &[PackSpec] = &[
    PackSpec {
        id: AiActPack::ID,
        check: check_ai_act,
    },
    PackSpec {
        id: QuestionsContent::ID,
        check: check_tender_pack::<QuestionsContent>,
    },
    PackSpec {
        id: ClausesContent::ID,
        check: check_tender_pack::<ClausesContent>,
    },
    PackSpec {
        id: RolesPhasesContent::ID,
        check: check_tender_pack::<RolesPhasesContent>,
    },
    PackSpec {
        id: InterestsContent::ID,
        check: check_tender_pack::<InterestsContent>,
    },
    PackSpec {
        id: ChangesContent::ID,
        check: check_tender_pack::<ChangesContent>,
    },
];

/// The result of checking one pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackReport {
    pub id: String,
    /// Where the pack came from: `embedded` or the directory path.
    pub origin: String,
    pub version: Option<String>,
    pub content_hash: Option<String>,
    pub problems: Vec<String>,
}

impl PackReport {
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

impl fmt::Display for PackReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let version = self.version.as_deref().unwrap_or("?");
        let hash = self.content_hash.as_deref().unwrap_or("-");
        if self.is_ok() {
            write!(
                f,
                "{} {} ({}) sha256:{} ok",
                self.id, version, self.origin, hash
            )
        } else {
            writeln!(f, "{} {} ({}) FAILED", self.id, version, self.origin)?;
            for problem in &self.problems {
                writeln!(f, "  - {problem}")?;
            }
            Ok(())
        }
    }
}

/// Check all registered packs. With `dir`, each pack is read from `dir/<id>/`;
/// without, the embedded copies are checked.
pub fn check_packs(dir: Option<&Path>) -> Vec<PackReport> {
    REGISTERED_PACKS
        .iter()
        .map(|spec| (spec.check)(dir))
        .collect()
}

fn check_ai_act(dir: Option<&Path>) -> PackReport {
    let (origin, loaded) = match dir {
        None => ("embedded".to_string(), AiActPack::embedded()),
        Some(root) => {
            let path = root.join(AiActPack::ID);
            (path.display().to_string(), AiActPack::load_from_dir(&path))
        }
    };
    match loaded {
        Ok(pack) => PackReport {
            id: AiActPack::ID.to_string(),
            origin,
            version: Some(pack.version().to_string()),
            content_hash: Some(pack.content_hash()),
            problems: vec![],
        },
        Err(error) => PackReport {
            id: AiActPack::ID.to_string(),
            origin,
            version: None,
            content_hash: None,
            problems: error.problems(),
        },
    }
}

fn check_tender_pack<C: PackContent>(dir: Option<&Path>) -> PackReport {
    let (origin, loaded) = match dir {
        None => ("embedded".to_string(), KnowledgePack::<C>::embedded()),
        Some(root) => {
            let path = root.join(C::ID);
            (
                path.display().to_string(),
                KnowledgePack::<C>::load_from_dir(&path),
            )
        }
    };
    match loaded {
        Ok(pack) => PackReport {
            id: C::ID.to_string(),
            origin,
            version: Some(pack.version().to_string()),
            content_hash: Some(pack.content_hash()),
            problems: vec![],
        },
        Err(error) => PackReport {
            id: C::ID.to_string(),
            origin,
            version: None,
            content_hash: None,
            problems: error.problems(),
        },
    }
}
