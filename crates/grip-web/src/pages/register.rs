//! The Algorithm Register in the interface: a system's entry in publication standard 1.0
//! (what the supplier wrote, what the organisation adds, the publication category with its
//! reason, what is still open), importing supplier entries and exporting for the register.

use crate::AppState;
use crate::auth::Viewer;
use crate::downloads::attachment_response;
use crate::error::{PageError, render, status_of};
use crate::i18n::Lang;
use crate::shell::Shell;
use askama::Template;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use grip_app::register::{
    self, ExportReport, ImportedFile, OwnFieldsInput, RegisterSettings, RegisterView,
};
use grip_app::{Action, AppError};
use grip_register::standard::{FIELDS, Writer};
use grip_register::{Destination, Finding, PublicationCategory, html};
use serde_json::Value;

/// Largest register file a buyer uploads (a supplier template is a few kilobytes).
const MAX_UPLOAD: usize = grip_register::read::MAX_FILE_BYTES;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/inventory/register/import",
            post(import_systems).layer(DefaultBodyLimit::max(MAX_UPLOAD + 1024 * 1024)),
        )
        .route("/inventory/register/export.json", get(export_all))
        .route("/inventory/register/settings", post(set_settings))
        .route("/inventory/{id}/register", get(page).post(save))
        .route(
            "/inventory/{id}/register/import",
            post(import_into).layer(DefaultBodyLimit::max(MAX_UPLOAD + 1024 * 1024)),
        )
        .route("/inventory/{id}/register.json", get(export_one))
}

/// One field of the standard as the page shows it.
pub struct FieldRow {
    pub key: &'static str,
    pub title: &'static str,
    pub writer: &'static str,
    pub required: bool,
    pub paragraphs: Vec<String>,
}

fn writer_label(lang: Lang, writer: Writer) -> &'static str {
    match writer {
        Writer::Supplier => lang.t("register-writer-supplier"),
        Writer::Organisation => lang.t("register-writer-organisation"),
        Writer::Grip => lang.t("register-writer-grip"),
    }
}

/// A value of the entry as paragraphs of plain text: HTML is never rendered.
fn paragraphs(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) => html::paragraphs(s),
        Value::Array(items) => items
            .iter()
            .map(|item| match item {
                Value::String(s) => s.clone(),
                Value::Object(o) => {
                    let part = |k: &str| o.get(k).and_then(Value::as_str).unwrap_or("");
                    [part("title"), part("link")]
                        .into_iter()
                        .filter(|p| !p.is_empty())
                        .collect::<Vec<_>>()
                        .join(" — ")
                }
                other => other.to_string(),
            })
            .collect(),
        Value::Null => Vec::new(),
        other => vec![other.to_string()],
    }
}

fn rows(lang: Lang, view: &RegisterView) -> Vec<FieldRow> {
    let fields = view.completed.standard_fields();
    FIELDS
        .iter()
        .map(|f| FieldRow {
            key: f.key,
            title: lang.pick(f.title_nl, f.title_en),
            writer: writer_label(lang, f.writer),
            required: f.required,
            paragraphs: fields.get(f.key).map(paragraphs).unwrap_or_default(),
        })
        .collect()
}

fn destination_label(lang: Lang, d: Destination) -> &'static str {
    match d {
        Destination::PublicRegister => lang.t("register-destination-public"),
        Destination::EuDatabaseNonPublic => lang.t("register-destination-eu"),
        Destination::NotPublished => lang.t("register-destination-none"),
    }
}

#[derive(Template)]
#[template(path = "register/system.html")]
struct SystemRegisterPage {
    shell: Shell,
    view: RegisterView,
    rows: Vec<FieldRow>,
    extras: Vec<(String, Vec<String>)>,
    destination: &'static str,
    category: Option<&'static str>,
    reason: String,
    open_points: Vec<String>,
    notes: Vec<String>,
    errors: Vec<String>,
    form: OwnFieldsInput,
    may_manage: bool,
}

/// The organisation's own fields as a form shows them: paragraphs as plain text.
fn form_of(view: &RegisterView) -> OwnFieldsInput {
    let text = |v: &Option<String>| {
        v.as_deref()
            .map(html::paragraphs)
            .unwrap_or_default()
            .join("\n\n")
    };
    let entry = &view.completed;
    OwnFieldsInput {
        publication_category: match view.stored.as_ref().and(entry.publication_category) {
            Some(PublicationCategory::Impactful) => "impactful".into(),
            Some(PublicationCategory::Other) => "other".into(),
            _ => String::new(),
        },
        lawful_basis: text(&entry.lawful_basis),
        proportionality: text(&entry.proportionality),
        begin_date: entry.begin_date.clone().unwrap_or_default(),
    }
}

async fn show(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
    notes: &[Finding],
    errors: Vec<String>,
    form: Option<OwnFieldsInput>,
) -> Result<Response, PageError> {
    let view = register::view(&state.app, &viewer.actor, id).await?;
    let lang = viewer.lang;
    let klang = lang.into_knowledge();
    let status = if errors.is_empty() {
        axum::http::StatusCode::OK
    } else {
        status_of(&AppError::Invalid(Vec::new()))
    };
    let page = SystemRegisterPage {
        shell: Shell::new(viewer, "inventory", &format!("/inventory/{id}/register")),
        rows: rows(lang, &view),
        extras: view
            .completed
            .filled_extras()
            .map(|(k, v)| (k.clone(), paragraphs(v)))
            .collect(),
        destination: destination_label(lang, view.publication.destination),
        category: view.publication.category.map(PublicationCategory::label),
        reason: view.publication.reason.get(klang).to_string(),
        open_points: view.open_points.iter().map(|f| f.describe(klang)).collect(),
        notes: notes.iter().map(|f| f.describe(klang)).collect(),
        errors,
        form: form.unwrap_or_else(|| form_of(&view)),
        may_manage: viewer.actor.may(Action::ManageInventory),
        view,
    };
    Ok((status, render(&page)?).into_response())
}

async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    show(&state, &viewer, &id, &[], Vec::new(), None).await
}

/// The problems of a refused change, for showing on the form; other errors become a page.
fn messages(viewer: &Viewer, err: AppError) -> Result<Vec<String>, PageError> {
    match err {
        AppError::Invalid(errors) => {
            Ok(errors.iter().map(|e| viewer.lang.field_error(e)).collect())
        }
        err if crate::error::shown_inline(&err) => {
            Ok(vec![crate::error::refusal_text(viewer, &err)])
        }
        other => Err(other.into()),
    }
}

async fn save(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<OwnFieldsInput>,
) -> Result<Response, PageError> {
    match register::update_own_fields(&state.app, &viewer.actor, &id, &form).await {
        Ok(()) => Ok(Redirect::to(&format!("/inventory/{id}/register")).into_response()),
        Err(err) => {
            let errors = messages(&viewer, err)?;
            show(&state, &viewer, &id, &[], errors, Some(form)).await
        }
    }
}

async fn uploaded(multipart: Multipart) -> Result<Vec<u8>, AppError> {
    let ((_, bytes), _) = crate::uploads::read_document_form(multipart, MAX_UPLOAD).await?;
    Ok(bytes)
}

async fn import_into(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    multipart: Multipart,
) -> Result<Response, PageError> {
    let result = match uploaded(multipart).await {
        Ok(bytes) => register::import_entry_into(&state.app, &viewer.actor, &id, &bytes).await,
        Err(err) => Err(err),
    };
    match result {
        Ok(notes) => show(&state, &viewer, &id, &notes, Vec::new(), None).await,
        Err(err) => {
            let errors = messages(&viewer, err)?;
            show(&state, &viewer, &id, &[], errors, None).await
        }
    }
}

#[derive(Template)]
#[template(path = "register/imported.html")]
struct ImportedPage {
    shell: Shell,
    listing: Option<(usize, usize)>,
    imported: usize,
    skipped: usize,
    items: Vec<(String, String)>,
    notes: Vec<String>,
    errors: Vec<String>,
}

async fn import_systems(
    State(state): State<AppState>,
    viewer: Viewer,
    multipart: Multipart,
) -> Result<Response, PageError> {
    let result = match uploaded(multipart).await {
        Ok(bytes) => register::import_file(&state.app, &viewer.actor, &bytes).await,
        Err(err) => Err(err),
    };
    let klang = viewer.lang.into_knowledge();
    let mut page = ImportedPage {
        shell: Shell::new(&viewer, "inventory", "/inventory/register/import"),
        listing: None,
        imported: 0,
        skipped: 0,
        items: Vec::new(),
        notes: Vec::new(),
        errors: Vec::new(),
    };
    match result {
        Ok(ImportedFile::Listing(r)) => page.listing = Some((r.imported, r.skipped)),
        Ok(ImportedFile::Standard(r)) => {
            page.imported = r.imported;
            page.skipped = r.skipped;
            page.items = r.items;
            page.notes = r.notes.iter().map(|f| f.describe(klang)).collect();
        }
        Err(err) => page.errors = messages(&viewer, err)?,
    }
    let status = if page.errors.is_empty() {
        axum::http::StatusCode::OK
    } else {
        status_of(&AppError::Invalid(Vec::new()))
    };
    Ok((status, render(&page)?).into_response())
}

fn json_download(name: &str, report: &ExportReport) -> Response {
    let bytes = serde_json::to_vec_pretty(&report.entries).unwrap_or_default();
    attachment_response(name, "application/json", bytes)
}

async fn export_all(State(state): State<AppState>, viewer: Viewer) -> Result<Response, PageError> {
    let report = register::export(&state.app, &viewer.actor, None).await?;
    Ok(json_download("algoritmeregister-1.0.json", &report))
}

async fn export_one(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let report = register::export(&state.app, &viewer.actor, Some(&id)).await?;
    if report.entries.is_empty() {
        // The page says what is open; a download of nothing would look like success.
        return Ok(Redirect::to(&format!("/inventory/{id}/register")).into_response());
    }
    Ok(json_download(
        &format!("algoritmeregister-1.0-{id}.json"),
        &report,
    ))
}

async fn set_settings(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<RegisterSettings>,
) -> Result<Response, PageError> {
    register::set_settings(&state.app, &viewer.actor, &form).await?;
    Ok(Redirect::to("/inventory#register").into_response())
}
