//! Contracts, their baseline versions and change notices. Baseline versions and notices are
//! written once; only a notice's decision is filled in later, once.

use crate::{Conn, StoreError, decode, to_domain};
use grip_core::contract::{
    BaselineVersion, ChangeNotice, Contract, EscalationTask, NoticeDecision,
};

#[derive(sqlx::FromRow)]
struct ContractRow {
    id: String,
    dossier_id: String,
    system: String,
    supplier: String,
    starts_on: Option<String>,
    ends_on: Option<String>,
    value_cents: Option<i64>,
    created_by: String,
    created_at: i64,
}

impl TryFrom<ContractRow> for Contract {
    type Error = StoreError;

    fn try_from(r: ContractRow) -> Result<Contract, StoreError> {
        Ok(Contract {
            id: r.id,
            dossier_id: r.dossier_id,
            system: r.system,
            supplier: r.supplier,
            starts_on: r.starts_on,
            ends_on: r.ends_on,
            value_cents: r.value_cents,
            created_by: r.created_by,
            created_at: r.created_at,
        })
    }
}

const CONTRACT_SELECT: &str = "select id, dossier_id, system, supplier, starts_on, ends_on, \
     value_cents, created_by, created_at from contract";

pub async fn insert(tx: &mut Conn, c: &Contract) -> Result<(), StoreError> {
    sqlx::query(
        "insert into contract (id, dossier_id, system, supplier, starts_on, ends_on, value_cents, \
         created_by, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&c.id)
    .bind(&c.dossier_id)
    .bind(&c.system)
    .bind(&c.supplier)
    .bind(c.starts_on.clone())
    .bind(c.ends_on.clone())
    .bind(c.value_cents)
    .bind(&c.created_by)
    .bind(c.created_at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub async fn get(conn: &mut Conn, id: &str) -> Result<Option<Contract>, StoreError> {
    let row: Option<ContractRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{CONTRACT_SELECT} where id = $1"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(Contract::try_from).transpose()
}

pub async fn for_dossier(conn: &mut Conn, dossier_id: &str) -> Result<Vec<Contract>, StoreError> {
    let rows: Vec<ContractRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{CONTRACT_SELECT} where dossier_id = $1 order by created_at, id"
    )))
    .bind(dossier_id)
    .fetch_all(&mut *conn)
    .await?;
    to_domain(rows)
}

#[derive(sqlx::FromRow)]
struct BaselineRow {
    contract_id: String,
    version: i64,
    baseline: String,
    reason: String,
    created_by: String,
    created_at: i64,
}

impl From<BaselineRow> for BaselineVersion {
    fn from(r: BaselineRow) -> BaselineVersion {
        BaselineVersion {
            contract_id: r.contract_id,
            version: r.version,
            baseline: r.baseline,
            reason: r.reason,
            created_by: r.created_by,
            created_at: r.created_at,
        }
    }
}

pub async fn insert_baseline(tx: &mut Conn, b: &BaselineVersion) -> Result<(), StoreError> {
    sqlx::query(
        "insert into contract_baseline (contract_id, version, baseline, reason, created_by, \
         created_at) values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&b.contract_id)
    .bind(b.version)
    .bind(&b.baseline)
    .bind(&b.reason)
    .bind(&b.created_by)
    .bind(b.created_at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Every baseline version of a contract, newest first.
pub async fn baselines(
    conn: &mut Conn,
    contract_id: &str,
) -> Result<Vec<BaselineVersion>, StoreError> {
    let rows: Vec<BaselineRow> = sqlx::query_as(
        "select contract_id, version, baseline, reason, created_by, created_at \
         from contract_baseline where contract_id = $1 order by version desc",
    )
    .bind(contract_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

#[derive(sqlx::FromRow)]
struct NoticeRow {
    id: String,
    contract_id: String,
    baseline_version: i64,
    name: String,
    notice_text: String,
    impact: String,
    proposed: String,
    assessment: String,
    decided: Option<String>,
    decided_reason: Option<String>,
    decided_by: Option<String>,
    decided_at: Option<i64>,
    recorded_by: String,
    received_at: i64,
}

impl TryFrom<NoticeRow> for ChangeNotice {
    type Error = StoreError;

    fn try_from(r: NoticeRow) -> Result<ChangeNotice, StoreError> {
        let decision = match (r.decided, r.decided_by, r.decided_at) {
            (Some(code), Some(by), Some(at)) => Some(NoticeDecision {
                triage: decode(&code, "notice decision")?,
                reason: r.decided_reason.unwrap_or_default(),
                by,
                at,
            }),
            _ => None,
        };
        Ok(ChangeNotice {
            impact: decode(&r.impact, "notice impact")?,
            proposed: decode(&r.proposed, "notice proposal")?,
            id: r.id,
            contract_id: r.contract_id,
            baseline_version: r.baseline_version,
            name: r.name,
            text: r.notice_text,
            assessment: r.assessment,
            decision,
            recorded_by: r.recorded_by,
            received_at: r.received_at,
        })
    }
}

const NOTICE_SELECT: &str = "select id, contract_id, baseline_version, name, notice_text, \
     impact, proposed, assessment, decided, decided_reason, decided_by, decided_at, recorded_by, \
     received_at from change_notice";

pub async fn insert_notice(tx: &mut Conn, n: &ChangeNotice) -> Result<(), StoreError> {
    sqlx::query(
        "insert into change_notice (id, contract_id, baseline_version, name, notice_text, impact, \
         proposed, assessment, recorded_by, received_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&n.id)
    .bind(&n.contract_id)
    .bind(n.baseline_version)
    .bind(&n.name)
    .bind(&n.text)
    .bind(n.impact.code())
    .bind(n.proposed.code())
    .bind(&n.assessment)
    .bind(&n.recorded_by)
    .bind(n.received_at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Records the decision on a notice that has none yet; false when it already had one.
pub async fn decide_notice(
    tx: &mut Conn,
    notice_id: &str,
    d: &NoticeDecision,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "update change_notice set decided = $1, decided_reason = $2, decided_by = $3, \
         decided_at = $4 where id = $5 and decided is null",
    )
    .bind(d.triage.code())
    .bind(&d.reason)
    .bind(&d.by)
    .bind(d.at)
    .bind(notice_id)
    .execute(&mut *tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn notice(conn: &mut Conn, id: &str) -> Result<Option<ChangeNotice>, StoreError> {
    let row: Option<NoticeRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{NOTICE_SELECT} where id = $1"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(ChangeNotice::try_from).transpose()
}

/// The notices of a contract, newest first.
pub async fn notices(conn: &mut Conn, contract_id: &str) -> Result<Vec<ChangeNotice>, StoreError> {
    let rows: Vec<NoticeRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{NOTICE_SELECT} where contract_id = $1 order by received_at desc, id"
    )))
    .bind(contract_id)
    .fetch_all(&mut *conn)
    .await?;
    to_domain(rows)
}

pub async fn insert_task(tx: &mut Conn, t: &EscalationTask) -> Result<(), StoreError> {
    sqlx::query(
        "insert into escalation_task (id, dossier_id, contract_id, notice_id, role, due_on, \
         created_by, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&t.id)
    .bind(&t.dossier_id)
    .bind(&t.contract_id)
    .bind(&t.notice_id)
    .bind(t.role.id())
    .bind(&t.due_on)
    .bind(&t.created_by)
    .bind(t.created_at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// An open task with what the inbox shows of it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InboxRow {
    pub id: String,
    pub dossier_id: String,
    pub contract_id: String,
    pub notice_id: String,
    pub role: String,
    pub due_on: String,
    pub created_at: i64,
    pub notice_name: String,
    pub system: String,
}

const INBOX_FROM: &str = "from escalation_task t \
     join dossier_member m on m.dossier_id = t.dossier_id and m.role = t.role \
     join change_notice n on n.id = t.notice_id \
     join contract c on c.id = t.contract_id \
     where m.user_id = $1 and t.closed_at is null";

/// The open tasks for the roles a person holds on each dossier's team, soonest due first.
pub async fn inbox(conn: &mut Conn, user_id: &str) -> Result<Vec<InboxRow>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "select t.id, t.dossier_id, t.contract_id, t.notice_id, t.role, t.due_on, t.created_at, \
         n.name as notice_name, c.system {INBOX_FROM} order by t.due_on, t.created_at, t.id"
    )))
    .bind(user_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// How many tasks [`inbox`] holds.
pub async fn inbox_count(conn: &mut Conn, user_id: &str) -> Result<i64, StoreError> {
    let (count,): (i64,) =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("select count(*) {INBOX_FROM}")))
            .bind(user_id)
            .fetch_one(&mut *conn)
            .await?;
    Ok(count)
}

/// The dossier and notice of an open task, if it is open.
pub async fn open_task(
    conn: &mut Conn,
    task_id: &str,
) -> Result<Option<(String, String, String)>, StoreError> {
    Ok(sqlx::query_as(
        "select dossier_id, notice_id, role from escalation_task \
         where id = $1 and closed_at is null",
    )
    .bind(task_id)
    .fetch_optional(&mut *conn)
    .await?)
}

/// Closes every open task of a notice with a decision record; the number closed.
pub async fn close_tasks(
    tx: &mut Conn,
    notice_id: &str,
    by: &str,
    at: i64,
    decision_id: &str,
) -> Result<u64, StoreError> {
    let done = sqlx::query(
        "update escalation_task set closed_by = $1, closed_at = $2, decision_id = $3 \
         where notice_id = $4 and closed_at is null",
    )
    .bind(by)
    .bind(at)
    .bind(decision_id)
    .bind(notice_id)
    .execute(&mut *tx)
    .await?;
    Ok(done.rows_affected())
}

#[derive(sqlx::FromRow)]
struct TaskRow {
    id: String,
    dossier_id: String,
    contract_id: String,
    notice_id: String,
    role: String,
    due_on: String,
    created_by: String,
    created_at: i64,
    closed_by: Option<String>,
    closed_at: Option<i64>,
    decision_id: Option<String>,
}

impl TryFrom<TaskRow> for EscalationTask {
    type Error = StoreError;

    fn try_from(r: TaskRow) -> Result<EscalationTask, StoreError> {
        let role =
            grip_core::Role::parse(&r.role).ok_or_else(|| crate::corrupt("task role", &r.role))?;
        Ok(EscalationTask {
            closed: match (r.closed_by, r.closed_at, r.decision_id) {
                (Some(by), Some(at), Some(decision)) => Some((by, at, decision)),
                _ => None,
            },
            id: r.id,
            dossier_id: r.dossier_id,
            contract_id: r.contract_id,
            notice_id: r.notice_id,
            role,
            due_on: r.due_on,
            created_by: r.created_by,
            created_at: r.created_at,
        })
    }
}

/// The escalation tasks of a notice, by role.
pub async fn tasks_of_notice(
    conn: &mut Conn,
    notice_id: &str,
) -> Result<Vec<EscalationTask>, StoreError> {
    let rows: Vec<TaskRow> = sqlx::query_as(
        "select id, dossier_id, contract_id, notice_id, role, due_on, created_by, created_at, \
         closed_by, closed_at, decision_id from escalation_task where notice_id = $1 \
         order by role, id",
    )
    .bind(notice_id)
    .fetch_all(&mut *conn)
    .await?;
    to_domain(rows)
}
