//! The bids page (list, checks with their evidence, the evidence matrix, workbook in and
//! out), the form to type a bid in, and one bid with its answers and documents.

use crate::AppState;
use crate::auth::Viewer;
use crate::error::{PageError, render};
use crate::error::{refusal_text, shown_inline};
use crate::shell::Shell;
use crate::uploads::read_document_form;
use askama::Template;
use axum::Form;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use grip_app::award::bids::{self, NewBid};
use grip_app::award::checks::{self, BidChecks};
use grip_app::award::workbook;
use grip_app::{AppError, Paging};
use grip_core::LabelNames;
use grip_core::award::bid::{BidAnswer, BidCheckKind, BidSource, Evidence};
use grip_core::dossier::Dossier;

/// A bid's row on the page, in the reader's words.
pub struct BidRow {
    pub id: String,
    pub supplier: String,
    pub version: i64,
    pub price: String,
    pub source: &'static str,
    pub when: String,
}

/// A check's finding in the reader's words.
pub struct FindingLine {
    pub kind: String,
    pub serious: bool,
    pub item: String,
    pub excerpt: String,
    pub explanation: String,
}

pub struct ChecksView {
    pub bid_id: String,
    pub supplier: String,
    pub findings: Vec<FindingLine>,
    /// (requirement text, evidence word, evidence code)
    pub matrix: Vec<(String, String, &'static str)>,
}

#[derive(Template)]
#[template(path = "award/bids.html")]
struct BidsPage {
    shell: Shell,
    d: Dossier,
    labels: LabelNames,
    message: Option<String>,
    bids: Vec<BidRow>,
    checks: Vec<ChecksView>,
    suppliers: Vec<(String, String)>,
    may_record: bool,
    frozen_version: Option<i64>,
}

pub(crate) fn euros(viewer: &Viewer, cents: i64) -> String {
    format!("€ {}", viewer.lang.decimal(cents as f64 / 100.0, 2))
}

fn kind_key(kind: BidCheckKind) -> String {
    format!("check_{}", kind.code())
}

pub(super) fn checks_view(viewer: &Viewer, c: BidChecks, items: &[(String, String)]) -> ChecksView {
    let lang = viewer.lang;
    let item_text = |key: &Option<String>| {
        key.as_ref()
            .map(|k| {
                items
                    .iter()
                    .find(|(ik, _)| ik == k)
                    .map_or_else(String::new, |(_, t)| t.clone())
            })
            .unwrap_or_default()
    };
    ChecksView {
        bid_id: c.bid_id,
        supplier: c.supplier_name,
        findings: c
            .findings
            .into_iter()
            .map(|f| FindingLine {
                kind: lang.t(&kind_key(f.kind)).to_string(),
                serious: matches!(
                    f.kind,
                    BidCheckKind::NoAiContradicted
                        | BidCheckKind::UndisclosedCategory
                        | BidCheckKind::KnockOutMissing
                ),
                item: f.document.clone().unwrap_or_else(|| item_text(&f.item_key)),
                excerpt: f.excerpt,
                explanation: lang.pick(&f.explanation.nl, &f.explanation.en).to_string(),
            })
            .collect(),
        matrix: c
            .matrix
            .into_iter()
            .map(|m| {
                let code = m.evidence.code();
                (
                    lang.pick(&m.text.nl, &m.text.en).to_string(),
                    lang.t(&format!("evidence_{code}")).to_string(),
                    evidence_class(m.evidence),
                )
            })
            .collect(),
    }
}

fn evidence_class(e: Evidence) -> &'static str {
    match e {
        Evidence::Provided => "provided",
        Evidence::Missing => "missing",
        Evidence::Contradicted => "contradicted",
    }
}

pub async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    render_page(&state, &viewer, &id, None, StatusCode::OK).await
}

async fn render_page(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
    message: Option<String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let app = &state.app;
    let d = grip_app::dossiers::get(app, &viewer.actor, id).await?;
    let permissions = grip_app::access::permissions(app, &viewer.actor, id).await?;
    let versions = grip_app::packages::versions(app, &viewer.actor, id).await?;
    let frozen_version = versions
        .iter()
        .find(|v| v.state == grip_core::package::PackageState::Frozen)
        .map(|v| v.version);
    let items = match frozen_version {
        Some(v) => item_texts(
            viewer,
            &grip_app::packages::get(app, &viewer.actor, id, Some(v)).await?,
        ),
        None => Vec::new(),
    };
    let bids = bids::list(app, &viewer.actor, id)
        .await?
        .into_iter()
        .map(|b| BidRow {
            id: b.id.to_string(),
            supplier: b.supplier_name,
            version: b.package_version,
            price: b.price_cents.map(|p| euros(viewer, p)).unwrap_or_default(),
            source: viewer.lang.pick(b.source.label_nl(), b.source.label_en()),
            when: viewer.lang.date_time(b.created_at),
        })
        .collect();
    let checks = checks::for_dossier(app, &viewer.actor, id)
        .await?
        .into_iter()
        .map(|c| checks_view(viewer, c, &items))
        .collect();
    let suppliers =
        grip_app::catalogue::list_suppliers(app, &viewer.actor, Paging::new(Some(1), Some(200)))
            .await?
            .items
            .into_iter()
            .map(|s| (s.id.to_string(), s.name))
            .collect();
    let page = BidsPage {
        shell: Shell::new(viewer, "dossiers", &format!("/dossiers/{id}/bids")),
        labels: grip_app::organisation::label_names(app).await?,
        d,
        message,
        bids,
        checks,
        suppliers,
        may_record: permissions.record_bid,
        frozen_version,
    };
    Ok((status, render(&page)?).into_response())
}

/// (item key, short text) of every item of a package, in the reader's language.
pub(super) fn item_texts(
    viewer: &Viewer,
    stored: &grip_app::packages::StoredPackage,
) -> Vec<(String, String)> {
    stored
        .package
        .items()
        .map(|i| {
            let text = i.title.as_ref().unwrap_or(&i.text);
            let text = checks::shortened(viewer.lang.pick(&text.nl, &text.en), 140);
            (i.key.clone(), text)
        })
        .collect()
}

async fn refused(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
    err: AppError,
) -> Result<Response, PageError> {
    if shown_inline(&err) {
        let status = crate::error::status_of(&err);
        render_page(state, viewer, id, Some(refusal_text(viewer, &err)), status).await
    } else {
        Err(err.into())
    }
}

#[derive(Template)]
#[template(path = "award/bid_form.html")]
struct BidForm {
    shell: Shell,
    d: Dossier,
    labels: LabelNames,
    version: i64,
    /// (key, section, text, knock-out)
    items: Vec<(String, String, String, bool)>,
    suppliers: Vec<(String, String)>,
}

pub async fn new_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let app = &state.app;
    let d = grip_app::dossiers::get(app, &viewer.actor, &id).await?;
    let versions = grip_app::packages::versions(app, &viewer.actor, &id).await?;
    let Some(version) = versions
        .iter()
        .find(|v| v.state == grip_core::package::PackageState::Frozen)
        .map(|v| v.version)
    else {
        return Ok(Redirect::to(&format!("/dossiers/{id}/bids")).into_response());
    };
    let stored = grip_app::packages::get(app, &viewer.actor, &id, Some(version)).await?;
    let items = stored
        .package
        .sections
        .iter()
        .flat_map(|s| s.items.iter().map(move |i| (s.kind, i)))
        .filter(|(_, i)| i.addressee.is_none())
        .map(|(kind, i)| {
            let title = kind.title();
            (
                i.key.clone(),
                viewer.lang.pick(&title.nl, &title.en).to_string(),
                viewer.lang.pick(&i.text.nl, &i.text.en).to_string(),
                i.use_.as_str() == "knock_out",
            )
        })
        .collect();
    let suppliers =
        grip_app::catalogue::list_suppliers(app, &viewer.actor, Paging::new(Some(1), Some(200)))
            .await?
            .items
            .into_iter()
            .map(|s| (s.id.to_string(), s.name))
            .collect();
    let page = BidForm {
        shell: Shell::new(&viewer, "dossiers", &format!("/dossiers/{id}/bids/new")),
        labels: grip_app::organisation::label_names(app).await?,
        d,
        version,
        items,
        suppliers,
    };
    Ok(render(&page)?.into_response())
}

/// "12.345,67", "12345.67", "€ 12.345" → cents; None for text that is no amount.
pub fn parse_euros(text: &str) -> Option<i64> {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '€')
        .collect();
    if t.is_empty() {
        return None;
    }
    let normal = if t.contains(',') {
        t.replace('.', "").replace(',', ".")
    } else if t.rsplit_once('.').is_some_and(|(_, d)| d.len() == 3) {
        t.replace('.', "")
    } else {
        t
    };
    let value: f64 = normal.parse().ok()?;
    (value.is_finite() && value > 0.0).then(|| (value * 100.0).round() as i64)
}

pub async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let get = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let price_text = get("price").unwrap_or_default();
    let price = parse_euros(&price_text);
    if !price_text.trim().is_empty() && price.is_none() {
        let err = AppError::invalid("price", "out_of_range", "invalid-bid-price");
        return refused(&state, &viewer, &id, err).await;
    }
    let answers = fields
        .iter()
        .filter_map(|(k, v)| k.strip_prefix("answer:").map(|key| (key, v)))
        .map(|(key, answer)| BidAnswer {
            item_key: key.to_string(),
            answer: answer.clone(),
            documents: get(&format!("docs:{key}")).unwrap_or_default(),
        })
        .collect();
    let new = NewBid {
        supplier_id: get("supplier_id").unwrap_or_default(),
        package_version: None,
        price_cents: price,
        answers,
    };
    match bids::record(&state.app, &viewer.actor, &id, new, BidSource::Typed).await {
        Ok(bid) => Ok(Redirect::to(&format!("/dossiers/{id}/bids/{}", bid.id)).into_response()),
        Err(err) => refused(&state, &viewer, &id, err).await,
    }
}

pub async fn workbook(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let file = workbook::response_workbook(&state.app, &viewer.actor, &id).await?;
    Ok(super::download(file))
}

pub async fn overview(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let file = workbook::overview(&state.app, &viewer.actor, &id).await?;
    Ok(super::download(file))
}

pub async fn import(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    multipart: Multipart,
) -> Result<Response, PageError> {
    let result = match read_document_form(multipart, workbook::MAX_WORKBOOK_BYTES).await {
        Ok(((_, bytes), fields)) => {
            let supplier = fields.get("supplier_id");
            workbook::import(&state.app, &viewer.actor, &id, supplier.as_deref(), &bytes).await
        }
        Err(err) => Err(err),
    };
    match result {
        Ok(bid) => Ok(Redirect::to(&format!("/dossiers/{id}/bids/{}", bid.id)).into_response()),
        Err(err) => refused(&state, &viewer, &id, err).await,
    }
}

#[cfg(test)]
mod tests {
    use super::parse_euros;

    #[test]
    fn amounts_are_read_in_both_notations() {
        assert_eq!(parse_euros("€ 12.345,67"), Some(1_234_567));
        assert_eq!(parse_euros("12345.67"), Some(1_234_567));
        assert_eq!(parse_euros("12.345"), Some(1_234_500));
        assert_eq!(parse_euros("250"), Some(25_000));
        assert_eq!(parse_euros("abc"), None);
        assert_eq!(parse_euros("-5"), None);
        assert_eq!(parse_euros(""), None);
    }
}
