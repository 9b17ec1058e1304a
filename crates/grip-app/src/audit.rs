//! Reading and verifying the audit trail. People read it as activity: each event with who did
//! it (name and role) and the title of the dossier it concerns. The auditor reads the chain
//! itself: sequence numbers, hashes and payloads, with the result of re-walking it.

use std::collections::HashMap;

use crate::access::require;
use crate::{Action, Actor, App, AppError, Page, Paging, Role};
use grip_core::audit::{StoredEvent, Verification};
use grip_core::audit_event::AuditEvent;
use grip_store::{Conn, audit, home, users};

pub async fn list(
    app: &App,
    actor: &Actor,
    dossier: Option<&str>,
    paging: Paging,
) -> Result<Page<StoredEvent>, AppError> {
    let mut conn = app.store.conn().await?;
    let scope = crate::access::read_scope(&mut conn, actor).await?;
    if let Some(id) = dossier {
        crate::access::require_read(&mut conn, actor, id).await?;
    }
    Ok(audit::list(&mut conn, dossier, &scope, blind_for(actor), paging).await?)
}

/// Assessors see other people's scoring events not at all (see `audit::BLIND_KINDS`).
pub(crate) fn blind_for(actor: &Actor) -> Option<&str> {
    (actor.has(Role::Beoordelaar) && !actor.may(Action::VerifyAudit))
        .then_some(actor.username.as_str())
}

/// Re-walks the chain. The CLI calls this without an actor (operator access).
pub async fn verify(app: &App, actor: Option<&Actor>) -> Result<Verification, AppError> {
    if let Some(actor) = actor
        && !actor.may(Action::VerifyAudit)
    {
        return Err(AppError::Forbidden);
    }
    let mut conn = app.store.conn().await?;
    let chain = audit::verify(&mut conn).await?;
    if !matches!(chain, Verification::Intact { .. }) {
        return Ok(chain);
    }
    let decisions = crate::award::decisions::tampered(&mut conn).await?;
    Ok(if decisions.is_empty() {
        chain
    } else {
        Verification::SealBroken { decisions }
    })
}

/// Someone named in the trail, as people know them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub username: String,
    /// None for actors that are not people (the demo loader) and for removed accounts.
    pub display_name: Option<String>,
    /// The role the person is named by (their first).
    pub role: Option<Role>,
}

/// One event as activity: typed when its payload reads back, with the people and the
/// dossier it names.
#[derive(Debug, Clone)]
pub struct Activity {
    pub seq: i64,
    pub at_ms: i64,
    pub actor: Person,
    pub dossier: Option<(String, String)>,
    /// None when the stored payload has another shape than this version writes.
    pub event: Option<AuditEvent>,
    /// The person an event is about (a member added, a user created), when known.
    pub subject: Option<Person>,
    /// The text of the checklist item a checklist event concerns, in Dutch and English.
    pub item_text: Option<(String, String)>,
}

/// The events with the names of their people and dossiers, read on one connection.
pub(crate) async fn describe_on(
    conn: &mut Conn,
    events: Vec<StoredEvent>,
) -> Result<Vec<Activity>, AppError> {
    let people: HashMap<String, (String, Option<Role>)> = users::list(conn)
        .await?
        .into_iter()
        .map(|u| {
            let role = u.roles.iter().min().copied();
            (u.username, (u.display_name, role))
        })
        .collect();
    let person = |username: &str| {
        let known = people.get(username);
        Person {
            username: username.to_string(),
            display_name: known.map(|(name, _)| name.clone()),
            role: known.and_then(|(_, role)| *role),
        }
    };
    let mut ids: Vec<&str> = events.iter().filter_map(|e| e.dossier.as_deref()).collect();
    ids.sort_unstable();
    ids.dedup();
    let titles: HashMap<String, String> = home::titles(conn, &ids).await?.into_iter().collect();
    Ok(events
        .into_iter()
        .map(|e| {
            let event = AuditEvent::decode(&e.kind, &e.payload);
            let subject = event.as_ref().and_then(subject_of).map(|u| person(&u));
            Activity {
                seq: e.seq,
                at_ms: e.at_ms,
                actor: person(&e.actor),
                dossier: e.dossier.map(|id| {
                    let title = titles.get(&id).cloned().unwrap_or_default();
                    (id, title)
                }),
                item_text: event.as_ref().and_then(item_text_of),
                subject,
                event,
            }
        })
        .collect())
}

/// The username of the person an event is about.
fn subject_of(event: &AuditEvent) -> Option<String> {
    match event {
        AuditEvent::DossierMemberAdded(e) => Some(e.username.clone()),
        AuditEvent::UserCreated(e) => Some(e.username.clone()),
        AuditEvent::UserRolesChanged(e) => Some(e.username.clone()),
        AuditEvent::UserPasswordReset(e) => Some(e.username.clone()),
        AuditEvent::UserDeactivated(e) => Some(e.username.clone()),
        AuditEvent::UserReactivated(e) => Some(e.username.clone()),
        AuditEvent::TokenCreated(e) => Some(e.user.clone()),
        _ => None,
    }
}

fn item_text_of(event: &AuditEvent) -> Option<(String, String)> {
    let AuditEvent::ChecklistStatusSet(e) = event else {
        return None;
    };
    let pack = crate::checklists::pack().ok()?;
    let check = pack
        .content()
        .phase(e.phase.id())?
        .iter()
        .find(|c| c.id == e.item)?;
    Some((check.text.nl.clone(), check.text.en.clone()))
}

/// Events as activity (for pages that read the trail elsewhere, such as a dossier's history).
pub async fn describe(app: &App, events: Vec<StoredEvent>) -> Result<Vec<Activity>, AppError> {
    let mut conn = app.store.conn().await?;
    describe_on(&mut conn, events).await
}

/// The activity a person may follow, newest first: everything for those who may verify the
/// trail (auditor, administrator); for everyone else the events on their own dossiers and
/// their own actions.
pub async fn activity(
    app: &App,
    actor: &Actor,
    paging: Paging,
) -> Result<Page<Activity>, AppError> {
    require(actor, Action::Read)?;
    let mut tx = app.store.begin_read().await?;
    let conn = &mut *tx;
    let page = activity_on(conn, actor, paging).await?;
    let (paging, total) = (
        Paging::new(Some(page.page), Some(page.per_page)),
        page.total,
    );
    let items = describe_on(conn, page.items).await?;
    Ok(paging.wrap(items, total))
}

pub(crate) async fn activity_on(
    conn: &mut Conn,
    actor: &Actor,
    paging: Paging,
) -> Result<Page<StoredEvent>, AppError> {
    Ok(if actor.may(Action::VerifyAudit) {
        let scope = crate::access::read_scope(conn, actor).await?;
        audit::list(conn, None, &scope, None, paging).await?
    } else {
        let blind = blind_for(actor).is_some();
        home::events_of(conn, &actor.user_id, &actor.username, blind, paging).await?
    })
}

/// The chain as the auditor reads it: one page of raw events and the verification result.
pub struct ChainPage {
    pub events: Page<StoredEvent>,
    pub verification: Verification,
}

pub async fn chain(app: &App, actor: &Actor, paging: Paging) -> Result<ChainPage, AppError> {
    require(actor, Action::VerifyAudit)?;
    let mut conn = app.store.conn().await?;
    let scope = crate::access::read_scope(&mut conn, actor).await?;
    Ok(ChainPage {
        verification: audit::verify(&mut conn).await?,
        events: audit::list(&mut conn, None, &scope, None, paging).await?,
    })
}
