//! The assessment page: the conflict declaration, one's own scores per bid and criterion with
//! their reasons, submitting them, and — for whoever may see it — the spread, the agreement
//! statistic, the consensus round and the ranking.

use std::collections::BTreeMap;

use crate::AppState;
use crate::auth::Viewer;
use crate::error::{PageError, render};
use crate::shell::Shell;
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use grip_app::AppError;
use grip_app::award::scoring::{self, Assessment, Entry};
use grip_core::LabelNames;
use grip_core::award::agreement::interpret_alpha;
use grip_core::award::ranking::PriceFormula;
use grip_core::award::scoring::{
    LEVEL_MEANING_EN, LEVEL_MEANING_NL, LEVELS_EN, LEVELS_NL, ScoreVisibility,
};
use grip_core::dossier::Dossier;

/// One criterion on one bid as the viewer sees it.
pub struct CriterionLine {
    pub key: String,
    pub title: String,
    pub weight: u32,
    pub own_level: Option<u8>,
    pub own_reason: String,
    /// Submitted scores of every assessor: (assessor, level word, reason).
    pub others: Vec<(String, String, String)>,
    pub spread: String,
    pub flagged: bool,
    pub consensus_level: Option<u8>,
    /// The consensus level in words.
    pub consensus_word: String,
    pub consensus_reason: String,
}

pub struct BidBlock {
    pub id: String,
    pub supplier: String,
    pub own_submitted: bool,
    pub sees_all: bool,
    pub submitted_count: usize,
    pub lines: Vec<CriterionLine>,
}

#[derive(Template)]
#[template(path = "award/assessment.html")]
struct AssessmentPage {
    shell: Shell,
    d: Dossier,
    labels: LabelNames,
    message: Option<String>,
    is_assessor: bool,
    /// No frozen package yet: nothing to score.
    no_criteria: bool,
    /// None: not declared yet; Some(true): declared a conflict.
    declared_conflict: Option<bool>,
    may_lead: bool,
    /// (level, word, meaning)
    levels: Vec<(u8, &'static str, &'static str)>,
    bids: Vec<BidBlock>,
    alpha: Option<String>,
    alpha_reading: Option<&'static str>,
    /// (rank, supplier, quality, price score, total, how the price score follows)
    ranking: Vec<(u32, String, String, String, String, String)>,
    ranking_pending: Option<String>,
    formulas: Vec<(&'static str, &'static str, bool)>,
    price_share: u32,
    max_spread: u8,
    declarations: Vec<(String, bool, String)>,
}

fn level_word(viewer: &Viewer, level: u8) -> &'static str {
    let i = usize::from(level.min(4));
    viewer.lang.pick(LEVELS_NL[i], LEVELS_EN[i])
}

pub async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    render_page(&state, &viewer, &id, None, StatusCode::OK).await
}

fn blocks(viewer: &Viewer, a: &Assessment, names: &[(String, String)]) -> Vec<BidBlock> {
    let name = |u: &str| {
        names
            .iter()
            .find(|(x, n)| x == u && !n.trim().is_empty())
            .map_or_else(|| u.to_string(), |(_, n)| n.clone())
    };
    a.bids
        .iter()
        .map(|b| {
            let sees_all = b.visibility == ScoreVisibility::AllSubmitted;
            let lines = a
                .criteria
                .iter()
                .map(|c| {
                    let own = b.own.iter().find(|s| s.criterion_key == c.key);
                    let spread = a
                        .spreads
                        .iter()
                        .find(|s| s.bid_id == b.bid_id && s.criterion_key == c.key);
                    let consensus = b.consensus.iter().find(|s| s.criterion_key == c.key);
                    CriterionLine {
                        key: c.key.clone(),
                        title: viewer.lang.pick(&c.title_nl, &c.title_en).to_string(),
                        weight: c.weight,
                        own_level: own.map(|s| s.level),
                        own_reason: own.map(|s| s.reason.clone()).unwrap_or_default(),
                        others: b
                            .submitted
                            .iter()
                            .filter(|s| s.criterion_key == c.key)
                            .map(|s| {
                                (
                                    name(&s.assessor),
                                    level_word(viewer, s.level).to_string(),
                                    s.reason.clone(),
                                )
                            })
                            .collect(),
                        spread: spread
                            .and_then(|s| s.spread.as_ref())
                            .map(|s| format!("{}–{}", s.min, s.max))
                            .unwrap_or_default(),
                        flagged: spread.is_some_and(|s| s.flagged),
                        consensus_level: consensus.map(|s| s.level),
                        consensus_word: consensus
                            .map(|s| level_word(viewer, s.level).to_string())
                            .unwrap_or_default(),
                        consensus_reason: consensus.map(|s| s.reason.clone()).unwrap_or_default(),
                    }
                })
                .collect();
            BidBlock {
                id: b.bid_id.clone(),
                supplier: b.supplier_name.clone(),
                own_submitted: b.own_submitted,
                sees_all,
                submitted_count: b.submitted_count.unwrap_or(0),
                lines,
            }
        })
        .collect()
}

async fn render_page(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
    message: Option<String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let app = &state.app;
    let d = grip_app::dossiers::get(app, &viewer.actor, id).await?;
    let a = scoring::assessment(app, &viewer.actor, id).await?;
    let me = &viewer.actor.username;
    let directory = grip_app::users::directory(app, &viewer.actor).await?;
    let bids = blocks(viewer, &a, &directory);
    let names: BTreeMap<String, String> = a
        .bids
        .iter()
        .map(|b| (b.bid_id.clone(), b.supplier_name.clone()))
        .collect();
    let (ranking, ranking_pending) = match &a.ranking {
        Ok(list) => (
            list.iter()
                .map(|r| {
                    (
                        r.rank,
                        names.get(&r.bid_id).cloned().unwrap_or_default(),
                        viewer.lang.decimal(r.quality, 1),
                        r.price_score
                            .map(|p| viewer.lang.decimal(p, 1))
                            .unwrap_or_default(),
                        viewer.lang.decimal(r.total, 1),
                        a.price_notes
                            .iter()
                            .find(|(id, _)| *id == r.bid_id)
                            .map(|(_, (nl, en))| viewer.lang.pick(nl, en).to_string())
                            .unwrap_or_default(),
                    )
                })
                .collect(),
            None,
        ),
        Err((nl, en)) => (Vec::new(), Some(viewer.lang.pick(nl, en).to_string())),
    };
    let page = AssessmentPage {
        shell: Shell::new(viewer, "dossiers", &format!("/dossiers/{id}/assessment")),
        labels: grip_app::organisation::label_names(app).await?,
        d,
        message,
        is_assessor: a.permissions.score,
        no_criteria: a.criteria.is_empty(),
        declared_conflict: a
            .declarations
            .iter()
            .find(|x| &x.assessor == me)
            .map(|x| x.has_conflict),
        may_lead: a.permissions.lead_assessment,
        levels: (0..=4u8)
            .map(|l| {
                let i = usize::from(l);
                (
                    l,
                    viewer.lang.pick(LEVELS_NL[i], LEVELS_EN[i]),
                    viewer.lang.pick(LEVEL_MEANING_NL[i], LEVEL_MEANING_EN[i]),
                )
            })
            .collect(),
        bids,
        alpha: a.alpha.map(|x| viewer.lang.decimal(x, 2)),
        alpha_reading: a.alpha.map(|x| {
            let r = interpret_alpha(x);
            viewer.lang.pick(r.label_nl(), r.label_en())
        }),
        ranking,
        ranking_pending,
        formulas: PriceFormula::ALL
            .iter()
            .map(|f| {
                (
                    f.code(),
                    viewer.lang.pick(f.label_nl(), f.label_en()),
                    *f == a.rule.price_formula,
                )
            })
            .collect(),
        price_share: a.rule.price_share,
        max_spread: a.rule.max_spread,
        declarations: a
            .declarations
            .iter()
            .map(|x| (x.assessor.clone(), x.has_conflict, x.statement.clone()))
            .collect(),
    };
    Ok((status, render(&page)?).into_response())
}

async fn after(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
    result: Result<(), AppError>,
) -> Result<Response, PageError> {
    let to = format!("/dossiers/{id}/assessment");
    super::after(viewer, result, &to, |message, status| {
        render_page(state, viewer, id, message, status)
    })
    .await
}

fn value<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

pub async fn declare(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let conflict = value(&fields, "conflict") == Some("yes");
    let statement = value(&fields, "statement").unwrap_or_default();
    let result =
        scoring::declare_conflict(&state.app, &viewer.actor, &id, conflict, statement).await;
    after(&state, &viewer, &id, result).await
}

/// Level and reason per criterion of one bid: `level:KEY` and `reason:KEY`; criteria left
/// without a level are skipped.
fn entries(fields: &[(String, String)]) -> Vec<Entry> {
    fields
        .iter()
        .filter_map(|(k, v)| k.strip_prefix("level:").map(|key| (key, v)))
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(key, v)| Entry {
            criterion_key: key.to_string(),
            // Not a number: an out-of-range level, which the use case refuses by name.
            level: v.trim().parse().unwrap_or(-1),
            reason: value(fields, &format!("reason:{key}"))
                .unwrap_or_default()
                .to_string(),
        })
        .collect()
}

pub async fn score(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let bid = value(&fields, "bid").unwrap_or_default().to_string();
    let result =
        scoring::record_scores(&state.app, &viewer.actor, &id, &bid, &entries(&fields)).await;
    after(&state, &viewer, &id, result).await
}

pub async fn submit(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let bid = value(&fields, "bid").unwrap_or_default().to_string();
    let result = scoring::submit(&state.app, &viewer.actor, &id, &bid).await;
    after(&state, &viewer, &id, result).await
}

pub async fn consensus(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let bid = value(&fields, "bid").unwrap_or_default().to_string();
    let result = grip_app::award::consensus::record_consensus(
        &state.app,
        &viewer.actor,
        &id,
        &bid,
        &entries(&fields),
    )
    .await;
    after(&state, &viewer, &id, result).await
}

pub async fn rule(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let formula = value(&fields, "formula").and_then(PriceFormula::from_code);
    let share = value(&fields, "price_share").and_then(|v| v.trim().parse::<u32>().ok());
    let spread = value(&fields, "max_spread").and_then(|v| v.trim().parse::<u8>().ok());
    let result = match (formula, share, spread) {
        (Some(f), Some(s), Some(m)) => {
            grip_app::award::consensus::set_rule(&state.app, &viewer.actor, &id, f, s, m).await
        }
        _ => Err(AppError::invalid(
            "price_share",
            "out_of_range",
            "invalid-weight",
        )),
    };
    after(&state, &viewer, &id, result).await
}
