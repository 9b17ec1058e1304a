//! Filtered lists: statements assembled from fixed fragments, with every value bound in
//! order (`$1` … `$n`) and paging after them (`$n+1` limit, `$n+2` offset).

use crate::{Conn, Paging, StoreError};

/// The rows of `sql` for one page, binding `values` and then the page's limit and offset.
pub(crate) async fn page_rows<R>(
    conn: &mut Conn,
    sql: String,
    values: &[String],
    paging: Paging,
) -> Result<Vec<R>, StoreError>
where
    R: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
{
    let mut query = sqlx::query_as::<_, R>(sqlx::AssertSqlSafe(sql));
    for v in values {
        query = query.bind(v.clone());
    }
    Ok(query
        .bind(paging.per_page)
        .bind(paging.offset())
        .fetch_all(&mut *conn)
        .await?)
}

/// The single count `sql` selects, binding `values`.
pub(crate) async fn count(
    conn: &mut Conn,
    sql: String,
    values: &[String],
) -> Result<i64, StoreError> {
    let mut query = sqlx::query_as::<_, (i64,)>(sqlx::AssertSqlSafe(sql));
    for v in values {
        query = query.bind(v.clone());
    }
    Ok(query.fetch_one(&mut *conn).await?.0)
}
