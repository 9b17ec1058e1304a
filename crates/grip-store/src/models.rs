//! The model register: models and their use in systems' components.

use crate::{Conn, StoreError};
use grip_core::model::{Model, ModelUse};

#[derive(sqlx::FromRow)]
struct ModelRow {
    id: String,
    name: String,
    version: String,
    provider: String,
    modality: String,
    training_data: String,
    created_at: i64,
}

impl TryFrom<ModelRow> for Model {
    type Error = StoreError;

    fn try_from(r: ModelRow) -> Result<Model, StoreError> {
        Ok(Model {
            id: r.id.into(),
            name: r.name,
            version: r.version,
            provider: r.provider,
            modality: crate::decode(&r.modality, "model modality")?,
            training_data: r.training_data,
            created_at: r.created_at,
        })
    }
}

#[derive(sqlx::FromRow)]
struct UseRow {
    #[sqlx(flatten)]
    model: ModelRow,
    item_id: String,
    item_name: String,
    component: String,
    hosting: String,
    used_by: String,
    used_at: i64,
}

impl TryFrom<UseRow> for ModelUse {
    type Error = StoreError;

    fn try_from(r: UseRow) -> Result<ModelUse, StoreError> {
        Ok(ModelUse {
            item_id: r.item_id.into(),
            item_name: r.item_name,
            model: Model::try_from(r.model)?,
            component: r.component,
            hosting: crate::decode(&r.hosting, "model hosting")?,
            created_by: r.used_by,
            created_at: r.used_at,
        })
    }
}

const MODEL_COLUMNS: &str =
    "m.id, m.name, m.version, m.provider, m.modality, m.training_data, m.created_at";

fn uses_select(filter: &str) -> String {
    format!(
        "select {MODEL_COLUMNS}, i.id as item_id, i.name as item_name, u.component, u.hosting, \
         u.created_by as used_by, u.created_at as used_at from model_use u \
         join model m on m.id = u.model_id join inventory_item i on i.id = u.inventory_item_id \
         {filter} order by lower(m.name), m.version, lower(i.name), u.component"
    )
}

/// The model with this name, version and provider, letter case aside.
pub async fn find(
    conn: &mut Conn,
    name: &str,
    version: &str,
    provider: &str,
) -> Result<Option<Model>, StoreError> {
    sqlx::query_as::<_, ModelRow>(sqlx::AssertSqlSafe(format!(
        "select {MODEL_COLUMNS} from model m where lower(m.name) = lower($1) \
         and lower(m.version) = lower($2) and lower(m.provider) = lower($3)"
    )))
    .bind(name)
    .bind(version)
    .bind(provider)
    .fetch_optional(&mut *conn)
    .await?
    .map(Model::try_from)
    .transpose()
}

pub async fn get(conn: &mut Conn, id: &str) -> Result<Option<Model>, StoreError> {
    sqlx::query_as::<_, ModelRow>(sqlx::AssertSqlSafe(format!(
        "select {MODEL_COLUMNS} from model m where m.id = $1"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .map(Model::try_from)
    .transpose()
}

pub async fn insert(tx: &mut Conn, m: &Model, by: &str) -> Result<(), StoreError> {
    sqlx::query(
        "insert into model (id, name, version, provider, modality, training_data, created_by, \
         created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(m.id.as_str())
    .bind(&m.name)
    .bind(&m.version)
    .bind(&m.provider)
    .bind(m.modality.code())
    .bind(&m.training_data)
    .bind(by)
    .bind(m.created_at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Records the model in the system's component; `false` when it was already recorded there.
pub async fn insert_use(tx: &mut Conn, u: &ModelUse) -> Result<bool, StoreError> {
    let exists: Option<(String,)> = sqlx::query_as(
        "select model_id from model_use where inventory_item_id = $1 and model_id = $2 \
         and component = $3",
    )
    .bind(u.item_id.as_str())
    .bind(u.model.id.as_str())
    .bind(&u.component)
    .fetch_optional(&mut *tx)
    .await?;
    if exists.is_some() {
        return Ok(false);
    }
    sqlx::query(
        "insert into model_use (inventory_item_id, model_id, component, hosting, created_by, \
         created_at) values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(u.item_id.as_str())
    .bind(u.model.id.as_str())
    .bind(&u.component)
    .bind(u.hosting.code())
    .bind(&u.created_by)
    .bind(u.created_at)
    .execute(&mut *tx)
    .await?;
    Ok(true)
}

async fn uses(
    conn: &mut Conn,
    filter: &str,
    bind: Option<&str>,
) -> Result<Vec<ModelUse>, StoreError> {
    let sql = uses_select(filter);
    let query = sqlx::query_as::<_, UseRow>(sqlx::AssertSqlSafe(sql));
    let query = match bind {
        Some(value) => query.bind(value.to_string()),
        None => query,
    };
    query
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(ModelUse::try_from)
        .collect()
}

/// The models in a system, by model name.
pub async fn of_item(conn: &mut Conn, item_id: &str) -> Result<Vec<ModelUse>, StoreError> {
    uses(conn, "where u.inventory_item_id = $1", Some(item_id)).await
}

/// The systems that use a model.
pub async fn uses_of(conn: &mut Conn, model_id: &str) -> Result<Vec<ModelUse>, StoreError> {
    uses(conn, "where u.model_id = $1", Some(model_id)).await
}

/// Every use of every model, by model name.
pub async fn all_uses(conn: &mut Conn) -> Result<Vec<ModelUse>, StoreError> {
    uses(conn, "", None).await
}
