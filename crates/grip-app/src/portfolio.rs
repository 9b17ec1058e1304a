//! The portfolio: which products and services are most affected by AI. Per procurement
//! category its exposure from the `portfolio` pack (with the pack's reason), and the figures
//! behind it that a buyer can act on: dossiers by phase, high-risk classifications, contracts
//! and their value under high-risk or not yet determined AI, AI in the inventory, open
//! escalations and open obligations with their AI Act dates. Need-to-know holds: only what
//! the reader may see is counted.

pub use grip_knowledge::portfolio::*;

use crate::{Actor, App, AppError};
use grip_core::catalogue::{Category, Exposure};
use grip_store::portfolio as facts;
pub use grip_store::portfolio::{
    ContractFact, DossierFact, EscalationFact, ObligationFact, SystemFact,
};

/// Verdicts under which a contract's value counts as "under high-risk or undetermined AI".
fn at_risk(verdict: Option<&str>) -> bool {
    matches!(
        verdict,
        None | Some("high_risk" | "prohibited" | "undetermined")
    )
}

/// Everything the overview knows of one category (or of dossiers without one).
#[derive(Debug, Clone, Default)]
pub struct CategoryFigures {
    pub category: Option<Category>,
    /// Imported spend placed in the category (for the row without one: unplaced spend).
    pub spend_cents: i64,
    pub dossiers: Vec<DossierFact>,
    pub contracts: Vec<ContractFact>,
    pub systems: Vec<SystemFact>,
    pub escalations: Vec<EscalationFact>,
    pub obligations: Vec<ObligationFact>,
}

impl CategoryFigures {
    pub fn exposure(&self) -> Option<Exposure> {
        self.category.as_ref().map(|c| c.exposure)
    }

    pub fn high_risk(&self) -> usize {
        self.dossiers
            .iter()
            .filter(|d| matches!(d.verdict.as_deref(), Some("high_risk" | "prohibited")))
            .count()
    }

    pub fn contract_value_cents(&self) -> i64 {
        self.contracts.iter().filter_map(|c| c.value_cents).sum()
    }

    /// Contracts whose dossier's newest verdict is high risk (or prohibited) or is not yet
    /// settled (undetermined, or no classification at all).
    pub fn contracts_at_risk(&self) -> impl Iterator<Item = &ContractFact> {
        self.contracts
            .iter()
            .filter(|c| at_risk(c.verdict.as_deref()))
    }

    pub fn value_at_risk_cents(&self) -> i64 {
        self.contracts_at_risk().filter_map(|c| c.value_cents).sum()
    }

    /// Systems with AI confirmed or suspected.
    pub fn ai_systems(&self) -> usize {
        self.systems
            .iter()
            .filter(|s| matches!(s.ai_exposure.as_str(), "confirmed" | "suspected"))
            .count()
    }

    /// The earliest AI Act date among the open obligations.
    pub fn next_obligation_date(&self) -> Option<&str> {
        self.obligations
            .iter()
            .map(|o| o.applies_from.as_str())
            .min()
    }

    fn is_empty(&self) -> bool {
        self.dossiers.is_empty()
            && self.contracts.is_empty()
            && self.systems.is_empty()
            && self.spend_cents == 0
    }
}

/// The overview, most exposed categories first; dossiers without a category last.
pub async fn overview(app: &App, actor: &Actor) -> Result<Vec<CategoryFigures>, AppError> {
    let mut conn = app.store.conn().await?;
    let scope = crate::access::read_scope(&mut conn, actor).await?;
    let categories = grip_store::catalogue::list_categories(&mut conn).await?;
    let mut rows: Vec<CategoryFigures> = categories
        .into_iter()
        .map(|c| CategoryFigures {
            category: Some(c),
            ..CategoryFigures::default()
        })
        .chain(std::iter::once(CategoryFigures::default()))
        .collect();
    let index = |rows: &[CategoryFigures], id: Option<&str>| {
        rows.iter()
            .position(|r| r.category.as_ref().map(|c| c.id.as_str()) == id)
            .unwrap_or(rows.len() - 1)
    };
    for d in facts::dossiers(&mut conn, &scope).await? {
        let i = index(&rows, d.category_id.as_deref());
        rows[i].dossiers.push(d);
    }
    for c in facts::contracts(&mut conn, &scope).await? {
        let i = index(&rows, c.category_id.as_deref());
        rows[i].contracts.push(c);
    }
    for s in facts::systems(&mut conn, &scope).await? {
        let i = index(&rows, s.category_id.as_deref());
        rows[i].systems.push(s);
    }
    for e in facts::open_escalations(&mut conn, &scope).await? {
        let i = index(&rows, e.category_id.as_deref());
        rows[i].escalations.push(e);
    }
    for o in facts::open_obligations(&mut conn, &scope).await? {
        let i = index(&rows, o.category_id.as_deref());
        rows[i].obligations.push(o);
    }
    for (code, _, cents) in grip_store::spend::totals(&mut conn, None)
        .await?
        .by_category
    {
        let i = match code {
            Some(code) => rows
                .iter()
                .position(|r| r.category.as_ref().is_some_and(|c| c.code == code))
                .unwrap_or(rows.len() - 1),
            None => rows.len() - 1,
        };
        rows[i].spend_cents += cents;
    }
    if rows.last().is_some_and(CategoryFigures::is_empty) {
        rows.pop();
    }
    rows.sort_by_key(|r| {
        (
            std::cmp::Reverse(r.exposure()),
            std::cmp::Reverse(r.high_risk()),
            std::cmp::Reverse(r.value_at_risk_cents()),
            std::cmp::Reverse(r.dossiers.len()),
        )
    });
    Ok(rows)
}

/// One category's figures with the lists behind them.
pub async fn category(app: &App, actor: &Actor, id: &str) -> Result<CategoryFigures, AppError> {
    overview(app, actor)
        .await?
        .into_iter()
        .find(|r| r.category.as_ref().is_some_and(|c| c.id.as_str() == id))
        .ok_or(AppError::NotFound("category"))
}
