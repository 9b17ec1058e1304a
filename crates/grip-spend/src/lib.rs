//! Spend files (contracts or invoices) for the portfolio: read as a stream (`read`), columns
//! mapped (`columns`), each line checked (`line`: amounts in Dutch or English notation,
//! dates, CPV codes) and placed in a portfolio category with its reason (`place`). Pure: the
//! caller hands in the reader and stores the result.

pub mod amount;
pub mod columns;
pub mod date;
pub mod line;
pub mod place;
pub mod read;

pub use columns::{Field, Mapping, guess};
pub use line::{LineError, SpendLine, parse_record, supplier_key};
pub use place::{CategoryRef, PlacedBy, Placement, Placer};
pub use read::{ReadError, csv_records, is_xlsx, xlsx_rows};
