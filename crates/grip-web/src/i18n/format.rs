//! Numbers and dates as the reader writes them: Dutch uses a decimal comma, a full stop
//! between thousands and day-month-year dates; English a decimal point, commas and
//! "7 December 2026". Times are shown in the organisation's time zone (Amsterdam).

use super::Lang;
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use std::sync::LazyLock;

/// Where Grip's users are; UTC on a machine without the time zone database.
static ZONE: LazyLock<TimeZone> =
    LazyLock::new(|| TimeZone::get("Europe/Amsterdam").unwrap_or(TimeZone::UTC));

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Lang {
    /// A whole number with thousands grouped: `12.345` (nl), `12,345` (en).
    pub fn integer(self, n: i64) -> String {
        let digits = n.unsigned_abs().to_string();
        let separator = self.pick(".", ",");
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push_str(separator);
            }
            grouped.push(c);
        }
        if n < 0 {
            format!("-{grouped}")
        } else {
            grouped
        }
    }

    /// A number with `decimals` places: `0,37` (nl), `0.37` (en).
    pub fn decimal(self, x: f64, decimals: usize) -> String {
        let text = format!("{:.*}", decimals, x.abs());
        let (whole, fraction) = text.split_once('.').unwrap_or((text.as_str(), ""));
        let whole = self.integer(whole.parse().unwrap_or(0));
        let sign = if x < 0.0 && text.chars().any(|c| ('1'..='9').contains(&c)) {
            "-"
        } else {
            ""
        };
        if fraction.is_empty() {
            format!("{sign}{whole}")
        } else {
            format!("{sign}{whole}{}{fraction}", self.pick(",", "."))
        }
    }

    /// A calendar date: `2 augustus 2026` (nl), `2 August 2026` (en).
    pub fn date(self, date: Date) -> String {
        let months = self.months();
        let month = months[usize::try_from(date.month() - 1).unwrap_or(0)];
        format!("{} {month} {}", date.day(), date.year())
    }

    /// A date given as text (`2026-08-02`); other text is shown as it is.
    pub fn date_text(self, iso: &str) -> String {
        iso.parse::<Date>()
            .map(|d| self.date(d))
            .unwrap_or_else(|_| iso.to_string())
    }

    /// A moment (milliseconds since 1970) in Amsterdam time: `7 december 2026 05:40`.
    pub fn date_time(self, ms: i64) -> String {
        self.date_time_in(ms, &ZONE)
    }

    fn date_time_in(self, ms: i64, zone: &TimeZone) -> String {
        match Timestamp::from_millisecond(ms) {
            Ok(t) => {
                let local = t.to_zoned(zone.clone());
                format!("{} {}", self.date(local.date()), local.strftime("%H:%M"))
            }
            Err(_) => ms.to_string(),
        }
    }

    fn months(self) -> &'static [&'static str; 12] {
        match self {
            Lang::Nl => &MONTHS_NL,
            Lang::En => &MONTHS_EN,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_use_the_readers_separators() {
        assert_eq!(Lang::Nl.integer(96_500_000), "96.500.000");
        assert_eq!(Lang::En.integer(-1_000), "-1,000");
        assert_eq!(Lang::Nl.decimal(0.37, 2), "0,37");
        assert_eq!(Lang::En.decimal(0.37, 2), "0.37");
        assert_eq!(Lang::Nl.decimal(1234.5, 1), "1.234,5");
        assert_eq!(Lang::Nl.decimal(-0.001, 2), "0,00");
        assert_eq!(Lang::Nl.decimal(7.0, 0), "7");
    }

    #[test]
    fn dates_are_written_out_day_first() {
        assert_eq!(Lang::Nl.date_text("2026-08-02"), "2 augustus 2026");
        assert_eq!(Lang::En.date_text("2026-08-02"), "2 August 2026");
        assert_eq!(Lang::Nl.date_text("soon"), "soon");
        // 2026-12-07 04:40 UTC
        let ms = 1_796_618_400_000;
        assert_eq!(
            Lang::Nl.date_time_in(ms, &TimeZone::UTC),
            "7 december 2026 04:40"
        );
        let amsterdam = TimeZone::get("Europe/Amsterdam");
        if let Ok(zone) = amsterdam {
            assert_eq!(Lang::Nl.date_time_in(ms, &zone), "7 december 2026 05:40");
        }
    }
}

impl Lang {
    /// A citation of the AI Act as the knowledge pack writes it (`Annex III point 6(e)`,
    /// `Art. 6(1)`), in the reader's language (`Bijlage III, punt 6(e)`, `art. 6, lid 1`).
    pub fn citation(self, text: &str) -> String {
        if self == Lang::En {
            return text.to_string();
        }
        let mut out = text
            .replace("Annex ", "Bijlage ")
            .replace(" point ", ", punt ")
            .replace(" Section ", ", afdeling ")
            .replace(" section ", ", afdeling ");
        // `Art. 6(1)` → `art. 6, lid 1`, `Art. 5(1)(c)` → `art. 5, lid 1, onder c`.
        while let Some(start) = out.find("Art. ") {
            let rest = &out[start + 5..];
            let number: String = rest
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            let after = &rest[number.len()..];
            let (paragraph, tail) = match after.strip_prefix('(').and_then(|a| a.split_once(')')) {
                Some((p, tail)) if p.chars().all(|c| c.is_ascii_digit()) && !p.is_empty() => {
                    (format!(", lid {p}"), tail)
                }
                _ => (String::new(), after),
            };
            let (point, tail) = match tail.strip_prefix('(').and_then(|t| t.split_once(')')) {
                Some((p, tail)) if !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase()) => {
                    (format!(", onder {p}"), tail)
                }
                _ => (String::new(), tail),
            };
            out = format!("{}art. {number}{paragraph}{point}{tail}", &out[..start]);
        }
        out
    }
}

#[cfg(test)]
mod citation_tests {
    use super::*;

    #[test]
    fn citations_read_in_dutch() {
        assert_eq!(
            Lang::Nl.citation("Annex III point 6(e)"),
            "Bijlage III, punt 6(e)"
        );
        assert_eq!(Lang::Nl.citation("Art. 6(1)"), "art. 6, lid 1");
        assert_eq!(Lang::Nl.citation("Art. 5(1)(c)"), "art. 5, lid 1, onder c");
        assert_eq!(Lang::Nl.citation("Art. 51"), "art. 51");
        assert_eq!(Lang::En.citation("Art. 6(1)"), "Art. 6(1)");
    }
}
