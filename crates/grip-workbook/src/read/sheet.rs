//! Streams one worksheet's cells into a small map.
//!
//! calamine's `worksheet_range` builds a dense grid over the used area, so one stray cell at
//! XFD1048576 would ask for billions of cells; streaming keeps only the cells that hold
//! something, and stops at a row limit.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Cursor;

use calamine::Xlsx;

use crate::text::cell_text;

/// Columns kept: the table is six wide; anything right of this is not read, only its
/// formulas are reported.
pub(crate) const MAX_COLUMNS: u32 = 64;
/// Formula cells remembered for the report: enough to show a supplier the pattern.
const MAX_FORMULAS: usize = 200;

/// The non-blank cells of a sheet and where its formulas are.
#[derive(Debug, Default)]
pub(crate) struct SheetCells {
    /// The sheet's name as the workbook spells it.
    pub name: String,
    /// (row, column), 0-based → text as read (not yet trimmed); blank cells are left out.
    pub cells: BTreeMap<(u32, u32), String>,
    /// Cells holding a formula, in sheet order.
    pub formulas: Vec<(u32, u32)>,
    /// Set when the sheet had more non-blank rows than asked for; the rest was not read.
    pub overflow_row: Option<u32>,
}

impl SheetCells {
    pub(crate) fn text(&self, row: u32, col: u32) -> &str {
        self.cells
            .get(&(row, col))
            .map(String::as_str)
            .unwrap_or("")
    }

    /// The non-blank cells of one row, left to right.
    pub(crate) fn row(&self, row: u32) -> impl Iterator<Item = (u32, &str)> {
        self.cells
            .range((row, 0)..(row, MAX_COLUMNS))
            .map(|((_, c), text)| (*c, text.as_str()))
    }

    /// The rows holding something, top to bottom.
    pub(crate) fn rows(&self) -> BTreeSet<u32> {
        self.cells.keys().map(|(r, _)| *r).collect()
    }
}

/// Reads the sheet `name`, keeping at most `max_rows` rows that hold something.
pub(crate) fn read_sheet(
    book: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
    max_rows: usize,
) -> Result<SheetCells, calamine::XlsxError> {
    let mut sheet = SheetCells {
        name: name.to_owned(),
        ..SheetCells::default()
    };
    let mut rows = BTreeSet::new();
    let mut reader = book.worksheet_cells_reader(name)?;
    while let Some(cell) = reader.next_cell_with_formula_metadata()? {
        let (row, col) = cell.pos;
        if cell.formula.is_some() && sheet.formulas.len() < MAX_FORMULAS {
            sheet.formulas.push((row, col));
        }
        if col >= MAX_COLUMNS {
            continue;
        }
        let text = cell_text(&cell.value);
        if text.trim().is_empty() {
            continue;
        }
        if rows.insert(row) && rows.len() > max_rows {
            sheet.overflow_row = Some(row);
            break;
        }
        sheet.cells.insert((row, col), text);
    }
    Ok(sheet)
}
