//! The home page: what needs the signed-in person, by role (see grip-app `views::home`).

use crate::AppState;
use crate::activity::{self, Line};
use crate::auth::Viewer;
use crate::error::{PageError, render};
use crate::shell::Shell;
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use grip_app::views::home::{Focus, MyDossier, OpenCheck, Overview};
use grip_core::obligation::Obligation;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(dashboard))
        .route("/healthz", get(|| async { "ok" }))
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct HomePage {
    shell: Shell,
    organisation: String,
    demo: bool,
    display_name: String,
    focus: &'static str,
    sign_offs: Vec<OpenCheck>,
    open_checks: Vec<OpenCheck>,
    /// Shown for assessors (empty or not).
    to_score: Option<Vec<(String, String)>>,
    /// My dossiers grouped by phase: the phase's label and its dossiers.
    dossiers: Vec<(&'static str, Vec<MyDossier>)>,
    obligations: Vec<(Obligation, String)>,
    /// Everything (auditor, administrator) or my dossiers only.
    activity_all: bool,
    events: Vec<Line>,
    overview: Option<Overview>,
    /// Today as `YYYY-MM-DD`, to mark obligations that already apply.
    today: String,
}

impl HomePage {
    /// A `YYYY-MM-DD` date in the reader's notation (`2 augustus 2026`), as on every page.
    fn date(&self, iso: &str) -> String {
        self.shell.lang.date_text(iso)
    }

    fn already_applies(&self, iso: &str) -> bool {
        iso <= self.today.as_str()
    }

    fn count(&self, n: &i64) -> String {
        activity::count(self.shell.lang, *n)
    }

    fn check_text<'a>(&self, c: &'a OpenCheck) -> &'a str {
        self.shell.pick(&c.check.text.nl, &c.check.text.en)
    }

    fn obligation_text<'a>(&self, o: &'a Obligation) -> &'a str {
        self.shell.pick(&o.summary_nl, &o.summary_en)
    }
}

fn focus_name(focus: Focus) -> &'static str {
    match focus {
        Focus::Buyer => "buyer",
        Focus::Specialist => "specialist",
        Focus::Assessor => "assessor",
        Focus::Auditor => "auditor",
        Focus::Administrator => "administrator",
    }
}

fn by_phase(
    lang: crate::i18n::Lang,
    dossiers: Vec<MyDossier>,
) -> Vec<(&'static str, Vec<MyDossier>)> {
    let mut groups: Vec<(&'static str, Vec<MyDossier>)> = Vec::new();
    for d in dossiers {
        let label = lang.phase(d.dossier.phase);
        match groups.last_mut() {
            Some((last, list)) if *last == label => list.push(d),
            _ => groups.push((label, vec![d])),
        }
    }
    groups
}

async fn dashboard(State(state): State<AppState>, viewer: Viewer) -> Result<Response, PageError> {
    let view = grip_app::views::home::home(&state.app, &viewer.actor).await?;
    let org = view.organisation;
    let lang = viewer.lang;
    let assessor = viewer.actor.has(grip_app::Role::Beoordelaar);
    render(&HomePage {
        organisation: org
            .as_ref()
            .map(|o| o.name.clone())
            .unwrap_or_else(|| "Grip".into()),
        demo: org.is_some_and(|o| o.is_demo),
        display_name: view.display_name,
        focus: focus_name(view.focus),
        sign_offs: view.sign_offs,
        open_checks: view.open_checks,
        to_score: assessor.then(|| {
            view.to_score
                .into_iter()
                .map(|d| (d.id.into_string(), d.title))
                .collect()
        }),
        dossiers: by_phase(lang, view.dossiers),
        obligations: view.obligations,
        activity_all: view.overview.is_some(),
        events: activity::lines(lang, &view.activity),
        overview: view.overview,
        today: grip_app::format_ms(grip_app::now_ms())
            .chars()
            .take(10)
            .collect(),
        shell: Shell::new(&viewer, "dashboard", "/"),
    })
}
