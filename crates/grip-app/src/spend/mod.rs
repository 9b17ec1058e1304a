//! Spend for the portfolio: files of contracts or invoices imported in the background with
//! their progress (`import`), each line placed in a portfolio category with the reason, and
//! suppliers a buyer places by hand, remembered for the next import (`place`).

mod import;
mod place;

pub use import::{Imported, MAX_FILE_BYTES, Preview, SpendSource, import_file, preview, start};
pub use place::{SpendOverview, overview, place_supplier};

use grip_spend::{CategoryRef, Placer};

/// The placer with the portfolio's categories and the suppliers placed before.
async fn placer(conn: &mut grip_store::Conn) -> Result<Placer, crate::AppError> {
    let categories = grip_store::catalogue::list_categories(conn)
        .await?
        .into_iter()
        .map(|c| CategoryRef {
            code: c.code,
            name_nl: c.name_nl,
            cpv: c.cpv_codes,
        })
        .collect();
    let suppliers = grip_store::spend::supplier_places(conn)
        .await?
        .into_iter()
        .collect();
    Ok(Placer::new(categories, suppliers))
}
