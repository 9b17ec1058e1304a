//! The demo's classifications, recorded through the same use case people use: the camera
//! system whose update added face matching is a high-risk system (Annex III point 1(a)), so
//! the portfolio, the register's Art. 49(4) route and the obligations have a case to show.

use std::collections::HashMap;

use serde::Deserialize;

use crate::classification::{self, Submission};
use crate::{Actor, App, AppError};

const CLASSIFICATIONS_JSON: &str = include_str!("../../demo/classifications.json");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoClassification {
    dossier: String,
    as_of: jiff::civil::Date,
    profile: serde_json::Value,
}

pub(super) async fn run(
    app: &App,
    dossier_ids: &HashMap<String, String>,
    buyer: &Actor,
) -> Result<(), AppError> {
    let data: Vec<DemoClassification> = serde_json::from_str(CLASSIFICATIONS_JSON)
        .map_err(|e| AppError::Internal(format!("demo classifications: {e}")))?;
    for c in data {
        let Some(dossier_id) = dossier_ids.get(&c.dossier) else {
            continue;
        };
        let submission = Submission {
            profile: c.profile,
            answers: Default::default(),
            justifications: Default::default(),
            as_of: Some(c.as_of),
        };
        classification::record(app, buyer, dossier_id, submission).await?;
    }
    Ok(())
}
