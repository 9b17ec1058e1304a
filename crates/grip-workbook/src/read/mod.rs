//! Reads a filled response workbook back, refusing it whole unless every check passes.
//!
//! Order matters for what a supplier is told: first whether the file is a workbook at all
//! (size, container, parser), then which sheets are missing, then every problem on the sheets
//! together.

mod answers;
mod package;
mod sheet;

use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

use calamine::{Reader, Xlsx};

use crate::container::{self, ContainerError};
use crate::layout;
use crate::{
    ImportErrors, ImportProblem, ImportedResponse, MAX_TABLE_ROWS, MAX_WORKBOOK_BYTES,
    WorkbookItem, WorkbookPackage,
};

/// The first bytes of an OLE compound file: an old `.xls`, or an `.xlsx` encrypted with a
/// password, which Excel wraps in one.
const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Reads the answers from a workbook made by [`crate::write_response_workbook`] for `pkg` and
/// filled in by a supplier. Returns every problem found, and nothing else, when there is any.
pub fn read_response_workbook(
    bytes: &[u8],
    pkg: &WorkbookPackage,
    items: &[WorkbookItem],
) -> Result<ImportedResponse, ImportErrors> {
    if bytes.len() > MAX_WORKBOOK_BYTES {
        return Err(ImportProblem::file(
            format!(
                "Het bestand is {} bytes; de grens is {} bytes (10 MiB).",
                bytes.len(),
                MAX_WORKBOOK_BYTES
            ),
            format!(
                "The file is {} bytes; the limit is {} bytes (10 MiB).",
                bytes.len(),
                MAX_WORKBOOK_BYTES
            ),
        )
        .into());
    }
    match container::check(bytes) {
        Ok(()) => {}
        Err(ContainerError::NotZip) if bytes.starts_with(&CFB_MAGIC) => {
            return Err(ImportProblem::file(
                "Dit is een oud Excel-bestand (.xls) of een werkmap met een wachtwoord. Sla het \
                 op als Excel-werkmap (.xlsx) zonder wachtwoord.",
                "This is an old Excel file (.xls) or a password-protected workbook. Save it as \
                 an Excel workbook (.xlsx) without a password.",
            )
            .into());
        }
        Err(ContainerError::NotZip) => return Err(not_a_workbook("no ZIP container").into()),
        Err(ContainerError::Expands { bytes }) => {
            return Err(ImportProblem::file(
                format!(
                    "Uitgepakt zou het bestand meer dan {} MiB worden; dat is geen ingevuld \
                     antwoordformulier.",
                    container::MAX_EXPANDED_BYTES / (1024 * 1024)
                ),
                format!(
                    "Unpacked, the file would grow to {bytes} bytes, above the limit of {} \
                     bytes; that is not a filled-in response workbook.",
                    container::MAX_EXPANDED_BYTES
                ),
            )
            .into());
        }
    }
    // A parser bug on hostile input must not take the server down; it is one more way of
    // not being a workbook.
    catch_unwind(AssertUnwindSafe(|| read_checked(bytes, pkg, items)))
        .unwrap_or_else(|_| Err(not_a_workbook("the XLSX reader failed on it").into()))
}

fn read_checked(
    bytes: &[u8],
    pkg: &WorkbookPackage,
    items: &[WorkbookItem],
) -> Result<ImportedResponse, ImportErrors> {
    let mut book: Xlsx<Cursor<&[u8]>> =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| not_a_workbook(&e.to_string()))?;

    let names = book.sheet_names();
    if names.is_empty() {
        return Err(not_a_workbook("it has no worksheets").into());
    }
    let mut problems = Vec::new();
    let mut found = Vec::new();
    for wanted in [layout::ANSWER_SHEET, layout::PACKAGE_SHEET] {
        // Excel treats sheet names without regard to case, so a supplier may too.
        match names.iter().find(|n| n.trim().eq_ignore_ascii_case(wanted)) {
            Some(name) => found.push(name.clone()),
            None => problems.push(missing_sheet(wanted, &names)),
        }
    }
    let [answer_sheet, package_sheet] = found.as_slice() else {
        return Err(ImportErrors { problems });
    };

    let meta = sheet::read_sheet(&mut book, package_sheet, layout::SEARCH_ROWS as usize)
        .map_err(|e| unreadable_sheet(package_sheet, &e))?;
    package::check(&meta, pkg, &mut problems);

    // The header block sits above the table; its rows count apart from the table's limit.
    let max_rows = MAX_TABLE_ROWS + layout::SEARCH_ROWS as usize;
    let answers = sheet::read_sheet(&mut book, answer_sheet, max_rows)
        .map_err(|e| unreadable_sheet(answer_sheet, &e))?;
    let merges = book
        .merge_cells_by_sheet_name(answer_sheet)
        .map_err(|e| unreadable_sheet(answer_sheet, &e))?;
    let response = answers::check(&answers, &merges, items, &mut problems);

    if problems.is_empty() {
        Ok(response)
    } else {
        Err(ImportErrors { problems })
    }
}

/// The file is not an XLSX workbook; `detail` (English, from the parser) helps support.
fn not_a_workbook(detail: &str) -> ImportProblem {
    ImportProblem::file(
        "Dit bestand is geen Excel-werkmap (.xlsx). Lever het antwoordformulier in zoals u het \
         kreeg, ingevuld en opgeslagen als .xlsx.",
        format!(
            "This file is not an Excel workbook (.xlsx) ({detail}). Hand in the response \
             workbook as you received it, filled in and saved as .xlsx."
        ),
    )
}

fn missing_sheet(wanted: &str, names: &[String]) -> ImportProblem {
    let present = names.join(", ");
    ImportProblem {
        sheet: Some(wanted.to_owned()),
        ..ImportProblem::file(
            format!(
                "Het blad „{wanted}\" ontbreekt (wel aanwezig: {present}). Gebruik het \
                 antwoordformulier zoals u het kreeg."
            ),
            format!(
                "The sheet \"{wanted}\" is missing (present: {present}). Use the response \
                 workbook as you received it."
            ),
        )
    }
}

fn unreadable_sheet(name: &str, error: &calamine::XlsxError) -> ImportProblem {
    ImportProblem::sheet(
        name,
        "Dit blad is niet te lezen; het bestand is beschadigd. Sla het opnieuw op als .xlsx.",
        format!(
            "This sheet cannot be read ({error}); the file is damaged. Save it again as .xlsx."
        ),
    )
}
