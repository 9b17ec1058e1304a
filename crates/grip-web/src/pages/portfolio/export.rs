//! The portfolio overview as XLSX and CSV, in the reader's language, figures as numbers.

use super::row_name;
use crate::AppState;
use crate::auth::Viewer;
use crate::error::PageError;
use crate::i18n::Lang;
use axum::extract::{Query, State};
use axum::response::Response;
use grip_app::portfolio::{self, CategoryFigures};
use grip_workbook::{Cell, Sheet};

fn number(n: i64) -> Cell {
    Cell::Number(n as f64)
}

/// The overview as a table: one row per category, the figures as numbers so they sort and sum.
fn table(lang: Lang, data: &[CategoryFigures]) -> Sheet {
    let headers = [
        "portfolio-category",
        "portfolio-exposure",
        "portfolio-reason",
        "portfolio-spend-eur",
        "portfolio-dossiers",
        "portfolio-high-risk",
        "portfolio-contracts",
        "portfolio-contract-value-eur",
        "portfolio-value-at-risk-eur",
        "portfolio-ai-systems",
        "portfolio-escalations",
        "portfolio-obligations",
        "portfolio-first-obligation",
    ];
    let rows = data
        .iter()
        .map(|r| {
            let (exposure, reason) = match &r.category {
                Some(c) => (
                    lang.t(&format!("exposure.{}", c.exposure.code()))
                        .to_string(),
                    lang.pick(&c.reason_nl, &c.reason_en).to_string(),
                ),
                None => (String::new(), String::new()),
            };
            vec![
                Cell::Text(row_name(lang, r)),
                Cell::Text(exposure),
                Cell::Text(reason),
                Cell::Number(r.spend_cents as f64 / 100.0),
                number(r.dossiers.len() as i64),
                number(r.high_risk() as i64),
                number(r.contracts.len() as i64),
                Cell::Number(r.contract_value_cents() as f64 / 100.0),
                Cell::Number(r.value_at_risk_cents() as f64 / 100.0),
                number(r.ai_systems() as i64),
                number(r.escalations.len() as i64),
                number(r.obligations.len() as i64),
                r.next_obligation_date()
                    .map_or(Cell::Empty, |d| Cell::Text(d.to_string())),
            ]
        })
        .collect();
    Sheet {
        name: lang.t("portfolio-sheet").to_string(),
        headers: headers.iter().map(|h| lang.t(h).to_string()).collect(),
        rows,
    }
}

pub(super) async fn export(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<crate::downloads::FormatQuery>,
) -> Result<Response, PageError> {
    let data = portfolio::overview(&state.app, &viewer.actor).await?;
    let sheet = table(viewer.lang, &data);
    crate::downloads::table_response("portfolio", &q.format, sheet)
}
