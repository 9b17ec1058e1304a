//! The organisation this Grip installation serves (one per database).

use crate::{Conn, StoreError};
use serde::Serialize;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct OrganisationRow {
    pub id: String,
    pub name: String,
    pub short_name: String,
    pub description: String,
    pub is_demo: i16,
    pub created_at: i64,
}

pub async fn insert(tx: &mut Conn, org: &OrganisationRow) -> Result<(), StoreError> {
    sqlx::query(
        "insert into organisation (id, name, short_name, description, is_demo, created_at) \
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&org.id)
    .bind(&org.name)
    .bind(&org.short_name)
    .bind(&org.description)
    .bind(org.is_demo)
    .bind(org.created_at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub async fn get(conn: &mut Conn) -> Result<Option<OrganisationRow>, StoreError> {
    Ok(sqlx::query_as::<_, OrganisationRow>(
        "select id, name, short_name, description, is_demo, created_at from organisation \
         order by created_at limit 1",
    )
    .fetch_optional(&mut *conn)
    .await?)
}
