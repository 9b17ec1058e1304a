//! The export in the publication standard: every selected system that is complete, as the
//! register validates it; the others named with what keeps them out.

use super::entry::view_in;
use crate::{Actor, App, AppError};
use grip_register::export::{Export, export as export_entry};
use grip_register::{Finding, Publication};
use grip_store::register_entries;
use serde_json::{Map, Value};

#[derive(Debug, Default)]
pub struct ExportReport {
    /// Entries valid under the standard, ready for the register.
    pub entries: Vec<Map<String, Value>>,
    /// Systems not for the public register, with the reason and article.
    pub withheld: Vec<(String, Publication)>,
    /// Systems with required fields still empty or values to fix.
    pub incomplete: Vec<(String, Vec<Finding>)>,
}

/// One system (`system`), or every system with an entry that the actor may read.
pub async fn export(
    app: &App,
    actor: &Actor,
    system: Option<&str>,
) -> Result<ExportReport, AppError> {
    let mut conn = app.store.conn().await?;
    let ids = match system {
        Some(id) => vec![id.to_string()],
        None => register_entries::items_with_entries(&mut conn).await?,
    };
    let mut report = ExportReport::default();
    for id in ids {
        let view = match view_in(&mut conn, actor, &id).await {
            Ok(view) => view,
            // Need-to-know: systems of dossiers the actor may not read are left out of a
            // full export; asked for by id, the refusal stands.
            Err(AppError::NotFound(_) | AppError::Forbidden) if system.is_none() => continue,
            Err(e) => return Err(e),
        };
        let name = view.item.name.clone();
        match export_entry(&view.completed, &Default::default(), &view.publication) {
            Export::Ready(fields) => report.entries.push(fields),
            Export::Withheld(_) => report.withheld.push((name, view.publication)),
            Export::Incomplete(problems) => report.incomplete.push((name, problems)),
        }
    }
    Ok(report)
}
