//! A stored classification shown to people: verdict, route, basis, role, obligations with
//! dates, missing facts, the rule trace, the answers given and what changed; plus the
//! dossier's obligation checklist and the form that changes an obligation's status.

use super::classification_text::{self as words, question};
use crate::AppState;
use crate::auth::Viewer;
use crate::error::{PageError, render};
use crate::i18n::Lang;
use crate::shell::Shell;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use grip_app::classification::{self, StoredClassification};
use grip_app::{AppError, Paging, dossiers};
use grip_core::dossier::Dossier;
use grip_core::obligation::Obligation;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/dossiers/{id}/classifications/{cid}", get(result))
        .route("/dossiers/{id}/obligations/{oid}", post(set_status))
}

pub fn verdict_label(lang: Lang, verdict: &str) -> &'static str {
    lang.t(&format!("verdict_{verdict}"))
}

pub struct ObligationLine {
    pub id: String,
    pub article: String,
    pub summary: String,
    pub owner: String,
    pub holder: &'static str,
    pub applies_from: String,
    pub status: String,
    pub reason: String,
}

impl ObligationLine {
    /// The i18n key of the status label.
    pub fn status_key(&self) -> String {
        format!("ob_status_{}", self.status)
    }

    pub fn from_row(lang: Lang, o: Obligation) -> ObligationLine {
        let en = lang == Lang::En;
        ObligationLine {
            holder: lang.t(&format!("holder_{}", o.holder)),
            summary: if en { o.summary_en } else { o.summary_nl },
            owner: if en { o.owner_en } else { o.owner_nl },
            id: o.obligation_id,
            article: o.article,
            applies_from: lang.date_text(&o.applies_from),
            status: o.status.id().to_string(),
            reason: o.reason,
        }
    }
}

struct TraceLine {
    article: String,
    rule: String,
    outcome: &'static str,
    text: String,
    findings: String,
    facts: String,
}

struct AnswerLine {
    question: String,
    answer: String,
    justification: String,
}

#[derive(Template)]
#[template(path = "dossiers/classification.html")]
struct ResultPage {
    shell: Shell,
    d: Dossier,
    c: StoredClassification,
    verdict: &'static str,
    route: Option<&'static str>,
    role: &'static str,
    other_roles: Vec<&'static str>,
    obligations: Vec<ObligationLine>,
    missing: Vec<String>,
    trace: Vec<TraceLine>,
    answers: Vec<AnswerLine>,
    verdict_from: Option<&'static str>,
    added: Vec<String>,
    removed: Vec<String>,
    resolved: Vec<String>,
    newly_missing: Vec<String>,
    basis: Vec<String>,
    rejected_because: Option<String>,
    as_of: String,
    history: Vec<(String, String, &'static str, String)>,
    may_classify: bool,
}

async fn result(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, cid)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let app = &state.app;
    let lang = viewer.lang;
    let d = dossiers::get(app, &viewer.actor, &id).await?;
    let c = classification::get(app, &viewer.actor, &id, &cid).await?;
    let pack = classification::pack()?;
    let tracked = classification::obligations(app, &viewer.actor, &id).await?;
    let obligations = c
        .classification
        .obligations
        .iter()
        .map(|o| {
            let known = pack.obligation(&o.id);
            let row = tracked
                .iter()
                .find(|t| t.obligation_id == o.id && t.classification_id.as_str() == c.id);
            ObligationLine {
                id: o.id.clone(),
                article: o.article.clone(),
                summary: known
                    .map(|k| k.summary.get(lang.into_knowledge()).to_string())
                    .unwrap_or_else(|| o.summary.clone()),
                owner: known
                    .map(|k| k.owner.get(lang.into_knowledge()).to_string())
                    .unwrap_or_default(),
                holder: match o.held_as {
                    Some(role) => lang.t(&format!("role_{}", role.as_str())),
                    None => lang.t(if o.holder == classification::Holder::Provider {
                        "holder_provider"
                    } else {
                        "holder_deployer"
                    }),
                },
                applies_from: lang.date_text(&o.applies_from.to_string()),
                status: row.map(|r| r.status.id().to_string()).unwrap_or_default(),
                reason: row.map(|r| r.reason.clone()).unwrap_or_default(),
            }
        })
        .collect();
    let trace = c
        .trace
        .iter()
        .map(|t| TraceLine {
            article: lang.citation(&t.article),
            rule: t.rule.clone(),
            outcome: lang.t(&format!("outcome_{}", t.outcome)),
            text: t.text.get(lang.into_knowledge()).to_string(),
            findings: t
                .findings
                .iter()
                .map(|f| words::finding(lang, f))
                .collect::<Vec<_>>()
                .join("; "),
            facts: t
                .facts
                .iter()
                .map(|f| {
                    format!(
                        "{}: {}",
                        question(lang, &f.path),
                        words::fact_value(lang, &f.path, &f.value)
                    )
                })
                .collect::<Vec<_>>()
                .join("; "),
        })
        .collect();
    let answers = c
        .answers
        .iter()
        .map(|(path, answer)| AnswerLine {
            question: question(lang, path),
            answer: answer
                .split(',')
                .map(|code| words::answer(lang, path, code.trim()))
                .collect::<Vec<_>>()
                .join("; "),
            justification: c.justifications.get(path).cloned().unwrap_or_default(),
        })
        .collect();
    let changes = c.changes.clone().unwrap_or_default();
    let describe = |ids: &[String]| ids.iter().map(|i| words::obligation(lang, i)).collect();
    let questions = |paths: &[String]| paths.iter().map(|p| question(lang, p)).collect();
    let history = classification::history(app, &viewer.actor, &id, Paging::new(Some(1), Some(50)))
        .await?
        .items
        .into_iter()
        .map(|h| {
            (
                h.id.clone(),
                lang.date_time(h.created_at),
                verdict_label(lang, h.classification.verdict.as_str()),
                h.created_by,
            )
        })
        .collect();
    let high_risk = c.classification.high_risk.as_ref();
    let page = ResultPage {
        shell: Shell::new(
            &viewer,
            "dossiers",
            &format!("/dossiers/{id}/classifications/{cid}"),
        ),
        verdict: verdict_label(lang, c.classification.verdict.as_str()),
        route: high_risk.map(|h| {
            lang.t(match h.route {
                classification::Route::AnnexIA => "route_annex_i_a",
                classification::Route::AnnexIB => "route_annex_i_b",
                classification::Route::AnnexIii => "route_annex_iii",
            })
        }),
        role: lang.t(
            if c.classification.role == classification::ActRole::Provider {
                "holder_provider"
            } else {
                "holder_deployer"
            },
        ),
        other_roles: c
            .classification
            .other_roles
            .iter()
            .map(|r| lang.t(&format!("role_{}", r.as_str())))
            .collect(),
        obligations,
        missing: c
            .classification
            .missing
            .iter()
            .map(|m| question(lang, m))
            .collect(),
        trace,
        answers,
        verdict_from: changes
            .verdict_from
            .as_deref()
            .filter(|_| changes.verdict_changed())
            .map(|v| verdict_label(lang, v)),
        added: describe(&changes.obligations_added),
        removed: describe(&changes.obligations_removed),
        resolved: questions(&changes.missing_resolved),
        newly_missing: questions(&changes.missing_new),
        basis: c
            .classification
            .basis
            .iter()
            .map(|b| lang.citation(b))
            .collect(),
        rejected_because: high_risk
            .and_then(|h| h.derogation_rejected_because.as_deref())
            .map(|why| words::derogation(lang, why).unwrap_or_else(|| why.to_string())),
        as_of: lang.date_text(&c.as_of),
        history,
        may_classify: grip_app::access::permissions(app, &viewer.actor, &id)
            .await?
            .classify,
        d,
        c,
    };
    render(&page)
}

#[derive(Deserialize)]
struct StatusForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    reason: String,
}

async fn set_status(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, oid)): Path<(String, String)>,
    Form(form): Form<StatusForm>,
) -> Result<Response, PageError> {
    match classification::set_obligation_status(
        &state.app,
        &viewer.actor,
        &id,
        &oid,
        &form.status,
        &form.reason,
    )
    .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/dossiers/{id}#obligations")).into_response()),
        Err(err @ AppError::Invalid(_)) => {
            super::dossiers::page_with_error(&state, &viewer, &id, err).await
        }
        Err(other) => Err(other.into()),
    }
}
