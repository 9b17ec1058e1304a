//! A generic report: a titled document of headings, paragraphs, field lists, tables, bullets
//! and boxed notes, for decision records and award letters that other code composes. It is
//! rendered as PDF (`render_report_pdf`) and DOCX (`render_report_docx`) from one view, so
//! both formats number headings alike and drop the same characters; the PDF template gets
//! the view as JSON data, never as markup.

use grip_knowledge::Lang;
use serde::Serialize;

use crate::view::clean;
use crate::vocab::{lang_code, words};

/// A document with a title block, a classification label on every page and free content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub lang: Lang,
    /// Data classification label, printed on every page (top and bottom), e.g. "Politie Vertrouwelijk".
    pub label: String,
    /// What kind of document this is, shown above the title, e.g. "Besluit" / "Gunningsbeslissing" / "Decision record".
    pub kind: String,
    pub title: String,
    /// Named fields on the first page under the title (name, one or more values).
    pub cover: Vec<ReportField>,
    pub blocks: Vec<Block>,
    /// A line printed small in the footer of every page (e.g. "Vingerafdruk sha256:…" of a sealed record), if any.
    pub footer: Option<String>,
}

/// A name with one or more values, each shown on its own line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportField {
    pub name: String,
    pub values: Vec<String>,
}

/// One piece of a report's body, laid out in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A section heading, numbered automatically 1, 2, 3 … in the output.
    Heading(String),
    /// Running text; line breaks (`\n`) are kept.
    Paragraph(String),
    /// A two-column name/value list.
    Fields(Vec<ReportField>),
    /// A table whose header row is repeated on page breaks (PDF); cells wrap. Rows shorter
    /// than the widest row are padded with empty cells.
    Table {
        headers: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    Bullets(Vec<String>),
    /// A boxed note, e.g. a warning or the standstill period.
    Note(String),
}

/// The report cleaned, numbered and with its fixed words, as both renderers lay it out.
#[derive(Debug, Serialize)]
pub(crate) struct ReportView {
    /// ISO 639-1 code, so hyphenation and quotes follow the language.
    pub lang: &'static str,
    pub label: String,
    pub kind: String,
    pub title: String,
    pub cover: Vec<FieldView>,
    pub blocks: Vec<BlockView>,
    pub footer: Option<String>,
    pub page: &'static str,
    pub of: &'static str,
}

#[derive(Debug, Serialize)]
pub(crate) struct FieldView {
    pub name: String,
    pub values: Vec<String>,
}

#[derive(Debug, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub(crate) enum BlockView {
    Heading {
        number: String,
        text: String,
    },
    Paragraph {
        text: String,
    },
    Fields {
        fields: Vec<FieldView>,
    },
    Table {
        /// Relative column widths, from the length of what each column holds.
        widths: Vec<u32>,
        /// Empty when the table has no header row.
        headers: Vec<String>,
        /// Every row has `widths.len()` cells.
        rows: Vec<Vec<String>>,
    },
    Bullets {
        items: Vec<String>,
    },
    Note {
        text: String,
    },
}

pub(crate) fn build(report: &Report) -> ReportView {
    let w = words(report.lang);
    let mut heading = 0;
    let blocks = report
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Heading(text) => {
                heading += 1;
                Some(BlockView::Heading {
                    number: heading.to_string(),
                    text: one_line(text),
                })
            }
            Block::Paragraph(text) => Some(BlockView::Paragraph { text: clean(text) }),
            Block::Fields(fields) => Some(BlockView::Fields {
                fields: fields.iter().map(field).collect(),
            }),
            Block::Table { headers, rows } => table(headers, rows),
            Block::Bullets(items) => (!items.is_empty()).then(|| BlockView::Bullets {
                items: items.iter().map(|item| clean(item)).collect(),
            }),
            Block::Note(text) => Some(BlockView::Note { text: clean(text) }),
        })
        .collect();
    ReportView {
        lang: lang_code(report.lang),
        label: one_line(&report.label),
        kind: one_line(&report.kind),
        title: one_line(&report.title),
        cover: report.cover.iter().map(field).collect(),
        blocks,
        footer: report
            .footer
            .as_deref()
            .map(one_line)
            .filter(|f| !f.is_empty()),
        page: w.page,
        of: w.of,
    }
}

fn field(field: &ReportField) -> FieldView {
    FieldView {
        name: one_line(&field.name),
        values: field.values.iter().map(|v| clean(v)).collect(),
    }
}

/// Labels, titles and names sit on one line: line breaks and tabs become spaces.
fn one_line(text: &str) -> String {
    clean(text)
        .split(['\n', '\t'])
        .collect::<Vec<_>>()
        .join(" ")
        .trim()
        .to_string()
}

/// Column sizing works in characters of table text: about this many fit across the page.
const LINE: f64 = 110.0;
/// A cell's inset on either side, in characters.
const INSET: f64 = 2.0;
/// Bold header text is about this much wider than cell text.
const BOLD: f64 = 1.1;
/// Longer words and lines count as this long: they break or wrap anyway.
const LONGEST_WORD: f64 = 24.0;
const LONGEST_LINE: f64 = 60.0;

fn table(headers: &[String], rows: &[Vec<String>]) -> Option<BlockView> {
    let columns = rows
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0)
        .max(headers.len());
    if columns == 0 {
        return None;
    }
    let pad = |cells: &[String]| -> Vec<String> {
        let mut out: Vec<String> = cells.iter().map(|c| clean(c)).collect();
        out.resize(columns, String::new());
        out
    };
    let headers = if headers.is_empty() {
        Vec::new()
    } else {
        pad(headers)
    };
    let rows: Vec<Vec<String>> = rows.iter().map(|row| pad(row)).collect();
    let widths = column_widths(&headers, &rows, columns);
    Some(BlockView::Table {
        widths,
        headers,
        rows,
    })
}

/// Relative column widths as a browser sizes an automatic table: every column gets at least
/// its longest word, at most its longest line, and the room between is shared out in
/// proportion to what each column would still like to have.
fn column_widths(headers: &[String], rows: &[Vec<String>], columns: usize) -> Vec<u32> {
    let measure = |column: usize, of: fn(&str) -> usize, cap: f64| {
        let header = headers.get(column).map_or(0.0, |h| of(h) as f64 * BOLD);
        let cells = rows.iter().map(|row| of(&row[column])).max().unwrap_or(0) as f64;
        header.max(cells).min(cap) + 2.0 * INSET
    };
    let least: Vec<f64> = (0..columns)
        .map(|c| measure(c, longest_word, LONGEST_WORD))
        .collect();
    let most: Vec<f64> = (0..columns)
        .map(|c| measure(c, longest_line, LONGEST_LINE))
        .collect::<Vec<_>>()
        .iter()
        .zip(&least)
        .map(|(most, least)| most.max(*least))
        .collect();
    let (sum_least, sum_most) = (least.iter().sum::<f64>(), most.iter().sum::<f64>());
    let share = if sum_most <= LINE {
        1.0
    } else if sum_least >= LINE {
        0.0
    } else {
        (LINE - sum_least) / (sum_most - sum_least)
    };
    least
        .iter()
        .zip(&most)
        // Tenths of a character, so rounding does not flatten narrow columns.
        .map(|(least, most)| ((least + (most - least) * share) * 10.0).round() as u32)
        .collect()
}

fn longest_word(text: &str) -> usize {
    text.split_whitespace()
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0)
}

fn longest_line(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(blocks: Vec<Block>) -> Report {
        Report {
            lang: Lang::Nl,
            label: "Politie\nVertrouwelijk\u{7}".into(),
            kind: "Besluit".into(),
            title: " Titel ".into(),
            cover: vec![],
            blocks,
            footer: Some("  ".into()),
        }
    }

    #[test]
    fn headings_are_numbered_and_single_line_text_flattened() {
        let view = build(&report(vec![
            Block::Heading("Een".into()),
            Block::Paragraph("a\nb\u{0}".into()),
            Block::Heading("Twee\nregels".into()),
        ]));
        assert_eq!(view.label, "Politie Vertrouwelijk");
        assert_eq!(view.title, "Titel");
        assert_eq!(view.footer, None);
        let json = serde_json::to_value(&view.blocks).unwrap();
        assert_eq!(json[0]["number"], "1");
        assert_eq!(json[1]["text"], "a\nb");
        assert_eq!(json[2]["number"], "2");
        assert_eq!(json[2]["text"], "Twee regels");
    }

    #[test]
    fn tables_are_padded_sized_and_empty_ones_dropped() {
        let view = build(&report(vec![
            Block::Table {
                headers: vec!["Nr".into(), "Omschrijving van de eis".into()],
                rows: vec![
                    vec!["1".into()],
                    vec!["2".into(), "x".repeat(90), "extra".into()],
                ],
            },
            Block::Table {
                headers: vec![],
                rows: vec![],
            },
            Block::Bullets(vec![]),
        ]));
        assert_eq!(view.blocks.len(), 1);
        let BlockView::Table {
            widths,
            headers,
            rows,
        } = &view.blocks[0]
        else {
            panic!("a table");
        };
        // All fit on a line, so each column gets its longest line (the x's capped), plus inset.
        assert_eq!(widths, &[62, 640, 90]);
        assert_eq!(headers.len(), 3);
        assert!(rows.iter().all(|row| row.len() == 3));
    }

    #[test]
    fn a_table_too_wide_for_the_line_keeps_each_column_its_longest_word() {
        let headers: Vec<String> = ["Inschrijver", "Toelichting", "Prijs (40)"]
            .map(String::from)
            .to_vec();
        let rows = vec![vec![
            "Vlietstra Voertuigtechniek".into(),
            "woord ".repeat(40),
            "36".into(),
        ]];
        let widths = column_widths(&headers, &rows, 3);
        // Longest words: "Voertuigtechniek", "Toelichting" in bold, "Prijs" in bold.
        assert!(
            widths[0] >= 200 && widths[1] >= 161 && widths[2] >= 95,
            "{widths:?}"
        );
        assert!(widths[1] > widths[0] && widths[0] > widths[2], "{widths:?}");
        let total: u32 = widths.iter().sum();
        assert!((1090..=1110).contains(&total), "shares the line: {total}");
    }
}
