//! The tender package page of a dossier: generate with scenario details, edit the draft item by
//! item (reword, knock-out/award, weight, order, remove, add), freeze, revise, and download
//! the package as DOCX, PDF, Markdown or JSON.

use std::collections::BTreeMap;

use crate::AppState;
use crate::auth::Viewer;
use crate::error::{PageError, message_of, render, status_of};
use crate::shell::Shell;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use grip_app::AppError;
use grip_app::packages::{
    self, Direction, ExportFormat, ItemEdit, NewItem, PackageItem, SCENARIO_SLOTS, SectionKind,
    StoredPackage, Use,
};
use grip_core::LabelNames;
use grip_core::dossier::{Dossier, FieldError};
use grip_core::package::PackageVersion;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/dossiers/{id}/package", get(show).post(generate))
        .route("/dossiers/{id}/package/items", post(change_item))
        .route("/dossiers/{id}/package/freeze", post(freeze))
        .route("/dossiers/{id}/package/revise", post(revise))
        .route("/dossiers/{id}/package/export", get(export))
}

/// A section as shown: its title and its items with their position.
pub struct SectionView {
    pub kind: &'static str,
    pub title_nl: String,
    pub title_en: String,
    pub items: Vec<PackageItem>,
}

#[derive(Template)]
#[template(path = "dossiers/package.html")]
struct PackagePage {
    shell: Shell,
    d: Dossier,
    labels: LabelNames,
    message: Option<String>,
    stored: Option<StoredPackage>,
    sections: Vec<SectionView>,
    versions: Vec<PackageVersion>,
    /// Items the generator selects that the draft no longer holds: (key, section, text).
    restorable: Vec<(String, String, String)>,
    slot_names: Vec<&'static str>,
    slots: BTreeMap<String, String>,
    may_edit: bool,
    may_freeze: bool,
    section_kinds: Vec<&'static str>,
    uses: Vec<&'static str>,
    /// What changed since the draft was generated, in the reader's language.
    stale: Vec<String>,
    /// Suppliers (id, name) that items are addressed to: one export each.
    addressees: Vec<(String, String)>,
    /// The verdict the shown version was generated for, in words.
    generated_for: String,
}

impl PackagePage {
    /// The name of the supplier an item is addressed to.
    fn supplier_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.addressees
            .iter()
            .find(|(s, _)| s == id)
            .map_or(id, |(_, name)| name.as_str())
    }

    fn slot(&self, name: &str) -> String {
        self.slots.get(name).cloned().unwrap_or_default()
    }

    fn editable(&self) -> bool {
        self.may_edit && self.stored.as_ref().is_some_and(StoredPackage::is_draft)
    }

    fn version_query(&self) -> String {
        self.stored
            .as_ref()
            .map(|s| format!("&version={}", s.version))
            .unwrap_or_default()
    }

    fn anchor(&self, key: &str) -> String {
        anchor(key)
    }

    fn use_name(&self, item: &PackageItem) -> &'static str {
        use_id(item.use_)
    }
}

fn use_id(u: Use) -> &'static str {
    match u {
        Use::KnockOut => "knock_out",
        Use::Award => "award",
        Use::Information => "information",
    }
}

fn section_id(kind: SectionKind) -> &'static str {
    match kind {
        SectionKind::Disclosure => "disclosure",
        SectionKind::Probing => "probing",
        SectionKind::Scenario => "scenario",
        SectionKind::Requirement => "requirement",
        SectionKind::Clause => "clause",
        SectionKind::Award => "award",
    }
}

#[derive(Deserialize, Default)]
struct ShowQuery {
    version: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Query(q): Query<ShowQuery>,
) -> Result<Response, PageError> {
    let version = q.version.as_deref().and_then(|v| v.trim().parse().ok());
    page(&state, &viewer, &id, version, None, StatusCode::OK).await
}

async fn page(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
    version: Option<i64>,
    message: Option<String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let view =
        grip_app::views::package::package_page(&state.app, &viewer.actor, id, version).await?;
    let stored = view.stored;
    let may_edit = view.permissions.edit_package;
    let slots = view.slots;
    let restorable = match (&stored, view.generated) {
        (Some(s), Some(generated)) => {
            let present: Vec<&str> = s.package.items().map(|i| i.key.as_str()).collect();
            generated
                .sections
                .iter()
                .flat_map(|sec| sec.items.iter().map(move |i| (sec.kind, i)))
                .filter(|(_, i)| !present.contains(&i.key.as_str()))
                .map(|(kind, i)| {
                    let text = viewer.lang.pick(&i.text.nl, &i.text.en);
                    let short: String = text.chars().take(90).collect();
                    (i.key.clone(), section_id(kind).to_string(), short)
                })
                .collect()
        }
        _ => Vec::new(),
    };
    let sections = stored
        .as_ref()
        .map(|s| {
            s.package
                .sections
                .iter()
                .map(|sec| {
                    let title = sec.kind.title();
                    SectionView {
                        kind: section_id(sec.kind),
                        title_nl: title.nl,
                        title_en: title.en,
                        items: sec.items.clone(),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let generated_for = stored
        .as_ref()
        .map(|s| {
            let label = s.package.verdict.label();
            viewer.lang.pick(&label.nl, &label.en).to_string()
        })
        .unwrap_or_default();
    let page = PackagePage {
        stale: view
            .stale
            .iter()
            .map(|c| viewer.lang.pick(&c.nl, &c.en).to_string())
            .collect(),
        addressees: view.addressees,
        generated_for,
        shell: Shell::new(viewer, "dossiers", &format!("/dossiers/{id}/package")),
        message,
        sections,
        versions: view.versions,
        restorable,
        slot_names: SCENARIO_SLOTS.to_vec(),
        slots,
        may_edit,
        may_freeze: view.permissions.freeze_package,
        section_kinds: SectionKind::ALL.into_iter().map(section_id).collect(),
        uses: vec!["knock_out", "award", "information"],
        stored,
        d: view.dossier,
        labels: view.labels,
    };
    Ok((status, render(&page)?).into_response())
}

/// Refused changes show the page again with the message and the request's status.
async fn with_error(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
    err: AppError,
) -> Result<Response, PageError> {
    match err {
        AppError::Invalid(_) | AppError::Conflict(_) => {
            let (nl, en) = message_of(&err);
            let text = viewer.lang.pick(&nl, &en).to_string();
            page(state, viewer, id, None, Some(text), status_of(&err)).await
        }
        other => Err(other.into()),
    }
}

fn back(id: &str, anchor: &str) -> Response {
    let anchor = if anchor.is_empty() {
        String::new()
    } else {
        format!("#{anchor}")
    };
    Redirect::to(&format!("/dossiers/{id}/package{anchor}")).into_response()
}

async fn generate(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<BTreeMap<String, String>>,
) -> Result<Response, PageError> {
    let slots: BTreeMap<String, String> = form
        .into_iter()
        .filter_map(|(k, v)| k.strip_prefix("slot_").map(|s| (s.to_string(), v)))
        .collect();
    match packages::generate(&state.app, &viewer.actor, &id, &slots).await {
        Ok(_) => Ok(back(&id, "")),
        Err(err) => with_error(&state, &viewer, &id, err).await,
    }
}

#[derive(Deserialize, Default)]
struct ItemForm {
    #[serde(default)]
    op: String,
    #[serde(default)]
    key: String,
    text_nl: Option<String>,
    text_en: Option<String>,
    #[serde(rename = "use")]
    use_: Option<String>,
    weight: Option<String>,
    #[serde(default)]
    section: String,
}

fn parse_weight(text: Option<&str>) -> Result<Option<Option<i64>>, AppError> {
    match text.map(str::trim) {
        None => Ok(None),
        Some("") => Ok(Some(None)),
        Some(t) => t
            .parse::<i64>()
            .map(|w| Some(Some(w)))
            .map_err(|_| AppError::invalid("weight", "not_a_number", "invalid-weight")),
    }
}

async fn apply(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
    f: &ItemForm,
) -> Result<String, AppError> {
    let (app, actor) = (&state.app, &viewer.actor);
    let uses = |name: Option<&str>| name.and_then(packages::parse_use);
    match f.op.as_str() {
        "save" => {
            let edit = ItemEdit {
                text_nl: f.text_nl.clone(),
                text_en: f.text_en.clone(),
                use_: uses(f.use_.as_deref()),
                weight: parse_weight(f.weight.as_deref())?,
            };
            packages::edit_item(app, actor, id, &f.key, &edit).await?;
            Ok(f.key.clone())
        }
        "up" | "down" => {
            let direction = if f.op == "up" {
                Direction::Up
            } else {
                Direction::Down
            };
            packages::move_item(app, actor, id, &f.key, direction).await?;
            Ok(f.key.clone())
        }
        "remove" => {
            packages::remove_item(app, actor, id, &f.key).await?;
            Ok(String::new())
        }
        "restore" => {
            packages::add_item(app, actor, id, &NewItem::Knowledge { key: f.key.clone() }).await
        }
        "add" => {
            let section = packages::parse_section(&f.section).ok_or_else(|| {
                AppError::invalid("section", "unknown_section", "invalid-choose-section")
            })?;
            let new = NewItem::Own {
                section,
                text_nl: f.text_nl.clone().unwrap_or_default(),
                text_en: f.text_en.clone().unwrap_or_default(),
                use_: uses(f.use_.as_deref()).unwrap_or(Use::Information),
            };
            packages::add_item(app, actor, id, &new).await
        }
        _ => Err(AppError::invalid(
            "op",
            "unknown_operation",
            "invalid-unknown-operation",
        )),
    }
}

async fn change_item(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<ItemForm>,
) -> Result<Response, PageError> {
    match apply(&state, &viewer, &id, &form).await {
        Ok(key) => Ok(back(&id, &anchor(&key))),
        Err(err) => with_error(&state, &viewer, &id, err).await,
    }
}

/// An HTML id for an item key (keys may hold `#`).
pub fn anchor(key: &str) -> String {
    if key.is_empty() {
        return String::new();
    }
    let safe: String = key
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("item-{safe}")
}

#[derive(Deserialize, Default)]
struct FreezeForm {
    #[serde(default)]
    expected_version: String,
    /// Given when the person confirms freezing a package whose dossier changed since.
    #[serde(default)]
    stale_reason: Option<String>,
}

async fn freeze(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<FreezeForm>,
) -> Result<Response, PageError> {
    let expected = form.expected_version.trim().parse().ok();
    let reason = form.stale_reason.as_deref();
    match packages::freeze(&state.app, &viewer.actor, &id, expected, reason).await {
        Ok(_) => Ok(back(&id, "")),
        Err(err) => with_error(&state, &viewer, &id, err).await,
    }
}

async fn revise(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    match packages::revise(&state.app, &viewer.actor, &id).await {
        Ok(_) => Ok(back(&id, "")),
        Err(err) => with_error(&state, &viewer, &id, err).await,
    }
}

#[derive(Deserialize, Default)]
struct ExportQuery {
    #[serde(default)]
    format: String,
    version: Option<String>,
    lang: Option<String>,
    /// The supplier the export is addressed to; empty for every bidder.
    supplier: Option<String>,
}

async fn export(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Query(q): Query<ExportQuery>,
) -> Result<Response, PageError> {
    let format = ExportFormat::parse(&q.format).ok_or_else(|| {
        AppError::from(
            FieldError::new("format", "unknown_format", "invalid-unknown-format")
                .with("allowed", ExportFormat::NAMES),
        )
    })?;
    let lang = match q.lang.as_deref() {
        Some("en") => grip_app::classification::Lang::En,
        Some("nl") => grip_app::classification::Lang::Nl,
        _ => viewer.lang.into_knowledge(),
    };
    let version = q.version.as_deref().and_then(|v| v.trim().parse().ok());
    let addressee = q.supplier.as_deref().filter(|s| !s.is_empty());
    let exported = packages::export(
        &state.app,
        &viewer.actor,
        &id,
        version,
        format,
        lang,
        addressee,
    )
    .await?;
    Ok(crate::downloads::attachment_response(
        &exported.file_name,
        exported.media_type,
        exported.bytes,
    ))
}
