//! A table as CSV, for lists a buyer takes into another tool: UTF-8 with a byte-order mark
//! and `;` between fields, as Dutch spreadsheet programs read it; a cell that would start a
//! formula is prefixed with `'` so opening the file never runs anything.

use crate::WorkbookError;
use crate::tables::{Cell, Sheet};

fn guarded(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

fn field(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => guarded(text),
        Cell::Number(n) if n.is_finite() => {
            // Dutch decimal comma, as the same programs expect next to `;`.
            n.to_string().replace('.', ",")
        }
        Cell::Number(n) => n.to_string(),
        Cell::Empty => String::new(),
    }
}

/// The sheet's headers and rows as CSV bytes.
pub fn write_csv(sheet: &Sheet) -> Result<Vec<u8>, WorkbookError> {
    let mut out = Vec::from(*b"\xEF\xBB\xBF");
    {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(&mut out);
        writer
            .write_record(sheet.headers.iter().map(|h| guarded(h)))
            .map_err(|e| WorkbookError::Xlsx(e.to_string()))?;
        for row in &sheet.rows {
            writer
                .write_record(row.iter().map(field))
                .map_err(|e| WorkbookError::Xlsx(e.to_string()))?;
        }
        writer
            .flush()
            .map_err(|e| WorkbookError::Xlsx(e.to_string()))?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_numbers_use_a_comma_and_formulas_are_defused() {
        let sheet = Sheet {
            name: "t".into(),
            headers: vec!["Naam".into(), "Waarde".into()],
            rows: vec![
                vec![
                    Cell::Text("Tolk; vertaal \"dienst\"".into()),
                    Cell::Number(1234.5),
                ],
                vec![Cell::Text("=HYPERLINK(\"x\")".into()), Cell::Empty],
            ],
        };
        let text = String::from_utf8(write_csv(&sheet).unwrap()).unwrap();
        assert_eq!(
            text,
            "\u{feff}Naam;Waarde\n\"Tolk; vertaal \"\"dienst\"\"\";1234,5\n\"'=HYPERLINK(\"\"x\"\")\";\n"
        );
    }
}
