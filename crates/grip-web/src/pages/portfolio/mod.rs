//! The portfolio page: which categories of products and services are most affected by AI,
//! as a heat map (SVG; every cell carries its figure in words, so it reads without colour)
//! whose cells link to the category's page with the lists behind each figure.

mod category;
mod export;

use crate::AppState;
use crate::auth::Viewer;
use crate::error::{PageError, render};
use crate::i18n::Lang;
use crate::shell::Shell;
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use grip_app::portfolio::{self, CategoryFigures};
use grip_core::catalogue::Exposure;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/portfolio", get(overview))
        .route("/portfolio/export", get(export::export))
        .route("/portfolio/{id}", get(category::category))
}

/// The id of the row of dossiers without a category.
pub(super) const NONE: &str = "none";

/// One measure of the heat map: its header and, per category, its figure.
struct Measure {
    key: &'static str,
    anchor: &'static str,
}

const MEASURES: &[Measure] = &[
    Measure {
        key: "portfolio-exposure",
        anchor: "evidence",
    },
    Measure {
        key: "portfolio-spend",
        anchor: "spend",
    },
    Measure {
        key: "portfolio-dossiers",
        anchor: "dossiers",
    },
    Measure {
        key: "portfolio-high-risk",
        anchor: "dossiers",
    },
    Measure {
        key: "portfolio-contracts",
        anchor: "contracts",
    },
    Measure {
        key: "portfolio-value-at-risk",
        anchor: "contracts",
    },
    Measure {
        key: "portfolio-ai-systems",
        anchor: "systems",
    },
    Measure {
        key: "portfolio-escalations",
        anchor: "escalations",
    },
    Measure {
        key: "portfolio-obligations",
        anchor: "obligations",
    },
];

/// A cell: the figure as words, how strong it is (0-4), and where its list is.
pub struct Cell {
    pub x: u32,
    pub y: u32,
    pub text: String,
    pub level: u8,
    pub href: String,
    pub label: String,
}

pub struct Row {
    pub y: u32,
    pub name: String,
    /// The name as it fits beside the cells; the full name is the link's title.
    pub short: String,
    pub href: String,
}

/// Longest name that fits the name column at the heat map's font size.
const NAME_CHARS: usize = 38;

fn shortened(name: &str) -> String {
    if name.chars().count() <= NAME_CHARS {
        return name.to_string();
    }
    let cut: String = name.chars().take(NAME_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

pub struct Header {
    pub x: u32,
    pub lines: Vec<String>,
}

const NAME_WIDTH: u32 = 300;
const CELL_WIDTH: u32 = 118;
const CELL_HEIGHT: u32 = 40;
const HEADER_HEIGHT: u32 = 64;

pub(super) fn euros_short(lang: Lang, cents: i64) -> String {
    let euros = cents / 100;
    if euros >= 1_000_000 {
        format!(
            "€ {} {}",
            lang.decimal(euros as f64 / 1_000_000.0, 1),
            lang.t("portfolio-million")
        )
    } else {
        format!("€ {}", lang.integer(euros))
    }
}

fn exposure_level(e: Option<Exposure>) -> u8 {
    match e {
        Some(Exposure::High) => 4,
        Some(Exposure::Medium) => 3,
        Some(Exposure::Low) => 1,
        _ => 0,
    }
}

/// The figures of a row, as (number for shading, words).
fn figures(lang: Lang, r: &CategoryFigures) -> Vec<(i64, String)> {
    let exposure = match r.exposure() {
        Some(e) => lang.t(&format!("exposure.{}", e.code())).to_string(),
        None => "—".to_string(),
    };
    vec![
        (i64::from(exposure_level(r.exposure())), exposure),
        (r.spend_cents, euros_short(lang, r.spend_cents)),
        (r.dossiers.len() as i64, r.dossiers.len().to_string()),
        (r.high_risk() as i64, r.high_risk().to_string()),
        (r.contracts.len() as i64, r.contracts.len().to_string()),
        (
            r.value_at_risk_cents(),
            euros_short(lang, r.value_at_risk_cents()),
        ),
        (r.ai_systems() as i64, r.ai_systems().to_string()),
        (r.escalations.len() as i64, r.escalations.len().to_string()),
        (r.obligations.len() as i64, r.obligations.len().to_string()),
    ]
}

fn row_id(r: &CategoryFigures) -> String {
    r.category
        .as_ref()
        .map_or(NONE.to_string(), |c| c.id.to_string())
}

pub(super) fn row_name(lang: Lang, r: &CategoryFigures) -> String {
    match &r.category {
        Some(c) => lang.pick(&c.name_nl, &c.name_en).to_string(),
        None => lang.t("portfolio-uncategorised").to_string(),
    }
}

/// Shading steps 0-4 within a column: exposure keeps its own scale; other figures relative
/// to the column's largest, any non-zero figure at least step 1.
fn level(value: i64, max: i64, column: usize) -> u8 {
    if column == 0 {
        return value.clamp(0, 4) as u8;
    }
    if value <= 0 || max <= 0 {
        return 0;
    }
    (1 + (value * 3 + max - 1) / max).clamp(1, 4) as u8
}

#[derive(Template)]
#[template(path = "portfolio/overview.html")]
struct OverviewPage {
    shell: Shell,
    headers: Vec<Header>,
    rows: Vec<Row>,
    cells: Vec<Cell>,
    width: u32,
    height: u32,
    totals: Vec<String>,
}

async fn overview(State(state): State<AppState>, viewer: Viewer) -> Result<Response, PageError> {
    let lang = viewer.lang;
    let data = portfolio::overview(&state.app, &viewer.actor).await?;
    let all: Vec<Vec<(i64, String)>> = data.iter().map(|r| figures(lang, r)).collect();
    let max: Vec<i64> = (0..MEASURES.len())
        .map(|i| all.iter().map(|f| f[i].0).max().unwrap_or(0))
        .collect();
    let mut rows = Vec::new();
    let mut cells = Vec::new();
    for (n, (r, f)) in data.iter().zip(&all).enumerate() {
        let y = HEADER_HEIGHT + n as u32 * CELL_HEIGHT;
        let id = row_id(r);
        let name = row_name(lang, r);
        for (i, ((value, text), m)) in f.iter().zip(MEASURES).enumerate() {
            cells.push(Cell {
                x: NAME_WIDTH + i as u32 * CELL_WIDTH,
                y,
                text: text.clone(),
                level: level(*value, max[i], i),
                href: format!("/portfolio/{id}#{}", m.anchor),
                label: format!("{name}: {} {text}", lang.t(m.key)),
            });
        }
        rows.push(Row {
            y,
            short: shortened(&name),
            name,
            href: format!("/portfolio/{id}"),
        });
    }
    let headers = MEASURES
        .iter()
        .enumerate()
        .map(|(i, m)| Header {
            x: NAME_WIDTH + i as u32 * CELL_WIDTH + CELL_WIDTH / 2,
            lines: lang
                .t(m.key)
                .split(' ')
                .map(str::to_string)
                .fold(Vec::new(), wrap),
        })
        .collect();
    let value: i64 = data.iter().map(CategoryFigures::value_at_risk_cents).sum();
    let totals = vec![
        data.iter()
            .map(|r| r.dossiers.len())
            .sum::<usize>()
            .to_string(),
        euros_short(lang, value),
        data.iter()
            .map(CategoryFigures::ai_systems)
            .sum::<usize>()
            .to_string(),
    ];
    render(&OverviewPage {
        shell: Shell::new(&viewer, "portfolio", "/portfolio"),
        width: NAME_WIDTH + MEASURES.len() as u32 * CELL_WIDTH,
        height: HEADER_HEIGHT + data.len() as u32 * CELL_HEIGHT + 4,
        headers,
        rows,
        cells,
        totals,
    })
}

/// Header words on at most three lines of about 16 characters.
fn wrap(mut lines: Vec<String>, word: String) -> Vec<String> {
    let full = lines.len() == 3;
    match lines.last_mut() {
        Some(last) if last.len() + word.len() < 16 || full => {
            last.push(' ');
            last.push_str(&word);
        }
        _ => lines.push(word),
    }
    lines
}
