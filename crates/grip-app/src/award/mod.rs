//! The award step: bids on the frozen package, the checks Grip runs on them, independent
//! scoring with a consensus round, and decision records sealed by their sign-offs.

pub mod bids;
pub mod checks;
pub mod consensus;
mod copies;
pub mod decisions;
pub mod documents;
pub mod evidence;
mod letters;
pub mod scoring;
pub mod workbook;

use grip_core::package::PackageState;
use grip_knowledge::tender::{SectionKind, Use};
use grip_store::{Conn, packages};

use crate::AppError;
use crate::packages::StoredPackage;

/// The interests pack compiled into this binary, loaded and validated once per process.
pub fn interests_pack() -> Result<&'static grip_knowledge::tender::InterestsPack, AppError> {
    static PACK: std::sync::OnceLock<Result<grip_knowledge::tender::InterestsPack, String>> =
        std::sync::OnceLock::new();
    PACK.get_or_init(|| {
        grip_knowledge::tender::InterestsPack::embedded().map_err(|e| e.to_string())
    })
    .as_ref()
    .map_err(|e| AppError::Internal(format!("the interests pack is invalid: {e}")))
}

/// One award criterion of a frozen package, as assessors score it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Criterion {
    pub key: String,
    pub title_nl: String,
    pub title_en: String,
    pub text_nl: String,
    pub text_en: String,
    pub weight: u32,
}

/// The frozen package version `version` of a dossier (the newest frozen one when None).
pub(crate) async fn frozen_package(
    conn: &mut Conn,
    dossier_id: &str,
    version: Option<i64>,
) -> Result<StoredPackage, AppError> {
    let header = match version {
        Some(v) => packages::by_version(conn, dossier_id, v).await?,
        None => packages::versions(conn, dossier_id)
            .await?
            .into_iter()
            .find(|p| p.state == PackageState::Frozen),
    };
    let header = header.ok_or_else(|| {
        AppError::Conflict(
            "Dit dossier heeft nog geen bevroren aanbestedingspakket; inschrijvingen horen bij \
             een bevroren versie."
                .into(),
        )
    })?;
    if header.state != PackageState::Frozen {
        return Err(AppError::Conflict(format!(
            "Versie {} van het pakket is nog niet bevroren; inschrijvingen horen bij een \
             bevroren versie.",
            header.version
        )));
    }
    crate::packages::load(conn, header).await
}

/// The award criteria of a package in package order.
pub fn criteria(package: &StoredPackage) -> Vec<Criterion> {
    package
        .package
        .section(SectionKind::Award)
        .map(|s| s.items.as_slice())
        .unwrap_or_default()
        .iter()
        .filter(|i| i.use_ == Use::Award)
        .map(|i| Criterion {
            key: i.key.clone(),
            title_nl: i
                .title
                .as_ref()
                .map_or_else(|| i.text.nl.clone(), |t| t.nl.clone()),
            title_en: i
                .title
                .as_ref()
                .map_or_else(|| i.text.en.clone(), |t| t.en.clone()),
            text_nl: i.text.nl.clone(),
            text_en: i.text.en.clone(),
            weight: i.weight.unwrap_or(0),
        })
        .collect()
}
