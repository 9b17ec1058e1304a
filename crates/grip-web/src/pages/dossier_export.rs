//! The dossier list as XLSX or CSV, with the filters of the page it was asked from; only the
//! dossiers the reader may see, each with its data label.

use crate::AppState;
use crate::auth::Viewer;
use crate::error::PageError;
use axum::extract::{Query, State};
use axum::response::Response;
use grip_app::{Paging, dossiers};
use grip_workbook::{Cell, Sheet};
use serde::Deserialize;

#[derive(Deserialize)]
pub(super) struct ExportQuery {
    #[serde(flatten)]
    list: super::dossiers::ListQuery,
    #[serde(default)]
    format: String,
}

pub(super) async fn export(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<ExportQuery>,
) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let filter = q.list.filter()?;
    let labels = grip_app::organisation::label_names(&state.app).await?;
    let mut rows = Vec::new();
    let mut page = 1;
    loop {
        let paging = Paging::new(Some(page), Some(Paging::MAX_PER_PAGE));
        let list = dossiers::list(&state.app, &viewer.actor, &filter, paging).await?;
        let last = list.items.is_empty() || page * list.per_page >= list.total;
        for d in list.items {
            rows.push(vec![
                Cell::Text(d.title.clone()),
                d.category.as_ref().map_or(Cell::Empty, |c| {
                    Cell::Text(lang.pick(&c.name_nl, &c.name_en).to_string())
                }),
                Cell::Text(lang.phase(d.phase).to_string()),
                Cell::Text(labels.name(d.classification_label).to_string()),
                d.estimated_value_eur
                    .map_or(Cell::Empty, |v| Cell::Number(v as f64)),
                Cell::Text(lang.date_time(d.updated_at)),
            ]);
        }
        if last {
            break;
        }
        page += 1;
    }
    let headers = [
        "title",
        "category",
        "phase",
        "label",
        "dossier_value_eur",
        "updated",
    ];
    let sheet = Sheet {
        name: lang.t("nav_dossiers").to_string(),
        headers: headers.iter().map(|h| lang.t(h).to_string()).collect(),
        rows,
    };
    crate::downloads::table_response("dossiers", &q.format, sheet)
}
