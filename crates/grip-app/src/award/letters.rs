//! The award letter to one bidder: the outcome for them, their own consensus scores with the
//! reasons, the characteristics and relative advantages of the winning bid, and the
//! standstill period — what Dutch procurement law requires the letter to state
//! (Aanbestedingswet 2012, art. 2.130), and nothing internal: no assessor's own scores, no
//! checks, no weighing.

use grip_core::award::bid::Bid;
use grip_core::award::ranking::{BidInput, RankedBid};
use grip_core::award::scoring::ConsensusScore;
use grip_docs::{Block, Report, ReportField};
use grip_knowledge::Lang;
use grip_store::{bids, scores};

use super::documents::{STANDSTILL_DAYS, consensus_of, date_words, euros, level_text};
use super::{Criterion, criteria, frozen_package};
use crate::access::require_read;
use crate::{Actor, App, AppError};

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

pub(crate) struct LetterInput {
    pub bid: Bid,
    pub winner: Bid,
    pub criteria: Vec<Criterion>,
    pub own: Vec<ConsensusScore>,
    pub winning: Vec<ConsensusScore>,
    /// Total score and place of this bid and of the winner, with the number of bids.
    pub totals: Option<(RankedBid, RankedBid, usize)>,
}

impl LetterInput {
    pub(crate) async fn gather(
        app: &App,
        actor: &Actor,
        dossier_id: &str,
        bid_id: &str,
        winner_id: &str,
    ) -> Result<LetterInput, AppError> {
        let mut conn = app.store.conn().await?;
        require_read(&mut conn, actor, dossier_id).await?;
        let get = |b: Option<Bid>| {
            b.filter(|b| b.dossier_id.as_str() == dossier_id)
                .ok_or(AppError::NotFound("bid"))
        };
        let bid = get(bids::get(&mut conn, bid_id).await?)?;
        let winner = get(bids::get(&mut conn, winner_id).await?)?;
        let package = frozen_package(&mut conn, dossier_id, Some(bid.package_version)).await?;
        let criteria = criteria(&package);
        let totals = totals(&mut conn, dossier_id, &criteria, &bid, &winner).await?;
        Ok(LetterInput {
            own: scores::consensus(&mut conn, &bid.id).await?,
            winning: scores::consensus(&mut conn, &winner.id).await?,
            criteria,
            bid,
            winner,
            totals,
        })
    }
}

/// The ranking under the dossier's award rule, for this bid and the winner; None while not
/// every bid has a consensus on every criterion.
async fn totals(
    conn: &mut grip_store::Conn,
    dossier_id: &str,
    criteria: &[Criterion],
    bid: &Bid,
    winner: &Bid,
) -> Result<Option<(RankedBid, RankedBid, usize)>, AppError> {
    let rule = super::consensus::rule_on(conn, dossier_id).await?;
    let mut inputs = Vec::new();
    for b in bids::for_dossier(conn, dossier_id).await? {
        let levels = scores::consensus(conn, &b.id)
            .await?
            .into_iter()
            .map(|c| (c.criterion_key, c.level))
            .collect();
        inputs.push(BidInput {
            bid_id: b.id.to_string(),
            price_cents: b.price_cents,
            levels,
        });
    }
    let Ok(ranked) = super::consensus::rank_bids(criteria, &rule, &inputs) else {
        return Ok(None);
    };
    let find = |id: &str| ranked.iter().find(|r| r.bid_id == id).cloned();
    Ok(find(&bid.id)
        .zip(find(&winner.id))
        .map(|(o, w)| (o, w, ranked.len())))
}

fn pick(lang: Lang, nl: impl Into<String>, en: impl Into<String>) -> String {
    match lang {
        Lang::Nl => nl.into(),
        Lang::En => en.into(),
    }
}

pub(crate) fn letter_report(
    input: &LetterInput,
    dossier_title: &str,
    label: String,
    sealed_at: i64,
    lang: Lang,
) -> Report {
    let won = input.bid.id == input.winner.id;
    let until = date_words(sealed_at + STANDSTILL_DAYS * DAY_MS, lang);
    let opening = if won {
        pick(
            lang,
            format!(
                "Wij zijn voornemens de opdracht \u{201e}{dossier_title}\u{201d} aan u te gunnen. \
                 Hieronder leest u hoe uw inschrijving is beoordeeld."
            ),
            format!(
                "We intend to award the contract \"{dossier_title}\" to you. Below you can read \
                 how your bid was assessed."
            ),
        )
    } else {
        pick(
            lang,
            format!(
                "Wij zijn voornemens de opdracht \u{201e}{dossier_title}\u{201d} te gunnen aan {}. \
                 Uw inschrijving is niet de economisch meest voordelige. Hieronder leest u hoe \
                 uw inschrijving is beoordeeld en wat de kenmerken en relatieve voordelen van \
                 de winnende inschrijving zijn.",
                input.winner.supplier_name
            ),
            format!(
                "We intend to award the contract \"{dossier_title}\" to {}. Your bid is not the \
                 most economically advantageous. Below you can read how your bid was assessed \
                 and what the characteristics and relative advantages of the winning bid are.",
                input.winner.supplier_name
            ),
        )
    };
    let mut blocks = vec![
        Block::Paragraph(opening),
        Block::Heading(pick(
            lang,
            "Beoordeling van uw inschrijving",
            "Assessment of your bid",
        )),
        scores_table(&input.criteria, &input.own, lang),
    ];
    if let Some((own, best, count)) = &input.totals {
        blocks.push(Block::Fields(totals_fields(own, best, *count, won, lang)));
    }
    if !won {
        blocks.push(Block::Heading(pick(
            lang,
            "Kenmerken en relatieve voordelen van de winnende inschrijving",
            "Characteristics and relative advantages of the winning bid",
        )));
        blocks.push(scores_table(&input.criteria, &input.winning, lang));
        blocks.push(Block::Bullets(advantages(input, lang)));
    }
    blocks.push(Block::Heading(pick(
        lang,
        "Opschortende termijn",
        "Standstill period",
    )));
    blocks.push(Block::Note(pick(
        lang,
        format!(
            "Deze beslissing is een voornemen. De opdracht wordt niet eerder verleend dan na \
             afloop van een opschortende termijn van {STANDSTILL_DAYS} kalenderdagen na de \
             verzending van deze brief, tot en met {until}. Wilt u de beslissing aanvechten, \
             doe dat dan binnen die termijn."
        ),
        format!(
            "This decision is an intention. The contract will not be concluded before a \
             standstill period of {STANDSTILL_DAYS} calendar days after this letter was sent, up \
             to and including {until}. If you wish to challenge the decision, do so within that \
             period."
        ),
    )));
    let mut cover = vec![
        ReportField {
            name: pick(lang, "Aan", "To"),
            values: vec![input.bid.supplier_name.clone()],
        },
        ReportField {
            name: pick(lang, "Opdracht", "Contract"),
            values: vec![dossier_title.to_string()],
        },
        ReportField {
            name: pick(lang, "Datum", "Date"),
            values: vec![date_words(sealed_at, lang)],
        },
    ];
    if let Some(p) = input.bid.price_cents {
        cover.push(ReportField {
            name: pick(lang, "Uw inschrijfprijs", "Your price"),
            values: vec![euros(p, lang)],
        });
    }
    Report {
        lang,
        label,
        kind: pick(lang, "Gunningsbeslissing", "Award decision"),
        title: if won {
            pick(lang, "Voorlopige gunning", "Intended award")
        } else {
            pick(
                lang,
                "Afwijzing van uw inschrijving",
                "Rejection of your bid",
            )
        },
        cover,
        blocks,
        footer: None,
    }
}

fn score_text(r: &RankedBid, count: usize, lang: Lang) -> String {
    let total = format!("{:.1}", r.total);
    pick(
        lang,
        format!(
            "{} van 100 punten (plaats {} van {count})",
            total.replace('.', ","),
            r.rank
        ),
        format!("{total} of 100 points (place {} of {count})", r.rank),
    )
}

fn totals_fields(
    own: &RankedBid,
    best: &RankedBid,
    count: usize,
    won: bool,
    lang: Lang,
) -> Vec<ReportField> {
    let mut fields = vec![ReportField {
        name: pick(lang, "Uw totaalscore", "Your total score"),
        values: vec![score_text(own, count, lang)],
    }];
    if !won {
        fields.push(ReportField {
            name: pick(
                lang,
                "Totaalscore winnende inschrijving",
                "Total score of the winning bid",
            ),
            values: vec![score_text(best, count, lang)],
        });
    }
    fields
}

fn scores_table(criteria: &[Criterion], scores: &[ConsensusScore], lang: Lang) -> Block {
    Block::Table {
        headers: vec![
            pick(lang, "Gunningscriterium", "Award criterion"),
            pick(lang, "Weging", "Weight"),
            pick(lang, "Beoordeling", "Assessment"),
            pick(lang, "Motivering", "Reasons"),
        ],
        rows: criteria
            .iter()
            .map(|c| {
                let s = consensus_of(scores, &c.key);
                vec![
                    pick(lang, c.title_nl.clone(), c.title_en.clone()),
                    format!("{}%", c.weight),
                    s.map(|s| level_text(s.level, lang)).unwrap_or_default(),
                    s.map(|s| s.reason.clone()).unwrap_or_default(),
                ]
            })
            .collect(),
    }
}

/// Where the winning bid scored higher, criterion by criterion.
fn advantages(input: &LetterInput, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for c in &input.criteria {
        let (Some(w), Some(o)) = (
            consensus_of(&input.winning, &c.key),
            consensus_of(&input.own, &c.key),
        ) else {
            continue;
        };
        if w.level > o.level {
            out.push(pick(
                lang,
                format!(
                    "{}: de winnende inschrijving is beoordeeld als {}, uw inschrijving als {}.",
                    c.title_nl,
                    level_text(w.level, lang),
                    level_text(o.level, lang)
                ),
                format!(
                    "{}: the winning bid was assessed as {}, yours as {}.",
                    c.title_en,
                    level_text(w.level, lang),
                    level_text(o.level, lang)
                ),
            ));
        }
    }
    if let (Some(w), Some(o)) = (input.winner.price_cents, input.bid.price_cents)
        && w < o
    {
        {
            out.push(pick(
                lang,
                format!(
                    "De winnende inschrijving is goedkoper: {} tegen {}.",
                    euros(w, lang),
                    euros(o, lang)
                ),
                format!(
                    "The winning bid is cheaper: {} against {}.",
                    euros(w, lang),
                    euros(o, lang)
                ),
            ));
        }
    }
    if out.is_empty() {
        out.push(pick(
            lang,
            "De winnende inschrijving heeft de hoogste totaalscore volgens de gewichten in het aanbestedingspakket.",
            "The winning bid has the highest total score under the weights of the tender package.",
        ));
    }
    out
}
