//! One line of a spend file read through the mapping: checked, or refused with the reason.

use crate::amount::parse_cents;
use crate::columns::Mapping;
use crate::date::parse_date;
use sha2::{Digest, Sha256};

pub const MAX_TEXT_CHARS: usize = 2_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpendLine {
    /// The line in the file (the header is line 1).
    pub line_no: u64,
    pub supplier: String,
    pub amount_cents: i64,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub description: String,
    /// Eight digits, with the check digit when the file gave it (`79540000-1`).
    pub cpv: Option<String>,
}

impl SpendLine {
    /// What makes two lines the same purchase: a second import of it adds nothing.
    pub fn fingerprint(&self) -> String {
        let text = format!(
            "{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
            supplier_key(&self.supplier),
            self.amount_cents,
            self.date.as_deref().unwrap_or(""),
            self.description.trim(),
            self.cpv.as_deref().unwrap_or("")
        );
        hex::encode(Sha256::digest(text.as_bytes()))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    NoSupplier,
    BadAmount(String),
    BadDate(String),
    BadCpv(String),
    TooLong,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    pub line_no: u64,
    pub problem: Problem,
}

impl LineError {
    pub fn describe_nl(&self) -> String {
        let what = match &self.problem {
            Problem::NoSupplier => "geen leverancier".to_string(),
            Problem::BadAmount(t) => format!("\u{201c}{t}\u{201d} is geen bedrag"),
            Problem::BadDate(t) => format!("\u{201c}{t}\u{201d} is geen datum"),
            Problem::BadCpv(t) => format!("\u{201c}{t}\u{201d} is geen CPV-code"),
            Problem::TooLong => format!("een veld is langer dan {MAX_TEXT_CHARS} tekens"),
        };
        format!("regel {}: {what}", self.line_no)
    }

    pub fn describe_en(&self) -> String {
        let what = match &self.problem {
            Problem::NoSupplier => "no supplier".to_string(),
            Problem::BadAmount(t) => format!("\u{201c}{t}\u{201d} is not an amount"),
            Problem::BadDate(t) => format!("\u{201c}{t}\u{201d} is not a date"),
            Problem::BadCpv(t) => format!("\u{201c}{t}\u{201d} is not a CPV code"),
            Problem::TooLong => format!("a field is longer than {MAX_TEXT_CHARS} characters"),
        };
        format!("line {}: {what}", self.line_no)
    }
}

/// A supplier's name as a key: letter case, punctuation and legal forms aside, so "Brugwoord
/// Taaldiensten B.V." and "BRUGWOORD TAALDIENSTEN BV" are one supplier.
pub fn supplier_key(name: &str) -> String {
    let lower = name.to_lowercase();
    let words: Vec<String> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .map(|w| w.replace('.', ""))
        .filter(|w| !w.is_empty())
        .collect();
    let forms = [
        "bv", "nv", "vof", "ltd", "gmbh", "inc", "llc", "sa", "ag", "cv",
    ];
    let mut kept: Vec<&str> = words.iter().map(String::as_str).collect();
    while kept.len() > 1 && kept.last().is_some_and(|w| forms.contains(w)) {
        kept.pop();
    }
    kept.join(" ")
}

/// `79540000` or `79540000-1`; returns the eight digits with the check digit when given.
fn cpv(text: &str) -> Option<String> {
    let t = text.trim();
    let (code, check) = t.split_once('-').map_or((t, None), |(a, b)| (a, Some(b)));
    let ok = code.len() == 8
        && code.chars().all(|c| c.is_ascii_digit())
        && check.is_none_or(|c| c.len() == 1 && c.chars().all(|d| d.is_ascii_digit()));
    ok.then(|| t.to_string())
}

fn cell(record: &[String], column: Option<usize>) -> &str {
    column.and_then(|c| record.get(c)).map_or("", |s| s.trim())
}

/// Reads one record through the mapping.
pub fn parse_record(
    line_no: u64,
    record: &[String],
    mapping: &Mapping,
) -> Result<SpendLine, LineError> {
    let fail = |problem| LineError { line_no, problem };
    if record.iter().any(|f| f.chars().count() > MAX_TEXT_CHARS) {
        return Err(fail(Problem::TooLong));
    }
    let supplier = cell(record, mapping.supplier);
    if supplier.is_empty() {
        return Err(fail(Problem::NoSupplier));
    }
    let amount_text = cell(record, mapping.amount);
    let amount_cents =
        parse_cents(amount_text).ok_or_else(|| fail(Problem::BadAmount(short(amount_text))))?;
    let date_text = cell(record, mapping.date);
    let date = if date_text.is_empty() {
        None
    } else {
        Some(
            parse_date(date_text)
                .ok_or_else(|| fail(Problem::BadDate(short(date_text))))?
                .to_string(),
        )
    };
    let cpv_text = cell(record, mapping.cpv);
    let cpv = if cpv_text.is_empty() {
        None
    } else {
        Some(cpv(cpv_text).ok_or_else(|| fail(Problem::BadCpv(short(cpv_text))))?)
    };
    Ok(SpendLine {
        line_no,
        supplier: supplier.to_string(),
        amount_cents,
        date,
        description: cell(record, mapping.description).to_string(),
        cpv,
    })
}

fn short(text: &str) -> String {
    text.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legal_forms_and_case_do_not_split_a_supplier() {
        assert_eq!(
            supplier_key("Brugwoord Taaldiensten B.V."),
            "brugwoord taaldiensten"
        );
        assert_eq!(
            supplier_key("BRUGWOORD TAALDIENSTEN BV"),
            "brugwoord taaldiensten"
        );
        assert_eq!(supplier_key("BV"), "bv");
    }
}
