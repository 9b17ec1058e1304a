//! A decision record and the award letters as documents (PDF, DOCX). The record carries its
//! weighing, evidence, signatories and hash; a letter carries only what its bidder may see:
//! its own consensus scores with reasons, the winner's, and the standstill period.

use grip_core::award::decision::{Decision, Weighing};
use grip_core::award::scoring::{ConsensusScore, LEVELS_EN, LEVELS_NL};
use grip_docs::{Block, Report, ReportField};
use grip_knowledge::Lang;

use super::evidence::{self, DecisionEvidence};
use crate::packages::export::Exported;
use crate::{Actor, App, AppError};

/// Calendar days between the award decision and the contract (Aanbestedingswet 2012,
/// art. 2.127: at least 20 days).
pub const STANDSTILL_DAYS: i64 = 20;

/// The formats a decision record or letter is rendered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionFormat {
    Pdf,
    Docx,
}

impl DecisionFormat {
    pub fn parse(name: &str) -> Option<DecisionFormat> {
        match name {
            "pdf" => Some(DecisionFormat::Pdf),
            "docx" => Some(DecisionFormat::Docx),
            _ => None,
        }
    }

    fn extension(self) -> &'static str {
        match self {
            DecisionFormat::Pdf => "pdf",
            DecisionFormat::Docx => "docx",
        }
    }

    fn media_type(self) -> &'static str {
        match self {
            DecisionFormat::Pdf => "application/pdf",
            DecisionFormat::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
        }
    }
}

async fn render(
    report: Report,
    format: DecisionFormat,
    name: String,
) -> Result<Exported, AppError> {
    let bytes = tokio::task::spawn_blocking(move || match format {
        DecisionFormat::Pdf => grip_docs::render_report_pdf(&report),
        DecisionFormat::Docx => grip_docs::render_report_docx(&report),
    })
    .await
    .map_err(|e| AppError::Internal(format!("document task: {e}")))?
    .map_err(|e| AppError::Internal(format!("document: {e}")))?;
    Ok(Exported {
        bytes,
        file_name: format!("{name}.{}", format.extension()),
        media_type: format.media_type(),
    })
}

fn pick(lang: Lang, nl: impl Into<String>, en: impl Into<String>) -> String {
    match lang {
        Lang::Nl => nl.into(),
        Lang::En => en.into(),
    }
}

fn field(name: String, value: String) -> ReportField {
    ReportField {
        name,
        values: vec![value],
    }
}

/// "7 december 2026" / "7 December 2026" (UTC).
pub fn date_words(ms: i64, lang: Lang) -> String {
    const NL: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let Ok(ts) = jiff::Timestamp::from_millisecond(ms) else {
        return String::new();
    };
    let d = ts.to_zoned(jiff::tz::TimeZone::UTC).date();
    let month = usize::try_from(d.month() - 1).unwrap_or(0);
    let name = match lang {
        Lang::Nl => NL[month],
        Lang::En => EN[month],
    };
    format!("{} {name} {}", d.day(), d.year())
}

/// People's names for usernames, as the directory knows them.
async fn names(app: &App, actor: &Actor) -> Result<Vec<(String, String)>, AppError> {
    crate::users::directory(app, actor).await
}

fn name_of(directory: &[(String, String)], username: &str) -> String {
    directory
        .iter()
        .find(|(u, n)| u == username && !n.trim().is_empty())
        .map_or_else(|| username.to_string(), |(_, n)| n.clone())
}

fn weighing_label(w: Weighing, lang: Lang) -> String {
    match w {
        Weighing::Positive => pick(lang, "positief", "positive"),
        Weighing::Neutral => pick(lang, "neutraal", "neutral"),
        Weighing::Risk => pick(lang, "risico", "risk"),
        Weighing::Unacceptable => pick(lang, "onaanvaardbaar", "unacceptable"),
    }
}

/// The decision record as a document.
pub async fn decision(
    app: &App,
    actor: &Actor,
    decision_id: &str,
    format: DecisionFormat,
    lang: Lang,
) -> Result<Exported, AppError> {
    let record = super::decisions::get(app, actor, decision_id).await?;
    let stored = super::decisions::evidence(app, actor, decision_id).await?;
    let dossier = crate::dossiers::get(app, actor, &record.dossier_id).await?;
    let label = crate::organisation::label_names(app)
        .await?
        .name(dossier.classification_label)
        .to_string();
    let directory = names(app, actor).await?;
    let report = decision_report(
        &record,
        &evidence::parse(&stored),
        &dossier.title,
        label,
        &directory,
        lang,
    )?;
    render(report, format, format!("besluit-{}", short(&record.id))).await
}

fn decision_report(
    d: &Decision,
    ev: &DecisionEvidence,
    dossier_title: &str,
    label: String,
    directory: &[(String, String)],
    lang: Lang,
) -> Result<Report, AppError> {
    let interests = super::interests_pack()?.content();
    let outcome = pick(lang, d.outcome.label_nl(), d.outcome.label_en());
    let gate = pick(lang, d.gate.label_nl(), d.gate.label_en());
    let status = match d.sealed_at {
        Some(at) => pick(
            lang,
            format!("Verzegeld op {}", date_words(at, lang)),
            format!("Sealed on {}", date_words(at, lang)),
        ),
        None => pick(lang, "Wacht op ondertekening", "Awaiting signatures"),
    };
    let mut cover = vec![
        field(pick(lang, "Dossier", "Dossier"), dossier_title.to_string()),
        field(pick(lang, "Fasepoort", "Phase gate"), gate),
        field(pick(lang, "Uitkomst", "Outcome"), outcome.clone()),
        field(
            pick(lang, "Voorgesteld door", "Proposed by"),
            format!(
                "{}, {}",
                name_of(directory, &d.proposed_by),
                date_words(d.proposed_at, lang)
            ),
        ),
        field(pick(lang, "Status", "Status"), status),
    ];
    if let Some(winner) = &d.winning_bid
        && let Some(bid) = ev.bids.iter().find(|b| b.id == winner.as_str())
    {
        cover.push(field(
            pick(lang, "Gegund aan", "Awarded to"),
            bid.supplier.clone(),
        ));
    }
    if let Some(old) = &d.supersedes {
        cover.push(field(
            pick(lang, "Vervangt besluit", "Supersedes decision"),
            format!(
                "{} — {}",
                short(old),
                d.supersede_reason.clone().unwrap_or_default()
            ),
        ));
    }
    let mut blocks = vec![
        Block::Heading(pick(lang, "Motivering", "Motivation")),
        Block::Paragraph(d.motivation.clone()),
    ];
    if !d.conditions.is_empty() {
        blocks.push(Block::Heading(pick(lang, "Voorwaarden", "Conditions")));
        blocks.push(Block::Paragraph(d.conditions.clone()));
    }
    blocks.push(Block::Heading(pick(
        lang,
        "Afweging van de beschermde belangen",
        "Weighing of the protected interests",
    )));
    blocks.push(Block::Table {
        headers: vec![
            pick(lang, "Belang", "Interest"),
            pick(lang, "Afweging", "Weighing"),
            pick(lang, "Toelichting", "Note"),
            pick(lang, "Maatregelen", "Measures"),
        ],
        rows: d
            .weighing
            .iter()
            .map(|w| {
                let title = interests
                    .interest(&w.interest)
                    .map_or_else(|| w.interest.clone(), |i| i.title.get(lang).to_string());
                vec![
                    title,
                    weighing_label(w.weighing, lang),
                    w.note.clone(),
                    w.measures.clone(),
                ]
            })
            .collect(),
    });
    blocks.extend(evidence_blocks(ev, lang));
    blocks.extend(signature_blocks(d, directory, lang));
    Ok(Report {
        lang,
        label,
        kind: pick(lang, "Besluit", "Decision record"),
        title: format!("{outcome} — {dossier_title}"),
        cover,
        blocks,
        footer: d.content_hash.as_ref().map(|h| {
            pick(
                lang,
                format!("Vingerafdruk {h}"),
                format!("Fingerprint {h}"),
            )
        }),
    })
}

fn evidence_blocks(ev: &DecisionEvidence, lang: Lang) -> Vec<Block> {
    let mut fields = Vec::new();
    if let Some(c) = &ev.classification {
        fields.push(field(
            pick(
                lang,
                "Classificatie (AI-verordening)",
                "Classification (AI Act)",
            ),
            format!("{} ({})", verdict_words(&c.verdict, lang), c.pack),
        ));
    }
    let with_ai = ev
        .documents
        .iter()
        .filter(|d| d.verdict == "ai_indicated")
        .count();
    fields.push(field(
        pick(lang, "Gescreende documenten", "Screened documents"),
        pick(
            lang,
            format!(
                "{} documenten, waarvan {with_ai} met aanwijzingen voor AI",
                ev.documents.len()
            ),
            format!(
                "{} documents, {with_ai} with indications of AI",
                ev.documents.len()
            ),
        ),
    ));
    let mut blocks = vec![
        Block::Heading(pick(
            lang,
            "Bewijs waarop het besluit steunt",
            "Evidence the decision rests on",
        )),
        Block::Fields(fields),
    ];
    if !ev.bids.is_empty() {
        blocks.push(Block::Table {
            headers: vec![
                pick(lang, "Inschrijver", "Bidder"),
                pick(lang, "Pakketversie", "Package version"),
                pick(lang, "Prijs", "Price"),
                pick(lang, "Consensusscores", "Consensus scores"),
            ],
            rows: ev
                .bids
                .iter()
                .map(|b| {
                    vec![
                        b.supplier.clone(),
                        b.package_version.to_string(),
                        b.price_cents.map(|p| euros(p, lang)).unwrap_or_default(),
                        b.consensus
                            .iter()
                            .map(|(_, l)| level_word(*l, lang))
                            .collect::<Vec<_>>()
                            .join(", "),
                    ]
                })
                .collect(),
        });
    }
    blocks
}

fn signature_blocks(d: &Decision, directory: &[(String, String)], lang: Lang) -> Vec<Block> {
    let mut rows: Vec<Vec<String>> = d
        .signoffs
        .iter()
        .map(|s| {
            vec![
                pick(lang, s.role.label_nl(), s.role.label_en()),
                name_of(directory, &s.username),
                date_words(s.signed_at, lang),
            ]
        })
        .collect();
    for role in d.open_roles() {
        rows.push(vec![
            pick(lang, role.label_nl(), role.label_en()),
            pick(lang, "nog niet getekend", "not signed yet"),
            String::new(),
        ]);
    }
    vec![
        Block::Heading(pick(lang, "Ondertekening", "Signatures")),
        Block::Table {
            headers: vec![
                pick(lang, "Rol", "Role"),
                pick(lang, "Naam", "Name"),
                pick(lang, "Datum", "Date"),
            ],
            rows,
        },
    ]
}

fn verdict_words(code: &str, lang: Lang) -> String {
    let (nl, en) = match code {
        "prohibited" => ("verboden praktijk", "prohibited practice"),
        "high_risk" => ("hoog risico", "high risk"),
        "transparency" | "limited_risk" => {
            ("transparantieverplichtingen", "transparency obligations")
        }
        "minimal" | "minimal_risk" => ("minimaal risico", "minimal risk"),
        "not_ai_system" | "no_ai" => ("geen AI-systeem", "not an AI system"),
        _ => ("nog niet bepaald", "not yet determined"),
    };
    pick(lang, nl, en)
}

fn level_word(level: u8, lang: Lang) -> String {
    let i = usize::from(level.min(4));
    pick(lang, LEVELS_NL[i], LEVELS_EN[i])
}

/// "€ 1.234,56" / "€1,234.56".
pub fn euros(cents: i64, lang: Lang) -> String {
    match lang {
        Lang::Nl => grip_core::award::ranking::euro_nl(cents),
        Lang::En => grip_core::award::ranking::euro_en(cents),
    }
}

fn short(id: &str) -> &str {
    id.get(id.len().saturating_sub(8)..).unwrap_or(id)
}

/// The award letter to the bidder of `bid_id`, from the sealed award decision of its dossier.
pub async fn award_letter(
    app: &App,
    actor: &Actor,
    decision_id: &str,
    bid_id: &str,
    format: DecisionFormat,
    lang: Lang,
) -> Result<Exported, AppError> {
    let record = super::decisions::get(app, actor, decision_id).await?;
    let (Some(sealed_at), Some(winner)) = (record.sealed_at, record.winning_bid.clone()) else {
        return Err(AppError::Conflict(
            "Gunningsbrieven volgen uit een verzegeld gunningsbesluit met een winnende \
             inschrijving."
                .into(),
        ));
    };
    let dossier = crate::dossiers::get(app, actor, &record.dossier_id).await?;
    let letter = super::letters::LetterInput::gather(
        app,
        actor,
        &record.dossier_id,
        bid_id,
        winner.as_str(),
    )
    .await?;
    let label = crate::organisation::label_names(app)
        .await?
        .name(dossier.classification_label)
        .to_string();
    let report = super::letters::letter_report(&letter, &dossier.title, label, sealed_at, lang);
    render(report, format, format!("gunningsbrief-{}", short(bid_id))).await
}

/// The consensus score of one criterion, if recorded.
pub(crate) fn consensus_of<'a>(
    scores: &'a [ConsensusScore],
    key: &str,
) -> Option<&'a ConsensusScore> {
    scores.iter().find(|c| c.criterion_key == key)
}

pub(crate) fn level_text(level: u8, lang: Lang) -> String {
    level_word(level, lang)
}
