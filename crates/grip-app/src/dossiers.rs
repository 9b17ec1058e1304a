//! Dossier use cases: create, edit, move to the next phase, read, list, and the dashboard
//! figures. Rights are checked here for every call, whatever the front door.

use crate::access::{read_scope, require, require_on_dossier, require_read};
use crate::organisation::label_names_on;
use crate::record::commit_with_event;
use crate::{Action, Actor, App, AppError, Phase, now_ms};
use grip_core::LabelNames;
use grip_core::audit_event as ev;
use grip_core::dossier::{CategoryRef, Dossier, DossierFilter, Member, UserRef};
use grip_core::dossier::{DossierInput, ValidDossier};
use grip_store::audit::NewEvent;
use grip_store::dossiers;
use grip_store::{Conn, Page, Paging, catalogue};
use serde_json::json;

/// The chosen category as the dossier will point at it; unknown ids are refused.
async fn check_category(
    conn: &mut Conn,
    valid: &ValidDossier,
) -> Result<Option<CategoryRef>, AppError> {
    let Some(id) = &valid.category_id else {
        return Ok(None);
    };
    match catalogue::get_category(conn, id).await? {
        Some(c) => Ok(Some(CategoryRef {
            id: c.id,
            code: c.code,
            name_nl: c.name_nl,
            name_en: c.name_en,
        })),
        None => Err(AppError::invalid(
            "category_id",
            "unknown_category",
            "invalid-unknown-category",
        )),
    }
}

/// Creates a dossier in the first phase; the creator becomes a member with their role.
pub async fn create(app: &App, actor: &Actor, input: &DossierInput) -> Result<String, AppError> {
    require(actor, Action::CreateDossier)?;
    let now = now_ms();
    let id = grip_store::new_id();
    let mut tx = app.store.begin_write().await?;
    let labels = label_names_on(&mut tx).await?;
    let valid = input.validate(&labels).map_err(AppError::Invalid)?;
    let category = check_category(&mut tx, &valid).await?;
    let record = Dossier {
        id: id.as_str().into(),
        title: valid.title.clone(),
        description: valid.description.clone(),
        category,
        requester: Some(UserRef {
            id: actor.user_id.as_str().into(),
            username: actor.username.clone(),
        }),
        phase: Phase::Behoeftestelling,
        classification_label: valid.classification_label,
        status: valid.status,
        estimated_value_eur: valid.estimated_value_eur,
        created_at: now,
        updated_at: now,
    };
    dossiers::insert(&mut tx, &record).await?;
    let member_role = actor.roles.first().map(|r| r.id()).unwrap_or("inkoper");
    dossiers::add_member(&mut tx, &id, &actor.user_id, member_role, now).await?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &actor.username,
            dossier: Some(&id),
            event: ev::DossierCreated {
                title: record.title.clone(),
                category_id: record.category_id().map(|c| c.to_string()),
                phase: record.phase,
                classification_label: labels.name(record.classification_label).to_string(),
                status: record.status,
            }
            .into(),
        },
    )
    .await?;
    Ok(id)
}

/// Edits title, description, category, label and status; the event lists what changed.
pub async fn update(
    app: &App,
    actor: &Actor,
    id: &str,
    input: &DossierInput,
) -> Result<(), AppError> {
    let mut tx = app.store.begin_write().await?;
    let labels = label_names_on(&mut tx).await?;
    let valid = input.validate(&labels).map_err(AppError::Invalid)?;
    let current = dossiers::get(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound("dossier"))?;
    require_on_dossier(&mut tx, actor, Action::EditDossier, id).await?;
    let category = check_category(&mut tx, &valid).await?;
    let changes = changed_fields(&current, &valid, &labels);
    if changes.is_empty() {
        return Ok(());
    }
    let now = now_ms();
    let record = Dossier {
        id: id.into(),
        title: valid.title,
        description: valid.description,
        category,
        requester: current.requester.clone(),
        phase: current.phase,
        classification_label: valid.classification_label,
        status: valid.status,
        estimated_value_eur: valid.estimated_value_eur,
        created_at: current.created_at,
        updated_at: now,
    };
    dossiers::update(&mut tx, &record).await?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &actor.username,
            dossier: Some(id),
            event: ev::DossierUpdated { changes }.into(),
        },
    )
    .await?;
    Ok(())
}

/// The label is recorded as the organisation named it, as the person chose it.
fn changed_fields(current: &Dossier, valid: &ValidDossier, labels: &LabelNames) -> ev::Changes {
    let mut changes = ev::Changes::new();
    let mut note = |field: &str, from: Option<&str>, to: Option<&str>| {
        if from != to {
            changes.insert(
                field.into(),
                ev::FieldChange {
                    from: json!(from),
                    to: json!(to),
                },
            );
        }
    };
    note("title", Some(&current.title), Some(&valid.title));
    note(
        "description",
        Some(&current.description),
        Some(&valid.description),
    );
    note(
        "category_id",
        current.category_id().map(|c| c.as_str()),
        valid.category_id.as_deref(),
    );
    note(
        "classification_label",
        Some(labels.name(current.classification_label)),
        Some(labels.name(valid.classification_label)),
    );
    note(
        "status",
        Some(current.status.code()),
        Some(valid.status.code()),
    );
    let value = |v: Option<i64>| v.map(|n| n.to_string());
    note(
        "estimated_value_eur",
        value(current.estimated_value_eur).as_deref(),
        value(valid.estimated_value_eur).as_deref(),
    );
    changes
}

/// Moves the dossier to the next phase. `expected_phase`, when given, must be the current
/// phase, so a double click or a stale page cannot skip a phase.
pub async fn move_to_next_phase(
    app: &App,
    actor: &Actor,
    id: &str,
    expected_phase: Option<&str>,
) -> Result<Phase, AppError> {
    let mut tx = app.store.begin_write().await?;
    let current = dossiers::get(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound("dossier"))?;
    require_on_dossier(&mut tx, actor, Action::MovePhase, id).await?;
    let from = current.phase;
    if let Some(expected) = expected_phase
        && expected != from.id()
    {
        return Err(AppError::Conflict(format!(
            "Het dossier staat al in fase '{}'; ververs de pagina.",
            from.label_nl()
        )));
    }
    let to = from
        .next()
        .ok_or_else(|| AppError::Conflict("Het dossier staat al in de laatste fase.".into()))?;
    if let Some(refusal) = crate::gate::refusal(&mut tx, id, from).await? {
        return Err(AppError::Conflict(refusal));
    }
    let now = now_ms();
    if !dossiers::set_phase(&mut tx, id, from, to, now).await? {
        return Err(AppError::Conflict(
            "Het dossier is intussen gewijzigd; ververs de pagina.".into(),
        ));
    }
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &actor.username,
            dossier: Some(id),
            event: ev::DossierPhaseMoved { from, to }.into(),
        },
    )
    .await?;
    Ok(to)
}

/// Adds a person to the dossier's team in a role.
pub async fn add_member(
    app: &App,
    actor: &Actor,
    id: &str,
    username: &str,
    role: crate::Role,
) -> Result<(), AppError> {
    let mut tx = app.store.begin_write().await?;
    dossiers::get(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound("dossier"))?;
    require_on_dossier(&mut tx, actor, Action::EditDossier, id).await?;
    let user = grip_store::users::find_by_username(&mut tx, username)
        .await?
        .ok_or_else(|| {
            AppError::from(
                grip_core::dossier::FieldError::new(
                    "username",
                    "unknown_user",
                    "invalid-unknown-user",
                )
                .with("username", username),
            )
        })?;
    let now = now_ms();
    dossiers::add_member(&mut tx, id, &user.id, role.id(), now).await?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &actor.username,
            dossier: Some(id),
            event: ev::DossierMemberAdded {
                username: username.into(),
                role,
            }
            .into(),
        },
    )
    .await?;
    Ok(())
}

/// Everything the dossier page shows.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DossierDetail {
    pub dossier: Dossier,
    pub members: Vec<Member>,
    pub suppliers: Vec<String>,
    pub documents: Vec<grip_core::document::Document>,
    pub inventory: Vec<grip_core::inventory::InventoryItem>,
}

pub async fn get(app: &App, actor: &Actor, id: &str) -> Result<Dossier, AppError> {
    let mut conn = app.store.conn().await?;
    require_read(&mut conn, actor, id).await?;
    dossiers::get(&mut conn, id)
        .await?
        .ok_or(AppError::NotFound("dossier"))
}

pub async fn detail(app: &App, actor: &Actor, id: &str) -> Result<DossierDetail, AppError> {
    let mut conn = app.store.conn().await?;
    require_read(&mut conn, actor, id).await?;
    let dossier = dossiers::get(&mut conn, id)
        .await?
        .ok_or(AppError::NotFound("dossier"))?;
    Ok(DossierDetail {
        members: dossiers::members(&mut conn, id).await?,
        suppliers: dossiers::supplier_names(&mut conn, id).await?,
        documents: grip_store::documents::list_for_dossier(&mut conn, id).await?,
        inventory: grip_store::inventory::for_dossier(&mut conn, id).await?,
        dossier,
    })
}

pub async fn list(
    app: &App,
    actor: &Actor,
    filter: &DossierFilter,
    paging: Paging,
) -> Result<Page<Dossier>, AppError> {
    let mut conn = app.store.conn().await?;
    let scope = read_scope(&mut conn, actor).await?;
    Ok(dossiers::list(&mut conn, filter, &scope, paging).await?)
}

/// Reads a phase filter typed into a list's query (empty means every phase).
pub fn phase_filter(text: Option<&str>) -> Result<Option<Phase>, AppError> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(id) => Phase::parse(id).map(Some).ok_or_else(|| {
            grip_core::dossier::FieldError::new("phase", "unknown_phase", "invalid-unknown-phase")
                .with("phase", id)
                .into()
        }),
    }
}

/// Counts per phase of the dossiers the actor may read, in phase order (0 included).
pub async fn counts_per_phase(app: &App, actor: &Actor) -> Result<Vec<(Phase, i64)>, AppError> {
    let mut conn = app.store.conn().await?;
    counts_per_phase_on(&mut conn, actor).await
}

pub(crate) async fn counts_per_phase_on(
    conn: &mut Conn,
    actor: &Actor,
) -> Result<Vec<(Phase, i64)>, AppError> {
    let scope = read_scope(conn, actor).await?;
    let counts = dossiers::count_by_phase(conn, &scope).await?;
    Ok(Phase::ALL
        .into_iter()
        .map(|p| {
            let n = counts
                .iter()
                .find(|(phase, _)| *phase == p)
                .map(|(_, n)| *n)
                .unwrap_or(0);
            (p, n)
        })
        .collect())
}
