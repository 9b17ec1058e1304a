//! The inventory list as XLSX or CSV, with the filters of the page it was asked from.

use crate::AppState;
use crate::auth::Viewer;
use crate::error::PageError;
use axum::extract::{Query, State};
use axum::response::Response;
use grip_app::Paging;
use grip_app::inventory::{self, FilterInput};
use grip_workbook::{Cell, Sheet};
use serde::Deserialize;

#[derive(Deserialize)]
pub(super) struct ExportQuery {
    #[serde(flatten)]
    filter: FilterInput,
    #[serde(default)]
    format: String,
}

pub(super) async fn export(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<ExportQuery>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let filter = q.filter.parse()?;
    let mut rows = Vec::new();
    let mut page = 1;
    loop {
        let list = inventory::list(
            &state.app,
            &viewer.actor,
            &filter,
            Paging::new(Some(page), Some(Paging::MAX_PER_PAGE)),
        )
        .await?;
        let last = list.items.is_empty() || page * list.per_page >= list.total;
        for l in list.items {
            let text = |s: Option<String>| s.map_or(Cell::Empty, Cell::Text);
            rows.push(vec![
                Cell::Text(l.item.name.clone()),
                text(
                    l.item
                        .supplier_name
                        .clone()
                        .or(l.item.source_organisation.clone()),
                ),
                Cell::Text(super::inventory::exposure_label(
                    lang,
                    l.item.ai_exposure.code(),
                )),
                Cell::Text(super::inventory::status_label(lang, l.item.status.code())),
                text(
                    l.verdict
                        .as_deref()
                        .map(|v| super::classification::verdict_label(lang, v).to_string()),
                ),
                Cell::Text(super::inventory::source_label(lang, l.item.source.code())),
                text(l.item.dossier_title.clone()),
                Cell::Text(l.item.description.clone()),
            ]);
        }
        if last {
            break;
        }
        page += 1;
    }
    let headers = [
        "name",
        "inv_supplier",
        "exposure",
        "status",
        "inv_classification",
        "source",
        "inv_dossier",
        "description",
    ];
    let sheet = Sheet {
        name: lang.t("inv_title").chars().take(31).collect(),
        headers: headers.iter().map(|h| lang.t(h).to_string()).collect(),
        rows,
    };
    crate::downloads::table_response("inventaris", &q.format, sheet)
}
