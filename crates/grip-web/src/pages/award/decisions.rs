//! The decisions page: every decision record of the dossier as a timeline, proposing one with
//! the weighing of each protected interest, signing in one's roles, the record as PDF or DOCX
//! and, from a sealed award decision, a letter per bidder.

use crate::AppState;
use crate::auth::Viewer;
use crate::error::{PageError, render};
use crate::i18n::Lang;
use crate::shell::Shell;
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use grip_app::AppError;
use grip_app::award::decisions::{self, Proposal, WeighingInput};
use grip_app::award::documents::{self, DecisionFormat};
use grip_core::award::decision::{Decision, Outcome, Weighing};
use grip_core::dossier::Dossier;
use grip_core::{LabelNames, Phase, Role};
use serde::Deserialize;

pub struct InterestLine {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub questions: Vec<String>,
}

pub struct DecisionView {
    pub id: String,
    pub gate: &'static str,
    pub outcome: &'static str,
    pub outcome_code: &'static str,
    pub sealed: Option<String>,
    pub hash: Option<String>,
    pub proposed: String,
    pub motivation: String,
    pub conditions: String,
    /// (interest, weighing word, weighing code, note, measures)
    pub weighing: Vec<(String, String, &'static str, String, String)>,
    /// (role, name, when)
    pub signoffs: Vec<(String, String, String)>,
    pub open_roles: Vec<String>,
    /// Roles (code, label) the viewer may sign in now.
    pub sign_as: Vec<(&'static str, &'static str)>,
    pub superseded: bool,
    pub supersedes: Option<String>,
    /// Award letters (bid id, supplier) once sealed with a winner.
    pub letters: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "award/decisions.html")]
struct DecisionsPage {
    shell: Shell,
    d: Dossier,
    labels: LabelNames,
    message: Option<String>,
    decisions: Vec<DecisionView>,
    interests: Vec<InterestLine>,
    /// (code, label)
    weighings: Vec<(&'static str, &'static str)>,
    outcomes: Vec<(&'static str, &'static str)>,
    gates: Vec<(&'static str, &'static str, bool)>,
    bids: Vec<(String, String)>,
    sealed_ids: Vec<(String, String)>,
    may_propose: bool,
    /// Required roles of open decisions that nobody on the team holds.
    unstaffed: Vec<&'static str>,
}

fn weighing_word(lang: Lang, w: Weighing) -> &'static str {
    match w {
        Weighing::Positive => lang.pick("positief", "positive"),
        Weighing::Neutral => lang.pick("neutraal", "neutral"),
        Weighing::Risk => lang.pick("risico, met maatregelen", "risk, with measures"),
        Weighing::Unacceptable => lang.pick("onaanvaardbaar", "unacceptable"),
    }
}

pub async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    render_page(&state, &viewer, &id, None, StatusCode::OK).await
}

fn role_label(lang: Lang, r: Role) -> &'static str {
    lang.pick(r.label_nl(), r.label_en())
}

fn view(
    viewer: &Viewer,
    d: &Decision,
    all: &[Decision],
    directory: &[(String, String)],
    bids: &[(String, String)],
    sign_roles: &[Role],
    interest_title: &dyn Fn(&str) -> String,
) -> DecisionView {
    let lang = viewer.lang;
    let name = |u: &str| {
        directory
            .iter()
            .find(|(x, n)| x == u && !n.trim().is_empty())
            .map_or_else(|| u.to_string(), |(_, n)| n.clone())
    };
    let open = d.open_roles();
    let signed_by_me = d
        .signoffs
        .iter()
        .any(|s| s.username == viewer.actor.username);
    DecisionView {
        id: d.id.to_string(),
        gate: lang.phase(d.gate),
        outcome: lang.pick(d.outcome.label_nl(), d.outcome.label_en()),
        outcome_code: d.outcome.code(),
        sealed: d.sealed_at.map(|at| lang.date_time(at)),
        hash: d.content_hash.clone(),
        proposed: format!(
            "{} — {}",
            name(&d.proposed_by),
            lang.date_time(d.proposed_at)
        ),
        motivation: d.motivation.clone(),
        conditions: d.conditions.clone(),
        weighing: d
            .weighing
            .iter()
            .map(|w| {
                (
                    interest_title(&w.interest),
                    weighing_word(lang, w.weighing).to_string(),
                    w.weighing.code(),
                    w.note.clone(),
                    w.measures.clone(),
                )
            })
            .collect(),
        signoffs: d
            .signoffs
            .iter()
            .map(|s| {
                (
                    role_label(lang, s.role).to_string(),
                    name(&s.username),
                    lang.date_time(s.signed_at),
                )
            })
            .collect(),
        open_roles: open
            .iter()
            .map(|r| role_label(lang, *r).to_string())
            .collect(),
        sign_as: if d.is_sealed() || signed_by_me {
            Vec::new()
        } else {
            open.iter()
                .filter(|r| sign_roles.contains(r))
                .map(|r| (r.id(), role_label(lang, *r)))
                .collect()
        },
        superseded: all.iter().any(|n| n.supersedes.as_ref() == Some(&d.id)),
        supersedes: d.supersedes.as_ref().map(|s| s.to_string()),
        letters: if d.is_sealed() && d.winning_bid.is_some() {
            bids.to_vec()
        } else {
            Vec::new()
        },
    }
}

async fn render_page(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
    message: Option<String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let app = &state.app;
    let lang = viewer.lang;
    let d = grip_app::dossiers::get(app, &viewer.actor, id).await?;
    let permissions = grip_app::access::permissions(app, &viewer.actor, id).await?;
    let all = decisions::list(app, &viewer.actor, id).await?;
    let directory = grip_app::users::directory(app, &viewer.actor).await?;
    let bids: Vec<(String, String)> = grip_app::award::bids::list(app, &viewer.actor, id)
        .await?
        .into_iter()
        .map(|b| (b.id.to_string(), b.supplier_name))
        .collect();
    let pack = grip_app::award::interests_pack()?.content();
    let klang = lang.into_knowledge();
    let interest_title = |iid: &str| {
        pack.interest(iid)
            .map_or_else(|| iid.to_string(), |i| i.title.get(klang).to_string())
    };
    let decisions = all
        .iter()
        .rev()
        .map(|x| {
            view(
                viewer,
                x,
                &all,
                &directory,
                &bids,
                &permissions.sign_as,
                &interest_title,
            )
        })
        .collect();
    let page = DecisionsPage {
        shell: Shell::new(viewer, "dossiers", &format!("/dossiers/{id}/decisions")),
        labels: grip_app::organisation::label_names(app).await?,
        message,
        decisions,
        interests: pack
            .interest
            .iter()
            .map(|i| InterestLine {
                id: i.id.clone(),
                title: i.title.get(klang).to_string(),
                summary: i.summary.get(klang).to_string(),
                questions: i
                    .questions
                    .iter()
                    .map(|q| q.get(klang).to_string())
                    .collect(),
            })
            .collect(),
        weighings: Weighing::ALL
            .iter()
            .map(|w| (w.code(), weighing_word(lang, *w)))
            .collect(),
        outcomes: Outcome::ALL
            .iter()
            .map(|o| (o.code(), lang.pick(o.label_nl(), o.label_en())))
            .collect(),
        gates: Phase::ALL
            .iter()
            .map(|p| (p.id(), lang.phase(*p), *p == d.phase))
            .collect(),
        sealed_ids: all
            .iter()
            .filter(|x| x.is_sealed())
            .map(|x| {
                let when = x.sealed_at.map(|t| lang.date_time(t)).unwrap_or_default();
                (
                    x.id.to_string(),
                    format!(
                        "{} — {}",
                        lang.pick(x.outcome.label_nl(), x.outcome.label_en()),
                        when
                    ),
                )
            })
            .collect(),
        bids,
        may_propose: permissions.propose_decision,
        unstaffed: decisions::unstaffed_roles(app, &viewer.actor, id)
            .await?
            .into_iter()
            .map(|r| role_label(lang, r))
            .collect(),
        d,
    };
    Ok((status, render(&page)?).into_response())
}

async fn after(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
    result: Result<(), AppError>,
) -> Result<Response, PageError> {
    let to = format!("/dossiers/{id}/decisions");
    super::after(viewer, result, &to, |message, status| {
        render_page(state, viewer, id, message, status)
    })
    .await
}

fn value(fields: &[(String, String)], name: &str) -> String {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

fn proposal(fields: &[(String, String)]) -> Result<Proposal, AppError> {
    let bad = |f: &'static str| AppError::invalid(f, "unknown_value", "invalid-decision-choice");
    let gate = Phase::parse(&value(fields, "gate")).ok_or_else(|| bad("gate"))?;
    let outcome = Outcome::from_code(&value(fields, "outcome")).ok_or_else(|| bad("outcome"))?;
    let mut weighing = Vec::new();
    for (k, v) in fields {
        let Some(interest) = k.strip_prefix("weighing:") else {
            continue;
        };
        if v.is_empty() {
            continue;
        }
        weighing.push(WeighingInput {
            interest: interest.to_string(),
            weighing: Weighing::from_code(v).ok_or_else(|| bad("weighing"))?,
            note: value(fields, &format!("note:{interest}")),
            measures: value(fields, &format!("measures:{interest}")),
        });
    }
    let optional = |name: &str| Some(value(fields, name)).filter(|v| !v.trim().is_empty());
    Ok(Proposal {
        gate,
        outcome,
        conditions: value(fields, "conditions"),
        motivation: value(fields, "motivation"),
        winning_bid: optional("winning_bid"),
        weighing,
        supersedes: optional("supersedes"),
        supersede_reason: optional("supersede_reason"),
    })
}

pub async fn propose(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let result = match proposal(&fields) {
        Ok(p) => decisions::propose(&state.app, &viewer.actor, &id, p)
            .await
            .map(|_| ()),
        Err(e) => Err(e),
    };
    after(&state, &viewer, &id, result).await
}

pub async fn sign(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(decision): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let record = decisions::get(&state.app, &viewer.actor, &decision).await?;
    let dossier = record.dossier_id.to_string();
    let result = match Role::parse(&value(&fields, "role")) {
        Some(role) => decisions::sign(&state.app, &viewer.actor, &decision, role)
            .await
            .map(|_| ()),
        None => Err(AppError::invalid(
            "role",
            "unknown_value",
            "invalid-decision-choice",
        )),
    };
    after(&state, &viewer, &dossier, result).await
}

#[derive(Deserialize)]
pub struct DocumentQuery {
    format: Option<String>,
}

impl DocumentQuery {
    /// PDF unless DOCX is asked for; anything else is refused.
    fn format(&self) -> Result<DecisionFormat, AppError> {
        DecisionFormat::parse(self.format.as_deref().unwrap_or("pdf"))
            .ok_or_else(|| AppError::invalid("format", "unknown_value", "invalid-decision-choice"))
    }
}

pub async fn document(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(decision): Path<String>,
    Query(q): Query<DocumentQuery>,
) -> Result<Response, PageError> {
    let format = q.format()?;
    let file = documents::decision(
        &state.app,
        &viewer.actor,
        &decision,
        format,
        viewer.lang.into_knowledge(),
    )
    .await?;
    Ok(super::download(file))
}

pub async fn letter(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((decision, bid)): Path<(String, String)>,
    Query(q): Query<DocumentQuery>,
) -> Result<Response, PageError> {
    let format = q.format()?;
    let file = documents::award_letter(
        &state.app,
        &viewer.actor,
        &decision,
        &bid,
        format,
        viewer.lang.into_knowledge(),
    )
    .await?;
    Ok(super::download(file))
}
