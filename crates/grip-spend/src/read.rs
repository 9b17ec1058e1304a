//! Spend files as a stream of records: CSV in UTF-8 or Windows-1252 with `;`, `,` or tab
//! between fields, read while it streams; or the first sheet of an XLSX workbook (which its
//! format bounds to about a million rows).

use calamine::{Reader, Xlsx};
use std::io::{BufRead, BufReader, Read};

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("the file has no header line")]
    Empty,
    #[error("the workbook cannot be read: {0}")]
    Workbook(String),
    #[error("line {line}: {message}")]
    Csv { line: u64, message: String },
    #[error("reading failed: {0}")]
    Io(#[from] std::io::Error),
}

/// Whether the bytes start like an XLSX (a zip archive).
pub fn is_xlsx(start: &[u8]) -> bool {
    start.starts_with(b"PK\x03\x04")
}

/// The field separator the header line uses most.
fn delimiter(header: &str) -> u8 {
    [b';', b',', b'\t']
        .into_iter()
        .max_by_key(|d| header.matches(char::from(*d)).count())
        .unwrap_or(b';')
}

/// A CSV stream: the header and an iterator of (line, fields).
pub struct CsvRecords<R: Read> {
    pub headers: Vec<String>,
    reader: csv::Reader<R>,
    record: csv::StringRecord,
}

/// Opens a CSV stream. `sniff` is the start of the file (to see its encoding and separator);
/// `rest` continues after it.
pub fn csv_records<R: Read>(
    sniff: Vec<u8>,
    rest: R,
) -> Result<CsvRecords<impl Read + use<R>>, ReadError> {
    let utf8 = std::str::from_utf8(&sniff).is_ok()
        || std::str::from_utf8(&sniff).is_err_and(|e| e.error_len().is_none());
    let fallback = if utf8 {
        encoding_rs::UTF_8
    } else {
        encoding_rs::WINDOWS_1252
    };
    let decoded = encoding_rs_io::DecodeReaderBytesBuilder::new()
        .encoding(Some(fallback))
        .bom_sniffing(true)
        .strip_bom(true)
        .build(std::io::Cursor::new(sniff).chain(rest));
    let mut buffered = BufReader::new(decoded);
    let mut first = String::new();
    buffered.read_line(&mut first)?;
    if first.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    let separator = delimiter(&first);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(std::io::Cursor::new(first.into_bytes()).chain(buffered));
    let mut record = csv::StringRecord::new();
    reader
        .read_record(&mut record)
        .map_err(|e| ReadError::Csv {
            line: 1,
            message: e.to_string(),
        })?;
    let headers = record.iter().map(str::to_string).collect();
    Ok(CsvRecords {
        headers,
        reader,
        record,
    })
}

impl<R: Read> CsvRecords<R> {
    /// The next record with its line number, or `None` at the end.
    pub fn next_record(&mut self) -> Result<Option<(u64, Vec<String>)>, ReadError> {
        loop {
            let more = self
                .reader
                .read_record(&mut self.record)
                .map_err(|e| ReadError::Csv {
                    line: e.position().map_or(0, |p| p.line()),
                    message: e.to_string(),
                })?;
            if !more {
                return Ok(None);
            }
            if self.record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            let line = self.record.position().map_or(0, |p| p.line());
            return Ok(Some((
                line,
                self.record.iter().map(str::to_string).collect(),
            )));
        }
    }
}

/// A row with its line number in the file.
pub type NumberedRow = (u64, Vec<String>);

/// The first sheet of a workbook: its header row and rows (as text), numbered from 1.
pub fn xlsx_rows(bytes: Vec<u8>) -> Result<(Vec<String>, Vec<NumberedRow>), ReadError> {
    let mut workbook: Xlsx<_> =
        Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| ReadError::Workbook(e.to_string()))?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or(ReadError::Empty)?
        .map_err(|e| ReadError::Workbook(e.to_string()))?;
    let mut rows = range.rows();
    let headers: Vec<String> = rows
        .next()
        .ok_or(ReadError::Empty)?
        .iter()
        .map(cell_text)
        .collect();
    let body = rows
        .enumerate()
        .map(|(i, r)| (i as u64 + 2, r.iter().map(cell_text).collect::<Vec<_>>()))
        .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
        .collect();
    Ok((headers, body))
}

fn cell_text(cell: &calamine::Data) -> String {
    match cell {
        calamine::Data::Float(f) => {
            // Amounts as numbers: two decimals in the English notation the parser reads.
            if f.fract() == 0.0 {
                format!("{f:.0}")
            } else {
                format!("{f:.2}")
            }
        }
        calamine::Data::DateTime(d) => excel_date(d.as_f64()),
        other => other.to_string(),
    }
}

/// An Excel date serial (days since 1899-12-30) as `YYYY-MM-DD`.
fn excel_date(serial: f64) -> String {
    let epoch = jiff::civil::date(1899, 12, 30);
    let days = serial.floor() as i64;
    jiff::Span::new()
        .try_days(days)
        .ok()
        .and_then(|span| epoch.checked_add(span).ok())
        .map_or_else(|| serial.to_string(), |d| d.to_string())
}
