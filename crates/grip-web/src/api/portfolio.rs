//! /api/v1/portfolio and /api/v1/spend: the portfolio's figures per category and the spend
//! behind them, as the pages show them, for what the caller may see.

use super::problem::{ApiError, Problem};
use crate::AppState;
use crate::auth::ApiActor;
use axum::Json;
use axum::extract::State;
use grip_app::{portfolio, spend};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::default()
        .routes(routes!(overview))
        .routes(routes!(spend_totals))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiCategoryFigures {
    /// The category's code in the portfolio pack; absent for dossiers without a category.
    pub category: Option<String>,
    pub name_nl: Option<String>,
    pub name_en: Option<String>,
    /// none, low, medium or high (the pack's exposure).
    pub exposure: Option<String>,
    pub reason_nl: Option<String>,
    pub reason_en: Option<String>,
    pub spend_cents: i64,
    pub dossiers: usize,
    pub high_risk: usize,
    pub contracts: usize,
    pub contract_value_cents: i64,
    /// Contracts whose dossier is classified high risk, or not (or undetermined) yet.
    pub value_at_risk_cents: i64,
    pub ai_systems: usize,
    pub open_escalations: usize,
    pub open_obligations: usize,
    pub first_obligation_date: Option<String>,
}

#[utoipa::path(get, path = "/portfolio", tag = "portfolio",
    responses((status = 200, body = Vec<ApiCategoryFigures>), (status = 401, body = Problem)))]
pub async fn overview(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
) -> Result<Json<Vec<ApiCategoryFigures>>, ApiError> {
    let rows = portfolio::overview(&state.app, &actor).await?;
    Ok(Json(
        rows.iter()
            .map(|r| ApiCategoryFigures {
                category: r.category.as_ref().map(|c| c.code.clone()),
                name_nl: r.category.as_ref().map(|c| c.name_nl.clone()),
                name_en: r.category.as_ref().map(|c| c.name_en.clone()),
                exposure: r.exposure().map(|e| e.code().to_string()),
                reason_nl: r.category.as_ref().map(|c| c.reason_nl.clone()),
                reason_en: r.category.as_ref().map(|c| c.reason_en.clone()),
                spend_cents: r.spend_cents,
                dossiers: r.dossiers.len(),
                high_risk: r.high_risk(),
                contracts: r.contracts.len(),
                contract_value_cents: r.contract_value_cents(),
                value_at_risk_cents: r.value_at_risk_cents(),
                ai_systems: r.ai_systems(),
                open_escalations: r.escalations.len(),
                open_obligations: r.obligations.len(),
                first_obligation_date: r.next_obligation_date().map(str::to_string),
            })
            .collect(),
    ))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiSpendCategory {
    /// The category's code; absent for spend no rule could place.
    pub category: Option<String>,
    pub lines: i64,
    pub cents: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiUnplacedSupplier {
    pub supplier: String,
    /// The key a placement names (`POST /spend/suppliers` on the pages).
    pub supplier_key: String,
    pub lines: i64,
    pub cents: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiSpend {
    pub lines: i64,
    pub cents: i64,
    pub unplaced_lines: i64,
    pub unplaced_cents: i64,
    pub by_category: Vec<ApiSpendCategory>,
    /// The unplaced suppliers with the most spend first (at most 50).
    pub unplaced_suppliers: Vec<ApiUnplacedSupplier>,
}

#[utoipa::path(get, path = "/spend", tag = "portfolio",
    responses((status = 200, body = ApiSpend), (status = 401, body = Problem)))]
pub async fn spend_totals(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
) -> Result<Json<ApiSpend>, ApiError> {
    let data = spend::overview(&state.app, &actor).await?;
    let (unplaced_lines, unplaced_cents) = data.totals.unplaced();
    Ok(Json(ApiSpend {
        lines: data.totals.lines,
        cents: data.totals.cents,
        unplaced_lines,
        unplaced_cents,
        by_category: data
            .totals
            .by_category
            .into_iter()
            .map(|(category, lines, cents)| ApiSpendCategory {
                category,
                lines,
                cents,
            })
            .collect(),
        unplaced_suppliers: data
            .unplaced
            .into_iter()
            .map(|s| ApiUnplacedSupplier {
                supplier: s.supplier,
                supplier_key: s.supplier_key,
                lines: s.lines,
                cents: s.cents,
            })
            .collect(),
    }))
}
