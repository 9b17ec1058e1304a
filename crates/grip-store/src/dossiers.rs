//! Dossiers (acquisitions), their members and suppliers. Lists filter on indexed columns and
//! a lower-cased search column so they stay fast with 100,000 dossiers.

use crate::{Conn, StoreError, corrupt, decode};
use grip_core::dossier::{CategoryRef, Dossier, DossierFilter, Member, UserRef};
use grip_core::{Page, Paging, Phase, ReadScope};

/// A dossier as read back, with the names of its category and requester.
#[derive(sqlx::FromRow)]
pub(crate) struct DossierRow {
    id: String,
    title: String,
    description: String,
    category_id: Option<String>,
    category_code: Option<String>,
    category_name_nl: Option<String>,
    category_name_en: Option<String>,
    requester_id: Option<String>,
    requester_username: Option<String>,
    phase: String,
    classification_label: String,
    status: String,
    estimated_value_eur: Option<i64>,
    created_at: i64,
    updated_at: i64,
}

impl TryFrom<DossierRow> for Dossier {
    type Error = StoreError;

    fn try_from(row: DossierRow) -> Result<Dossier, StoreError> {
        let category = row.category_id.map(|id| CategoryRef {
            id: id.into(),
            code: row.category_code.unwrap_or_default(),
            name_nl: row.category_name_nl.unwrap_or_default(),
            name_en: row.category_name_en.unwrap_or_default(),
        });
        let requester = row.requester_id.map(|id| UserRef {
            id: id.into(),
            username: row.requester_username.unwrap_or_default(),
        });
        Ok(Dossier {
            phase: Phase::parse(&row.phase).ok_or_else(|| corrupt("phase", &row.phase))?,
            classification_label: decode(&row.classification_label, "classification label")?,
            status: decode(&row.status, "dossier status")?,
            id: row.id.into(),
            title: row.title,
            description: row.description,
            category,
            requester,
            estimated_value_eur: row.estimated_value_eur,
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }
}

/// Only the start of the description is searched; titles carry most of the meaning.
const SEARCH_DESCRIPTION_CHARS: usize = 400;

fn search_text(title: &str, description: &str) -> String {
    let head: String = description.chars().take(SEARCH_DESCRIPTION_CHARS).collect();
    format!("{title} {head}").to_lowercase()
}

pub async fn insert(tx: &mut Conn, d: &Dossier) -> Result<(), StoreError> {
    sqlx::query(
        "insert into dossier (id, title, description, category_id, requester_id, phase, \
         classification_label, status, estimated_value_eur, search_text, created_at, updated_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(d.id.as_str())
    .bind(&d.title)
    .bind(&d.description)
    .bind(d.category_id().map(|c| c.as_str()))
    .bind(d.requester.as_ref().map(|r| r.id.as_str()))
    .bind(d.phase.id())
    .bind(d.classification_label.code())
    .bind(d.status.code())
    .bind(d.estimated_value_eur)
    .bind(search_text(&d.title, &d.description))
    .bind(d.created_at)
    .bind(d.updated_at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Writes the editable fields (title, description, category, label, status).
pub async fn update(tx: &mut Conn, d: &Dossier) -> Result<(), StoreError> {
    sqlx::query(
        "update dossier set title = $1, description = $2, category_id = $3, \
         classification_label = $4, status = $5, estimated_value_eur = $6, search_text = $7, \
         updated_at = $8 where id = $9",
    )
    .bind(&d.title)
    .bind(&d.description)
    .bind(d.category_id().map(|c| c.as_str()))
    .bind(d.classification_label.code())
    .bind(d.status.code())
    .bind(d.estimated_value_eur)
    .bind(search_text(&d.title, &d.description))
    .bind(d.updated_at)
    .bind(d.id.as_str())
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Moves the phase only if it is still `from` (a concurrent move makes this return false).
pub async fn set_phase(
    tx: &mut Conn,
    id: &str,
    from: Phase,
    to: Phase,
    at_ms: i64,
) -> Result<bool, StoreError> {
    let done =
        sqlx::query("update dossier set phase = $1, updated_at = $2 where id = $3 and phase = $4")
            .bind(to.id())
            .bind(at_ms)
            .bind(id)
            .bind(from.id())
            .execute(&mut *tx)
            .await?;
    Ok(done.rows_affected() == 1)
}

pub(crate) const VIEW: &str = "select d.id, d.title, d.description, d.category_id, c.code as category_code, \
     c.name_nl as category_name_nl, c.name_en as category_name_en, d.requester_id, \
     u.username as requester_username, d.phase, d.classification_label, d.status, \
     d.estimated_value_eur, d.created_at, d.updated_at \
     from dossier d left join category c on c.id = d.category_id \
     left join app_user u on u.id = d.requester_id";

pub async fn get(conn: &mut Conn, id: &str) -> Result<Option<Dossier>, StoreError> {
    sqlx::query_as::<_, DossierRow>(sqlx::AssertSqlSafe(format!("{VIEW} where d.id = $1")))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .map(Dossier::try_from)
        .transpose()
}

/// The dossiers `scope` lets one read, matching `filter`, newest change first. Need-to-know
/// is part of the statement, so the total and the pages count only what the reader may see.
pub async fn list(
    conn: &mut Conn,
    filter: &DossierFilter,
    scope: &ReadScope,
    paging: Paging,
) -> Result<Page<Dossier>, StoreError> {
    // The statement is assembled only from fixed fragments; every value is bound.
    let mut clauses: Vec<String> = Vec::new();
    let mut values: Vec<String> = Vec::new();
    clauses.extend(readable_clause("d", scope, &mut values));
    if let Some(phase) = &filter.phase {
        values.push(phase.id().to_string());
        clauses.push(format!("d.phase = ${}", values.len()));
    }
    if let Some(category) = &filter.category_id {
        values.push(category.to_string());
        clauses.push(format!("d.category_id = ${}", values.len()));
    }
    for word in filter
        .query
        .iter()
        .flat_map(|q| q.split_whitespace())
        .take(8)
    {
        values.push(format!("%{}%", escape_like(&word.to_lowercase())));
        clauses.push(format!("d.search_text like ${} escape '\\'", values.len()));
    }
    let where_sql = if clauses.is_empty() {
        String::new()
    } else {
        format!(" where {}", clauses.join(" and "))
    };
    let n = values.len();
    let rows_sql = format!(
        "{VIEW}{where_sql} order by d.updated_at desc, d.id desc limit ${} offset ${}",
        n + 1,
        n + 2
    );
    let rows: Vec<DossierRow> = crate::bound::page_rows(conn, rows_sql, &values, paging).await?;
    let count_sql = format!("select cast(count(*) as bigint) from dossier d{where_sql}");
    let total = crate::bound::count(conn, count_sql, &values).await?;
    let items = rows
        .into_iter()
        .map(Dossier::try_from)
        .collect::<Result<_, _>>()?;
    Ok(paging.wrap(items, total))
}

fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// A condition on the dossier aliased `alias` that holds for the dossiers `scope` lets one
/// read (None: all of them). Its values are appended to `values` and numbered after them.
pub fn readable_clause(alias: &str, scope: &ReadScope, values: &mut Vec<String>) -> Option<String> {
    let ReadScope::OpenOrMember {
        open_labels,
        user_id,
    } = scope
    else {
        return None;
    };
    let mut open = Vec::new();
    for label in open_labels {
        values.push(label.code().to_string());
        open.push(format!("${}", values.len()));
    }
    let open = if open.is_empty() {
        "1 = 0".to_string()
    } else {
        format!("{alias}.classification_label in ({})", open.join(", "))
    };
    values.push(user_id.clone());
    let user = values.len();
    Some(format!(
        "({open} or {alias}.requester_id = ${user} or exists (select 1 from dossier_member rm \
         where rm.dossier_id = {alias}.id and rm.user_id = ${user}))"
    ))
}

/// A condition on a row's nullable dossier reference `column`: no dossier, or one `scope`
/// lets one read (None: every row).
pub fn readable_link_clause(
    column: &str,
    scope: &ReadScope,
    values: &mut Vec<String>,
) -> Option<String> {
    let readable = readable_clause("rd", scope, values)?;
    Some(format!(
        "({column} is null or exists (select 1 from dossier rd where rd.id = {column} \
         and {readable}))"
    ))
}

/// Dossiers per phase, of those `scope` lets one read.
pub async fn count_by_phase(
    conn: &mut Conn,
    scope: &ReadScope,
) -> Result<Vec<(Phase, i64)>, StoreError> {
    let mut values = Vec::new();
    let where_sql = readable_clause("d", scope, &mut values)
        .map(|c| format!(" where {c}"))
        .unwrap_or_default();
    let sql = format!(
        "select d.phase, cast(count(*) as bigint) from dossier d{where_sql} group by d.phase"
    );
    let mut query = sqlx::query_as::<_, (String, i64)>(sqlx::AssertSqlSafe(sql));
    for v in values {
        query = query.bind(v);
    }
    let rows = query.fetch_all(&mut *conn).await?;
    rows.into_iter()
        .map(|(phase, n)| {
            Ok((
                Phase::parse(&phase).ok_or_else(|| corrupt("phase", &phase))?,
                n,
            ))
        })
        .collect()
}

pub async fn add_member(
    tx: &mut Conn,
    dossier_id: &str,
    user_id: &str,
    role: &str,
    at_ms: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "insert into dossier_member (dossier_id, user_id, role, added_at) values ($1, $2, $3, $4) \
         on conflict (dossier_id, user_id, role) do nothing",
    )
    .bind(dossier_id)
    .bind(user_id)
    .bind(role)
    .bind(at_ms)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub async fn members(conn: &mut Conn, dossier_id: &str) -> Result<Vec<Member>, StoreError> {
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "select m.user_id, u.username, u.display_name, m.role from dossier_member m \
         join app_user u on u.id = m.user_id where m.dossier_id = $1 order by m.role, u.username",
    )
    .bind(dossier_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|(user_id, username, display_name, role)| {
            Ok(Member {
                role: grip_core::Role::parse(&role).ok_or_else(|| corrupt("role", &role))?,
                user_id: user_id.into(),
                username,
                display_name,
            })
        })
        .collect()
}

/// What need-to-know asks of a dossier: its label and whether `user_id` is on its team (a
/// member or the requester). None when there is no such dossier.
pub async fn read_facts(
    conn: &mut Conn,
    dossier_id: &str,
    user_id: &str,
) -> Result<Option<(grip_core::DataLabel, bool)>, StoreError> {
    let row: Option<(String, i64)> = sqlx::query_as(
        "select d.classification_label, cast(case when d.requester_id = $2 or exists \
         (select 1 from dossier_member m where m.dossier_id = d.id and m.user_id = $2) \
         then 1 else 0 end as bigint) from dossier d where d.id = $1",
    )
    .bind(dossier_id)
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|(label, member)| Ok((decode(&label, "classification label")?, member == 1)))
        .transpose()
}

pub async fn is_member(
    conn: &mut Conn,
    dossier_id: &str,
    user_id: &str,
) -> Result<bool, StoreError> {
    let row: Option<(String,)> = sqlx::query_as(
        "select user_id from dossier_member where dossier_id = $1 and user_id = $2 \
         union select requester_id from dossier where id = $1 and requester_id = $2",
    )
    .bind(dossier_id)
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.is_some())
}

pub async fn link_supplier(
    tx: &mut Conn,
    dossier_id: &str,
    supplier_id: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "insert into dossier_supplier (dossier_id, supplier_id) values ($1, $2) \
         on conflict (dossier_id, supplier_id) do nothing",
    )
    .bind(dossier_id)
    .bind(supplier_id)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub async fn supplier_names(conn: &mut Conn, dossier_id: &str) -> Result<Vec<String>, StoreError> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select s.name from dossier_supplier ds join supplier s on s.id = ds.supplier_id \
         where ds.dossier_id = $1 order by s.name",
    )
    .bind(dossier_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(|(n,)| n).collect())
}

/// Dossiers whose title equals `title` (the demo and imports link by title).
pub async fn id_by_title(conn: &mut Conn, title: &str) -> Result<Option<String>, StoreError> {
    let row: Option<(String,)> = sqlx::query_as("select id from dossier where title = $1 limit 1")
        .bind(title)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(|(id,)| id))
}

pub async fn count(conn: &mut Conn) -> Result<i64, StoreError> {
    let (n,): (i64,) = sqlx::query_as("select cast(count(*) as bigint) from dossier")
        .fetch_one(&mut *conn)
        .await?;
    Ok(n)
}
