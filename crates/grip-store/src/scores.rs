//! Conflict declarations, assessors' scores, their submissions and the consensus scores.
//! Reads that could reveal another assessor's score take the viewer and let the caller's
//! independence rule decide; nothing here filters on its own.

use crate::{Conn, StoreError, flag};
use grip_core::award::scoring::{ConflictDeclaration, ConsensusScore, Score};

pub async fn declare(
    tx: &mut Conn,
    dossier_id: &str,
    d: &ConflictDeclaration,
) -> Result<(), StoreError> {
    sqlx::query("delete from conflict_declaration where dossier_id = $1 and assessor = $2")
        .bind(dossier_id)
        .bind(&d.assessor)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "insert into conflict_declaration (dossier_id, assessor, has_conflict, statement, \
         declared_at) values ($1, $2, $3, $4, $5)",
    )
    .bind(dossier_id)
    .bind(&d.assessor)
    .bind(flag(d.has_conflict))
    .bind(&d.statement)
    .bind(d.declared_at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub async fn declarations(
    conn: &mut Conn,
    dossier_id: &str,
) -> Result<Vec<ConflictDeclaration>, StoreError> {
    let rows: Vec<(String, i16, String, i64)> = sqlx::query_as(
        "select assessor, has_conflict, statement, declared_at from conflict_declaration \
         where dossier_id = $1 order by assessor",
    )
    .bind(dossier_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(assessor, has_conflict, statement, declared_at)| ConflictDeclaration {
                assessor,
                has_conflict: has_conflict != 0,
                statement,
                declared_at,
            },
        )
        .collect())
}

/// Sets (or replaces) one assessor's score.
pub async fn put_score(tx: &mut Conn, s: &Score) -> Result<(), StoreError> {
    sqlx::query("delete from bid_score where bid_id = $1 and criterion_key = $2 and assessor = $3")
        .bind(s.bid_id.as_str())
        .bind(&s.criterion_key)
        .bind(&s.assessor)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "insert into bid_score (bid_id, criterion_key, assessor, level, reason, scored_at) \
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(s.bid_id.as_str())
    .bind(&s.criterion_key)
    .bind(&s.assessor)
    .bind(i16::from(s.level))
    .bind(&s.reason)
    .bind(s.scored_at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

type ScoreRow = (String, String, String, i16, String, i64);

fn score(row: ScoreRow) -> Score {
    let (bid_id, criterion_key, assessor, level, reason, scored_at) = row;
    Score {
        bid_id: bid_id.into(),
        criterion_key,
        assessor,
        level: u8::try_from(level).unwrap_or(0),
        reason,
        scored_at,
    }
}

/// One assessor's scores on one bid.
pub async fn own_scores(
    conn: &mut Conn,
    bid_id: &str,
    assessor: &str,
) -> Result<Vec<Score>, StoreError> {
    let rows: Vec<ScoreRow> = sqlx::query_as(
        "select bid_id, criterion_key, assessor, level, reason, scored_at from bid_score \
         where bid_id = $1 and assessor = $2 order by criterion_key",
    )
    .bind(bid_id)
    .bind(assessor)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(score).collect())
}

/// Every submitted score on one bid (drafts are left out).
pub async fn submitted_scores(conn: &mut Conn, bid_id: &str) -> Result<Vec<Score>, StoreError> {
    let rows: Vec<ScoreRow> = sqlx::query_as(
        "select s.bid_id, s.criterion_key, s.assessor, s.level, s.reason, s.scored_at \
         from bid_score s join score_submission u \
           on u.bid_id = s.bid_id and u.assessor = s.assessor \
         where s.bid_id = $1 order by s.criterion_key, s.assessor",
    )
    .bind(bid_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(score).collect())
}

pub async fn submit(
    tx: &mut Conn,
    bid_id: &str,
    assessor: &str,
    at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "insert into score_submission (bid_id, assessor, submitted_at) values ($1, $2, $3)",
    )
    .bind(bid_id)
    .bind(assessor)
    .bind(at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// The assessors who submitted their scores for a bid.
pub async fn submitted_by(conn: &mut Conn, bid_id: &str) -> Result<Vec<String>, StoreError> {
    let rows: Vec<(String,)> =
        sqlx::query_as("select assessor from score_submission where bid_id = $1 order by assessor")
            .bind(bid_id)
            .fetch_all(&mut *conn)
            .await?;
    Ok(rows.into_iter().map(|(a,)| a).collect())
}

pub async fn put_consensus(tx: &mut Conn, c: &ConsensusScore) -> Result<(), StoreError> {
    sqlx::query("delete from consensus_score where bid_id = $1 and criterion_key = $2")
        .bind(c.bid_id.as_str())
        .bind(&c.criterion_key)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "insert into consensus_score (bid_id, criterion_key, level, reason, set_by, set_at) \
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(c.bid_id.as_str())
    .bind(&c.criterion_key)
    .bind(i16::from(c.level))
    .bind(&c.reason)
    .bind(&c.set_by)
    .bind(c.set_at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub async fn consensus(conn: &mut Conn, bid_id: &str) -> Result<Vec<ConsensusScore>, StoreError> {
    let rows: Vec<ScoreRow> = sqlx::query_as(
        "select bid_id, criterion_key, set_by, level, reason, set_at from consensus_score \
         where bid_id = $1 order by criterion_key",
    )
    .bind(bid_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(bid_id, criterion_key, set_by, level, reason, set_at)| ConsensusScore {
                bid_id: bid_id.into(),
                criterion_key,
                level: u8::try_from(level).unwrap_or(0),
                reason,
                set_by,
                set_at,
            },
        )
        .collect())
}

/// The award rule of a dossier: price formula code, price share, flagged spread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AwardRuleRow {
    pub price_formula: String,
    pub price_share: i64,
    pub max_spread: i64,
    pub set_by: String,
    pub set_at: i64,
}

pub async fn award_rule(
    conn: &mut Conn,
    dossier_id: &str,
) -> Result<Option<AwardRuleRow>, StoreError> {
    let row: Option<(String, i64, i64, String, i64)> = sqlx::query_as(
        "select price_formula, price_share, max_spread, set_by, set_at from award_rule \
         where dossier_id = $1",
    )
    .bind(dossier_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(
        |(price_formula, price_share, max_spread, set_by, set_at)| AwardRuleRow {
            price_formula,
            price_share,
            max_spread,
            set_by,
            set_at,
        },
    ))
}

pub async fn put_award_rule(
    tx: &mut Conn,
    dossier_id: &str,
    rule: &AwardRuleRow,
) -> Result<(), StoreError> {
    sqlx::query("delete from award_rule where dossier_id = $1")
        .bind(dossier_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "insert into award_rule (dossier_id, price_formula, price_share, max_spread, set_by, \
         set_at) values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(dossier_id)
    .bind(&rule.price_formula)
    .bind(rule.price_share)
    .bind(rule.max_spread)
    .bind(&rule.set_by)
    .bind(rule.set_at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}
