//! What changed between two classifications of the same dossier: the verdict, the
//! obligations and the missing facts. Shown on the result page and written to the audit event.

use grip_knowledge::Classification;
use serde::Serialize;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Changes {
    /// `None` for the first classification of a dossier.
    pub verdict_from: Option<String>,
    pub verdict_to: String,
    /// Obligation ids new in this classification.
    pub obligations_added: Vec<String>,
    /// Obligation ids the previous classification had and this one no longer has.
    pub obligations_removed: Vec<String>,
    /// Facts that were missing before and are answered now.
    pub missing_resolved: Vec<String>,
    /// Facts missing now that were not missing before.
    pub missing_new: Vec<String>,
}

impl Changes {
    pub fn between(before: Option<&Classification>, after: &Classification) -> Changes {
        let ids = |c: &Classification| {
            c.obligations
                .iter()
                .map(|o| o.id.clone())
                .collect::<Vec<_>>()
        };
        let after_ids = ids(after);
        let before_ids = before.map(ids).unwrap_or_default();
        let before_missing = before.map(|b| b.missing.clone()).unwrap_or_default();
        let minus = |a: &[String], b: &[String]| {
            a.iter()
                .filter(|x| !b.contains(x))
                .cloned()
                .collect::<Vec<_>>()
        };
        Changes {
            verdict_from: before.map(|b| b.verdict.as_str().to_string()),
            verdict_to: after.verdict.as_str().to_string(),
            obligations_added: if before.is_some() {
                minus(&after_ids, &before_ids)
            } else {
                Vec::new()
            },
            obligations_removed: minus(&before_ids, &after_ids),
            missing_resolved: minus(&before_missing, &after.missing),
            missing_new: if before.is_some() {
                minus(&after.missing, &before_missing)
            } else {
                Vec::new()
            },
        }
    }

    pub fn is_first(&self) -> bool {
        self.verdict_from.is_none()
    }

    pub fn verdict_changed(&self) -> bool {
        self.verdict_from
            .as_deref()
            .is_some_and(|from| from != self.verdict_to)
    }

    pub fn nothing_changed(&self) -> bool {
        !self.is_first()
            && !self.verdict_changed()
            && self.obligations_added.is_empty()
            && self.obligations_removed.is_empty()
            && self.missing_resolved.is_empty()
            && self.missing_new.is_empty()
    }
}
