//! Plain tables to one XLSX, a sheet per table: the export format for bids, scores and the
//! evidence matrix, where a buyer wants to sort and filter in a spreadsheet.

use rust_xlsxwriter::{Format, FormatAlign};
use serde::{Deserialize, Serialize};

use crate::WorkbookError;

/// One table; becomes one sheet with `headers` on its first row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    /// The sheet's tab name: Excel allows at most 31 characters and none of `[]:*?/\`.
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// One cell of a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Cell {
    /// Always stored as text, even when it starts with `=`: an export never carries a formula.
    Text(String),
    /// Stored as a number so it sorts and sums; NaN and infinities become the text Excel
    /// shows for them, as Excel has no such numbers.
    Number(f64),
    Empty,
}

/// Widest a column grows to fit its content, in Excel's character units: wider than this,
/// text wraps instead.
const MAX_COLUMN_WIDTH: f64 = 60.0;

/// Writes the tables, in the order given, to one workbook.
pub fn write_tables(sheets: &[Sheet]) -> Result<Vec<u8>, WorkbookError> {
    if sheets.is_empty() {
        return Err(WorkbookError::NoSheets);
    }
    let header_format = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let text_format = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let mut workbook = crate::layout::new_workbook(&sheets[0].name)?;
    for table in sheets {
        let sheet = workbook.add_worksheet();
        sheet.set_name(&table.name)?;
        let mut widths: Vec<usize> = table.headers.iter().map(|h| text_width(h)).collect();
        for (col, header) in table.headers.iter().enumerate() {
            sheet.write_string_with_format(0, col_index(col)?, header, &header_format)?;
        }
        for (r, cells) in table.rows.iter().enumerate() {
            let row = u32::try_from(r + 1).map_err(|_| too_many("rows"))?;
            for (col, cell) in cells.iter().enumerate() {
                let c = col_index(col)?;
                let width = match cell {
                    Cell::Text(text) => {
                        sheet.write_string_with_format(row, c, text, &text_format)?;
                        text_width(text)
                    }
                    Cell::Number(n) => {
                        sheet.write_number(row, c, *n)?;
                        n.to_string().len()
                    }
                    Cell::Empty => 0,
                };
                if widths.len() <= col {
                    widths.resize(col + 1, 0);
                }
                widths[col] = widths[col].max(width);
            }
        }
        for (col, width) in widths.iter().enumerate() {
            let width = (*width as f64 + 2.0).clamp(8.0, MAX_COLUMN_WIDTH);
            sheet.set_column_width(col_index(col)?, width)?;
        }
        if !table.headers.is_empty() {
            // Headers stay in view and can filter, which is what a buyer does with an export.
            sheet.set_freeze_panes(1, 0)?;
            let last_row = u32::try_from(table.rows.len()).map_err(|_| too_many("rows"))?;
            sheet.autofilter(0, 0, last_row, col_index(table.headers.len() - 1)?)?;
        }
    }
    Ok(workbook.save_to_buffer()?)
}

/// The width a text asks for: its longest line, in characters.
fn text_width(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

fn col_index(col: usize) -> Result<u16, WorkbookError> {
    u16::try_from(col).map_err(|_| too_many("columns"))
}

fn too_many(what: &str) -> WorkbookError {
    WorkbookError::Xlsx(format!("too many {what} for a worksheet"))
}
