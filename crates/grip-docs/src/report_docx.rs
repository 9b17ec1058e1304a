//! DOCX rendering of a `Report` with docx-rs, on the page setup, styles, header and footer of
//! the package export: numbered Heading 1 paragraphs for Word's navigation pane, tables with
//! a shaded header row, real bullet lists, notes as a shaded single-cell box.

use docx_rs::{
    AbstractNumbering, BorderType, Docx, IndentLevel, Level, LevelJc, LevelText, LineSpacing,
    NumberFormat, Numbering, NumberingId, Paragraph, Run, Shading, SpecialIndentType, Start, Table,
    TableBorder, TableBorderPosition, TableBorders, TableCell, TableCellMargins, TableRow,
    WidthType,
};

use crate::DocsError;
use crate::docx::{GREY, NAME_WIDTH, TEXT_WIDTH, field_row, lines, pack, styled_document};
use crate::report::{self, BlockView, FieldView, Report};

/// The numbering definition of bullet lists; docx-rs already defines 1 (decimal).
const BULLETS: usize = 2;
const RULE_COLOUR: &str = "AFAFAF";
const HEADER_FILL: &str = "D9E2F3";
const NOTE_FILL: &str = "F2F2F2";
const ACCENT: &str = "1F3864";

/// The report as a DOCX document in its language.
pub fn render_report_docx(report: &Report) -> Result<Vec<u8>, DocsError> {
    let view = report::build(report);
    let mut docx = styled_document(&view.label, view.page, view.of, view.footer.as_deref())
        .add_abstract_numbering(
            AbstractNumbering::new(BULLETS).add_level(
                Level::new(
                    0,
                    Start::new(1),
                    NumberFormat::new("bullet"),
                    LevelText::new("•"),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(360),
                    Some(SpecialIndentType::Hanging(360)),
                    None,
                    None,
                ),
            ),
        )
        .add_numbering(Numbering::new(BULLETS, BULLETS));
    docx = title_block(docx, &view);
    for block in &view.blocks {
        docx = add_block(docx, block);
    }
    pack(docx)
}

fn title_block(docx: Docx, view: &report::ReportView) -> Docx {
    let kind = Paragraph::new()
        .line_spacing(LineSpacing::new().before(240))
        .add_run(Run::new().add_text(&view.kind).size(24).color(GREY));
    let title = Paragraph::new()
        .style("Title")
        .line_spacing(LineSpacing::new().after(280))
        .add_run(Run::new().add_text(&view.title).size(40).color(ACCENT));
    let docx = docx.add_paragraph(kind).add_paragraph(title);
    if view.cover.is_empty() {
        docx
    } else {
        docx.add_table(fields_table(&view.cover))
            .add_paragraph(Paragraph::new())
    }
}

fn add_block(docx: Docx, block: &BlockView) -> Docx {
    match block {
        BlockView::Heading { number, text } => docx.add_paragraph(
            Paragraph::new()
                .style("Heading1")
                .keep_next(true)
                .add_run(Run::new().add_text(format!("{number}. {text}"))),
        ),
        BlockView::Paragraph { text } => docx.add_paragraph(
            lines(Paragraph::new(), text, |r| r).line_spacing(LineSpacing::new().after(120)),
        ),
        BlockView::Fields { fields } => docx
            .add_table(fields_table(fields))
            .add_paragraph(Paragraph::new()),
        BlockView::Table {
            widths,
            headers,
            rows,
        } => docx
            .add_table(data_table(widths, headers, rows))
            .add_paragraph(Paragraph::new()),
        BlockView::Bullets { items } => items.iter().fold(docx, |docx, item| {
            docx.add_paragraph(
                lines(Paragraph::new(), item, |r| r)
                    .numbering(NumberingId::new(BULLETS), IndentLevel::new(0))
                    .line_spacing(LineSpacing::new().after(60)),
            )
        }),
        BlockView::Note { text } => docx
            .add_paragraph(Paragraph::new())
            .add_table(note_box(text))
            .add_paragraph(Paragraph::new()),
    }
}

fn fields_table(fields: &[FieldView]) -> Table {
    let rows = fields
        .iter()
        .map(|field| field_row(&field.name, &field.values))
        .collect();
    Table::new(rows)
        .set_borders(horizontal_rules())
        .margins(padding(80, 0))
        .set_grid(vec![NAME_WIDTH, TEXT_WIDTH - NAME_WIDTH])
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// Cell padding in twentieths of a point: `vertical` above and below, `horizontal` at the sides.
fn padding(vertical: usize, horizontal: usize) -> TableCellMargins {
    TableCellMargins::new().margin(vertical, horizontal, vertical, horizontal)
}

/// Thin grey rules above, below and between rows; no vertical lines.
fn horizontal_rules() -> TableBorders {
    let rule = |position| {
        TableBorder::new(position)
            .border_type(BorderType::Single)
            .size(4)
            .color(RULE_COLOUR)
    };
    TableBorders::with_empty()
        .set(rule(TableBorderPosition::Top))
        .set(rule(TableBorderPosition::Bottom))
        .set(rule(TableBorderPosition::InsideH))
}

/// Column widths in twentieths of a point, in proportion to the view's relative widths.
fn column_widths(weights: &[u32]) -> Vec<usize> {
    let total: u64 = weights.iter().map(|&w| u64::from(w)).sum::<u64>().max(1);
    weights
        .iter()
        .map(|&w| {
            let width = u64::from(w) * TEXT_WIDTH as u64 / total;
            usize::try_from(width).unwrap_or(TEXT_WIDTH)
        })
        .collect()
}

fn data_table(weights: &[u32], headers: &[String], rows: &[Vec<String>]) -> Table {
    let widths = column_widths(weights);
    let small = |r: Run| r.size(18);
    let row = |cells: &[String], header: bool| {
        TableRow::new(
            cells
                .iter()
                .zip(&widths)
                .map(|(text, &width)| {
                    let cell = TableCell::new().width(width, WidthType::Dxa);
                    if header {
                        cell.shading(Shading::new().fill(HEADER_FILL))
                            .add_paragraph(lines(Paragraph::new(), text, |r| small(r).bold()))
                    } else {
                        cell.add_paragraph(lines(Paragraph::new(), text, small))
                    }
                })
                .collect(),
        )
    };
    let mut table_rows = Vec::with_capacity(rows.len() + 1);
    if !headers.is_empty() {
        table_rows.push(row(headers, true).cant_split());
    }
    table_rows.extend(rows.iter().map(|cells| row(cells, false)));
    Table::new(table_rows)
        .set_borders(horizontal_rules())
        .margins(padding(50, 100))
        .set_grid(widths)
        .width(TEXT_WIDTH, WidthType::Dxa)
}

fn note_box(text: &str) -> Table {
    let cell = TableCell::new()
        .width(TEXT_WIDTH, WidthType::Dxa)
        .shading(Shading::new().fill(NOTE_FILL))
        .add_paragraph(lines(Paragraph::new(), text, |r| r));
    let accent = TableBorder::new(TableBorderPosition::Left)
        .border_type(BorderType::Single)
        .size(24)
        .color(ACCENT);
    Table::new(vec![TableRow::new(vec![cell])])
        .set_borders(TableBorders::with_empty().set(accent))
        .margins(padding(140, 200))
        .set_grid(vec![TEXT_WIDTH])
        .width(TEXT_WIDTH, WidthType::Dxa)
}
