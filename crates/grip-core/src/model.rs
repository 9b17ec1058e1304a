//! The model register: the AI models inside procured systems. One model can sit in several
//! products (the same face-matching engine in two camera brands); the register shows it both
//! ways, the models of a system and the systems of a model.

use serde::Serialize;

use crate::ids::{InventoryItemId, ModelId};

crate::code_enum! {
    /// What a model takes in or puts out.
    pub enum Modality {
        Text = "text",
        Speech = "speech",
        Audio = "audio",
        Image = "image",
        Video = "video",
        Biometric = "biometric",
        Tabular = "tabular",
        Multimodal = "multimodal",
        Other = "other",
    }
}

crate::code_enum! {
    /// Where a model runs in a given product.
    pub enum Hosting {
        OnDevice = "on_device",
        OnPremises = "on_premises",
        CloudEu = "cloud_eu",
        CloudOutsideEu = "cloud_outside_eu",
        Unknown = "unknown",
    }
}

/// A model, known by name, version and provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Model {
    pub id: ModelId,
    pub name: String,
    /// Empty when the supplier did not say.
    pub version: String,
    /// Who makes the model (not always the supplier of the product).
    pub provider: String,
    pub modality: Modality,
    /// What it was trained on, where known.
    pub training_data: String,
    pub created_at: i64,
}

/// A model in one component of one system.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModelUse {
    pub item_id: InventoryItemId,
    pub item_name: String,
    pub model: Model,
    /// The component of the system that holds the model ("Face Match", "Redactiemodule").
    pub component: String,
    pub hosting: Hosting,
    pub created_by: String,
    pub created_at: i64,
}

/// What is needed to record a model in a system's component.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ModelUseInput {
    pub component: String,
    pub name: String,
    pub version: String,
    pub provider: String,
    pub modality: Option<Modality>,
    pub hosting: Option<Hosting>,
    pub training_data: String,
}
