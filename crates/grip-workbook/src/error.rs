//! Errors of writing, and the problems found when reading a supplier's workbook.
//!
//! Reading collects every problem rather than stopping at the first, so a supplier can fix the
//! workbook in one go; each problem names the sheet, row and column a person has to look at.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Why a workbook could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WorkbookError {
    /// The XLSX library refused the content (a sheet name Excel does not allow, a cell text
    /// above Excel's 32,767 characters, too many rows).
    #[error("Excel-werkmap maken mislukt / writing the XLSX workbook failed: {0}")]
    Xlsx(String),
    /// An XLSX file needs at least one sheet.
    #[error("geen tabellen om te schrijven / no tables to write")]
    NoSheets,
    /// More items than a response workbook may hold: the filled workbook could never be read.
    #[error(
        "het pakket heeft {count} items, meer dan de {max} die een antwoordformulier kan \
         bevatten / the package has {count} items, more than the {max} a response workbook can hold"
    )]
    TooManyItems { count: usize, max: usize },
    /// Two items share a key: their answers could not be told apart.
    #[error(
        "item-id „{0}\" komt twee keer voor in het pakket / item id \"{0}\" occurs twice in the package"
    )]
    DuplicateItem(String),
}

impl From<rust_xlsxwriter::XlsxError> for WorkbookError {
    fn from(error: rust_xlsxwriter::XlsxError) -> Self {
        WorkbookError::Xlsx(error.to_string())
    }
}

/// One thing wrong with an uploaded workbook, in Dutch and in English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportProblem {
    /// The sheet the problem is on; `None` when the file as a whole is wrong.
    pub sheet: Option<String>,
    /// 1-based spreadsheet row, set whenever the problem is in a row or cell.
    pub row: Option<u32>,
    /// Column letter (`"D"`), set whenever the problem is in a column or cell.
    pub column: Option<String>,
    pub message_nl: String,
    pub message_en: String,
}

impl ImportProblem {
    /// A problem with the file as a whole.
    pub(crate) fn file(nl: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            sheet: None,
            row: None,
            column: None,
            message_nl: nl.into(),
            message_en: en.into(),
        }
    }

    /// A problem on a sheet; narrow it with [`Self::at_row`] and [`Self::at_column`].
    pub(crate) fn sheet(sheet: &str, nl: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            sheet: Some(sheet.to_owned()),
            ..Self::file(nl, en)
        }
    }

    /// Takes a 0-based row index, as calamine and rust_xlsxwriter count.
    pub(crate) fn at_row(mut self, row0: u32) -> Self {
        self.row = Some(row0.saturating_add(1));
        self
    }

    /// Takes a 0-based column index.
    pub(crate) fn at_column(mut self, col0: u32) -> Self {
        self.column = Some(crate::layout::column_letter(col0));
        self
    }

    /// The Dutch line, with where to look.
    pub fn nl(&self) -> String {
        let place = place(self, "Blad", "cel", "rij", "kolom");
        format!("{place}{}", self.message_nl)
    }
}

/// Formats "Sheet X, cell D12: " (or row/column alone) in either language.
fn place(p: &ImportProblem, sheet: &str, cell: &str, row: &str, column: &str) -> String {
    let mut out = String::new();
    if let Some(name) = &p.sheet {
        out.push_str(&format!("{sheet} {name}"));
    }
    let at = match (&p.column, p.row) {
        (Some(c), Some(r)) => Some(format!("{cell} {c}{r}")),
        (None, Some(r)) => Some(format!("{row} {r}")),
        (Some(c), None) => Some(format!("{column} {c}")),
        (None, None) => None,
    };
    if let Some(at) = at {
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(&at);
    }
    if !out.is_empty() {
        out.push_str(": ");
    }
    out
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = place(self, "Sheet", "cell", "row", "column");
        write!(f, "{place}{}", self.message_en)
    }
}

/// Every problem found in an uploaded workbook; when there is one, nothing is imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportErrors {
    pub problems: Vec<ImportProblem>,
}

impl ImportErrors {
    /// The Dutch text: one line per problem.
    pub fn nl(&self) -> String {
        let lines: Vec<String> = self.problems.iter().map(ImportProblem::nl).collect();
        lines.join("\n")
    }
}

impl From<ImportProblem> for ImportErrors {
    fn from(problem: ImportProblem) -> Self {
        Self {
            problems: vec![problem],
        }
    }
}

impl fmt::Display for ImportErrors {
    /// The English text: one line per problem.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ImportErrors {}
