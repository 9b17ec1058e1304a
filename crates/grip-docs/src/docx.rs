//! DOCX export of a `TenderPackage` with docx-rs: a cover page, Heading 1/2 styles so Word's
//! navigation pane works, numbered items with their marking and reasons, the award criteria
//! as a table, and the classification label in the header and footer of every page.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, Header, LineSpacing, NumPages, PageMargin, PageNum,
    Paragraph, Run, RunFonts, Shading, SpecialIndentType, Style, StyleType, Tab, TabValueType,
    Table, TableCell, TableRow, WidthType,
};
use grip_knowledge::Lang;
use grip_knowledge::tender::TenderPackage;

use crate::view::{self, DocView, Field, ItemView, SectionView};
use crate::{CoverInfo, DocsError};

/// A4 in twentieths of a point, and the text width left by 2 cm margins.
const PAGE_WIDTH: u32 = 11_906;
const PAGE_HEIGHT: u32 = 16_838;
const MARGIN: i32 = 1_134;
pub(crate) const TEXT_WIDTH: usize = 9_638;
/// Width of the name column of a name/value table.
pub(crate) const NAME_WIDTH: usize = 2_800;
/// Indent of an item's body, so numbers stand out in their own column.
const INDENT: i32 = 680;

pub(crate) const GREY: &str = "595959";
const LABEL_COLOUR: &str = "8B0000";

/// The package as a DOCX document in `lang`.
pub fn render_docx(
    package: &TenderPackage,
    lang: Lang,
    cover: &CoverInfo,
) -> Result<Vec<u8>, DocsError> {
    let view = view::build(package, lang, cover);
    let mut docx = styled_document(&view.label, view.page, view.of, None);
    docx = add_cover(docx, &view);
    for section in &view.sections {
        docx = add_section(docx, section, &view);
    }
    pack(docx)
}

pub(crate) fn pack(docx: Docx) -> Result<Vec<u8>, DocsError> {
    let mut out = Cursor::new(Vec::new());
    docx.pack(&mut out)
        .map_err(|e| DocsError::Docx(e.to_string()))?;
    Ok(out.into_inner())
}

/// An A4 document with the shared styles, `label` in the header and the footer, "page x of
/// y" in the footer, and `note` in small print above the footer line, if any.
pub(crate) fn styled_document(label: &str, page: &str, of: &str, note: Option<&str>) -> Docx {
    let mut footer = Footer::new();
    if let Some(note) = note {
        footer = footer.add_paragraph(
            Paragraph::new()
                .line_spacing(LineSpacing::new().after(60))
                .add_run(Run::new().add_text(note).size(15).color(GREY)),
        );
    }
    Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(PageMargin {
            top: MARGIN + 280,
            left: MARGIN,
            bottom: MARGIN + 280,
            right: MARGIN,
            header: 567,
            footer: 567,
            gutter: 0,
        })
        .default_fonts(
            RunFonts::new()
                .ascii("Calibri")
                .hi_ansi("Calibri")
                .cs("Calibri"),
        )
        .default_size(21)
        .add_style(heading_style("Heading1", "heading 1", 32, 0))
        .add_style(heading_style("Heading2", "heading 2", 24, 1))
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .size(48)
                .bold(),
        )
        .header(Header::new().add_paragraph(label_paragraph(label).align(AlignmentType::Right)))
        .footer(footer.add_paragraph(footer_paragraph(label, page, of)))
}

/// Word and LibreOffice recognise the built-in names "heading N" for navigation and outlines.
fn heading_style(id: &str, name: &str, size: usize, level: usize) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .next("Normal")
        .size(size)
        .bold()
        .color("1F3864")
        .outline_lvl(level)
        .line_spacing(LineSpacing::new().before(240).after(120))
}

fn label_paragraph(label: &str) -> Paragraph {
    Paragraph::new().add_run(
        Run::new()
            .add_text(label)
            .bold()
            .size(18)
            .color(LABEL_COLOUR),
    )
}

/// Label on the left, "Pagina X van Y" on the right, on one line via a right tab stop.
fn footer_paragraph(label: &str, page: &str, of: &str) -> Paragraph {
    let small = |text: String| Run::new().add_text(text).size(18);
    label_paragraph(label)
        .add_tab(Tab::new().val(TabValueType::Right).pos(TEXT_WIDTH))
        .add_run(Run::new().add_tab())
        .add_run(small(format!("{page} ")))
        .add_page_num(PageNum::new())
        .add_run(small(format!(" {of} ")))
        .add_num_pages(NumPages::new())
}

fn add_cover(docx: Docx, view: &DocView) -> Docx {
    let spacer = Paragraph::new().line_spacing(LineSpacing::new().before(2400));
    let kind = Paragraph::new().add_run(Run::new().add_text(view.document).size(28).color(GREY));
    let title = Paragraph::new()
        .style("Title")
        .add_run(Run::new().add_text(&view.title));
    let rows = view
        .cover
        .iter()
        .map(|field| field_row(field.name, &field.values))
        .collect();
    let table = Table::without_borders(rows).set_grid(vec![NAME_WIDTH, TEXT_WIDTH - NAME_WIDTH]);
    let page_break = Paragraph::new().add_run(Run::new().add_break(BreakType::Page));
    docx.add_paragraph(spacer)
        .add_paragraph(kind)
        .add_paragraph(title)
        .add_table(table)
        .add_paragraph(page_break)
}

/// A bold name and its values, one per line: a row of a borderless name/value table.
pub(crate) fn field_row(name: &str, values: &[String]) -> TableRow {
    let name = Paragraph::new().add_run(Run::new().add_text(name).bold());
    TableRow::new(vec![
        TableCell::new()
            .add_paragraph(name)
            .width(NAME_WIDTH, WidthType::Dxa),
        TableCell::new()
            .add_paragraph(lines(Paragraph::new(), &values.join("\n"), |r| r))
            .width(TEXT_WIDTH - NAME_WIDTH, WidthType::Dxa),
    ])
}

/// Adds `text` as runs, turning newlines into line breaks (a newline in `w:t` is a space).
pub(crate) fn lines(mut paragraph: Paragraph, text: &str, style: impl Fn(Run) -> Run) -> Paragraph {
    for (index, line) in text.split('\n').enumerate() {
        let mut run = style(Run::new());
        if index > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        paragraph = paragraph.add_run(run.add_text(line));
    }
    paragraph
}

fn add_section(mut docx: Docx, section: &SectionView, view: &DocView) -> Docx {
    let heading = format!("{}. {}", section.number, section.title);
    docx = docx.add_paragraph(
        Paragraph::new()
            .style("Heading1")
            .add_run(Run::new().add_text(heading)),
    );
    if let Some(empty) = section.empty {
        return docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(empty).italic()));
    }
    if section.award {
        return docx.add_table(award_table(section, view));
    }
    for item in &section.items {
        for paragraph in item_paragraphs(item) {
            docx = docx.add_paragraph(paragraph);
        }
    }
    docx
}

/// Titled items (scenarios, requirements, clauses) get a Heading 2 so they appear in the
/// navigation pane; untitled questions are numbered paragraphs, which keeps it readable.
fn item_paragraphs(item: &ItemView) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let body_indent = |p: Paragraph| p.indent(Some(INDENT), None, None, None);
    if let Some(title) = &item.title {
        out.push(
            Paragraph::new()
                .style("Heading2")
                .keep_next(true)
                .add_run(Run::new().add_text(format!("{}\t{title}", item.number)))
                .indent(
                    Some(INDENT),
                    Some(SpecialIndentType::Hanging(INDENT)),
                    None,
                    None,
                ),
        );
        out.push(lines(body_indent(Paragraph::new()), &item.text, |r| r));
    } else {
        let numbered = Paragraph::new()
            .line_spacing(LineSpacing::new().before(160))
            .indent(
                Some(INDENT),
                Some(SpecialIndentType::Hanging(INDENT)),
                None,
                None,
            )
            .add_run(Run::new().add_text(&item.number).bold())
            .add_run(Run::new().add_tab());
        out.push(lines(numbered, &item.text, |r| r));
    }
    out.push(body_indent(marking(item)));
    for note in &item.notes {
        out.push(body_indent(note_paragraph(note)));
    }
    out
}

fn marking(item: &ItemView) -> Paragraph {
    let colour = match item.use_kind {
        "knock_out" => "C00000",
        "award" => "1F5FA8",
        _ => GREY,
    };
    Paragraph::new()
        .line_spacing(LineSpacing::new().before(40))
        .add_run(
            Run::new()
                .add_text(format!("[{}]", item.use_label))
                .bold()
                .size(18)
                .color(colour),
        )
}

/// Reasons and sources are context for reviewers, so they are smaller and grey.
fn note_paragraph(note: &Field) -> Paragraph {
    let grey = |r: Run| r.size(18).color(GREY);
    let name = grey(Run::new().add_text(format!("{}: ", note.name))).bold();
    lines(
        Paragraph::new().add_run(name),
        &note.values.join("\n"),
        grey,
    )
}

fn award_table(section: &SectionView, view: &DocView) -> Table {
    let widths = [TEXT_WIDTH - 2_600, 1_600, 1_000];
    let header = TableRow::new(
        view.columns
            .iter()
            .zip(widths)
            .map(|(name, width)| {
                TableCell::new()
                    .shading(Shading::new().fill("D9E2F3"))
                    .width(width, WidthType::Dxa)
                    .add_paragraph(Paragraph::new().add_run(Run::new().add_text(*name).bold()))
            })
            .collect(),
    );
    let mut rows = vec![header];
    rows.extend(section.items.iter().map(|item| award_row(item, widths)));
    Table::new(rows)
        .set_grid(widths.to_vec())
        .width(TEXT_WIDTH, WidthType::Dxa)
}

fn award_row(item: &ItemView, widths: [usize; 3]) -> TableRow {
    let heading = format!(
        "{} {}",
        item.number,
        item.title.as_deref().unwrap_or_default()
    );
    let mut criterion = TableCell::new()
        .width(widths[0], WidthType::Dxa)
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text(heading.trim_end()).bold()))
        .add_paragraph(lines(Paragraph::new(), &item.text, |r| r));
    for note in &item.notes {
        criterion = criterion.add_paragraph(note_paragraph(note));
    }
    let plain = |text: &str, width: usize, align: AlignmentType| {
        TableCell::new().width(width, WidthType::Dxa).add_paragraph(
            Paragraph::new()
                .align(align)
                .add_run(Run::new().add_text(text)),
        )
    };
    TableRow::new(vec![
        criterion,
        plain(&item.group, widths[1], AlignmentType::Left),
        plain(&item.weight, widths[2], AlignmentType::Right),
    ])
    .cant_split()
}
