//! Checks the answer sheet: formulas, header row, merged cells, supplier name, and one row per
//! package item.

use std::collections::{HashMap, HashSet};

use calamine::Dimensions;

use super::sheet::SheetCells;
use crate::layout::{self, COLUMNS, cell_name, column_letter};
use crate::text::{forbidden_control, label_key, normalise};
use crate::{
    ImportProblem, ImportedResponse, MAX_ANSWER_CHARS, MAX_TABLE_ROWS, ResponseRow, WorkbookItem,
};

/// Longest supplier name accepted, in characters: a name, not a paragraph.
const MAX_NAME_CHARS: usize = 300;

pub(super) fn check(
    sheet: &SheetCells,
    merges: &[Dimensions],
    items: &[WorkbookItem],
    problems: &mut Vec<ImportProblem>,
) -> ImportedResponse {
    for (row, col) in &sheet.formulas {
        problems.push(formula_problem(&sheet.name, *row, *col));
    }
    let (header_row, columns) = header(sheet, problems);
    for merge in merges.iter().filter(|m| m.end.0 >= header_row) {
        let range = format!(
            "{}:{}",
            cell_name(merge.start.0, merge.start.1),
            cell_name(merge.end.0, merge.end.1)
        );
        problems.push(
            ImportProblem::sheet(
                &sheet.name,
                format!(
                    "De cellen {range} zijn samengevoegd. Maak het samenvoegen ongedaan: elk \
                     antwoord hoort in de eigen cel van zijn regel."
                ),
                format!(
                    "The cells {range} are merged. Unmerge them: each answer belongs in its own \
                     row's cell."
                ),
            )
            .at_row(merge.start.0)
            .at_column(merge.start.1),
        );
    }
    let supplier_name = supplier_name(sheet, header_row, problems);
    let rows = table_rows(sheet, header_row, &columns, items, problems);
    ImportedResponse {
        supplier_name,
        rows,
    }
}

pub(super) fn formula_problem(sheet: &str, row: u32, col: u32) -> ImportProblem {
    ImportProblem::sheet(
        sheet,
        "Deze cel bevat een formule. Vul tekst in, geen formules.",
        "This cell holds a formula. Enter text, not formulas.",
    )
    .at_row(row)
    .at_column(col)
}

/// Finds the header row (the row among the first ones naming most of the expected columns)
/// and each expected column's position in it.
fn header(sheet: &SheetCells, problems: &mut Vec<ImportProblem>) -> (u32, [Option<u32>; 6]) {
    let wanted: Vec<String> = COLUMNS.iter().map(|c| c.nl.to_lowercase()).collect();
    let matches = |row: u32| {
        sheet
            .row(row)
            .filter(|(_, text)| wanted.contains(&label_key(text)))
            .count()
    };
    let best = (0..layout::SEARCH_ROWS)
        .map(|row| (matches(row), row))
        .filter(|(count, _)| *count > 0)
        // Most matches wins; among equals the topmost, as the header comes first.
        .max_by_key(|(count, row)| (*count, std::cmp::Reverse(*row)));
    let header_row = best.map(|(_, row)| row).unwrap_or(layout::HEADER_ROW);

    let mut columns = [None; 6];
    for (col, text) in sheet.row(header_row) {
        let Some(i) = wanted.iter().position(|w| *w == label_key(text)) else {
            continue;
        };
        if columns[i].is_some() {
            let name = COLUMNS[i].nl;
            problems.push(
                ImportProblem::sheet(
                    &sheet.name,
                    format!("De kolom „{name}\" staat twee keer in de kopregel."),
                    format!("The column \"{name}\" appears twice in the header row."),
                )
                .at_row(header_row)
                .at_column(col),
            );
        } else {
            columns[i] = Some(col);
        }
    }
    for (i, column) in COLUMNS.iter().enumerate() {
        if columns[i].is_none() {
            problems.push(missing_column(sheet, header_row, i, column, &wanted));
        }
    }
    (header_row, columns)
}

/// Names the expected header and where it was looked for; points at the cell the layout puts
/// it in when that cell holds something else (a renamed header) or nothing (a cleared one).
fn missing_column(
    sheet: &SheetCells,
    header_row: u32,
    i: usize,
    column: &layout::Column,
    wanted: &[String],
) -> ImportProblem {
    let (name, row_1) = (column.nl, header_row + 1);
    let at = i as u32;
    let there = sheet.text(header_row, at).trim();
    let letter = column_letter(at);
    let (nl, en, point) = if there.is_empty() {
        (
            format!("in kolom {letter} staat niets"),
            format!("column {letter} is empty"),
            true,
        )
    } else if wanted.contains(&label_key(there)) {
        (
            "de kolommen zijn verschoven".to_owned(),
            "the columns have moved".to_owned(),
            false,
        )
    } else {
        let first = there.lines().next().unwrap_or("");
        (
            format!("in kolom {letter} staat „{first}\""),
            format!("column {letter} holds \"{first}\""),
            true,
        )
    };
    let problem = ImportProblem::sheet(
        &sheet.name,
        format!(
            "De verplichte kolom „{name}\" is niet gevonden in de kopregel (rij {row_1}); {nl}. \
             Herstel de kolomkop zoals in het formulier."
        ),
        format!(
            "The required column \"{name}\" was not found in the header row (row {row_1}); {en}. \
             Restore the column header as in the workbook."
        ),
    )
    .at_row(header_row);
    if point {
        problem.at_column(at)
    } else {
        problem
    }
}

/// The supplier's name: in column B next to the label, above the table.
fn supplier_name(sheet: &SheetCells, header_row: u32, problems: &mut Vec<ImportProblem>) -> String {
    let key = layout::SUPPLIER_LABEL_NL.to_lowercase();
    let label_row = (0..header_row).find(|&row| label_key(sheet.text(row, 0)) == key);
    let Some(row) = label_row else {
        problems.push(
            ImportProblem::sheet(
                &sheet.name,
                format!(
                    "Het veld „{}\" is niet gevonden boven de tabel.",
                    layout::SUPPLIER_LABEL_NL
                ),
                format!(
                    "The \"{}\" ({}) field was not found above the table.",
                    layout::SUPPLIER_LABEL_NL,
                    layout::SUPPLIER_LABEL_EN
                ),
            )
            .at_column(0),
        );
        return String::new();
    };
    let col = u32::from(layout::SUPPLIER_VALUE_COL);
    let name = normalise(sheet.text(row, col));
    let at = |p: ImportProblem| p.at_row(row).at_column(col);
    if name.is_empty() {
        problems.push(at(ImportProblem::sheet(
            &sheet.name,
            "Vul de naam van uw organisatie in.",
            "Fill in your organisation's name.",
        )));
    } else if name.chars().count() > MAX_NAME_CHARS || forbidden_control(&name).is_some() {
        problems.push(at(ImportProblem::sheet(
            &sheet.name,
            format!("De naam is langer dan {MAX_NAME_CHARS} tekens of bevat onzichtbare tekens."),
            format!("The name is longer than {MAX_NAME_CHARS} characters or holds invisible ones."),
        )));
    }
    name
}

/// One row per item: known ids, each once, every item present, answers within bounds.
fn table_rows(
    sheet: &SheetCells,
    header_row: u32,
    columns: &[Option<u32>; 6],
    items: &[WorkbookItem],
    problems: &mut Vec<ImportProblem>,
) -> Vec<ResponseRow> {
    let Some(id_col) = columns[layout::COL_ID] else {
        // Without item ids no row can be tied to a question; the missing column is reported.
        return Vec::new();
    };
    let table_cols: Vec<u32> = columns.iter().flatten().copied().collect();
    let known: HashSet<&str> = items.iter().map(|i| i.key.as_str()).collect();
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut rows = Vec::new();
    let mut count = 0usize;
    for row in sheet.rows().into_iter().filter(|r| *r > header_row) {
        if !table_cols
            .iter()
            .any(|c| !sheet.text(row, *c).trim().is_empty())
        {
            continue; // notes right of the table are not table rows
        }
        count += 1;
        if count > MAX_TABLE_ROWS {
            problems.push(too_many_rows(&sheet.name, row));
            return rows;
        }
        let problem = |nl: String, en: String, col: u32| {
            ImportProblem::sheet(&sheet.name, nl, en)
                .at_row(row)
                .at_column(col)
        };
        let key = normalise(sheet.text(row, id_col));
        if key.is_empty() {
            problems.push(problem(
                "Deze regel heeft geen item-id; zet het item-id terug of maak de regel leeg."
                    .to_owned(),
                "This row has no item id; put the item id back or clear the row.".to_owned(),
                id_col,
            ));
        } else if !known.contains(key.as_str()) {
            problems.push(problem(
                format!("Het item-id „{key}\" hoort niet bij deze pakketversie."),
                format!("The item id \"{key}\" is not part of this package version."),
                id_col,
            ));
        } else if let Some(first) = seen.get(&key) {
            let first_1 = first + 1;
            problems.push(problem(
                format!("Het item-id „{key}\" staat ook al in rij {first_1}."),
                format!("The item id \"{key}\" also appears in row {first_1}."),
                id_col,
            ));
        } else {
            seen.insert(key.clone(), row);
        }
        let mut field = |index: usize| -> String {
            let Some(col) = columns[index] else {
                return String::new();
            };
            let text = normalise(sheet.text(row, col));
            if let Some(p) = field_problem(&text) {
                problems.push(problem(p.0, p.1, col));
            }
            text
        };
        let answer = field(layout::COL_ANSWER);
        let documents = field(layout::COL_DOCUMENTS);
        rows.push(ResponseRow {
            row: row + 1,
            item_key: key,
            answer,
            documents,
        });
    }
    if let Some(row) = sheet.overflow_row {
        problems.push(too_many_rows(&sheet.name, row));
        return rows;
    }
    for item in items.iter().filter(|i| !seen.contains_key(&i.key)) {
        let key = &item.key;
        problems.push(
            ImportProblem::sheet(
                &sheet.name,
                format!("Het item „{key}\" ontbreekt in de tabel; zet de regel terug."),
                format!("The item \"{key}\" is missing from the table; put its row back."),
            )
            .at_column(id_col),
        );
    }
    rows
}

/// Why an answer or document reference cannot be taken, in Dutch and English.
fn field_problem(text: &str) -> Option<(String, String)> {
    let chars = text.chars().count();
    if chars > MAX_ANSWER_CHARS {
        return Some((
            format!("Deze tekst is {chars} tekens lang; ten hoogste {MAX_ANSWER_CHARS} mag."),
            format!(
                "This text is {chars} characters long; at most {MAX_ANSWER_CHARS} are allowed."
            ),
        ));
    }
    let c = forbidden_control(text)?;
    let code = u32::from(c);
    Some((
        format!(
            "Deze tekst bevat een onzichtbaar stuurteken (nummer {code}); verwijder het, \
             bijvoorbeeld door de tekst opnieuw te typen."
        ),
        format!("This text holds an invisible control character (U+{code:04X}); remove it."),
    ))
}

fn too_many_rows(sheet: &str, row: u32) -> ImportProblem {
    ImportProblem::sheet(
        sheet,
        format!(
            "De tabel heeft meer dan {MAX_TABLE_ROWS} regels; het formulier heeft er zoveel niet."
        ),
        format!("The table has more than {MAX_TABLE_ROWS} rows; the workbook never has that many."),
    )
    .at_row(row)
}
