//! Turning cell values into the text a supplier meant, and checking that text.

use calamine::{DataRef, ExcelDateTime};

/// The text of a cell as the supplier sees it: a spreadsheet program may have turned "12" into
/// a number or "1-3-2026" into a date, and the answer is still the text.
pub(crate) fn cell_text(value: &DataRef<'_>) -> String {
    match value {
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number_text(*f),
        // Excel's own spelling, the same in every language's file format.
        DataRef::Bool(true) => "TRUE".to_owned(),
        DataRef::Bool(false) => "FALSE".to_owned(),
        DataRef::DateTime(dt) => date_text(dt),
        DataRef::Error(e) => e.to_string(),
        DataRef::Empty => String::new(),
    }
}

/// Whole numbers without ".0"; others as Rust's shortest round-tripping form.
fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

/// ISO 8601, so a date answer reads the same whatever the supplier's locale showed.
fn date_text(dt: &ExcelDateTime) -> String {
    if dt.is_duration() {
        return number_text(dt.as_f64());
    }
    let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
    if (h, mi, s) == (0, 0, 0) {
        format!("{y:04}-{mo:02}-{d:02}")
    } else {
        format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
    }
}

/// Line breaks as `\n` (a pasted Windows text brings `\r\n`), then trimmed.
pub(crate) fn normalise(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim()
        .to_owned()
}

/// The first control character other than newline and tab, if any: they are invisible in a
/// spreadsheet, break exports, and never belong in an answer.
pub(crate) fn forbidden_control(text: &str) -> Option<char> {
    text.chars()
        .find(|c| c.is_control() && *c != '\n' && *c != '\t')
}

/// How a header or label cell is compared: its first line (the Dutch one), trimmed, lower case.
pub(crate) fn label_key(text: &str) -> String {
    text.lines().next().unwrap_or("").trim().to_lowercase()
}

#[cfg(test)]
mod unit {
    use super::*;
    use calamine::ExcelDateTimeType;

    #[test]
    fn values_read_as_their_text() {
        assert_eq!(cell_text(&DataRef::Float(12.0)), "12");
        assert_eq!(cell_text(&DataRef::Float(12.5)), "12.5");
        assert_eq!(cell_text(&DataRef::Int(-3)), "-3");
        assert_eq!(cell_text(&DataRef::Bool(true)), "TRUE");
        let date = ExcelDateTime::new(45943.0, ExcelDateTimeType::DateTime, false);
        assert_eq!(cell_text(&DataRef::DateTime(date)), "2025-10-13");
        let moment = ExcelDateTime::new(45943.5, ExcelDateTimeType::DateTime, false);
        assert_eq!(cell_text(&DataRef::DateTime(moment)), "2025-10-13 12:00:00");
    }

    #[test]
    fn control_characters_other_than_newline_and_tab_are_found() {
        assert_eq!(forbidden_control("a\nb\tc"), None);
        assert_eq!(forbidden_control("a\u{7}b"), Some('\u{7}'));
        assert_eq!(normalise(" a\r\nb\rc "), "a\nb\nc");
    }

    #[test]
    fn labels_compare_on_their_first_line() {
        assert_eq!(label_key("  Antwoord \nAnswer"), "antwoord");
        assert_eq!(label_key("ITEM-ID"), "item-id");
    }
}
