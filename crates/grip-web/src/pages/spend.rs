//! Spend on the pages: upload a file (streamed to disk as it arrives), map its columns on a
//! preview, follow the import's progress, read the share Grip could not place and place
//! suppliers by hand.

use crate::AppState;
use crate::auth::Viewer;
use crate::error::{PageError, render, status_of};
use crate::i18n::Lang;
use crate::shell::Shell;
use askama::Template;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use grip_app::spend::{self, Preview, SpendSource};
use grip_app::{Action, AppError};
use grip_core::spend::{ImportStatus, SpendImport};
use grip_spend::{Field, Mapping};
use serde::Deserialize;
use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

const MAX_UPLOAD: u64 = grip_app::spend::MAX_FILE_BYTES;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/spend", get(overview))
        .route(
            "/spend/upload",
            post(upload).layer(DefaultBodyLimit::max(MAX_UPLOAD as usize + 1024 * 1024)),
        )
        .route("/spend/start", post(start))
        .route("/spend/imports/{id}", get(import_page))
        .route("/spend/suppliers", post(place))
        .route("/spend/export", get(export))
}

/// Where an upload waits for its mapping: a name of our own making, never the user's.
fn spool_path(token: &str) -> Option<PathBuf> {
    let valid = token.len() == 32 && token.chars().all(|c| c.is_ascii_hexdigit());
    valid.then(|| std::env::temp_dir().join(format!("grip-spend-{token}.upload")))
}

fn euros(lang: Lang, cents: i64) -> String {
    format!("€ {}", lang.decimal(cents as f64 / 100.0, 2))
}

pub struct TotalRow {
    pub category: String,
    pub lines: String,
    pub amount: String,
    pub share: String,
}

pub struct SupplierRow {
    pub key: String,
    pub name: String,
    pub lines: String,
    pub amount: String,
}

#[derive(Template)]
#[template(path = "spend/overview.html")]
struct OverviewPage {
    shell: Shell,
    imports: Vec<SpendImport>,
    total: String,
    unplaced_amount: String,
    unplaced_share: String,
    unplaced_lines: String,
    rows: Vec<TotalRow>,
    suppliers: Vec<SupplierRow>,
    categories: Vec<(String, String)>,
    may_import: bool,
    errors: Vec<String>,
}

async fn overview_page(
    state: &AppState,
    viewer: &Viewer,
    errors: Vec<String>,
) -> Result<OverviewPage, PageError> {
    let lang = viewer.lang;
    let data = spend::overview(&state.app, &viewer.actor).await?;
    let categories: Vec<(String, String)> =
        grip_app::catalogue::list_categories(&state.app, &viewer.actor)
            .await?
            .into_iter()
            .map(|c| {
                (
                    c.code.clone(),
                    lang.pick(&c.name_nl, &c.name_en).to_string(),
                )
            })
            .collect();
    let name_of = |code: &Option<String>| match code {
        Some(code) => categories
            .iter()
            .find(|(c, _)| c == code)
            .map_or(code.clone(), |(_, n)| n.clone()),
        None => lang.t("spend-unplaced").to_string(),
    };
    let total = data.totals.cents;
    let share = |cents: i64| {
        if total == 0 {
            "0".to_string()
        } else {
            format!("{} %", lang.decimal(cents as f64 * 100.0 / total as f64, 1))
        }
    };
    let (unplaced_lines, unplaced_cents) = data.totals.unplaced();
    Ok(OverviewPage {
        shell: Shell::new(viewer, "portfolio", "/spend"),
        total: euros(lang, total),
        unplaced_amount: euros(lang, unplaced_cents),
        unplaced_share: share(unplaced_cents),
        unplaced_lines: lang.integer(unplaced_lines),
        rows: data
            .totals
            .by_category
            .iter()
            .map(|(code, lines, cents)| TotalRow {
                category: name_of(code),
                lines: lang.integer(*lines),
                amount: euros(lang, *cents),
                share: share(*cents),
            })
            .collect(),
        suppliers: data
            .unplaced
            .iter()
            .map(|s| SupplierRow {
                key: s.supplier_key.clone(),
                name: s.supplier.clone(),
                lines: lang.integer(s.lines),
                amount: euros(lang, s.cents),
            })
            .collect(),
        categories,
        imports: data.imports,
        may_import: viewer.actor.may(Action::ManageInventory),
        errors,
    })
}

async fn overview(State(state): State<AppState>, viewer: Viewer) -> Result<Response, PageError> {
    render(&overview_page(&state, &viewer, Vec::new()).await?)
}

async fn refused(state: &AppState, viewer: &Viewer, err: AppError) -> Result<Response, PageError> {
    let messages = match &err {
        AppError::Invalid(errors) => errors.iter().map(|e| viewer.lang.field_error(e)).collect(),
        other if crate::error::shown_inline(other) => {
            vec![crate::error::refusal_text(viewer, other)]
        }
        _ => return Err(err.into()),
    };
    let page = overview_page(state, viewer, messages).await?;
    Ok((status_of(&err), render(&page)?).into_response())
}

/// Streams the form's file to the spool, refusing it once it passes the limit.
async fn spool(mut multipart: Multipart) -> Result<(String, String), AppError> {
    let token = spool_token();
    let path = spool_path(&token).ok_or_else(|| AppError::Internal("spool".into()))?;
    while let Some(mut field) = multipart.next_field().await.map_err(|_| bad_upload())? {
        if field.name() != Some("file") {
            continue;
        }
        let name = field.file_name().unwrap_or("spend").to_string();
        let mut file =
            std::fs::File::create(&path).map_err(|e| AppError::Internal(e.to_string()))?;
        let mut size: u64 = 0;
        while let Some(chunk) = field.chunk().await.map_err(|_| bad_upload())? {
            size += chunk.len() as u64;
            if size > MAX_UPLOAD {
                let _ = std::fs::remove_file(&path);
                return Err(AppError::TooLarge {
                    size: size as usize,
                    limit: MAX_UPLOAD as usize,
                });
            }
            file.write_all(&chunk)
                .map_err(|e| AppError::Internal(e.to_string()))?;
        }
        if size == 0 {
            let _ = std::fs::remove_file(&path);
            break;
        }
        return Ok((token, name));
    }
    Err(AppError::invalid(
        "file",
        "missing_file",
        "invalid-choose-file",
    ))
}

fn bad_upload() -> AppError {
    AppError::invalid("file", "bad_upload", "invalid-spend-upload")
}

/// A fresh random token for a spooled file.
fn spool_token() -> String {
    uuid::Uuid::now_v7().simple().to_string()
}

#[derive(Template)]
#[template(path = "spend/mapping.html")]
struct MappingPage {
    shell: Shell,
    token: String,
    name: String,
    preview: Preview,
    fields: Vec<(&'static str, &'static str, Option<usize>)>,
}

impl MappingPage {
    fn is_column(&self, current: &Option<usize>, column: &usize) -> bool {
        *current == Some(*column)
    }
}

async fn upload(
    State(state): State<AppState>,
    viewer: Viewer,
    multipart: Multipart,
) -> Result<Response, PageError> {
    if !viewer.actor.may(Action::ManageInventory) {
        return Err(AppError::Forbidden.into());
    }
    let (token, name) = match spool(multipart).await {
        Ok(spooled) => spooled,
        Err(err) => return refused(&state, &viewer, err).await,
    };
    let source = SpendSource {
        name: name.clone(),
        path: spool_path(&token).expect("our token"),
    };
    let preview = match spend::preview(&source) {
        Ok(p) => p,
        Err(err) => {
            let _ = std::fs::remove_file(&source.path);
            return refused(&state, &viewer, err).await;
        }
    };
    let lang = viewer.lang;
    let fields = Field::ALL
        .iter()
        .map(|f| {
            (
                f.code(),
                lang.t(&format!("spend-field-{}", f.code())),
                preview.mapping.get(*f),
            )
        })
        .collect();
    render(&MappingPage {
        shell: Shell::new(&viewer, "portfolio", "/spend"),
        token,
        name,
        preview,
        fields,
    })
}

async fn start(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let token = form.get("token").cloned().unwrap_or_default();
    let Some(path) = spool_path(&token).filter(|p| p.exists()) else {
        return refused(
            &state,
            &viewer,
            AppError::invalid("file", "expired_upload", "invalid-spend-expired"),
        )
        .await;
    };
    let mut mapping = Mapping::default();
    for field in Field::ALL {
        let column = form.get(field.code()).and_then(|v| v.parse::<usize>().ok());
        mapping.set(field, column);
    }
    let name = form.get("name").cloned().unwrap_or_else(|| "spend".into());
    match spend::start(
        &state.app,
        &viewer.actor,
        SpendSource { name, path },
        mapping,
    )
    .await
    {
        Ok(id) => Ok(Redirect::to(&format!("/spend/imports/{id}")).into_response()),
        Err(err) => refused(&state, &viewer, err).await,
    }
}

#[derive(Template)]
#[template(path = "spend/import.html")]
struct ImportPage {
    shell: Shell,
    import: SpendImport,
    running: bool,
    report: Vec<String>,
}

async fn import_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let data = spend::overview(&state.app, &viewer.actor).await?;
    let import = data
        .imports
        .into_iter()
        .find(|i| i.id == id)
        .ok_or(AppError::NotFound("spend import"))?;
    let lang = viewer.lang;
    render(&ImportPage {
        shell: Shell::new(&viewer, "portfolio", &format!("/spend/imports/{id}")),
        running: import.status == ImportStatus::Running,
        report: import
            .report
            .iter()
            .map(|r| lang.pick(&r.nl, &r.en).to_string())
            .collect(),
        import,
    })
}

#[derive(Deserialize)]
struct PlaceForm {
    #[serde(default)]
    supplier_key: String,
    #[serde(default)]
    category: String,
}

async fn place(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<PlaceForm>,
) -> Result<Response, PageError> {
    match spend::place_supplier(
        &state.app,
        &viewer.actor,
        &form.supplier_key,
        &form.category,
    )
    .await
    {
        Ok(_) => Ok(Redirect::to("/spend#unplaced").into_response()),
        Err(err) => refused(&state, &viewer, err).await,
    }
}

/// Spend per category, and the unplaced suppliers, as one table.
async fn export(
    State(state): State<AppState>,
    viewer: Viewer,
    axum::extract::Query(q): axum::extract::Query<crate::downloads::FormatQuery>,
) -> Result<Response, PageError> {
    use grip_workbook::{Cell, Sheet};
    let lang = viewer.lang;
    let data = spend::overview(&state.app, &viewer.actor).await?;
    let categories = grip_app::catalogue::list_categories(&state.app, &viewer.actor).await?;
    let name_of = |code: &Option<String>| match code {
        Some(code) => categories
            .iter()
            .find(|c| &c.code == code)
            .map_or(code.clone(), |c| {
                lang.pick(&c.name_nl, &c.name_en).to_string()
            }),
        None => lang.t("spend-unplaced").to_string(),
    };
    let mut rows: Vec<Vec<Cell>> = data
        .totals
        .by_category
        .iter()
        .map(|(code, lines, cents)| {
            vec![
                Cell::Text(name_of(code)),
                Cell::Empty,
                Cell::Number(*lines as f64),
                Cell::Number(*cents as f64 / 100.0),
            ]
        })
        .collect();
    rows.extend(data.unplaced.iter().map(|s| {
        vec![
            Cell::Text(lang.t("spend-unplaced").to_string()),
            Cell::Text(s.supplier.clone()),
            Cell::Number(s.lines as f64),
            Cell::Number(s.cents as f64 / 100.0),
        ]
    }));
    let headers = [
        "portfolio-category",
        "spend-supplier",
        "spend-lines-header",
        "spend-amount-eur",
    ];
    let sheet = Sheet {
        name: lang.t("spend-sheet").to_string(),
        headers: headers.iter().map(|h| lang.t(h).to_string()).collect(),
        rows,
    };
    crate::downloads::table_response("uitgaven", &q.format, sheet)
}
