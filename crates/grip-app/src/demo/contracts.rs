//! The demo's contracts, recorded through the same use cases people use: a contract with the
//! baseline at signature, and the change notices received since, each triaged.

use std::collections::HashMap;

use serde::Deserialize;

use crate::contracts::{self, NewContract};
use crate::{Actor, App, AppError};

const CONTRACTS_TOML: &str = include_str!("../../demo/contracts.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContractsData {
    contract: Vec<DemoContract>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoContract {
    dossier: String,
    supplier: String,
    starts_on: String,
    ends_on: String,
    value_eur: i64,
    baseline: String,
    #[serde(default)]
    notice: Vec<DemoNotice>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoNotice {
    name: String,
    text: String,
}

pub(super) async fn run(
    app: &App,
    dossier_ids: &HashMap<String, String>,
    actor_of: &dyn Fn(&str) -> Result<Actor, AppError>,
) -> Result<(), AppError> {
    let data: ContractsData = toml::from_str(CONTRACTS_TOML)
        .map_err(|e| AppError::Internal(format!("demo contracts: {e}")))?;
    let manager = actor_of("contractmanager")?;
    for c in data.contract {
        let Some(dossier_id) = dossier_ids.get(&c.dossier) else {
            continue;
        };
        let new = NewContract {
            supplier: c.supplier,
            starts_on: Some(c.starts_on),
            ends_on: Some(c.ends_on),
            value_cents: Some(c.value_eur * 100),
            baseline: c.baseline,
        };
        let contract = contracts::create(app, &manager, dossier_id, new).await?;
        let files = c
            .notice
            .into_iter()
            .map(|n| (n.name, n.text.into_bytes()))
            .collect();
        contracts::record_notices(app, &manager, &contract.id, files).await?;
    }
    Ok(())
}
