//! One change notice: what Grip concluded (effect on AI, proposal), why (reasons, grounds for
//! escalation, the three legal tests with their basis), the evidence from the notice's text,
//! and the contract manager's decision.

use super::contract::category_names;
use crate::AppState;
use crate::auth::Viewer;
use crate::error::{PageError, render, status_of};
use crate::error::{refusal_text, shown_inline};
use crate::shell::Shell;
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use grip_app::AppError;
use grip_app::contracts;
use grip_app::triage::{Assessment, ChangeKind};
use grip_core::contract::{ChangeNotice, NoticeTriage};
use grip_core::dossier::Dossier;
use grip_core::{Action, LabelNames};
use serde::Deserialize;

pub struct LegalRow {
    pub question: String,
    pub answer: String,
    pub answer_code: &'static str,
    pub citation: String,
    pub explanation: String,
}

pub struct EvidenceRow {
    pub excerpt: String,
    pub category: String,
    pub change: String,
}

#[derive(Template)]
#[template(path = "contracts/notice.html")]
struct NoticePage {
    shell: Shell,
    d: Dossier,
    labels: LabelNames,
    message: Option<String>,
    contract_id: String,
    system: String,
    n: ChangeNotice,
    impact: &'static str,
    proposal: &'static str,
    reasons: Vec<String>,
    /// (label, reason)
    grounds: Vec<(String, String)>,
    legal: Vec<LegalRow>,
    evidence: Vec<EvidenceRow>,
    components: String,
    new_categories: String,
    /// (code, label) of the choices, the proposal first.
    choices: Vec<(&'static str, &'static str)>,
    decision: Option<(String, String, String, String)>,
    may_decide: bool,
    /// Where a re-assessment starts (prefilled with the change's Annex III areas), and
    /// those areas in words; `None` when the notice asks for none or the reader may not.
    reassess: Option<(String, Vec<String>)>,
    /// Who the escalation went to: (role, due, closed).
    escalation: Vec<(String, String, bool)>,
}

pub async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, notice)): Path<(String, String)>,
) -> Result<Response, PageError> {
    notice_page(&state, &viewer, &id, &notice, None, StatusCode::OK).await
}

async fn notice_page(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
    notice_id: &str,
    message: Option<String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let app = &state.app;
    let (view, n, assessment) = contracts::notice(app, &viewer.actor, id, notice_id).await?;
    let dossier_id = view.contract.dossier_id.clone();
    let d = grip_app::dossiers::get(app, &viewer.actor, &dossier_id).await?;
    let permissions = grip_app::access::permissions(app, &viewer.actor, &dossier_id).await?;
    let lang = viewer.lang;
    let pick = |t: &grip_app::triage::Text| lang.pick(&t.nl, &t.en).to_owned();
    let page = NoticePage {
        shell: Shell::new(
            viewer,
            "dossiers",
            &format!("/contracts/{id}/notices/{notice_id}"),
        ),
        labels: grip_app::organisation::label_names(app).await?,
        message,
        contract_id: id.to_owned(),
        system: view.contract.system.clone(),
        impact: lang.pick(n.impact.label_nl(), n.impact.label_en()),
        proposal: lang.pick(n.proposed.label_nl(), n.proposed.label_en()),
        reasons: assessment.summary.iter().map(pick).collect(),
        grounds: assessment
            .grounds
            .iter()
            .map(|g| (pick(&g.label), pick(&g.reason)))
            .collect(),
        // For a notice without AI impact the tests all say "unlikely": noise, left out.
        legal: if n.impact == grip_core::contract::NoticeImpact::NoAiImpact {
            Vec::new()
        } else {
            legal_rows(viewer, &assessment)
        },
        evidence: evidence(viewer, &assessment)?,
        components: assessment.affected_components.join(", "),
        new_categories: category_names(viewer, &assessment.new_categories)?,
        choices: choices(viewer, n.proposed),
        decision: n.decision.as_ref().map(|x| {
            (
                lang.pick(x.triage.label_nl(), x.triage.label_en())
                    .to_owned(),
                x.reason.clone(),
                x.by.clone(),
                lang.date_time(x.at),
            )
        }),
        may_decide: permissions.may(Action::ManageContract) && n.decision.is_none(),
        reassess: reassessment(viewer, &dossier_id, &n, &assessment, permissions.classify),
        escalation: grip_app::escalations::of_notice(app, &viewer.actor, id, notice_id)
            .await?
            .into_iter()
            .map(|t| {
                (
                    lang.pick(t.role.label_nl(), t.role.label_en()).to_owned(),
                    super::date(viewer, &t.due_on),
                    t.closed.is_some(),
                )
            })
            .collect(),
        n,
        d,
    };
    Ok((status, render(&page)?).into_response())
}

/// The link to a new classification when the notice calls for one.
fn reassessment(
    viewer: &Viewer,
    dossier_id: &str,
    n: &ChangeNotice,
    assessment: &Assessment,
    may_classify: bool,
) -> Option<(String, Vec<String>)> {
    let chosen = n.decision.as_ref().map_or(n.proposed, |d| d.triage);
    if !may_classify || !matches!(chosen, NoticeTriage::Reassess | NoticeTriage::Escalate) {
        return None;
    }
    let areas = assessment
        .annex_iii_hints
        .iter()
        .map(|code| crate::pages::classify::code_label(viewer.lang, "annex_iii_purposes", code))
        .collect();
    let link = format!(
        "/dossiers/{dossier_id}/classify?annex={}",
        assessment.annex_iii_hints.join(",")
    );
    Some((link, areas))
}

fn legal_rows(viewer: &Viewer, assessment: &Assessment) -> Vec<LegalRow> {
    assessment
        .legal
        .iter()
        .map(|l| LegalRow {
            question: viewer.lang.pick(&l.question.nl, &l.question.en).to_owned(),
            answer: viewer
                .lang
                .t(&format!("likelihood_{}", l.likelihood.as_str()))
                .to_owned(),
            answer_code: l.likelihood.as_str(),
            citation: l.citation.clone(),
            explanation: viewer
                .lang
                .pick(&l.explanation.nl, &l.explanation.en)
                .to_owned(),
        })
        .collect()
}

fn evidence(viewer: &Viewer, assessment: &Assessment) -> Result<Vec<EvidenceRow>, AppError> {
    assessment
        .findings
        .iter()
        .map(|f| {
            let change = if f.negated {
                "change_denied"
            } else {
                match f.change {
                    ChangeKind::Adds => "change_adds",
                    ChangeKind::Changes => "change_changes",
                    ChangeKind::Removes => "change_removes",
                    ChangeKind::Mentions => "change_mentions",
                }
            };
            Ok(EvidenceRow {
                excerpt: f.excerpt.clone(),
                category: category_names(viewer, std::slice::from_ref(&f.category))?,
                change: viewer.lang.t(change).to_owned(),
            })
        })
        .collect()
}

fn choices(viewer: &Viewer, proposed: NoticeTriage) -> Vec<(&'static str, &'static str)> {
    let mut all = vec![proposed];
    all.extend(
        [
            NoticeTriage::NoImpact,
            NoticeTriage::Reassess,
            NoticeTriage::Escalate,
        ]
        .into_iter()
        .filter(|t| *t != proposed),
    );
    all.into_iter()
        .filter(|t| *t != NoticeTriage::Unreadable)
        .map(|t| (t.code(), viewer.lang.pick(t.label_nl(), t.label_en())))
        .collect()
}

#[derive(Deserialize)]
pub struct DecisionForm {
    triage: String,
    #[serde(default)]
    reason: String,
}

pub async fn decide(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, notice)): Path<(String, String)>,
    Form(form): Form<DecisionForm>,
) -> Result<Response, PageError> {
    let result = match NoticeTriage::from_code(&form.triage) {
        Some(chosen) => {
            contracts::decide(
                &state.app,
                &viewer.actor,
                &id,
                &notice,
                chosen,
                &form.reason,
            )
            .await
        }
        None => Err(AppError::invalid(
            "triage",
            "unknown_value",
            "invalid-triage",
        )),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/contracts/{id}/notices/{notice}")).into_response()),
        Err(err) if shown_inline(&err) => {
            let message = refusal_text(&viewer, &err);
            notice_page(
                &state,
                &viewer,
                &id,
                &notice,
                Some(message),
                status_of(&err),
            )
            .await
        }
        Err(err) => Err(err.into()),
    }
}
