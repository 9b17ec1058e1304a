//! Decision records with their weighing and sign-offs. A sealed record is never written
//! again: every update here names `sealed_at is null`.

use crate::{Conn, StoreError, corrupt, decode};
use grip_core::Phase;
use grip_core::Role;
use grip_core::award::decision::{Decision, InterestWeighing, Signoff};

#[derive(sqlx::FromRow)]
struct DecisionRow {
    id: String,
    dossier_id: String,
    gate: String,
    outcome: String,
    conditions: String,
    motivation: String,
    winning_bid: Option<String>,
    required_roles: String,
    proposed_by: String,
    proposed_at: i64,
    sealed_at: Option<i64>,
    content_hash: Option<String>,
    supersedes: Option<String>,
    supersede_reason: Option<String>,
}

const DECISION_COLUMNS: &str = "id, dossier_id, gate, outcome, conditions, motivation, \
     winning_bid, required_roles, proposed_by, proposed_at, sealed_at, content_hash, supersedes, \
     supersede_reason";

fn roles_from(text: &str) -> Result<Vec<Role>, StoreError> {
    let codes: Vec<String> =
        serde_json::from_str(text).map_err(|_| corrupt("required roles", text))?;
    codes
        .iter()
        .map(|c| Role::parse(c).ok_or_else(|| corrupt("role", c)))
        .collect()
}

/// Stores a new (unsealed) decision with its weighing and the evidence it links.
pub async fn insert(tx: &mut Conn, d: &Decision, evidence: &str) -> Result<(), StoreError> {
    let roles: Vec<&str> = d.required_roles.iter().map(|r| r.id()).collect();
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "insert into decision ({DECISION_COLUMNS}, evidence, revision) values \
         ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 0)"
    )))
    .bind(d.id.as_str())
    .bind(d.dossier_id.as_str())
    .bind(d.gate.id())
    .bind(d.outcome.code())
    .bind(&d.conditions)
    .bind(&d.motivation)
    .bind(d.winning_bid.as_deref())
    .bind(serde_json::to_string(&roles).unwrap_or_else(|_| "[]".into()))
    .bind(&d.proposed_by)
    .bind(d.proposed_at)
    .bind(d.sealed_at)
    .bind(d.content_hash.as_deref())
    .bind(d.supersedes.as_deref())
    .bind(d.supersede_reason.as_deref())
    .bind(evidence)
    .execute(&mut *tx)
    .await?;
    for w in &d.weighing {
        sqlx::query(
            "insert into decision_weighing (decision_id, interest, weighing, note, measures) \
             values ($1, $2, $3, $4, $5)",
        )
        .bind(d.id.as_str())
        .bind(&w.interest)
        .bind(w.weighing.code())
        .bind(&w.note)
        .bind(&w.measures)
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

async fn complete(conn: &mut Conn, row: DecisionRow) -> Result<Decision, StoreError> {
    let weighing: Vec<(String, String, String, String)> = sqlx::query_as(
        "select interest, weighing, note, measures from decision_weighing \
         where decision_id = $1 order by interest",
    )
    .bind(&row.id)
    .fetch_all(&mut *conn)
    .await?;
    let signoffs: Vec<(String, String, i64)> = sqlx::query_as(
        "select role, username, signed_at from decision_signoff where decision_id = $1 \
         order by signed_at, role",
    )
    .bind(&row.id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(Decision {
        gate: Phase::parse(&row.gate).ok_or_else(|| corrupt("gate", &row.gate))?,
        outcome: decode(&row.outcome, "decision outcome")?,
        required_roles: roles_from(&row.required_roles)?,
        weighing: weighing
            .into_iter()
            .map(|(interest, weighing, note, measures)| {
                Ok(InterestWeighing {
                    interest,
                    weighing: decode(&weighing, "weighing")?,
                    note,
                    measures,
                })
            })
            .collect::<Result<_, StoreError>>()?,
        signoffs: signoffs
            .into_iter()
            .map(|(role, username, signed_at)| {
                Ok(Signoff {
                    role: Role::parse(&role).ok_or_else(|| corrupt("role", &role))?,
                    username,
                    signed_at,
                })
            })
            .collect::<Result<_, StoreError>>()?,
        id: row.id.into(),
        dossier_id: row.dossier_id.into(),
        conditions: row.conditions,
        motivation: row.motivation,
        winning_bid: row.winning_bid.map(Into::into),
        proposed_by: row.proposed_by,
        proposed_at: row.proposed_at,
        sealed_at: row.sealed_at,
        content_hash: row.content_hash,
        supersedes: row.supersedes.map(Into::into),
        supersede_reason: row.supersede_reason,
    })
}

pub async fn get(conn: &mut Conn, id: &str) -> Result<Option<Decision>, StoreError> {
    let row = sqlx::query_as::<_, DecisionRow>(sqlx::AssertSqlSafe(format!(
        "select {DECISION_COLUMNS} from decision where id = $1"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    match row {
        Some(row) => Ok(Some(complete(conn, row).await?)),
        None => Ok(None),
    }
}

/// The evidence JSON stored with a decision when it was proposed.
pub async fn evidence(conn: &mut Conn, id: &str) -> Result<String, StoreError> {
    let row: Option<(String,)> = sqlx::query_as("select evidence from decision where id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(|(e,)| e).unwrap_or_default())
}

/// The decisions of a dossier, oldest first.
pub async fn for_dossier(conn: &mut Conn, dossier_id: &str) -> Result<Vec<Decision>, StoreError> {
    let rows = sqlx::query_as::<_, DecisionRow>(sqlx::AssertSqlSafe(format!(
        "select {DECISION_COLUMNS} from decision where dossier_id = $1 \
         order by proposed_at, id"
    )))
    .bind(dossier_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.push(complete(conn, row).await?);
    }
    Ok(out)
}

/// Every sealed decision with the hash it was sealed with, for the audit verification.
pub async fn sealed(conn: &mut Conn) -> Result<Vec<Decision>, StoreError> {
    let rows = sqlx::query_as::<_, DecisionRow>(sqlx::AssertSqlSafe(format!(
        "select {DECISION_COLUMNS} from decision where sealed_at is not null order by id"
    )))
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.push(complete(conn, row).await?);
    }
    Ok(out)
}

/// Takes the record's row lock (PostgreSQL) inside a write transaction, so concurrent
/// sign-offs of one record run one after the other and read each other's signatures.
/// False when the record does not exist or is sealed.
pub async fn lock_unsealed(tx: &mut Conn, id: &str) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "update decision set revision = revision + 1 where id = $1 and sealed_at is null",
    )
    .bind(id)
    .execute(&mut *tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn add_signoff(tx: &mut Conn, id: &str, s: &Signoff) -> Result<(), StoreError> {
    sqlx::query(
        "insert into decision_signoff (decision_id, role, username, signed_at) \
         values ($1, $2, $3, $4)",
    )
    .bind(id)
    .bind(s.role.id())
    .bind(&s.username)
    .bind(s.signed_at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Seals an unsealed record; false when it was sealed already.
pub async fn seal(tx: &mut Conn, id: &str, at: i64, hash: &str) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "update decision set sealed_at = $1, content_hash = $2 where id = $3 \
         and sealed_at is null",
    )
    .bind(at)
    .bind(hash)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    Ok(done.rows_affected() == 1)
}
