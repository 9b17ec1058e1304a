//! One category of the portfolio with the lists behind its figures: the exposure and its
//! reason, dossiers with phase and verdict, contracts with value, AI systems, open
//! escalations and obligations.

use super::{NONE, euros_short, row_name};
use crate::AppState;
use crate::auth::Viewer;
use crate::error::{PageError, render};
use crate::shell::Shell;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use grip_app::portfolio::{self, CategoryFigures};

#[derive(Template)]
#[template(path = "portfolio/category.html")]
struct CategoryPage {
    shell: Shell,
    name: String,
    r: CategoryFigures,
    exposure: String,
    reason: String,
    cpv: String,
    value: String,
    value_at_risk: String,
    spend: String,
}

pub(super) async fn category(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let r = if id == NONE {
        portfolio::overview(&state.app, &viewer.actor)
            .await?
            .into_iter()
            .find(|r| r.category.is_none())
            .unwrap_or_default()
    } else {
        portfolio::category(&state.app, &viewer.actor, &id).await?
    };
    let (exposure, reason, cpv) = match &r.category {
        Some(c) => (
            lang.t(&format!("exposure.{}", c.exposure.code()))
                .to_string(),
            lang.pick(&c.reason_nl, &c.reason_en).to_string(),
            c.cpv_codes.join(", "),
        ),
        None => (
            "—".into(),
            lang.t("portfolio-uncategorised-help").to_string(),
            String::new(),
        ),
    };
    render(&CategoryPage {
        shell: Shell::new(&viewer, "portfolio", &format!("/portfolio/{id}")),
        name: row_name(lang, &r),
        exposure,
        reason,
        cpv,
        value: euros_short(lang, r.contract_value_cents()),
        value_at_risk: euros_short(lang, r.value_at_risk_cents()),
        spend: euros_short(lang, r.spend_cents),
        r,
    })
}

impl CategoryPage {
    fn phase(&self, code: &str) -> &'static str {
        grip_core::Phase::parse(code)
            .map(|p| self.shell.phase(&p))
            .unwrap_or("—")
    }

    fn verdict(&self, v: &Option<String>) -> String {
        match v {
            Some(code) => {
                crate::pages::classification::verdict_label(self.shell.lang, code).to_string()
            }
            None => self.shell.t("inv_unclassified").to_string(),
        }
    }

    fn euros(&self, cents: &Option<i64>) -> String {
        cents.map_or("—".into(), |c| euros_short(self.shell.lang, c))
    }

    fn exposure_of(&self, code: &str) -> String {
        crate::pages::inventory::exposure_label(self.shell.lang, code)
    }

    fn role(&self, code: &str) -> String {
        self.shell.lang.role_id(code)
    }

    fn at_risk(&self, c: &portfolio::ContractFact) -> bool {
        self.r.contracts_at_risk().any(|k| k.id == c.id)
    }
}
