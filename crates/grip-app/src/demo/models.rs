//! The demo's model register, recorded through the same use case people use: models in demo
//! systems, one face-matching engine in two products.

use serde::Deserialize;

use crate::models::{self, ModelForm};
use crate::{Actor, App, AppError, Paging};
use grip_core::inventory::InventoryFilter;

const MODELS_TOML: &str = include_str!("../../demo/models.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ModelsData {
    #[serde(rename = "use")]
    uses: Vec<DemoUse>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoUse {
    system: String,
    component: String,
    name: String,
    version: String,
    provider: String,
    modality: String,
    hosting: String,
    training_data: String,
}

pub(super) async fn run(app: &App, buyer: &Actor) -> Result<(), AppError> {
    let data: ModelsData =
        toml::from_str(MODELS_TOML).map_err(|e| AppError::Internal(format!("demo models: {e}")))?;
    for u in data.uses {
        let item_id = system_id(app, buyer, &u.system).await?;
        let form = ModelForm {
            component: u.component,
            name: u.name,
            version: u.version,
            provider: u.provider,
            modality: u.modality,
            hosting: u.hosting,
            training_data: u.training_data,
        };
        models::record_use(app, buyer, &item_id, &form).await?;
    }
    Ok(())
}

/// The demo system with exactly this name.
pub(super) async fn system_id(app: &App, actor: &Actor, name: &str) -> Result<String, AppError> {
    let filter = InventoryFilter {
        query: Some(name.into()),
        ..InventoryFilter::default()
    };
    let page = crate::inventory::list(app, actor, &filter, Paging::new(Some(1), Some(5))).await?;
    page.items
        .into_iter()
        .find(|s| s.item.name == name)
        .map(|s| s.item.id.into_string())
        .ok_or_else(|| AppError::Internal(format!("demo: no system {name}")))
}
