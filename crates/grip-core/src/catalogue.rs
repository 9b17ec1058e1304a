//! The catalogue: procurement categories with CPV codes and their AI exposure, and suppliers.

use serde::Serialize;

use crate::ids::{CategoryId, SupplierId};

crate::code_enum! {
    /// How likely it is that products in a category carry AI today.
    pub enum Exposure {
        None = "none",
        Low = "low",
        Medium = "medium",
        High = "high",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Category {
    pub id: CategoryId,
    pub code: String,
    pub name_nl: String,
    pub name_en: String,
    pub cpv_codes: Vec<String>,
    pub exposure: Exposure,
    pub reason_nl: String,
    pub reason_en: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Supplier {
    pub id: SupplierId,
    pub name: String,
    /// Chamber of Commerce (KvK) number.
    pub kvk: String,
    pub city: String,
    pub description: String,
    pub created_at: i64,
}
