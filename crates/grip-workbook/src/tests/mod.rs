//! Round trips through the very layout suppliers get: `write::build` with answers filled in,
//! changed here and there the way a supplier's spreadsheet program might change it.

mod refusals;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};

use crate::layout::{self, ANSWER_SHEET, COL_ANSWER, COL_DOCUMENTS, HEADER_ROW};
use crate::write::{Fill, build};
use crate::*;

pub(crate) fn pkg() -> WorkbookPackage {
    WorkbookPackage {
        dossier_title: "Slimme camera's voor de meldkamer — Politie".to_owned(),
        package_id: "pkg-0192".to_owned(),
        version: 3,
        content_hash: "sha256:9f2c4e1a".to_owned(),
    }
}

fn item(key: &str, kind: ItemKind, text_nl: &str) -> WorkbookItem {
    WorkbookItem {
        key: key.to_owned(),
        section_nl: "Openheid over AI".to_owned(),
        section_en: "AI transparency".to_owned(),
        text_nl: text_nl.to_owned(),
        text_en: format!("English text of {key}"),
        kind,
    }
}

pub(crate) fn items() -> Vec<WorkbookItem> {
    vec![
        item(
            "d-ai-present",
            ItemKind::KnockOut,
            "Bevat het product „AI-functies\"? Beschrijf ze volledig.",
        ),
        item(
            "d-data-eer",
            ItemKind::KnockOut,
            "Worden gegevens uitsluitend binnen de EER verwerkt?",
        ),
        item(
            "a-support",
            ItemKind::Award,
            "Beschrijf uw ondersteuning: één aanspreekpunt, reactietijden.",
        ),
        item(
            "a-privacy",
            ItemKind::Award,
            "Hoe beperkt u de verwerking van persoonsgegevens (coördinatie, ‘privacy by design’)?",
        ),
        item(
            "i-references",
            ItemKind::Information,
            "Noem twee referenties.",
        ),
    ]
}

/// Answers with the characters a Dutch supplier types: é, ë, „quotes", line breaks.
pub(crate) fn answers() -> Vec<(&'static str, &'static str, &'static str)> {
    vec![
        (
            "d-ai-present",
            "Ja: objectherkenning („detectie\") op het apparaat.\nGeen gezichtsherkenning.",
            "Bijlage 3, §2",
        ),
        (
            "d-data-eer",
            "Ja, uitsluitend in één datacentrum in Nederland.",
            "",
        ),
        (
            "a-support",
            "24/7 bereikbaar; reactie binnen één uur.",
            "SLA.pdf",
        ),
        (
            "a-privacy",
            "Coëfficiënten en beelden worden na 28 dagen gewist.",
            "DPIA v2",
        ),
        ("i-references", "", ""),
    ]
}

pub(crate) fn fill() -> Fill {
    Fill {
        supplier_name: "Beeldzorg Coöperatie B.V.".to_owned(),
        answers: answers()
            .into_iter()
            .map(|(k, a, d)| (k.to_owned(), (a.to_owned(), d.to_owned())))
            .collect(),
    }
}

/// The filled workbook, ready to be changed by a test.
pub(crate) fn filled() -> Workbook {
    build(&pkg(), &items(), Some(&fill())).unwrap()
}

pub(crate) fn answer_sheet(workbook: &mut Workbook) -> &mut Worksheet {
    workbook.worksheet_from_name(ANSWER_SHEET).unwrap()
}

/// 0-based sheet row of the `n`th item (0-based).
pub(crate) fn item_row(n: u32) -> u32 {
    HEADER_ROW + 1 + n
}

pub(crate) fn read(workbook: &mut Workbook) -> Result<ImportedResponse, ImportErrors> {
    let bytes = workbook.save_to_buffer().unwrap();
    read_response_workbook(&bytes, &pkg(), &items())
}

#[test]
fn a_filled_workbook_reads_back_every_answer_and_the_supplier() {
    let response = read(&mut filled()).unwrap();
    assert_eq!(response.supplier_name, "Beeldzorg Coöperatie B.V.");
    assert_eq!(response.rows.len(), 5);
    for (n, (row, (key, answer, documents))) in response.rows.iter().zip(answers()).enumerate() {
        assert_eq!(row.item_key, key);
        assert_eq!(row.answer, answer);
        assert_eq!(row.documents, documents);
        // Row 8 is the first item: the header block and the header row come first.
        assert_eq!(row.row, 8 + n as u32);
    }
}

#[test]
fn the_blank_workbook_reads_back_and_asks_only_for_the_supplier_name() {
    let bytes = write_response_workbook(&pkg(), &items()).unwrap();
    assert!(bytes.len() < MAX_WORKBOOK_BYTES);
    let errors = read_response_workbook(&bytes, &pkg(), &items()).unwrap_err();
    assert_eq!(errors.problems.len(), 1, "{errors}");
    let problem = &errors.problems[0];
    assert_eq!(problem.sheet.as_deref(), Some(ANSWER_SHEET));
    assert_eq!(problem.row, Some(layout::ROW_SUPPLIER + 1));
    assert_eq!(problem.column.as_deref(), Some("B"));
    assert!(problem.message_en.contains("organisation's name"));
}

#[test]
fn the_bytes_depend_on_the_content_only() {
    let first = write_response_workbook(&pkg(), &items()).unwrap();
    let mut book: calamine::Xlsx<_> =
        calamine::Reader::new(std::io::Cursor::new(first.as_slice())).unwrap();
    let properties = book.workbook_properties().unwrap();
    assert_eq!(properties.created.as_deref(), Some("1980-01-01T00:00:00Z"));
    assert_eq!(first, write_response_workbook(&pkg(), &items()).unwrap());
}

#[test]
fn numbers_booleans_and_dates_in_the_answer_column_read_as_text() {
    let mut workbook = filled();
    let sheet = answer_sheet(&mut workbook);
    let col = COL_ANSWER as u16;
    sheet.write_number(item_row(0), col, 42).unwrap();
    sheet.write_boolean(item_row(1), col, true).unwrap();
    let date = ExcelDateTime::from_ymd(2026, 3, 1).unwrap();
    let format = Format::new().set_num_format("dd-mm-yyyy");
    sheet
        .write_datetime_with_format(item_row(2), col, &date, &format)
        .unwrap();
    sheet.write_number(item_row(3), col, 2.5).unwrap();
    let rows = read(&mut workbook).unwrap().rows;
    let answers: Vec<&str> = rows.iter().map(|r| r.answer.as_str()).collect();
    assert_eq!(answers[..4], ["42", "TRUE", "2026-03-01", "2.5"]);
}

#[test]
fn answers_are_trimmed_and_windows_line_breaks_become_newlines() {
    let mut workbook = filled();
    let sheet = answer_sheet(&mut workbook);
    sheet
        .write_string(item_row(0), COL_ANSWER as u16, "  eerste\r\ntweede \n")
        .unwrap();
    sheet
        .write_string(item_row(0), COL_DOCUMENTS as u16, "\tBijlage 1\t")
        .unwrap();
    let rows = read(&mut workbook).unwrap().rows;
    assert_eq!(rows[0].answer, "eerste\ntweede");
    assert_eq!(rows[0].documents, "Bijlage 1");
}

#[test]
fn an_answer_of_exactly_the_limit_is_taken() {
    let mut workbook = filled();
    let long = "é".repeat(MAX_ANSWER_CHARS);
    answer_sheet(&mut workbook)
        .write_string(item_row(2), COL_ANSWER as u16, &long)
        .unwrap();
    let rows = read(&mut workbook).unwrap().rows;
    assert_eq!(rows[2].answer.chars().count(), MAX_ANSWER_CHARS);
}

#[test]
fn notes_right_of_the_table_are_not_rows() {
    let mut workbook = filled();
    answer_sheet(&mut workbook)
        .write_string(item_row(7), 9, "notitie")
        .unwrap();
    assert_eq!(read(&mut workbook).unwrap().rows.len(), 5);
}

#[test]
fn only_the_supplier_cells_are_unlocked_and_knock_outs_are_marked() {
    use calamine::{FillPattern, Reader, SheetVisible, Xlsx};

    let bytes = write_response_workbook(&pkg(), &items()).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let styles = book.worksheet_style(ANSWER_SHEET).unwrap();
    let locked = |row: u32, col: usize| {
        let style = styles.get((row, col as u32));
        // Excel locks a cell unless its style says otherwise.
        style
            .and_then(|s| s.protection.as_ref())
            .is_none_or(|p| p.locked)
    };
    let red = |row: u32| {
        let fill = styles.get((row, 0)).and_then(|s| s.fill.as_ref());
        let reddish = |f: &calamine::Fill| f.foreground_color.is_some_and(|c| c.red > c.green);
        fill.is_some_and(|f| f.pattern == FillPattern::Solid && reddish(f))
    };
    assert!(!locked(
        layout::ROW_SUPPLIER,
        layout::SUPPLIER_VALUE_COL as usize
    ));
    assert!(locked(layout::ROW_SUPPLIER, 0));
    for (n, item) in items().iter().enumerate() {
        let row = item_row(n as u32);
        for col in 0..layout::COLUMNS.len() {
            let open = col == COL_ANSWER || col == COL_DOCUMENTS;
            assert_eq!(locked(row, col), !open, "row {row}, column {col}");
        }
        assert_eq!(red(row), item.kind == ItemKind::KnockOut, "row {row}");
    }
    let package = book
        .sheets_metadata()
        .iter()
        .find(|s| s.name == layout::PACKAGE_SHEET)
        .unwrap();
    assert_eq!(package.visible, SheetVisible::Hidden);
    assert_eq!(book.sheet_names()[0], ANSWER_SHEET);
}

#[test]
fn a_package_the_reader_would_refuse_is_not_written() {
    let mut twice = items();
    twice[4].key = "a-support".to_owned();
    let error = write_response_workbook(&pkg(), &twice).unwrap_err();
    assert!(matches!(&error, WorkbookError::DuplicateItem(key) if key == "a-support"));
    let many: Vec<WorkbookItem> = (0..=MAX_TABLE_ROWS)
        .map(|n| item(&format!("i-{n}"), ItemKind::Information, "Vraag"))
        .collect();
    let error = write_response_workbook(&pkg(), &many).unwrap_err();
    assert!(
        error.to_string().contains("the package has 2001 items"),
        "{error}"
    );
    assert!(write_response_workbook(&pkg(), &many[..MAX_TABLE_ROWS]).is_ok());
}
