//! The demo's spend: a quarter of invoices (fictional suppliers and amounts), imported through
//! the same use case people use, so the portfolio shows spend and its unplaced share.

use crate::spend::{self, SpendSource};
use crate::{Actor, App, AppError};

const Q1: &str = include_str!("../../demo/spend-2026-q1.csv");

pub(super) async fn run(app: &App, buyer: &Actor) -> Result<(), AppError> {
    let dir = std::env::temp_dir().join(format!("grip-demo-spend-{}", grip_store::new_id()));
    std::fs::create_dir_all(&dir).map_err(|e| AppError::Internal(format!("demo spend: {e}")))?;
    let path = dir.join("facturen-2026-q1.csv");
    std::fs::write(&path, Q1).map_err(|e| AppError::Internal(format!("demo spend: {e}")))?;
    let source = SpendSource {
        name: "facturen-2026-q1.csv".into(),
        path,
    };
    let result = match spend::preview(&source) {
        Ok(preview) => spend::import_file(app, buyer, source, preview.mapping)
            .await
            .map(|_| ()),
        Err(e) => Err(e),
    };
    let _ = std::fs::remove_dir_all(&dir);
    result
}
