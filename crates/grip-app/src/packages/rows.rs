//! Between the generator's `TenderPackage` and the stored rows: a package version is stored as
//! a header and one row per item, and read back into the same shape for pages and exports.

use grip_core::package::PackageVersion;
use grip_knowledge::Text;
use grip_knowledge::tender::{PackageItem, Section, SectionKind, TenderPackage, Use};
use grip_store::packages::ItemRow;

use crate::AppError;

/// The wire name of a serde enum (`knock_out`, `disclosure`, `high_risk`, ...).
pub(crate) fn wire_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Parses a wire name back into a serde enum.
pub(crate) fn from_wire<T: serde::de::DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
}

pub fn parse_use(name: &str) -> Option<Use> {
    from_wire(name)
}

pub fn parse_section(name: &str) -> Option<SectionKind> {
    from_wire(name)
}

pub(crate) fn item_row(
    package_id: &str,
    section: SectionKind,
    ordinal: i64,
    item: &PackageItem,
) -> ItemRow {
    let original = item.original.as_ref().unwrap_or(&item.text);
    ItemRow {
        package_id: package_id.into(),
        item_key: item.key.clone(),
        section: wire_name(&section),
        ordinal,
        knowledge_id: item.knowledge_id.clone(),
        title_nl: item.title.as_ref().map(|t| t.nl.clone()),
        title_en: item.title.as_ref().map(|t| t.en.clone()),
        text_nl: item.text.nl.clone(),
        text_en: item.text.en.clone(),
        original_nl: original.nl.clone(),
        original_en: original.en.clone(),
        use_kind: wire_name(&item.use_),
        reason_nl: item.reason.nl.clone(),
        reason_en: item.reason.en.clone(),
        purpose_nl: item.purpose.as_ref().map(|t| t.nl.clone()),
        purpose_en: item.purpose.as_ref().map(|t| t.en.clone()),
        secures_nl: item.secures.as_ref().map(|t| t.nl.clone()),
        secures_en: item.secures.as_ref().map(|t| t.en.clone()),
        source: item.source.clone(),
        award_group: item.group.clone(),
        weight: item.weight.map(i64::from),
        supplier_id: item.addressee.clone(),
    }
}

fn text(nl: &Option<String>, en: &Option<String>) -> Option<Text> {
    match (nl, en) {
        (Some(nl), Some(en)) => Some(Text {
            nl: nl.clone(),
            en: en.clone(),
        }),
        _ => None,
    }
}

fn item(row: &ItemRow) -> Result<PackageItem, AppError> {
    let use_ = parse_use(&row.use_kind)
        .ok_or_else(|| AppError::Internal(format!("stored use '{}' is unknown", row.use_kind)))?;
    let changed = row.text_nl != row.original_nl || row.text_en != row.original_en;
    Ok(PackageItem {
        key: row.item_key.clone(),
        knowledge_id: row.knowledge_id.clone(),
        title: text(&row.title_nl, &row.title_en),
        text: Text {
            nl: row.text_nl.clone(),
            en: row.text_en.clone(),
        },
        use_,
        reason: Text {
            nl: row.reason_nl.clone(),
            en: row.reason_en.clone(),
        },
        purpose: text(&row.purpose_nl, &row.purpose_en),
        secures: text(&row.secures_nl, &row.secures_en),
        source: row.source.clone(),
        group: row.award_group.clone(),
        weight: row.weight.and_then(|w| u32::try_from(w).ok()),
        original: changed.then(|| Text {
            nl: row.original_nl.clone(),
            en: row.original_en.clone(),
        }),
        addressee: row.supplier_id.clone(),
    })
}

/// The package as stored: every section in the fixed order, items by their ordinal.
pub(crate) fn assemble(
    header: &PackageVersion,
    rows: &[ItemRow],
) -> Result<TenderPackage, AppError> {
    let mut sections = Vec::new();
    for kind in SectionKind::ALL {
        let name = wire_name(&kind);
        let mut in_section: Vec<&ItemRow> = rows.iter().filter(|r| r.section == name).collect();
        in_section.sort_by_key(|r| r.ordinal);
        let items = in_section
            .into_iter()
            .map(item)
            .collect::<Result<Vec<_>, _>>()?;
        sections.push(Section { kind, items });
    }
    Ok(TenderPackage {
        schema: grip_knowledge::tender::TENDER_PACKAGE_SCHEMA.to_string(),
        title: header.title.clone(),
        category: header.category.clone(),
        verdict: from_wire(&header.verdict).ok_or_else(|| {
            AppError::Internal(format!("stored verdict '{}' is unknown", header.verdict))
        })?,
        knowledge: serde_json::from_str(&header.knowledge).unwrap_or_default(),
        sections,
    })
}
