//! The tender package as the API returns it: one stored version (draft or frozen) with the
//! generated `grip.tender-package/1` document inside, each item with the reason it was chosen.

use std::collections::BTreeMap;

use super::{ApiText, wire_name};
use grip_app::packages::{PackageItem, StoredPackage};
use serde::Serialize;
use utoipa::ToSchema;

/// One version of a dossier's tender package.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiPackageVersion {
    pub version: i64,
    /// `draft` or `frozen`.
    pub state: String,
    /// Epoch milliseconds.
    pub frozen_at: Option<i64>,
    pub frozen_by: Option<String>,
    /// SHA-256 of the frozen content.
    pub content_hash: Option<String>,
    /// Scenario slot values: `time`, `place`, `incident`, `people`, `load`.
    pub slots: BTreeMap<String, String>,
    /// Award-criterion groups whose weights do not add up to 100, each as `[group, sum]`.
    pub unbalanced: Vec<(String, i64)>,
    pub package: ApiTenderPackage,
}

/// The generated package (`grip.tender-package/1`); the JSON export has the same shape, made
/// for every bidder or one supplier (`supplier`), without internal reasons.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiTenderPackage {
    /// Always `grip.tender-package/1`.
    pub schema: String,
    pub title: String,
    /// Portfolio category code.
    pub category: String,
    /// The AI Act verdict the package was generated for, e.g. `high_risk`.
    pub verdict: String,
    /// `id@version sha256:HASH` of every knowledge pack used, so the package can be replayed.
    pub knowledge: Vec<String>,
    pub sections: Vec<ApiPackageSection>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiPackageSection {
    /// `disclosure`, `probing`, `scenario`, `requirement`, `clause` or `award`.
    pub kind: String,
    pub items: Vec<ApiPackageItem>,
}

/// One question, requirement, clause or criterion, linked to its knowledge item.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiPackageItem {
    /// Unique within the package; equals `knowledge_id` except for items made per finding.
    pub key: String,
    pub knowledge_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<ApiText>,
    pub text: ApiText,
    /// `knock_out`, `award` or `information`.
    #[serde(rename = "use")]
    pub use_: String,
    /// Which rule and which dossier fact selected the item. For the team only: the JSON
    /// download (`format=json`), which goes to suppliers, has the same shape with these empty.
    pub reason: ApiText,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purpose: Option<ApiText>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secures: Option<ApiText>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// 0 to 100, for award criteria.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<u32>,
    /// The knowledge item's own wording, present when the buyer has reworded the item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original: Option<ApiText>,
}

/// Texts are `{nl, en}` objects in every knowledge type; one macro avoids naming their type.
macro_rules! text {
    ($t:expr) => {
        ApiText {
            nl: $t.nl,
            en: $t.en,
        }
    };
}

impl From<PackageItem> for ApiPackageItem {
    fn from(i: PackageItem) -> Self {
        ApiPackageItem {
            key: i.key,
            knowledge_id: i.knowledge_id,
            title: i.title.map(|t| text!(t)),
            text: text!(i.text),
            use_: i.use_.as_str().into(),
            reason: text!(i.reason),
            purpose: i.purpose.map(|t| text!(t)),
            secures: i.secures.map(|t| text!(t)),
            source: i.source,
            group: i.group,
            weight: i.weight,
            original: i.original.map(|t| text!(t)),
        }
    }
}

impl From<StoredPackage> for ApiPackageVersion {
    fn from(s: StoredPackage) -> Self {
        let p = s.package;
        ApiPackageVersion {
            version: s.version,
            state: s.state.to_string(),
            frozen_at: s.frozen_at,
            frozen_by: s.frozen_by,
            content_hash: s.content_hash,
            slots: s.slots,
            unbalanced: s.unbalanced,
            package: ApiTenderPackage {
                verdict: wire_name(&p.verdict),
                schema: p.schema,
                title: p.title,
                category: p.category,
                knowledge: p.knowledge,
                sections: p
                    .sections
                    .into_iter()
                    .map(|section| ApiPackageSection {
                        kind: wire_name(&section.kind),
                        items: section.items.into_iter().map(Into::into).collect(),
                    })
                    .collect(),
            },
        }
    }
}
