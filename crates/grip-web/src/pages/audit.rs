//! The trail in two readings: activity in plain sentences for everyone (everything for the
//! auditor and administrator, one's own dossiers for others), and the chain itself for those
//! who verify it, with sequence numbers, kinds, payloads and hashes and the verification result.

use crate::AppState;
use crate::activity::{self, Line};
use crate::auth::Viewer;
use crate::error::{PageError, render};
use crate::i18n::Lang;
use crate::pages::{Pager, page_param};
use crate::shell::Shell;
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use grip_app::{Action, Paging};
use grip_core::audit::{ChainBreak, StoredEvent, Verification};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/audit", get(activity_page))
        .route("/audit/chain", get(chain_page))
}

#[derive(Deserialize)]
struct PageQuery {
    page: Option<String>,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct ActivityPage {
    shell: Shell,
    all: bool,
    events: Vec<Line>,
    pager: Pager,
}

async fn activity_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<PageQuery>,
) -> Result<Response, PageError> {
    let list = grip_app::audit::activity(
        &state.app,
        &viewer.actor,
        Paging::new(page_param(&q.page), Some(50)),
    )
    .await?;
    render(&ActivityPage {
        shell: Shell::new(&viewer, "audit", "/audit"),
        all: viewer.actor.may(Action::VerifyAudit),
        pager: Pager::new("/audit", &list, &[]),
        events: activity::lines(viewer.lang, &list.items),
    })
}

#[derive(Template)]
#[template(path = "audit_chain.html")]
struct ChainPage {
    shell: Shell,
    /// Intact (with the number of events checked) or where it breaks, in words.
    intact: bool,
    verdict: String,
    events: Vec<StoredEvent>,
    pager: Pager,
}

async fn chain_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<PageQuery>,
) -> Result<Response, PageError> {
    let chain = grip_app::audit::chain(
        &state.app,
        &viewer.actor,
        Paging::new(page_param(&q.page), Some(50)),
    )
    .await?;
    let (intact, verdict) = verification(viewer.lang, &chain.verification);
    render(&ChainPage {
        shell: Shell::new(&viewer, "audit", "/audit/chain"),
        intact,
        verdict,
        pager: Pager::new("/audit/chain", &chain.events, &[]),
        events: chain.events.items,
    })
}

/// The result of re-walking the chain in the reader's words.
fn verification(lang: Lang, v: &Verification) -> (bool, String) {
    let mut args = fluent_bundle::FluentArgs::new();
    let (key, intact) = match v {
        Verification::Intact { events } => {
            let text = format!(
                "{}: {} {}",
                lang.t("chain_intact"),
                activity::count(lang, *events),
                lang.t("chain_checked")
            );
            return (true, text);
        }
        Verification::Broken(ChainBreak::Gap { expected, .. }) => {
            args.set("before", expected - 1);
            args.set("expected", *expected);
            ("chain_break_gap", false)
        }
        Verification::Broken(ChainBreak::PrevMismatch { seq }) => {
            args.set("seq", *seq);
            ("chain_break_prev", false)
        }
        Verification::Broken(ChainBreak::HashMismatch { seq }) => {
            args.set("seq", *seq);
            ("chain_break_hash", false)
        }
        Verification::Broken(ChainBreak::HeadMismatch { head_seq, last_seq }) => {
            args.set("head", *head_seq);
            args.set("last", *last_seq);
            ("chain_break_head", false)
        }
        Verification::SealBroken { decisions } => {
            args.set("count", decisions.len());
            ("chain_break_seal", false)
        }
    };
    let text = lang.format(key, &args);
    (intact, format!("{}: {text}", lang.t("chain_broken")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_break_is_named_in_the_readers_language() {
        let broken = Verification::Broken(ChainBreak::HashMismatch { seq: 3 });
        let (intact, nl) = verification(Lang::Nl, &broken);
        assert!(!intact);
        assert_eq!(
            nl,
            "De auditketen is verbroken: De inhoud van gebeurtenis 3 klopt niet met haar hash: de gebeurtenis is gewijzigd."
        );
        let (intact, en) = verification(Lang::En, &Verification::Intact { events: 1530 });
        assert!(intact);
        assert!(en.ends_with("1,530 events checked"), "{en}");
    }
}
