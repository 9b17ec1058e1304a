//! Everything a person's home page shows: what needs them (checklist items of their roles,
//! sign-offs that hold a phase gate, bids to score, obligations coming due), their dossiers by
//! phase, and recent activity. Personal lists only hold dossiers the person is on as a member
//! or as the requester; the organisation-wide overview is for the auditor and administrator.

use std::collections::HashMap;

use grip_core::checklist::{CheckStatus, ChecklistMark};
use grip_core::dossier::{Dossier, DossierStatus};
use grip_core::obligation::Obligation;
use grip_core::user::Organisation;
use grip_knowledge::tender::Check;
use grip_store::{Conn, Paging, dossiers, home, organisation, users};

use crate::access::require;
use crate::audit::{Activity, activity_on, describe_on};
use crate::{Action, Actor, App, AppError, Phase, Role};

/// Recent activity lines on the home page.
const RECENT: i64 = 12;
/// Obligations coming due on the home page.
const OBLIGATIONS: i64 = 20;

/// What a home page leads with, from the person's roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// Buyers, requesters and contract managers: their dossiers by phase.
    Buyer,
    /// Jurist, privacy, security and AI expert: the sign-offs that wait for them.
    Specialist,
    /// Independent assessors: the evaluations that wait for their score.
    Assessor,
    /// The auditor: the state of the trail and the organisation's overview.
    Auditor,
    /// The administrator: the organisation's overview and its people.
    Administrator,
}

impl Focus {
    pub fn of(roles: &[Role]) -> Focus {
        let has = |r: Role| roles.contains(&r);
        if has(Role::Inkoper) || has(Role::Behoeftesteller) || has(Role::Contractmanager) {
            Focus::Buyer
        } else if has(Role::Jurist)
            || has(Role::Privacy)
            || has(Role::Security)
            || has(Role::AiExpert)
        {
            Focus::Specialist
        } else if has(Role::Beoordelaar) {
            Focus::Assessor
        } else if has(Role::Auditor) {
            Focus::Auditor
        } else {
            Focus::Administrator
        }
    }
}

/// An open checklist item of one of the person's roles on one of their dossiers.
#[derive(Debug, Clone)]
pub struct OpenCheck {
    pub dossier_id: String,
    pub dossier_title: String,
    pub phase: Phase,
    pub check: Check,
}

/// One of the person's dossiers with what is due on it.
#[derive(Debug, Clone)]
pub struct MyDossier {
    pub dossier: Dossier,
    /// The earliest open obligation's date (`YYYY-MM-DD`), the dossier's next deadline.
    pub next_due: Option<String>,
    /// Mandatory items of the current phase still open, for any role: what holds the gate.
    pub gate_open: usize,
}

/// The organisation as a whole, for the auditor and the administrator.
pub struct Overview {
    pub phase_counts: Vec<(Phase, i64)>,
    pub people: usize,
    pub active_people: usize,
    /// Events in the audit trail.
    pub events: i64,
}

pub struct Home {
    pub organisation: Option<Organisation>,
    pub display_name: String,
    pub focus: Focus,
    /// Open mandatory items of my roles: the phase gate waits for my sign-off.
    pub sign_offs: Vec<OpenCheck>,
    /// My other open items.
    pub open_checks: Vec<OpenCheck>,
    /// Dossiers in evaluation and award where I am on the team as an assessor.
    pub to_score: Vec<Dossier>,
    /// My active dossiers by phase (in phase order, then most recently changed).
    pub dossiers: Vec<MyDossier>,
    /// Open obligations on my dossiers, soonest first, with the dossier's title.
    pub obligations: Vec<(Obligation, String)>,
    pub activity: Vec<Activity>,
    pub overview: Option<Overview>,
}

pub async fn home(app: &App, actor: &Actor) -> Result<Home, AppError> {
    require(actor, Action::Read)?;
    let mut tx = app.store.begin_read().await?;
    let conn = &mut *tx;
    let mine: Vec<Dossier> = home::dossiers_of(conn, &actor.user_id)
        .await?
        .into_iter()
        .filter(|d| d.status != DossierStatus::Closed)
        .collect();
    let marks = home::checklist_marks_of(conn, &actor.user_id).await?;
    let (sign_offs, open_checks) = open_checks(&mine, &marks, &actor.roles)?;
    let obligations = home::open_obligations(conn, &actor.user_id, OBLIGATIONS).await?;
    let to_score = assessments(conn, actor, &mine).await?;
    let due: HashMap<String, String> = home::next_due_of(conn, &actor.user_id)
        .await?
        .into_iter()
        .collect();
    let dossiers = by_phase(&mine, &marks, &due)?;
    let titles: HashMap<&str, &str> = mine
        .iter()
        .map(|d| (d.id.as_str(), d.title.as_str()))
        .collect();
    // Only obligations of running dossiers (closed ones have no title here).
    let obligations = obligations
        .into_iter()
        .filter_map(|o| {
            let title = titles.get(o.dossier_id.as_str())?.to_string();
            Some((o, title))
        })
        .collect();
    let recent = activity_on(conn, actor, Paging::new(Some(1), Some(RECENT))).await?;
    let wide = actor.may(Action::VerifyAudit);
    Ok(Home {
        organisation: organisation::get(conn).await?,
        display_name: display_name(conn, actor).await?,
        focus: Focus::of(&actor.roles),
        sign_offs,
        open_checks,
        to_score,
        dossiers,
        obligations,
        activity: describe_on(conn, recent.items).await?,
        overview: if wide {
            Some(overview(conn, actor, recent.total).await?)
        } else {
            None
        },
    })
}

async fn display_name(conn: &mut Conn, actor: &Actor) -> Result<String, AppError> {
    Ok(users::get(conn, &actor.user_id)
        .await?
        .map_or_else(|| actor.username.clone(), |u| u.display_name))
}

/// The open items of the current phase that belong to one of `roles`, split into the
/// mandatory ones (sign-offs) and the rest.
fn open_checks(
    mine: &[Dossier],
    marks: &[ChecklistMark],
    roles: &[Role],
) -> Result<(Vec<OpenCheck>, Vec<OpenCheck>), AppError> {
    let (mut sign_offs, mut rest) = (Vec::new(), Vec::new());
    for d in mine {
        for check in open_in_phase(d, marks)? {
            if !roles.iter().any(|r| r.id() == check.role) {
                continue;
            }
            let open = OpenCheck {
                dossier_id: d.id.to_string(),
                dossier_title: d.title.clone(),
                phase: d.phase,
                check: check.clone(),
            };
            if check.mandatory {
                sign_offs.push(open);
            } else {
                rest.push(open);
            }
        }
    }
    Ok((sign_offs, rest))
}

/// The items of the dossier's current phase that nobody marked done or waived.
fn open_in_phase(
    dossier: &Dossier,
    marks: &[ChecklistMark],
) -> Result<Vec<&'static Check>, AppError> {
    let checks: &'static [Check] = crate::checklists::pack()?
        .content()
        .phase(dossier.phase.id())
        .unwrap_or_default();
    Ok(checks
        .iter()
        .filter(|c| {
            !marks.iter().any(|m| {
                m.dossier_id == dossier.id && m.item_id == c.id && m.status != CheckStatus::Open
            })
        })
        .collect())
}

/// Dossiers in evaluation and award on which the person is an assessor.
async fn assessments(
    conn: &mut Conn,
    actor: &Actor,
    mine: &[Dossier],
) -> Result<Vec<Dossier>, AppError> {
    if !actor.has(Role::Beoordelaar) {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for d in mine.iter().filter(|d| d.phase == Phase::BeoordelingGunning) {
        let members = dossiers::members(conn, &d.id).await?;
        if members
            .iter()
            .any(|m| m.username == actor.username && m.role == Role::Beoordelaar)
        {
            out.push(d.clone());
        }
    }
    Ok(out)
}

fn by_phase(
    mine: &[Dossier],
    marks: &[ChecklistMark],
    due: &HashMap<String, String>,
) -> Result<Vec<MyDossier>, AppError> {
    let mut out = Vec::new();
    for d in mine {
        out.push(MyDossier {
            next_due: due.get(d.id.as_str()).cloned(),
            gate_open: open_in_phase(d, marks)?
                .iter()
                .filter(|c| c.mandatory)
                .count(),
            dossier: d.clone(),
        });
    }
    // Stable: within a phase the most recently changed dossier stays first.
    out.sort_by_key(|m| m.dossier.phase);
    Ok(out)
}

async fn overview(conn: &mut Conn, actor: &Actor, events: i64) -> Result<Overview, AppError> {
    let phase_counts = crate::dossiers::counts_per_phase_on(conn, actor).await?;
    let people = users::list(conn).await?;
    Ok(Overview {
        phase_counts,
        events,
        active_people: people.iter().filter(|u| u.active).count(),
        people: people.len(),
    })
}
