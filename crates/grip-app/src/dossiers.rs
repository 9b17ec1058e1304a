//! Dossier use cases: create, edit, move to the next phase, read, list, and the dashboard
//! figures. Rights are checked here for every call, whatever the front door.

use crate::record::commit_with_event;
use crate::{Action, Actor, App, AppError, Phase, now_ms};
use grip_core::dossier::{DossierInput, ValidDossier};
use grip_store::audit::NewEvent;
use grip_store::dossiers::{self, DossierFilter, DossierRecord, DossierView, MemberView};
use grip_store::{Conn, Page, Paging, catalogue};
use serde_json::json;

/// Checks a right that depends on roles alone.
pub(crate) fn require(actor: &Actor, action: Action) -> Result<(), AppError> {
    if actor.may(action) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Checks a dossier-scoped right (role and membership).
pub async fn require_in_dossier(
    conn: &mut Conn,
    actor: &Actor,
    action: Action,
    dossier_id: &str,
) -> Result<(), AppError> {
    require(actor, action)?;
    let member = dossiers::is_member(conn, dossier_id, &actor.user_id).await?;
    if actor.may_in_dossier(action, member) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// May this actor change this dossier? (For showing or hiding buttons; routes check anyway.)
pub async fn may_change(
    app: &App,
    actor: &Actor,
    action: Action,
    dossier_id: &str,
) -> Result<bool, AppError> {
    let mut conn = app.store.conn().await?;
    Ok(require_in_dossier(&mut conn, actor, action, dossier_id)
        .await
        .is_ok())
}

async fn check_category(conn: &mut Conn, valid: &ValidDossier) -> Result<(), AppError> {
    if let Some(id) = &valid.category_id
        && catalogue::get_category(conn, id).await?.is_none()
    {
        return Err(AppError::invalid(
            "category_id",
            "unknown_category",
            "invalid-unknown-category",
        ));
    }
    Ok(())
}

/// Creates a dossier in the first phase; the creator becomes a member with their role.
pub async fn create(app: &App, actor: &Actor, input: &DossierInput) -> Result<String, AppError> {
    require(actor, Action::CreateDossier)?;
    let valid = input.validate().map_err(AppError::Invalid)?;
    let now = now_ms();
    let id = grip_store::new_id();
    let mut tx = app.store.begin_write().await?;
    check_category(&mut tx, &valid).await?;
    let record = DossierRecord {
        id: id.clone(),
        title: valid.title.clone(),
        description: valid.description.clone(),
        category_id: valid.category_id.clone(),
        requester_id: Some(actor.user_id.clone()),
        phase: Phase::Behoeftestelling.id().into(),
        classification_label: valid.classification_label.clone(),
        status: valid.status.id().into(),
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
            kind: "dossier.created",
            payload: json!({
                "title": record.title,
                "category_id": record.category_id,
                "phase": record.phase,
                "classification_label": record.classification_label,
                "status": record.status,
            }),
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
    let valid = input.validate().map_err(AppError::Invalid)?;
    let mut tx = app.store.begin_write().await?;
    let current = dossiers::get(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound("dossier"))?;
    require_in_dossier(&mut tx, actor, Action::EditDossier, id).await?;
    check_category(&mut tx, &valid).await?;
    let changes = changed_fields(&current, &valid);
    if changes.is_empty() {
        return Ok(());
    }
    let now = now_ms();
    let record = DossierRecord {
        id: id.into(),
        title: valid.title,
        description: valid.description,
        category_id: valid.category_id,
        requester_id: current.requester_id.clone(),
        phase: current.phase.clone(),
        classification_label: valid.classification_label,
        status: valid.status.id().into(),
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
            kind: "dossier.updated",
            payload: json!({ "changes": changes }),
        },
    )
    .await?;
    Ok(())
}

fn changed_fields(
    current: &DossierView,
    valid: &ValidDossier,
) -> serde_json::Map<String, serde_json::Value> {
    let mut changes = serde_json::Map::new();
    let mut note = |field: &str, from: Option<&str>, to: Option<&str>| {
        if from != to {
            changes.insert(field.into(), json!({"from": from, "to": to}));
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
        current.category_id.as_deref(),
        valid.category_id.as_deref(),
    );
    note(
        "classification_label",
        Some(&current.classification_label),
        Some(&valid.classification_label),
    );
    note("status", Some(&current.status), Some(valid.status.id()));
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
    require_in_dossier(&mut tx, actor, Action::MovePhase, id).await?;
    let from = Phase::parse(&current.phase).ok_or_else(|| {
        AppError::Internal(format!("stored phase '{}' is unknown", current.phase))
    })?;
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
    let open = crate::checklists::open_mandatory(&mut tx, id, from).await?;
    if !open.is_empty() {
        let list = open
            .iter()
            .map(|c| format!("{} ({}): {}", c.id, c.role, c.text.nl))
            .collect::<Vec<_>>()
            .join("; ");
        return Err(AppError::Conflict(format!(
            "Nog {} verplichte checklistitems open in fase '{}'; rond ze af of sla ze met een \
             reden over: {list}",
            open.len(),
            from.label_nl()
        )));
    }
    let now = now_ms();
    if !dossiers::set_phase(&mut tx, id, from.id(), to.id(), now).await? {
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
            kind: "dossier.phase_moved",
            payload: json!({"from": from.id(), "to": to.id()}),
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
    require_in_dossier(&mut tx, actor, Action::EditDossier, id).await?;
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
            kind: "dossier.member_added",
            payload: json!({"username": username, "role": role.id()}),
        },
    )
    .await?;
    Ok(())
}

/// Everything the dossier page shows.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DossierDetail {
    pub dossier: DossierView,
    pub members: Vec<MemberView>,
    pub suppliers: Vec<String>,
    pub documents: Vec<grip_store::documents::DocumentRow>,
    pub inventory: Vec<grip_store::inventory::InventoryView>,
}

pub async fn get(app: &App, actor: &Actor, id: &str) -> Result<DossierView, AppError> {
    require(actor, Action::Read)?;
    let mut conn = app.store.conn().await?;
    dossiers::get(&mut conn, id)
        .await?
        .ok_or(AppError::NotFound("dossier"))
}

pub async fn detail(app: &App, actor: &Actor, id: &str) -> Result<DossierDetail, AppError> {
    require(actor, Action::Read)?;
    let mut conn = app.store.conn().await?;
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
) -> Result<Page<DossierView>, AppError> {
    require(actor, Action::Read)?;
    if let Some(phase) = &filter.phase
        && Phase::parse(phase).is_none()
    {
        return Err(grip_core::dossier::FieldError::new(
            "phase",
            "unknown_phase",
            "invalid-unknown-phase",
        )
        .with("phase", phase)
        .into());
    }
    let mut conn = app.store.conn().await?;
    Ok(dossiers::list(&mut conn, filter, paging).await?)
}

/// Dossier counts per phase, in phase order (phases without dossiers count 0).
pub async fn counts_per_phase(app: &App, actor: &Actor) -> Result<Vec<(Phase, i64)>, AppError> {
    require(actor, Action::Read)?;
    let mut conn = app.store.conn().await?;
    let counts = dossiers::count_by_phase(&mut conn).await?;
    Ok(Phase::ALL
        .into_iter()
        .map(|p| {
            let n = counts
                .iter()
                .find(|(id, _)| id == p.id())
                .map(|(_, n)| *n)
                .unwrap_or(0);
            (p, n)
        })
        .collect())
}
