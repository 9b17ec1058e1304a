//! The facts behind the portfolio overview, per procurement category: dossiers with their
//! phase and newest verdict, contracts with their value, AI in the inventory, open
//! escalations and open obligations. Only what `scope` lets the reader see.

use crate::dossiers::readable_clause;
use crate::{Conn, StoreError};
use grip_core::ReadScope;

/// The newest classification verdict of the dossier aliased `d`.
const VERDICT: &str = "(select c.verdict from classification c where c.dossier_id = d.id \
     order by c.created_at desc, c.id desc limit 1)";

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DossierFact {
    pub id: String,
    pub title: String,
    pub category_id: Option<String>,
    pub phase: String,
    pub verdict: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ContractFact {
    pub id: String,
    pub dossier_id: String,
    pub category_id: Option<String>,
    pub system: String,
    pub supplier: String,
    pub value_cents: Option<i64>,
    pub verdict: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SystemFact {
    pub id: String,
    pub name: String,
    pub category_id: Option<String>,
    pub ai_exposure: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EscalationFact {
    pub dossier_id: String,
    pub category_id: Option<String>,
    pub role: String,
    pub due_on: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ObligationFact {
    pub dossier_id: String,
    pub category_id: Option<String>,
    pub article: String,
    pub summary_nl: String,
    pub summary_en: String,
    pub applies_from: String,
}

/// Runs `select … from … join dossier d …` with the reader's scope added to `where`.
async fn facts<T>(
    conn: &mut Conn,
    scope: &ReadScope,
    select: &str,
    fixed_where: &str,
) -> Result<Vec<T>, StoreError>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
{
    let mut values = Vec::new();
    let mut clauses: Vec<String> = Vec::new();
    if !fixed_where.is_empty() {
        clauses.push(fixed_where.to_string());
    }
    clauses.extend(readable_clause("d", scope, &mut values));
    let where_sql = if clauses.is_empty() {
        String::new()
    } else {
        format!(" where {}", clauses.join(" and "))
    };
    let mut query = sqlx::query_as::<_, T>(sqlx::AssertSqlSafe(format!("{select}{where_sql}")));
    for v in values {
        query = query.bind(v);
    }
    Ok(query.fetch_all(&mut *conn).await?)
}

pub async fn dossiers(conn: &mut Conn, scope: &ReadScope) -> Result<Vec<DossierFact>, StoreError> {
    let select = format!(
        "select d.id, d.title, d.category_id, d.phase, {VERDICT} as verdict from dossier d"
    );
    facts(conn, scope, &select, "").await
}

pub async fn contracts(
    conn: &mut Conn,
    scope: &ReadScope,
) -> Result<Vec<ContractFact>, StoreError> {
    let select = format!(
        "select k.id, k.dossier_id, d.category_id, k.system, k.supplier, k.value_cents, \
         {VERDICT} as verdict from contract k join dossier d on d.id = k.dossier_id"
    );
    facts(conn, scope, &select, "").await
}

pub async fn systems(conn: &mut Conn, scope: &ReadScope) -> Result<Vec<SystemFact>, StoreError> {
    let select = "select i.id, i.name, d.category_id, i.ai_exposure from inventory_item i \
                  join dossier d on d.id = i.dossier_id";
    facts(conn, scope, select, "").await
}

pub async fn open_escalations(
    conn: &mut Conn,
    scope: &ReadScope,
) -> Result<Vec<EscalationFact>, StoreError> {
    let select = "select t.dossier_id, d.category_id, t.role, t.due_on from escalation_task t \
                  join dossier d on d.id = t.dossier_id";
    facts(conn, scope, select, "t.closed_at is null").await
}

pub async fn open_obligations(
    conn: &mut Conn,
    scope: &ReadScope,
) -> Result<Vec<ObligationFact>, StoreError> {
    let select = "select o.dossier_id, d.category_id, o.article, o.summary_nl, o.summary_en, \
                  o.applies_from from dossier_obligation o join dossier d on d.id = o.dossier_id";
    facts(
        conn,
        scope,
        select,
        "o.status not in ('done', 'not_applicable')",
    )
    .await
}
