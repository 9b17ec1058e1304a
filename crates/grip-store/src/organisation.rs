//! The organisation this Grip installation serves (one per database).

use crate::{Conn, StoreError, flag};
use grip_core::user::Organisation;

#[derive(sqlx::FromRow)]
struct OrganisationRow {
    id: String,
    name: String,
    short_name: String,
    description: String,
    is_demo: i16,
    created_at: i64,
}

pub async fn insert(tx: &mut Conn, org: &Organisation) -> Result<(), StoreError> {
    sqlx::query(
        "insert into organisation (id, name, short_name, description, is_demo, created_at) \
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&org.id)
    .bind(&org.name)
    .bind(&org.short_name)
    .bind(&org.description)
    .bind(flag(org.is_demo))
    .bind(org.created_at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub async fn get(conn: &mut Conn) -> Result<Option<Organisation>, StoreError> {
    let row = sqlx::query_as::<_, OrganisationRow>(
        "select id, name, short_name, description, is_demo, created_at from organisation \
         order by created_at limit 1",
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|r| Organisation {
        id: r.id,
        name: r.name,
        short_name: r.short_name,
        description: r.description,
        is_demo: r.is_demo == 1,
        created_at: r.created_at,
    }))
}
