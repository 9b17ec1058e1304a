//! Writes the blank response workbook for one frozen package version.
//!
//! Everything the supplier must not change is locked and the sheets are protected (without a
//! password: protection guards against slips, not against intent; the reader checks the rest).

use std::collections::{HashMap, HashSet};

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, Format, FormatAlign, FormatBorder,
    ProtectionOptions, Workbook, Worksheet,
};

use crate::layout::{self, COLUMNS, HEADER_ROW};
use crate::{
    ItemKind, MAX_ANSWER_CHARS, MAX_TABLE_ROWS, WorkbookError, WorkbookItem, WorkbookPackage,
};

/// Writes the workbook a supplier fills in: the package's items in package order, with empty
/// answer and document cells.
pub fn write_response_workbook(
    pkg: &WorkbookPackage,
    items: &[WorkbookItem],
) -> Result<Vec<u8>, WorkbookError> {
    let mut workbook = build(pkg, items, None)?;
    Ok(workbook.save_to_buffer()?)
}

/// The workbook as a supplier returns it, filled in: for the demo's workbook bid and for
/// round-trip tests, made from the very layout suppliers get.
pub fn write_filled_response_workbook(
    pkg: &WorkbookPackage,
    items: &[WorkbookItem],
    supplier_name: &str,
    answers: HashMap<String, (String, String)>,
) -> Result<Vec<u8>, WorkbookError> {
    let fill = Fill {
        supplier_name: supplier_name.to_string(),
        answers,
    };
    let mut workbook = build(pkg, items, Some(&fill))?;
    Ok(workbook.save_to_buffer()?)
}

/// Answers to write into the workbook, as a supplier would: lets tests produce a filled
/// workbook from the very layout suppliers get.
#[derive(Debug, Default)]
pub(crate) struct Fill {
    pub supplier_name: String,
    /// Item key → (answer, document references).
    pub answers: HashMap<String, (String, String)>,
}

/// Cell formats, made once.
struct Formats {
    title: Format,
    label: Format,
    value: Format,
    instructions: Format,
    instructions_en: Format,
    input: Format,
    header: Format,
    locked: Format,
    locked_knock_out: Format,
    kind_knock_out: Format,
    answer: Format,
}

impl Formats {
    fn new() -> Self {
        let cell = Format::new()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin);
        // Light red: knock-out rows stand out on screen and still read in greyscale print.
        let knock_out_fill = Color::RGB(0xF8D7DA);
        Self {
            title: Format::new().set_bold().set_font_size(14),
            label: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            value: Format::new().set_align(FormatAlign::Top),
            instructions: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            instructions_en: Format::new()
                .set_text_wrap()
                .set_italic()
                .set_align(FormatAlign::Top),
            input: Format::new()
                .set_unlocked()
                .set_align(FormatAlign::Top)
                .set_border(FormatBorder::Medium)
                .set_background_color(Color::RGB(0xFFF9DB)),
            header: cell
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(0xD9E1F2)),
            locked: cell.clone(),
            locked_knock_out: cell.clone().set_background_color(knock_out_fill),
            kind_knock_out: cell
                .clone()
                .set_bold()
                .set_font_color(Color::RGB(0x9C0006))
                .set_background_color(knock_out_fill),
            answer: cell
                .set_unlocked()
                .set_background_color(Color::RGB(0xFFF9DB)),
        }
    }
}

/// Builds the workbook; `fill` writes answers into it (tests only).
pub(crate) fn build(
    pkg: &WorkbookPackage,
    items: &[WorkbookItem],
    fill: Option<&Fill>,
) -> Result<Workbook, WorkbookError> {
    if items.len() > MAX_TABLE_ROWS {
        return Err(WorkbookError::TooManyItems {
            count: items.len(),
            max: MAX_TABLE_ROWS,
        });
    }
    let mut keys = HashSet::new();
    if let Some(item) = items.iter().find(|i| !keys.insert(i.key.as_str())) {
        return Err(WorkbookError::DuplicateItem(item.key.clone()));
    }
    let formats = Formats::new();
    let title = format!(
        "Antwoordformulier / Response workbook: {}",
        pkg.dossier_title
    );
    let mut workbook = layout::new_workbook(&title)?;
    let answers = workbook.add_worksheet();
    answers.set_name(layout::ANSWER_SHEET)?;
    write_header_block(answers, pkg, fill, &formats)?;
    write_table(answers, items, fill, &formats)?;

    let meta = workbook.add_worksheet();
    meta.set_name(layout::PACKAGE_SHEET)?;
    write_package_sheet(meta, pkg)?;
    Ok(workbook)
}

fn write_header_block(
    sheet: &mut Worksheet,
    pkg: &WorkbookPackage,
    fill: Option<&Fill>,
    f: &Formats,
) -> Result<(), WorkbookError> {
    let last_col = (COLUMNS.len() - 1) as u16;
    sheet.write_string_with_format(
        layout::ROW_TITLE,
        0,
        "Antwoordformulier / Response workbook",
        &f.title,
    )?;
    sheet.write_string_with_format(layout::ROW_DOSSIER, 0, "Dossier", &f.label)?;
    sheet.write_string_with_format(layout::ROW_DOSSIER, 1, &pkg.dossier_title, &f.value)?;
    sheet.write_string_with_format(
        layout::ROW_PACKAGE,
        0,
        layout::bilingual("Pakket", "Package"),
        &f.label,
    )?;
    let version = format!(
        "{id}, versie {v} / version {v}",
        id = pkg.package_id,
        v = pkg.version
    );
    sheet.write_string_with_format(layout::ROW_PACKAGE, 1, &version, &f.value)?;
    // Merged across the table's width (outside the table, where the reader allows merges) so
    // the instructions wrap over the full width instead of one narrow column.
    sheet.merge_range(
        layout::ROW_INSTRUCTIONS_NL,
        0,
        layout::ROW_INSTRUCTIONS_NL,
        last_col,
        layout::INSTRUCTIONS_NL,
        &f.instructions,
    )?;
    sheet.merge_range(
        layout::ROW_INSTRUCTIONS_EN,
        0,
        layout::ROW_INSTRUCTIONS_EN,
        last_col,
        layout::INSTRUCTIONS_EN,
        &f.instructions_en,
    )?;
    // Excel does not size rows of merged cells to their text.
    sheet.set_row_height(layout::ROW_INSTRUCTIONS_NL, 33)?;
    sheet.set_row_height(layout::ROW_INSTRUCTIONS_EN, 33)?;

    sheet.set_row_height(layout::ROW_PACKAGE, row_height(2))?;
    sheet.set_row_height(layout::ROW_SUPPLIER, row_height(2))?;
    let label = layout::bilingual(layout::SUPPLIER_LABEL_NL, layout::SUPPLIER_LABEL_EN);
    sheet.write_string_with_format(layout::ROW_SUPPLIER, 0, &label, &f.label)?;
    let name = fill.map(|f| f.supplier_name.as_str()).unwrap_or("");
    let col = layout::SUPPLIER_VALUE_COL;
    if name.is_empty() {
        sheet.write_blank(layout::ROW_SUPPLIER, col, &f.input)?;
    } else {
        sheet.write_string_with_format(layout::ROW_SUPPLIER, col, name, &f.input)?;
    }
    // The name cell is not merged: the label's neighbour is where the reader looks, and a
    // merge there would be one more thing a spreadsheet program could move.
    Ok(())
}

fn write_table(
    sheet: &mut Worksheet,
    items: &[WorkbookItem],
    fill: Option<&Fill>,
    f: &Formats,
) -> Result<(), WorkbookError> {
    for (col, column) in COLUMNS.iter().enumerate() {
        let col = col as u16;
        sheet.set_column_width(col, column.width)?;
        let header = layout::bilingual(column.nl, column.en);
        sheet.write_string_with_format(HEADER_ROW, col, &header, &f.header)?;
    }
    sheet.set_row_height(HEADER_ROW, row_height(2))?;
    for (i, item) in items.iter().enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        let knock_out = item.kind == ItemKind::KnockOut;
        let locked = if knock_out {
            &f.locked_knock_out
        } else {
            &f.locked
        };
        let (kind_nl, kind_en) = layout::kind_label(item.kind);
        let kind_format = if knock_out { &f.kind_knock_out } else { locked };
        let cells = [
            (layout::COL_ID, item.key.clone(), locked),
            (
                layout::COL_SECTION,
                layout::bilingual(&item.section_nl, &item.section_en),
                locked,
            ),
            (
                layout::COL_KIND,
                layout::bilingual(kind_nl, kind_en),
                kind_format,
            ),
            (layout::COL_TEXT, question_text(item), locked),
        ];
        let filled = fill.and_then(|fill| fill.answers.get(&item.key));
        let (answer, documents) = filled
            .map(|(a, d)| (a.as_str(), d.as_str()))
            .unwrap_or(("", ""));
        let mut lines = MIN_ITEM_LINES;
        for (col, text, format) in &cells {
            sheet.write_string_with_format(row, *col as u16, text, format)?;
            lines = lines.max(wrapped_lines(text, COLUMNS[*col].width));
        }
        lines = lines.max(wrapped_lines(answer, COLUMNS[layout::COL_ANSWER].width));
        sheet.set_row_height(row, row_height(lines))?;
        write_input(sheet, row, layout::COL_ANSWER as u16, answer, &f.answer)?;
        write_input(
            sheet,
            row,
            layout::COL_DOCUMENTS as u16,
            documents,
            &f.answer,
        )?;
    }
    if !items.is_empty() {
        let last_row = HEADER_ROW + items.len() as u32;
        let first = layout::COL_ANSWER as u16;
        let last = layout::COL_DOCUMENTS as u16;
        sheet.add_data_validation(HEADER_ROW + 1, first, last_row, last, &length_rule()?)?;
    }
    // The header block and the column headers stay in view while scrolling through items,
    // and a printout is as wide as a landscape page with the column headers on every page.
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    sheet.protect_with_options(&ProtectionOptions {
        // Suppliers may widen columns and heighten rows to read long answers.
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::new()
    });
    Ok(())
}

/// Room for a few lines of answer even when the question is short.
const MIN_ITEM_LINES: usize = 3;
/// Points per line of the default 11 pt font, and Excel's tallest row.
const LINE_POINTS: f64 = 15.0;
const MAX_ROW_POINTS: f64 = 409.0;

/// Row heights are set, not left to the spreadsheet program: LibreOffice does not fit rows
/// to wrapped text when it opens an XLSX, and would show each question cut to one line.
/// (Suppliers may still change them: the protection allows formatting rows.)
fn row_height(lines: usize) -> f64 {
    (lines as f64 * LINE_POINTS + 3.0).min(MAX_ROW_POINTS)
}

/// Lines a text takes when wrapped in a column `width` characters wide; an estimate, on the
/// generous side, as proportional letters are mostly narrower than Excel's width unit.
fn wrapped_lines(text: &str, width: f64) -> usize {
    let per_line = (width - 2.0).max(1.0) as usize;
    text.split('\n')
        .map(|line| line.chars().count().div_ceil(per_line).max(1))
        .sum()
}

/// Tells the supplier in the spreadsheet itself, before upload, that an answer is too long.
fn length_rule() -> Result<DataValidation, WorkbookError> {
    let max = MAX_ANSWER_CHARS as u32;
    Ok(DataValidation::new()
        .allow_text_length(DataValidationRule::LessThanOrEqualTo(max))
        .set_error_title("Te lang / Too long")?
        .set_error_message(
            "Een antwoord mag ten hoogste 20.000 tekens lang zijn. \
             / An answer may be at most 20,000 characters long.",
        )?)
}

/// The question in Dutch, a blank line, then in English: long texts stay apart.
fn question_text(item: &WorkbookItem) -> String {
    if item.text_en.trim().is_empty() || item.text_en == item.text_nl {
        item.text_nl.clone()
    } else {
        format!("{}\n\n{}", item.text_nl, item.text_en)
    }
}

fn write_input(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    format: &Format,
) -> Result<(), WorkbookError> {
    if text.is_empty() {
        sheet.write_blank(row, col, format)?;
    } else {
        sheet.write_string_with_format(row, col, text, format)?;
    }
    Ok(())
}

fn write_package_sheet(sheet: &mut Worksheet, pkg: &WorkbookPackage) -> Result<(), WorkbookError> {
    let bold = Format::new().set_bold();
    sheet.write_string_with_format(
        0,
        0,
        "Niet wijzigen: hiermee controleren wij dat de antwoorden bij deze pakketversie horen. \
         / Do not change: this tells us which package version the answers belong to.",
        &bold,
    )?;
    let rows = [
        (layout::META_FORMAT, layout::LAYOUT_FORMAT),
        (layout::META_PACKAGE_ID, pkg.package_id.as_str()),
        (layout::META_HASH, pkg.content_hash.as_str()),
    ];
    for (i, (label, value)) in rows.iter().enumerate() {
        let row = 1 + i as u32;
        sheet.write_string(row, 0, *label)?;
        sheet.write_string(row, 1, *value)?;
    }
    // Text, not a number: an i64 survives exactly, which a spreadsheet's f64 does not promise.
    let row = 1 + rows.len() as u32;
    sheet.write_string(row, 0, layout::META_VERSION)?;
    sheet.write_string(row, 1, pkg.version.to_string())?;
    sheet.set_column_width(0, 16)?;
    sheet.set_column_width(1, 80)?;
    sheet.protect();
    sheet.set_hidden(true);
    Ok(())
}
