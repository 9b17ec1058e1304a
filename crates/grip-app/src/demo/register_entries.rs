//! The demo's register entries, through the same use cases people use: the organisation's
//! contact address, supplier entries in publication standard 1.0 (one into a system the demo
//! has, one that makes a new system), and the fields the organisation writes itself.

use serde::Deserialize;

use crate::register::{self, ImportedFile, OwnFieldsInput};
use crate::{Actor, App, AppError};

const REGISTER_TOML: &str = include_str!("../../demo/register.toml");

/// The supplier files, by the name `register.toml` gives them.
const FILES: &[(&str, &str)] = &[
    (
        "werkplek-suite.json",
        include_str!("../../demo/register/werkplek-suite.json"),
    ),
    (
        "saliva-read.json",
        include_str!("../../demo/register/saliva-read.json"),
    ),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegisterData {
    organization: String,
    contact_email: String,
    entry: Vec<DemoEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoEntry {
    file: String,
    #[serde(default)]
    system: Option<String>,
    publication_category: String,
    lawful_basis: String,
    proportionality: String,
}

fn demo_error(what: impl std::fmt::Display) -> AppError {
    AppError::Internal(format!("demo register: {what}"))
}

pub(super) async fn run(app: &App, admin: &Actor, buyer: &Actor) -> Result<(), AppError> {
    let data: RegisterData = toml::from_str(REGISTER_TOML).map_err(demo_error)?;
    let settings = register::RegisterSettings {
        organization: data.organization,
        contact_email: data.contact_email,
    };
    register::set_settings(app, admin, &settings).await?;
    for entry in data.entry {
        let (_, text) = FILES
            .iter()
            .find(|(name, _)| *name == entry.file)
            .ok_or_else(|| demo_error(format!("no file {}", entry.file)))?;
        let item_id = match &entry.system {
            Some(name) => {
                let id = super::models::system_id(app, buyer, name).await?;
                register::import_entry_into(app, buyer, &id, text.as_bytes()).await?;
                id
            }
            None => match register::import_file(app, buyer, text.as_bytes()).await? {
                ImportedFile::Standard(report) => report
                    .items
                    .into_iter()
                    .next()
                    .map(|(id, _)| id)
                    .ok_or_else(|| demo_error("the file made no system"))?,
                ImportedFile::Listing(_) => return Err(demo_error("a listing, not an entry")),
            },
        };
        let own = OwnFieldsInput {
            publication_category: entry.publication_category,
            lawful_basis: entry.lawful_basis,
            proportionality: entry.proportionality,
            begin_date: String::new(),
        };
        register::update_own_fields(app, buyer, &item_id, &own).await?;
    }
    Ok(())
}
