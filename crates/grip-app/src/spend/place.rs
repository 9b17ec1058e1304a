//! What the spend says and what is left to place: totals per category, the share no rule
//! could place, the suppliers behind it; a buyer places a supplier by hand, which places its
//! lines now and in every later import.

use crate::record::commit_with_event;
use crate::{Action, Actor, App, AppError, now_ms};
use grip_core::audit_event as ev;
use grip_core::spend::{SpendImport, SpendTotals, UnplacedSupplier};
use grip_store::audit::NewEvent;

pub struct SpendOverview {
    pub imports: Vec<SpendImport>,
    pub totals: SpendTotals,
    pub unplaced: Vec<UnplacedSupplier>,
}

pub async fn overview(app: &App, actor: &Actor) -> Result<SpendOverview, AppError> {
    crate::access::require(actor, Action::Read)?;
    let mut conn = app.store.conn().await?;
    Ok(SpendOverview {
        imports: grip_store::spend::imports(&mut conn).await?,
        totals: grip_store::spend::totals(&mut conn, None).await?,
        unplaced: grip_store::spend::unplaced_suppliers(&mut conn, 50).await?,
    })
}

/// Places every unplaced line of the supplier (by its key) in the category, and remembers it.
pub async fn place_supplier(
    app: &App,
    actor: &Actor,
    supplier_key: &str,
    category_code: &str,
) -> Result<u64, AppError> {
    crate::access::require(actor, Action::ManageInventory)?;
    let mut tx = app.store.begin_write().await?;
    let category = grip_store::catalogue::list_categories(&mut tx)
        .await?
        .into_iter()
        .find(|c| c.code == category_code)
        .ok_or_else(|| {
            AppError::invalid("category", "unknown_category", "invalid-unknown-category")
        })?;
    let supplier = grip_store::spend::unplaced_suppliers(&mut tx, i64::MAX)
        .await?
        .into_iter()
        .find(|s| s.supplier_key == supplier_key)
        .ok_or(AppError::NotFound("supplier"))?;
    let reason = (
        format!("door {} ingedeeld bij {}", actor.username, category.name_nl),
        format!("placed in {} by {}", category.name_en, actor.username),
    );
    let at = now_ms();
    let lines = grip_store::spend::place_supplier(
        &mut tx,
        supplier_key,
        &supplier.supplier,
        &category.code,
        (&reason.0, &reason.1),
        at,
    )
    .await?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: at,
            actor: &actor.username,
            dossier: None,
            event: ev::SpendSupplierPlaced {
                supplier: supplier.supplier,
                category_code: category.code,
                lines: lines as i64,
            }
            .into(),
        },
    )
    .await?;
    Ok(lines)
}
