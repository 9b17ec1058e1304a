//! The append-only, hash-chained audit log. `append` must run inside the write transaction
//! of the change it records; it bumps the one-row head first, which serialises appends.

use crate::{Conn, StoreError};
use grip_core::audit::{ChainVerifier, EventBody, StoredEvent, Verification};
use grip_core::audit_event::AuditEvent;
use grip_core::{Page, Paging, ReadScope};

/// An event to record; the sequence number and hashes are assigned by `append`.
#[derive(Debug, Clone)]
pub struct NewEvent<'a> {
    pub at_ms: i64,
    pub actor: &'a str,
    pub dossier: Option<&'a str>,
    pub event: AuditEvent,
}

/// Appends one event; returns its sequence number.
pub async fn append(tx: &mut Conn, event: NewEvent<'_>) -> Result<i64, StoreError> {
    // Locks the head row (PostgreSQL) or runs under the single writer lock (SQLite), so
    // concurrent appends line up one after another.
    let (seq, prev_hash): (i64, String) =
        sqlx::query_as("update audit_head set seq = seq + 1 where id = 1 returning seq, hash")
            .fetch_one(&mut *tx)
            .await?;
    let payload = event.event.payload().to_string();
    let kind = event.event.kind();
    let body = EventBody {
        seq,
        at_ms: event.at_ms,
        actor: event.actor,
        dossier: event.dossier,
        kind,
        payload: &payload,
    };
    let hash = body.chain_hash(&prev_hash);
    sqlx::query(
        "insert into audit_event (seq, at, actor, dossier_id, kind, payload, prev_hash, hash) \
         values ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(seq)
    .bind(event.at_ms)
    .bind(event.actor)
    .bind(event.dossier)
    .bind(kind)
    .bind(&payload)
    .bind(&prev_hash)
    .bind(&hash)
    .execute(&mut *tx)
    .await?;
    sqlx::query("update audit_head set hash = $1 where id = 1")
        .bind(&hash)
        .execute(&mut *tx)
        .await?;
    Ok(seq)
}

#[derive(sqlx::FromRow)]
pub(crate) struct AuditRow {
    seq: i64,
    at: i64,
    actor: String,
    dossier_id: Option<String>,
    kind: String,
    payload: String,
    prev_hash: String,
    hash: String,
}

impl From<AuditRow> for StoredEvent {
    fn from(row: AuditRow) -> Self {
        StoredEvent {
            seq: row.seq,
            at_ms: row.at,
            actor: row.actor,
            dossier: row.dossier_id,
            kind: row.kind,
            payload: row.payload,
            prev_hash: row.prev_hash,
            hash: row.hash,
        }
    }
}

pub(crate) const COLUMNS: &str = "seq, at, actor, dossier_id, kind, payload, prev_hash, hash";

/// Newest first, for one dossier (the caller has checked it may be read) or, without one,
/// every event `scope` lets one read: events of dossiers the reader may not read are left out
/// of the rows and the total alike.
/// Events an assessor sees only when they are their own: that another assessor scored or
/// submitted would tell how far the others are (independence of the assessment).
pub const BLIND_KINDS: [&str; 2] = ["assessment.score_recorded", "assessment.scores_submitted"];

/// `blind_for`: the username of an assessor, who sees `BLIND_KINDS` events only of their own.
pub async fn list(
    conn: &mut Conn,
    dossier: Option<&str>,
    scope: &ReadScope,
    blind_for: Option<&str>,
    paging: Paging,
) -> Result<Page<StoredEvent>, StoreError> {
    let mut values: Vec<String> = Vec::new();
    let mut where_sql = match dossier {
        Some(id) => {
            values.push(id.to_string());
            Some("dossier_id = $1".to_string())
        }
        None => crate::dossiers::readable_link_clause("audit_event.dossier_id", scope, &mut values),
    };
    if let Some(username) = blind_for {
        values.push(username.to_string());
        let blind = blind_clause(values.len());
        where_sql = Some(match where_sql {
            Some(w) => format!("({w}) and {blind}"),
            None => blind,
        });
    }
    let n = values.len();
    let rows_sql = format!(
        "select {COLUMNS} from audit_event{} order by seq desc limit ${} offset ${}",
        where_sql
            .as_ref()
            .map(|w| format!(" where {w}"))
            .unwrap_or_default(),
        n + 1,
        n + 2
    );
    let rows: Vec<AuditRow> = crate::bound::page_rows(conn, rows_sql, &values, paging).await?;
    let total = match &where_sql {
        // Every event is visible: the head's sequence number is the count, without a scan.
        None => {
            let (seq,): (i64,) = sqlx::query_as("select seq from audit_head where id = 1")
                .fetch_one(&mut *conn)
                .await?;
            seq
        }
        Some(w) => {
            let sql = format!("select cast(count(*) as bigint) from audit_event where {w}");
            crate::bound::count(conn, sql, &values).await?
        }
    };
    Ok(paging.wrap(rows.into_iter().map(StoredEvent::from).collect(), total))
}

/// Re-walks the whole chain in sequence order, page by page, and checks the head.
pub async fn verify(conn: &mut Conn) -> Result<Verification, StoreError> {
    const PAGE: i64 = 2000;
    let mut verifier = ChainVerifier::default();
    let mut after = 0_i64;
    loop {
        let rows = sqlx::query_as::<_, AuditRow>(sqlx::AssertSqlSafe(format!(
            "select {COLUMNS} from audit_event where seq > $1 order by seq limit $2"
        )))
        .bind(after)
        .bind(PAGE)
        .fetch_all(&mut *conn)
        .await?;
        let Some(last) = rows.last() else { break };
        after = last.seq;
        for row in rows {
            if let Err(broken) = verifier.check(&row.into()) {
                return Ok(Verification::Broken(broken));
            }
        }
    }
    let (head_seq, head_hash): (i64, String) =
        sqlx::query_as("select seq, hash from audit_head where id = 1")
            .fetch_one(&mut *conn)
            .await?;
    Ok(match verifier.finish(head_seq, &head_hash) {
        Ok(events) => Verification::Intact { events },
        Err(broken) => Verification::Broken(broken),
    })
}

/// The decision id and content hash of every `decision.sealed` event, in chain order.
pub async fn sealed_hashes(conn: &mut Conn) -> Result<Vec<(String, String)>, StoreError> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select payload from audit_event where kind = 'decision.sealed' order by seq",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(payload,)| {
            let v: serde_json::Value = serde_json::from_str(&payload).ok()?;
            Some((
                v.get("decision_id")?.as_str()?.to_string(),
                v.get("content_hash")?.as_str()?.to_string(),
            ))
        })
        .collect())
}

/// `kind not in BLIND_KINDS or actor = $n`.
pub(crate) fn blind_clause(n: usize) -> String {
    let kinds: Vec<String> = BLIND_KINDS.iter().map(|k| format!("'{k}'")).collect();
    format!("(kind not in ({}) or actor = ${n})", kinds.join(", "))
}
