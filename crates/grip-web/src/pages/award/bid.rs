//! One bid: its answers beside the questions, the documents the bidder attached (adding
//! more), and what the checks found with their evidence.

use super::bids::{BidRow, ChecksView, checks_view, euros, item_texts};
use crate::AppState;
use crate::auth::Viewer;
use crate::error::{PageError, render};
use crate::error::{refusal_text, shown_inline};
use crate::shell::Shell;
use crate::uploads::read_document_form;
use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use grip_app::award::bids;
use grip_app::award::checks;
use grip_core::LabelNames;
use grip_core::dossier::Dossier;

#[derive(Template)]
#[template(path = "award/bid.html")]
struct BidPage {
    shell: Shell,
    d: Dossier,
    labels: LabelNames,
    message: Option<String>,
    bid: BidRow,
    /// (section, question, answer, document references)
    answers: Vec<(String, String, String, String)>,
    documents: Vec<(String, String)>,
    checks: Option<ChecksView>,
    may_record: bool,
}

pub async fn detail(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, bid)): Path<(String, String)>,
) -> Result<Response, PageError> {
    bid_page(&state, &viewer, &id, &bid, None, StatusCode::OK).await
}

async fn bid_page(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
    bid_id: &str,
    message: Option<String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let app = &state.app;
    let d = grip_app::dossiers::get(app, &viewer.actor, id).await?;
    let view = bids::get(app, &viewer.actor, id, bid_id).await?;
    let permissions = grip_app::access::permissions(app, &viewer.actor, id).await?;
    let stored =
        grip_app::packages::get(app, &viewer.actor, id, Some(view.bid.package_version)).await?;
    let items = item_texts(viewer, &stored);
    let answers = stored
        .package
        .sections
        .iter()
        .flat_map(|s| s.items.iter().map(move |i| (s.kind, i)))
        .filter_map(|(kind, i)| {
            let a = view.answers.iter().find(|a| a.item_key == i.key)?;
            let title = kind.title();
            Some((
                viewer.lang.pick(&title.nl, &title.en).to_string(),
                viewer.lang.pick(&i.text.nl, &i.text.en).to_string(),
                a.answer.clone(),
                a.documents.clone(),
            ))
        })
        .collect();
    let checks = checks::for_dossier(app, &viewer.actor, id)
        .await?
        .into_iter()
        .find(|c| c.bid_id == bid_id)
        .map(|c| checks_view(viewer, c, &items));
    let b = view.bid;
    let page = BidPage {
        shell: Shell::new(viewer, "dossiers", &format!("/dossiers/{id}/bids/{bid_id}")),
        labels: grip_app::organisation::label_names(app).await?,
        d,
        message,
        bid: BidRow {
            id: b.id.to_string(),
            supplier: b.supplier_name,
            version: b.package_version,
            price: b.price_cents.map(|p| euros(viewer, p)).unwrap_or_default(),
            source: viewer.lang.pick(b.source.label_nl(), b.source.label_en()),
            when: viewer.lang.date_time(b.created_at),
        },
        answers,
        documents: view
            .documents
            .into_iter()
            .map(|doc| (doc.id.to_string(), doc.original_name))
            .collect(),
        checks,
        may_record: permissions.record_bid,
    };
    Ok((status, render(&page)?).into_response())
}

pub async fn attach(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, bid)): Path<(String, String)>,
    multipart: Multipart,
) -> Result<Response, PageError> {
    let result = match read_document_form(multipart, state.app.limits.max_document_bytes).await {
        Ok(((name, bytes), _)) => {
            bids::attach_document(&state.app, &viewer.actor, &id, &bid, &name, &bytes).await
        }
        Err(err) => Err(err),
    };
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/dossiers/{id}/bids/{bid}")).into_response()),
        Err(err) if shown_inline(&err) => {
            let status = crate::error::status_of(&err);
            bid_page(
                &state,
                &viewer,
                &id,
                &bid,
                Some(refusal_text(&viewer, &err)),
                status,
            )
            .await
        }
        Err(err) => Err(err.into()),
    }
}
