//! Dates as spend files write them: `2026-03-31`, `31-03-2026`, `31/3/2026`, `20260331`.

use jiff::civil::Date;

/// The date, or `None` when the text is no valid date.
pub fn parse_date(text: &str) -> Option<Date> {
    let t = text.trim();
    // A spreadsheet's date-time: the date part.
    let t = t.split([' ', 'T']).next().unwrap_or(t);
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    let numbers = |p: &[&str]| -> Option<Vec<i32>> { p.iter().map(|x| x.parse().ok()).collect() };
    let (y, m, d) = match parts.as_slice() {
        [one] if one.len() == 8 => {
            let n = numbers(&[&one[..4], &one[4..6], &one[6..]])?;
            (n[0], n[1], n[2])
        }
        [a, _, _] if a.len() == 4 => {
            let n = numbers(&parts)?;
            (n[0], n[1], n[2])
        }
        [_, _, c] if c.len() == 4 => {
            let n = numbers(&parts)?;
            (n[2], n[1], n[0])
        }
        _ => return None,
    };
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn common_notations_and_impossible_dates() {
        for text in [
            "2026-03-31",
            "31-03-2026",
            "31/3/2026",
            "20260331",
            "31.03.2026",
            "2026-03-31 00:00:00",
        ] {
            assert_eq!(
                parse_date(text).map(|d| d.to_string()).as_deref(),
                Some("2026-03-31"),
                "{text}"
            );
        }
        for text in ["31-02-2026", "2026-13-01", "maart 2026", "", "03/31"] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }
}
