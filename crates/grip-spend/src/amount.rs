//! Amounts as buyers' files write them: Dutch (`1.234,56`), English (`1,234.56`), with or
//! without a euro sign, spaces or a minus; parsed to cents.

/// Cents, or `None` when the text is not an amount.
pub fn parse_cents(text: &str) -> Option<i64> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '€' && *c != '\u{a0}')
        .collect();
    let cleaned = cleaned.trim_start_matches("EUR").trim_end_matches("EUR");
    let (negative, digits) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned),
    };
    if digits.is_empty()
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let decimal = decimal_separator(digits);
    let (whole, fraction) = match decimal {
        Some(sep) => {
            let at = digits.rfind(sep)?;
            (&digits[..at], &digits[at + 1..])
        }
        None => (digits, ""),
    };
    if fraction.len() > 2 || !thousands_ok(whole) {
        return None;
    }
    let whole: String = whole.chars().filter(char::is_ascii_digit).collect();
    let euros: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let cents: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().ok()? * 10,
        _ => fraction.parse().ok()?,
    };
    let total = euros.checked_mul(100)?.checked_add(cents)?;
    Some(if negative { -total } else { total })
}

/// Which separator marks the decimals: the last one when both occur; a lone one when one or
/// two digits follow it (a dot with three digits after it is a thousands separator, as in
/// Dutch `1.234`).
fn decimal_separator(digits: &str) -> Option<char> {
    let (dot, comma) = (digits.rfind('.'), digits.rfind(','));
    match (dot, comma) {
        (Some(d), Some(c)) => Some(if d > c { '.' } else { ',' }),
        (Some(d), None) => {
            let after = digits.len() - d - 1;
            (digits.matches('.').count() == 1 && after != 3).then_some('.')
        }
        (None, Some(c)) => {
            let after = digits.len() - c - 1;
            (digits.matches(',').count() == 1 && after != 3).then_some(',')
        }
        (None, None) => None,
    }
}

/// Groups of three digits after the first, when the whole part has separators at all.
fn thousands_ok(whole: &str) -> bool {
    let groups: Vec<&str> = whole.split(['.', ',']).collect();
    groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3))
}

#[cfg(test)]
mod tests {
    use super::parse_cents;

    #[test]
    fn dutch_english_and_plain_notations() {
        for (text, cents) in [
            ("1.234,56", 123_456),
            ("1,234.56", 123_456),
            ("€ 1.234", 123_400),
            ("1234,5", 123_450),
            ("1234.56", 123_456),
            ("-12,50", -1_250),
            ("12.345.678,90", 1_234_567_890),
            ("0,99", 99),
            ("EUR 250", 25_000),
        ] {
            assert_eq!(parse_cents(text), Some(cents), "{text}");
        }
    }

    #[test]
    fn text_that_is_no_amount() {
        for text in [
            "",
            "twaalf",
            "1,2,3",
            "12,345,67",
            "1.2345",
            "--5",
            "12.3.4",
        ] {
            assert_eq!(parse_cents(text), None, "{text}");
        }
    }
}
