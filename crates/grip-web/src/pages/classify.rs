//! The AI Act classification wizard on a dossier: steps of plain questions as ordinary form
//! posts, the answers so far carried in hidden fields (works without JavaScript); the last
//! step stores the classification and shows the result page.

use std::collections::BTreeMap;

use crate::AppState;
use crate::auth::Viewer;
use crate::error::{PageError, render};
use crate::i18n::Lang;
use crate::shell::Shell;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use grip_app::classification::wizard::{self, Answers, Kind, Question, Step};
use grip_app::classification::{self, Submission};
use grip_app::{AppError, dossiers};
use grip_core::dossier::Dossier;

pub fn routes() -> Router<AppState> {
    Router::new().route("/dossiers/{id}/classify", get(start).post(step))
}

struct OptionView {
    value: String,
    label: String,
    checked: bool,
}

struct QuestionView {
    path: &'static str,
    text: &'static str,
    kind: &'static str,
    hint: Option<&'static str>,
    options: Vec<OptionView>,
    justification: String,
}

#[derive(Template)]
#[template(path = "dossiers/classify.html")]
struct WizardPage {
    shell: Shell,
    d: Dossier,
    step_id: &'static str,
    step_title: &'static str,
    number: usize,
    first: bool,
    questions: Vec<QuestionView>,
    hidden: Vec<(String, String)>,
}

/// The label of a code in a list or choice question, from the pack where it has one.
pub(super) fn code_label(lang: Lang, path: &str, code: &str) -> String {
    let Ok(pack) = classification::pack() else {
        return code.into();
    };
    let content = pack.content();
    let pick = |t: &classification::Text| {
        if lang == Lang::En {
            t.en.clone()
        } else {
            t.nl.clone()
        }
    };
    match path {
        "annex_iii_purposes" => content
            .annex_iii
            .iter()
            .find(|p| p.code == code)
            .map(|p| format!("{}: {}", lang.citation(&p.citation), pick(&p.title)))
            .unwrap_or_else(|| code.into()),
        "prohibited_practices" => content
            .prohibitions
            .iter()
            .find(|p| p.code == code)
            .map(|p| format!("{}: {}", lang.citation(&p.article), pick(&p.title)))
            .unwrap_or_else(|| code.into()),
        "annex_i.legislation" if code == "none" => lang.t("annex_i_none").into(),
        "annex_i.legislation" => content
            .annex_i
            .iter()
            .find(|e| e.key == code)
            .map(|e| pick(&e.title))
            .unwrap_or_else(|| code.into()),
        "realtime_rbi.objective" => lang.t(&format!("rbi.{code}")).into(),
        _ => code.into(),
    }
}

fn question_view(
    lang: Lang,
    q: &Question,
    answers: &Answers,
    justifications: &BTreeMap<String, String>,
) -> QuestionView {
    let answer = answers.get(q.path).map(String::as_str).unwrap_or("");
    let opt = |value: &str, label: String, checked: bool| OptionView {
        value: value.into(),
        label,
        checked,
    };
    let (kind, options) = match q.kind {
        Kind::YesNo => (
            "yes_no",
            vec![
                opt("yes", lang.t("answer_yes").into(), answer == "yes"),
                opt("no", lang.t("answer_no").into(), answer == "no"),
                opt(
                    wizard::UNKNOWN,
                    lang.t("answer_unknown").into(),
                    answer == wizard::UNKNOWN,
                ),
            ],
        ),
        Kind::Choice(codes) => {
            let mut options = vec![opt(
                wizard::UNKNOWN,
                lang.t("answer_unknown").into(),
                answer == wizard::UNKNOWN || answer.is_empty(),
            )];
            options.extend(
                codes
                    .iter()
                    .map(|c| opt(c, code_label(lang, q.path, c), answer == *c)),
            );
            ("choice", options)
        }
        Kind::Codes(codes) => {
            let picked: Vec<&str> = answer.split(',').collect();
            let mut options: Vec<OptionView> = codes
                .iter()
                .map(|c| opt(c, code_label(lang, q.path, c), picked.contains(c)))
                .collect();
            options.push(opt(
                wizard::NONE,
                lang.t("answer_none").into(),
                answer == wizard::NONE,
            ));
            options.push(opt(
                wizard::UNKNOWN,
                lang.t("answer_unknown").into(),
                answer == wizard::UNKNOWN,
            ));
            ("codes", options)
        }
    };
    let hint = Some(lang.t(&format!("h.{}", q.path))).filter(|h| *h != "??");
    QuestionView {
        path: q.path,
        text: lang.t(&format!("q.{}", q.path)),
        kind,
        hint,
        options,
        justification: justifications.get(q.path).cloned().unwrap_or_default(),
    }
}

fn wizard_page(
    viewer: &Viewer,
    d: Dossier,
    step: &'static Step,
    answers: &Answers,
    justifications: &BTreeMap<String, String>,
) -> Result<Response, PageError> {
    let on_step: Vec<&str> = step.questions.iter().map(|q| q.path).collect();
    let mut hidden = Vec::new();
    for (path, value) in answers
        .iter()
        .filter(|(p, _)| !on_step.contains(&p.as_str()))
    {
        hidden.push((format!("a_{path}"), value.clone()));
    }
    for (path, text) in justifications
        .iter()
        .filter(|(p, _)| !on_step.contains(&p.as_str()))
    {
        hidden.push((format!("j_{path}"), text.clone()));
    }
    let number = wizard::STEPS
        .iter()
        .take_while(|s| s.id != step.id)
        .filter(|s| s.is_relevant(answers))
        .count()
        + 1;
    let page = WizardPage {
        shell: Shell::new(viewer, "dossiers", &format!("/dossiers/{}/classify", d.id)),
        step_id: step.id,
        step_title: viewer.lang.t(&format!("step.{}", step.id)),
        number,
        first: wizard::previous_step(step.id, answers).is_none(),
        questions: step
            .questions
            .iter()
            .map(|q| question_view(viewer.lang, q, answers, justifications))
            .collect(),
        hidden,
        d,
    };
    render(&page)
}

async fn may_classify(state: &AppState, viewer: &Viewer, id: &str) -> Result<Dossier, PageError> {
    let d = dossiers::get(&state.app, &viewer.actor, id).await?;
    if !grip_app::access::permissions(&state.app, &viewer.actor, id)
        .await?
        .classify
    {
        return Err(AppError::Forbidden.into());
    }
    Ok(d)
}

/// Starts from the answers of the latest classification, so re-classifying only asks to
/// change what is different.
/// `?annex=1a,6e`: a re-assessment after a change notice, starting from the last answers
/// with the Annex III areas the change points to.
#[derive(serde::Deserialize)]
struct StartQuery {
    #[serde(default)]
    annex: String,
}

async fn start(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    axum::extract::Query(query): axum::extract::Query<StartQuery>,
) -> Result<Response, PageError> {
    let d = may_classify(&state, &viewer, &id).await?;
    let latest = classification::latest(&state.app, &viewer.actor, &id).await?;
    let (answers, justifications) = latest
        .map(|l| (l.answers, l.justifications))
        .unwrap_or_default();
    let areas: Vec<String> = query.annex.split(',').map(str::to_owned).collect();
    let answers = wizard::with_annex_iii_areas(answers, &areas);
    let first = wizard::next_step(None, &answers)
        .ok_or_else(|| AppError::Internal("the wizard has no steps".into()))?;
    wizard_page(&viewer, d, first, &answers, &justifications)
}

async fn step(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let d = may_classify(&state, &viewer, &id).await?;
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    let current = wizard::step(field("step"))
        .ok_or_else(|| AppError::invalid("step", "unknown_step", "invalid-unknown-step"))?;
    let mut posted: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut justifications = BTreeMap::new();
    for (name, value) in &fields {
        if let Some(path) = name.strip_prefix("a_") {
            posted.entry(path).or_default().push(value.clone());
        } else if let Some(path) = name.strip_prefix("j_")
            && !value.trim().is_empty()
        {
            justifications.insert(path.to_string(), value.trim().to_string());
        }
    }
    // Every answer is re-normalised, hidden ones too: hidden fields come from the browser.
    let mut answers = Answers::new();
    for q in wizard::STEPS.iter().flat_map(|s| s.questions.iter()) {
        let on_step = current.questions.iter().any(|c| c.path == q.path);
        match posted.get(q.path) {
            Some(values) => {
                answers.insert(q.path.to_string(), wizard::normalise(q, values));
            }
            None if on_step => {
                answers.insert(q.path.to_string(), wizard::UNKNOWN.to_string());
            }
            None => {}
        }
    }
    justifications.retain(|path, _| answers.contains_key(path));
    let target = if field("nav") == "back" {
        wizard::previous_step(current.id, &answers).or(Some(current))
    } else {
        wizard::next_step(Some(current.id), &answers)
    };
    if let Some(target) = target {
        return wizard_page(&viewer, d, target, &answers, &justifications);
    }
    let answers = wizard::effective_answers(&answers);
    justifications.retain(|path, _| answers.contains_key(path));
    let submission = Submission {
        profile: wizard::profile_from_answers(&d.title, &d.description, &answers),
        answers,
        justifications,
        as_of: None,
    };
    let stored = classification::record(&state.app, &viewer.actor, &id, submission).await?;
    Ok(Redirect::to(&format!("/dossiers/{id}/classifications/{}", stored.id)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_and_question_has_texts_in_both_languages() {
        for step in wizard::STEPS {
            assert_ne!(
                Lang::Nl.t(&format!("step.{}", step.id)),
                "??",
                "{}",
                step.id
            );
            for q in step.questions {
                assert_ne!(Lang::En.t(&format!("q.{}", q.path)), "??", "{}", q.path);
            }
        }
        for objective in [
            "none",
            "victim_search",
            "imminent_threat",
            "suspect_serious_crime",
        ] {
            assert_ne!(Lang::Nl.t(&format!("rbi.{objective}")), "??");
        }
    }

    #[test]
    fn codes_are_labelled_from_the_pack() {
        assert!(
            code_label(Lang::Nl, "annex_iii_purposes", "6e")
                .starts_with("Bijlage III, punt 6(e): ")
        );
        assert!(
            code_label(Lang::En, "annex_iii_purposes", "6e").starts_with("Annex III point 6(e): ")
        );
        assert!(code_label(Lang::En, "prohibited_practices", "5.1.c").contains("Social scoring"));
        assert_eq!(
            code_label(Lang::Nl, "annex_i.legislation", "none"),
            Lang::Nl.t("annex_i_none")
        );
    }
}
