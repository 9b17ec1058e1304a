//! Every way a workbook is refused names the sheet, row and column, and imports nothing.

use rust_xlsxwriter::Format;

use super::{answer_sheet, filled, item_row, items, pkg, read};
use crate::layout::{ANSWER_SHEET, COL_ANSWER, COL_DOCUMENTS, COL_ID, HEADER_ROW, PACKAGE_SHEET};
use crate::write::build;
use crate::*;

/// The problems of a refused workbook (failing the test when it was accepted).
fn refused(result: Result<ImportedResponse, ImportErrors>) -> Vec<ImportProblem> {
    match result {
        Ok(response) => panic!("accepted, expected a refusal: {response:?}"),
        Err(errors) => errors.problems,
    }
}

/// The one problem at (sheet, row, column) whose English text contains `text`.
fn find<'a>(
    problems: &'a [ImportProblem],
    sheet: &str,
    row: Option<u32>,
    column: Option<&str>,
    text: &str,
) -> &'a ImportProblem {
    let hits: Vec<&ImportProblem> = problems
        .iter()
        .filter(|p| {
            p.sheet.as_deref() == Some(sheet)
                && p.row == row
                && p.column.as_deref() == column
                && p.message_en.contains(text)
        })
        .collect();
    assert_eq!(hits.len(), 1, "looking for {text:?} in {problems:#?}");
    hits[0]
}

#[test]
fn a_renamed_column_is_named_with_its_cell() {
    let mut workbook = filled();
    answer_sheet(&mut workbook)
        .write_string(HEADER_ROW, COL_ANSWER as u16, "Answer text")
        .unwrap();
    let problems = refused(read(&mut workbook));
    let p = find(&problems, ANSWER_SHEET, Some(7), Some("E"), "\"Antwoord\"");
    assert!(p.message_en.contains("holds \"Answer text\""), "{p}");
    assert!(
        p.message_nl.contains("kolom E staat „Answer text\""),
        "{}",
        p.nl()
    );
}

#[test]
fn a_missing_column_is_named_where_it_was_looked_for() {
    let mut workbook = filled();
    answer_sheet(&mut workbook).clear_cell(HEADER_ROW, COL_DOCUMENTS as u16);
    let problems = refused(read(&mut workbook));
    let p = find(
        &problems,
        ANSWER_SHEET,
        Some(7),
        Some("F"),
        "\"Documentverwijzingen\" was not found in the header row (row 7)",
    );
    assert_eq!(
        p.to_string(),
        "Sheet Antwoorden, cell F7: The required column \"Documentverwijzingen\" was not found \
         in the header row (row 7); column F is empty. Restore the column header as in the \
         workbook."
    );
    assert_eq!(problems.len(), 1, "{problems:#?}");
}

#[test]
fn headers_match_on_their_dutch_line_without_regard_to_case_or_spaces() {
    let mut workbook = filled();
    answer_sheet(&mut workbook)
        .write_string(HEADER_ROW, COL_ANSWER as u16, "  ANTWOORD \nyour answer")
        .unwrap();
    assert!(read(&mut workbook).is_ok());
}

#[test]
fn answers_for_another_version_are_refused() {
    let mut other = pkg();
    other.version = 2;
    let mut workbook = build(&other, &items(), Some(&super::fill())).unwrap();
    let problems = refused(read(&mut workbook));
    let p = find(
        &problems,
        PACKAGE_SHEET,
        Some(5),
        Some("B"),
        "different package version",
    );
    assert!(p.message_en.contains("\"2\", expected \"3\""), "{p}");
    assert_eq!(problems.len(), 1, "{problems:#?}");
}

#[test]
fn answers_for_another_content_hash_are_refused() {
    let mut other = pkg();
    other.content_hash = "sha256:0000".to_owned();
    let mut workbook = build(&other, &items(), Some(&super::fill())).unwrap();
    let problems = refused(read(&mut workbook));
    find(
        &problems,
        PACKAGE_SHEET,
        Some(4),
        Some("B"),
        "different package version: the content hash",
    );
    assert_eq!(problems.len(), 1, "{problems:#?}");
}

#[test]
fn an_unknown_item_id_is_named_and_its_item_missed() {
    let mut workbook = filled();
    answer_sheet(&mut workbook)
        .write_string(item_row(1), COL_ID as u16, "x-onbekend")
        .unwrap();
    let problems = refused(read(&mut workbook));
    find(
        &problems,
        ANSWER_SHEET,
        Some(9),
        Some("A"),
        "\"x-onbekend\" is not part of this package version",
    );
    find(
        &problems,
        ANSWER_SHEET,
        None,
        Some("A"),
        "\"d-data-eer\" is missing",
    );
    assert_eq!(problems.len(), 2, "{problems:#?}");
}

#[test]
fn a_duplicated_item_id_names_both_rows() {
    let mut workbook = filled();
    answer_sheet(&mut workbook)
        .write_string(item_row(4), COL_ID as u16, "a-support")
        .unwrap();
    let problems = refused(read(&mut workbook));
    find(
        &problems,
        ANSWER_SHEET,
        Some(12),
        Some("A"),
        "\"a-support\" also appears in row 10",
    );
    find(
        &problems,
        ANSWER_SHEET,
        None,
        Some("A"),
        "\"i-references\" is missing",
    );
}

#[test]
fn a_missing_item_is_named() {
    let mut workbook = build(&pkg(), &items()[..4], Some(&super::fill())).unwrap();
    let problems = refused(read(&mut workbook));
    find(
        &problems,
        ANSWER_SHEET,
        None,
        Some("A"),
        "\"i-references\" is missing from the table",
    );
    assert_eq!(problems.len(), 1, "{problems:#?}");
}

#[test]
fn a_formula_cell_is_named() {
    let mut workbook = filled();
    answer_sheet(&mut workbook)
        .write_formula(item_row(1), COL_ANSWER as u16, "=1+1")
        .unwrap();
    let problems = refused(read(&mut workbook));
    let p = find(&problems, ANSWER_SHEET, Some(9), Some("E"), "formula");
    assert_eq!(
        p.nl(),
        "Blad Antwoorden, cel E9: Deze cel bevat een formule. Vul tekst in, geen formules."
    );
}

#[test]
fn merged_cells_in_the_table_are_named_by_range() {
    let mut workbook = filled();
    answer_sheet(&mut workbook)
        .merge_range(
            item_row(1),
            COL_ANSWER as u16,
            item_row(2),
            COL_DOCUMENTS as u16,
            "samen",
            &Format::new(),
        )
        .unwrap();
    let problems = refused(read(&mut workbook));
    find(
        &problems,
        ANSWER_SHEET,
        Some(9),
        Some("E"),
        "cells E9:F10 are merged",
    );
}

#[test]
fn too_long_answers_and_control_characters_are_named() {
    let mut workbook = filled();
    let sheet = answer_sheet(&mut workbook);
    let long = "a".repeat(MAX_ANSWER_CHARS + 1);
    sheet
        .write_string(item_row(0), COL_ANSWER as u16, &long)
        .unwrap();
    sheet
        .write_string(item_row(3), COL_DOCUMENTS as u16, "Bijlage\u{7}1")
        .unwrap();
    let problems = refused(read(&mut workbook));
    find(
        &problems,
        ANSWER_SHEET,
        Some(8),
        Some("E"),
        "20001 characters",
    );
    find(&problems, ANSWER_SHEET, Some(11), Some("F"), "U+0007");
    assert_eq!(problems.len(), 2, "{problems:#?}");
}

#[test]
fn more_than_the_row_limit_is_refused() {
    let mut workbook = filled();
    let sheet = answer_sheet(&mut workbook);
    for n in 0..MAX_TABLE_ROWS as u32 {
        sheet
            .write_string(item_row(5 + n), COL_ID as u16, format!("x-{n}"))
            .unwrap();
    }
    let problems = refused(read(&mut workbook));
    // Row 8 is the first table row, so the 2,001st is row 2,008.
    find(
        &problems,
        ANSWER_SHEET,
        Some(2008),
        None,
        "more than 2000 rows",
    );
}

#[test]
fn a_missing_sheet_is_named() {
    let mut workbook = filled();
    workbook
        .worksheet_from_name(PACKAGE_SHEET)
        .unwrap()
        .set_name("Gegevens")
        .unwrap();
    let problems = refused(read(&mut workbook));
    find(
        &problems,
        PACKAGE_SHEET,
        None,
        None,
        "sheet \"Pakket\" is missing",
    );
    assert_eq!(problems.len(), 1, "{problems:#?}");
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut other = pkg();
    other.version = 9;
    let mut workbook = build(&other, &items(), None).unwrap();
    let sheet = answer_sheet(&mut workbook);
    sheet
        .write_formula(item_row(0), COL_DOCUMENTS as u16, "=A1")
        .unwrap();
    sheet
        .write_string(item_row(2), COL_ID as u16, "x-onbekend")
        .unwrap();
    let problems = refused(read(&mut workbook));
    find(
        &problems,
        PACKAGE_SHEET,
        Some(5),
        Some("B"),
        "different package version",
    );
    find(&problems, ANSWER_SHEET, Some(8), Some("F"), "formula");
    find(
        &problems,
        ANSWER_SHEET,
        Some(10),
        Some("A"),
        "\"x-onbekend\"",
    );
    find(
        &problems,
        ANSWER_SHEET,
        None,
        Some("A"),
        "\"a-support\" is missing",
    );
    find(
        &problems,
        ANSWER_SHEET,
        Some(6),
        Some("B"),
        "organisation's name",
    );
    assert_eq!(problems.len(), 5, "{problems:#?}");
}

#[test]
fn dutch_and_english_lines_name_the_same_cell() {
    let mut workbook = filled();
    answer_sheet(&mut workbook)
        .write_string(item_row(1), COL_ID as u16, "x-onbekend")
        .unwrap();
    let errors = read(&mut workbook).unwrap_err();
    let nl = errors.nl();
    let en = errors.to_string();
    assert_eq!(nl.lines().count(), 2);
    assert_eq!(en.lines().count(), 2);
    assert!(
        nl.starts_with("Blad Antwoorden, cel A9: Het item-id „x-onbekend\""),
        "{nl}"
    );
    assert!(
        en.starts_with("Sheet Antwoorden, cell A9: The item id \"x-onbekend\""),
        "{en}"
    );
}
