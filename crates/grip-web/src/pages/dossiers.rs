//! Dossier pages: the list (search, filter, paging; htmx refreshes only the results), the
//! dossier page, create and edit forms, moving to the next phase and uploading documents.

use crate::AppState;
use crate::auth::Viewer;
use crate::downloads::file_response;
use crate::error::{PageError, message_of, render, status_of};
use crate::pages::page_param;
use crate::shell::Shell;
use crate::uploads::read_document_form;
use askama::Template;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use grip_app::{Action, AppError, Paging, Phase, documents, dossiers};
use grip_core::catalogue::Category;
use grip_core::dossier::{Dossier, DossierFilter};
use grip_core::dossier::{DossierInput, DossierStatus, FieldError};
use grip_core::{DataLabel, LabelNames};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/dossiers", get(list).post(create))
        .route("/dossiers/export", get(super::dossier_export::export))
        .route("/dossiers/new", get(new_form))
        .route("/dossiers/{id}", get(detail).post(update))
        .route("/dossiers/{id}/edit", get(edit_form))
        .route("/dossiers/{id}/phase", post(move_phase))
        .route("/dossiers/{id}/members", post(add_member))
        .route(
            "/dossiers/{id}/documents",
            // The use case enforces the real limit with a clear message; this only stops
            // bodies far beyond it from being read at all.
            post(upload).layer(DefaultBodyLimit::max(
                grip_app::Limits::default().max_document_bytes + 1024 * 1024,
            )),
        )
        .route("/documents/{id}", get(download))
}

#[derive(Deserialize, Default)]
pub(super) struct ListQuery {
    q: Option<String>,
    phase: Option<String>,
    category: Option<String>,
    page: Option<String>,
}

impl ListQuery {
    /// The filter the list's query asks for (the page and its downloads alike).
    pub(super) fn filter(&self) -> Result<DossierFilter, AppError> {
        Ok(DossierFilter {
            query: non_empty(&self.q).map(|s| s.chars().take(200).collect()),
            phase: dossiers::phase_filter(self.phase.as_deref())?,
            category_id: non_empty(&self.category).map(Into::into),
        })
    }
}

#[derive(Template)]
#[template(path = "dossiers/list.html")]
struct ListPage {
    shell: Shell,
    /// The list's filters for its downloads (`&name=value…`).
    export_query: String,
    may_create: bool,
    q: String,
    phase: String,
    category: String,
    phases: Vec<(&'static str, &'static str)>,
    categories: Vec<Category>,
    rows: Vec<Dossier>,
    labels: LabelNames,
    total: i64,
    page: i64,
    pages: i64,
    prev_link: Option<String>,
    next_link: Option<String>,
}

fn non_empty(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<ListQuery>,
) -> Result<Response, PageError> {
    let filter = q.filter()?;
    let page = dossiers::list(
        &state.app,
        &viewer.actor,
        &filter,
        Paging::new(page_param(&q.page), Some(25)),
    )
    .await?;
    let categories = grip_app::catalogue::list_categories(&state.app, &viewer.actor).await?;
    let labels = grip_app::organisation::label_names(&state.app).await?;
    let (qs, phase, category) = (
        filter.query.clone().unwrap_or_default(),
        filter.phase.map(|p| p.id().to_string()).unwrap_or_default(),
        filter
            .category_id
            .as_ref()
            .map(|c| c.to_string())
            .unwrap_or_default(),
    );
    let pager = super::Pager::new(
        "/dossiers",
        &page,
        &[("q", &qs), ("phase", &phase), ("category", &category)],
    );
    let export_query =
        super::filter_query(&[("q", &qs), ("phase", &phase), ("category", &category)]);
    render(&ListPage {
        export_query,
        may_create: viewer.actor.may(Action::CreateDossier),
        phases: Phase::ALL
            .iter()
            .map(|p| (p.id(), viewer.lang.phase(*p)))
            .collect(),
        categories,
        labels,
        rows: page.items,
        total: page.total,
        page: pager.page,
        pages: pager.pages,
        prev_link: pager.prev,
        next_link: pager.next,
        q: qs,
        phase,
        category,
        shell: Shell::new(&viewer, "dossiers", "/dossiers"),
    })
}

/// The dossier form as typed, so a refused form comes back with what the person entered.
#[derive(Deserialize, Default, Clone)]
struct DossierForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    category_id: String,
    #[serde(default)]
    classification_label: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    estimated_value_eur: String,
}

impl DossierForm {
    fn from_view(d: &Dossier, labels: &LabelNames) -> DossierForm {
        DossierForm {
            title: d.title.clone(),
            description: d.description.clone(),
            category_id: d.category_id().map(|c| c.to_string()).unwrap_or_default(),
            classification_label: labels.name(d.classification_label).to_string(),
            status: d.status.to_string(),
            estimated_value_eur: d
                .estimated_value_eur
                .map(|v| v.to_string())
                .unwrap_or_default(),
        }
    }

    fn to_input(&self) -> Result<DossierInput, Vec<FieldError>> {
        let value = self.estimated_value_eur.trim().replace(['.', ' '], "");
        let estimated_value_eur = if value.is_empty() {
            None
        } else {
            Some(value.parse::<i64>().map_err(|_| {
                vec![FieldError::new(
                    "estimated_value_eur",
                    "not_a_number",
                    "invalid-dossier-value-number",
                )]
            })?)
        };
        Ok(DossierInput {
            title: self.title.clone(),
            description: self.description.clone(),
            category_id: Some(self.category_id.clone()),
            classification_label: Some(self.classification_label.clone()),
            status: Some(if self.status.is_empty() {
                "active".into()
            } else {
                self.status.clone()
            }),
            estimated_value_eur,
        })
    }
}

#[derive(Template)]
#[template(path = "dossiers/form.html")]
struct FormPage {
    shell: Shell,
    heading: &'static str,
    action: String,
    submit: &'static str,
    cancel: String,
    form: DossierForm,
    errors: Vec<FieldError>,
    categories: Vec<Category>,
    labels: Vec<String>,
    statuses: Vec<DossierStatus>,
}

impl FormPage {
    /// What is wrong with one field, in the reader's language, to show beside it.
    fn error_for(&self, field: &str) -> Option<String> {
        let texts: Vec<String> = self
            .errors
            .iter()
            .filter(|e| e.field == field)
            .map(|e| self.shell.lang.field_error(e))
            .collect();
        (!texts.is_empty()).then(|| texts.join(" "))
    }
}

async fn form_page(
    state: &AppState,
    viewer: &Viewer,
    existing: Option<&str>,
    form: DossierForm,
    errors: Vec<FieldError>,
) -> Result<Response, PageError> {
    let categories = grip_app::catalogue::list_categories(&state.app, &viewer.actor).await?;
    let names = grip_app::organisation::label_names(&state.app).await?;
    let (heading, action, submit, cancel, path) = match existing {
        Some(id) => (
            viewer.lang.t("edit"),
            format!("/dossiers/{id}"),
            viewer.lang.t("save"),
            format!("/dossiers/{id}"),
            format!("/dossiers/{id}/edit"),
        ),
        None => (
            viewer.lang.t("new_dossier"),
            "/dossiers".into(),
            viewer.lang.t("create"),
            "/dossiers".into(),
            "/dossiers/new".into(),
        ),
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = FormPage {
        shell: Shell::new(viewer, "dossiers", &path),
        heading,
        action,
        submit,
        cancel,
        form,
        errors,
        categories,
        labels: names
            .all()
            .into_iter()
            .map(|(_, n)| n.to_string())
            .collect(),
        statuses: DossierStatus::ALL.to_vec(),
    };
    Ok((status, render(&page)?).into_response())
}

async fn new_form(State(state): State<AppState>, viewer: Viewer) -> Result<Response, PageError> {
    if !viewer.actor.may(Action::CreateDossier) {
        return Err(AppError::Forbidden.into());
    }
    let labels = grip_app::organisation::label_names(&state.app).await?;
    let form = DossierForm {
        classification_label: labels.name(DataLabel::default()).to_string(),
        status: DossierStatus::Active.to_string(),
        ..Default::default()
    };
    form_page(&state, &viewer, None, form, Vec::new()).await
}

async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<DossierForm>,
) -> Result<Response, PageError> {
    let input = match form.to_input() {
        Ok(input) => input,
        Err(errors) => return form_page(&state, &viewer, None, form, errors).await,
    };
    match dossiers::create(&state.app, &viewer.actor, &input).await {
        Ok(id) => Ok(Redirect::to(&format!("/dossiers/{id}")).into_response()),
        Err(AppError::Invalid(errors)) => form_page(&state, &viewer, None, form, errors).await,
        Err(other) => Err(other.into()),
    }
}

async fn edit_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let dossier = dossiers::get(&state.app, &viewer.actor, &id).await?;
    if !grip_app::access::permissions(&state.app, &viewer.actor, &id)
        .await?
        .edit
    {
        return Err(AppError::Forbidden.into());
    }
    form_page(
        &state,
        &viewer,
        Some(&id),
        DossierForm::from_view(
            &dossier,
            &grip_app::organisation::label_names(&state.app).await?,
        ),
        Vec::new(),
    )
    .await
}

async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<DossierForm>,
) -> Result<Response, PageError> {
    let input = match form.to_input() {
        Ok(input) => input,
        Err(errors) => return form_page(&state, &viewer, Some(&id), form, errors).await,
    };
    match dossiers::update(&state.app, &viewer.actor, &id, &input).await {
        Ok(()) => Ok(Redirect::to(&format!("/dossiers/{id}")).into_response()),
        Err(AppError::Invalid(errors)) => form_page(&state, &viewer, Some(&id), form, errors).await,
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "dossiers/detail.html")]
struct DetailPage {
    shell: Shell,
    d: Dossier,
    labels: LabelNames,
    message: Option<String>,
    track: Vec<(&'static str, &'static str, &'static str)>,
    next_phase: Option<&'static str>,
    may_edit: bool,
    may_move: bool,
    may_upload: bool,
    members: Vec<grip_core::dossier::Member>,
    candidates: Vec<(String, String)>,
    roles: Vec<(&'static str, String)>,
    suppliers: Vec<String>,
    /// Each document with the i18n key of its screening verdict and where it came from.
    documents: Vec<(grip_core::document::Document, &'static str, String)>,
    /// Suppliers an uploaded document may come from (id, name).
    supplier_choices: Vec<(String, String)>,
    /// The dossier's history as sentences.
    events: Vec<crate::activity::Line>,
    /// Recent bulk screening jobs: id, state key, handled, total, started.
    jobs: Vec<(String, &'static str, i64, i64, i64)>,
    /// Id, verdict label and time of the newest AI Act classification.
    latest: Option<(String, &'static str, String)>,
    obligations: Vec<super::classification::ObligationLine>,
    may_classify: bool,
    may_update_obligations: bool,
    obligation_statuses: Vec<&'static str>,
    /// Role × phase guidance for the current phase.
    checklist: super::guidance::ChecklistView,
    /// Newest package version and its state, if any.
    package: Option<(i64, &'static str)>,
}

async fn detail_page(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
    message: Option<String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let view = grip_app::views::dossier::dossier_page(&state.app, &viewer.actor, id).await?;
    let phase = view.dossier.phase;
    let track = Phase::ALL
        .iter()
        .map(|p| {
            let state = match *p {
                current if current == phase => "current",
                earlier if earlier < phase => "done",
                _ => "todo",
            };
            (p.id(), viewer.lang.phase(*p), state)
        })
        .collect();
    let latest = view.classification.map(|c| {
        let verdict =
            super::classification::verdict_label(viewer.lang, c.classification.verdict.as_str());
        (c.id, verdict, viewer.lang.date_time(c.created_at))
    });
    let permissions = view.permissions;
    let page = DetailPage {
        shell: Shell::new(viewer, "dossiers", &format!("/dossiers/{id}")),
        latest,
        obligations: view
            .obligations
            .into_iter()
            .map(|o| super::classification::ObligationLine::from_row(viewer.lang, o))
            .collect(),
        may_classify: permissions.classify,
        may_update_obligations: permissions.update_obligations,
        obligation_statuses: grip_core::ObligationStatus::ALL
            .iter()
            .map(|s| s.id())
            .collect(),
        candidates: view.candidates,
        roles: grip_app::Role::ALL
            .iter()
            .map(|r| (r.id(), viewer.lang.role_id(r.id())))
            .collect(),
        next_phase: phase.next().map(|p| viewer.lang.phase(p)),
        may_edit: permissions.edit,
        may_move: permissions.move_phase,
        may_upload: permissions.upload,
        message,
        track,
        members: view.members,
        suppliers: view.suppliers,
        documents: view
            .documents
            .into_iter()
            .map(|(doc, verdict)| {
                let key = verdict
                    .as_deref()
                    .map_or("not_screened", super::documents::verdict_key);
                let origin = super::provenance::provenance_text(viewer.lang, &doc.provenance);
                (doc, key, origin)
            })
            .collect(),
        supplier_choices: view.supplier_choices,
        events: crate::activity::lines(
            viewer.lang,
            &grip_app::audit::describe(&state.app, view.history).await?,
        ),
        checklist: super::guidance::ChecklistView::new(viewer, &view.checklist, &permissions),
        package: view.package.map(|(version, state)| (version, state.id())),
        jobs: view
            .jobs
            .into_iter()
            .map(|j| {
                let key = super::screening_jobs::job_state_key(j.state);
                (j.handled(), key, j)
            })
            .map(|(handled, key, j)| (j.id.into_string(), key, handled, j.total, j.created_at))
            .collect(),
        d: view.dossier,
        labels: view.labels,
    };
    Ok((status, render(&page)?).into_response())
}

async fn detail(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    detail_page(&state, &viewer, &id, None, StatusCode::OK).await
}

#[derive(Deserialize)]
struct MoveForm {
    #[serde(default)]
    expected_phase: String,
}

async fn move_phase(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<MoveForm>,
) -> Result<Response, PageError> {
    let expected = Some(form.expected_phase.as_str()).filter(|p| !p.is_empty());
    match dossiers::move_to_next_phase(&state.app, &viewer.actor, &id, expected).await {
        Ok(_) => Ok(Redirect::to(&format!("/dossiers/{id}")).into_response()),
        Err(err @ AppError::Conflict(_)) => page_with_error(&state, &viewer, &id, err).await,
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize)]
struct MemberForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    role: String,
}

async fn add_member(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<MemberForm>,
) -> Result<Response, PageError> {
    let result = match grip_app::Role::parse(&form.role) {
        Some(role) => {
            dossiers::add_member(&state.app, &viewer.actor, &id, form.username.trim(), role).await
        }
        None => Err(
            FieldError::new("role", "unknown_role", "invalid-unknown-role")
                .with("role", &form.role)
                .into(),
        ),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/dossiers/{id}")).into_response()),
        Err(err @ AppError::Invalid(_)) => page_with_error(&state, &viewer, &id, err).await,
        Err(other) => Err(other.into()),
    }
}

/// Shows the dossier again with the problem, keeping the failed request's status code.
pub(super) async fn page_with_error(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
    err: AppError,
) -> Result<Response, PageError> {
    let (nl, en) = message_of(&err);
    let text = if viewer.lang == crate::i18n::Lang::En {
        en
    } else {
        nl
    };
    detail_page(state, viewer, id, Some(text), status_of(&err)).await
}

async fn upload(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    multipart: Multipart,
) -> Result<Response, PageError> {
    let result = match read_document_form(multipart, state.app.limits.max_document_bytes).await {
        Ok(((name, bytes), fields)) => {
            let provenance = fields.provenance();
            documents::upload(&state.app, &viewer.actor, &id, &name, &bytes, &provenance)
                .await
                .map(|_| ())
        }
        Err(err) => Err(err),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/dossiers/{id}")).into_response()),
        Err(
            err
            @ (AppError::Invalid(_) | AppError::TooLarge { .. } | AppError::UnsupportedMedia(_)),
        ) => page_with_error(&state, &viewer, &id, err).await,
        Err(other) => Err(other.into()),
    }
}

async fn download(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let (row, bytes) = documents::download(&state.app, &viewer.actor, &id).await?;
    Ok(file_response(&row, bytes))
}
