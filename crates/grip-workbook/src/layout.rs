//! The response workbook's layout, in one place for the writer and the reader so the two
//! cannot drift apart.
//!
//! Rows and columns here are 0-based, as both libraries count; problems report them 1-based.

use crate::ItemKind;

/// The sheet the supplier fills in; first, so it opens on it.
pub(crate) const ANSWER_SHEET: &str = "Antwoorden";
/// The hidden sheet that says which package version the workbook answers.
pub(crate) const PACKAGE_SHEET: &str = "Pakket";

/// Header block of the answer sheet.
pub(crate) const ROW_TITLE: u32 = 0;
pub(crate) const ROW_DOSSIER: u32 = 1;
pub(crate) const ROW_PACKAGE: u32 = 2;
pub(crate) const ROW_INSTRUCTIONS_NL: u32 = 3;
pub(crate) const ROW_INSTRUCTIONS_EN: u32 = 4;
pub(crate) const ROW_SUPPLIER: u32 = 5;
/// The table's header row; the rows below it are one item each.
pub(crate) const HEADER_ROW: u32 = 6;

/// The supplier writes its name right of this label, in column B.
pub(crate) const SUPPLIER_LABEL_NL: &str = "Naam leverancier";
pub(crate) const SUPPLIER_LABEL_EN: &str = "Supplier name";
pub(crate) const SUPPLIER_VALUE_COL: u16 = 1;

/// A table column: recognised on reading by its Dutch header (the header cell's first line).
pub(crate) struct Column {
    pub nl: &'static str,
    pub en: &'static str,
    /// Width in Excel's character units; answers get the most room.
    pub width: f64,
}

pub(crate) const COL_ID: usize = 0;
pub(crate) const COL_SECTION: usize = 1;
pub(crate) const COL_KIND: usize = 2;
pub(crate) const COL_TEXT: usize = 3;
pub(crate) const COL_ANSWER: usize = 4;
pub(crate) const COL_DOCUMENTS: usize = 5;

pub(crate) const COLUMNS: [Column; 6] = [
    Column {
        nl: "Item-id",
        en: "Item id",
        width: 18.0,
    },
    Column {
        nl: "Onderdeel",
        en: "Section",
        width: 22.0,
    },
    Column {
        nl: "Soort",
        en: "Kind",
        width: 18.0,
    },
    Column {
        nl: "Vraag of eis",
        en: "Question or requirement",
        width: 60.0,
    },
    Column {
        nl: "Antwoord",
        en: "Answer",
        width: 70.0,
    },
    Column {
        nl: "Documentverwijzingen",
        en: "Document references",
        width: 36.0,
    },
];

/// Labels in column A of the package sheet, values in column B.
pub(crate) const META_FORMAT: &str = "Formulier";
pub(crate) const META_PACKAGE_ID: &str = "Pakket-id";
pub(crate) const META_VERSION: &str = "Versie";
pub(crate) const META_HASH: &str = "Controlewaarde";
/// Changes whenever the layout changes in a way the reader depends on, so an old blank
/// workbook is refused by name instead of misread.
pub(crate) const LAYOUT_FORMAT: &str = "grip-antwoordformulier-1";

/// How far down the reader looks for the header row and the labels: the header block is
/// short, and looking further would only find answers.
pub(crate) const SEARCH_ROWS: u32 = 20;

pub(crate) const INSTRUCTIONS_NL: &str = "Vul per regel de kolommen Antwoord en \
Documentverwijzingen in, en hieronder de naam van uw organisatie. Rood gemarkeerde regels \
(Knock-out) zijn eisen waaraan uw aanbieding moet voldoen. Wijzig de vragen, de item-id's en \
de volgorde niet, gebruik geen formules of samengevoegde cellen, en lever het bestand in als \
Excel-werkmap (.xlsx).";

pub(crate) const INSTRUCTIONS_EN: &str = "Fill in the Answer and Document references columns \
on every row, and your organisation's name below. Rows marked red (Knock-out) are requirements \
your offer must meet. Do not change the questions, the item ids or their order, do not use \
formulas or merged cells, and hand the file in as an Excel workbook (.xlsx).";

/// The Soort cell: Dutch first, English on the second line where it differs.
pub(crate) fn kind_label(kind: ItemKind) -> (&'static str, &'static str) {
    match kind {
        ItemKind::KnockOut => ("Knock-out", "Knock-out"),
        ItemKind::Award => ("Gunningscriterium", "Award criterion"),
        ItemKind::Information => ("Informatie", "Information"),
    }
}

/// Two-line cell text, Dutch above English; one line when both are the same or one is empty.
pub(crate) fn bilingual(nl: &str, en: &str) -> String {
    if en.trim().is_empty() || en == nl {
        nl.to_owned()
    } else if nl.trim().is_empty() {
        en.to_owned()
    } else {
        format!("{nl}\n{en}")
    }
}

/// Excel's column letters: 0 → "A", 25 → "Z", 26 → "AA".
pub(crate) fn column_letter(col0: u32) -> String {
    let mut n = u64::from(col0) + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// A new workbook whose bytes depend on nothing but its content: the library would stamp the
/// clock's time as the creation date, so the ZIP format's own epoch stands in for it.
pub(crate) fn new_workbook(title: &str) -> Result<rust_xlsxwriter::Workbook, crate::WorkbookError> {
    let epoch = rust_xlsxwriter::ExcelDateTime::from_ymd(1980, 1, 1)?;
    let properties = rust_xlsxwriter::DocProperties::new()
        .set_title(title)
        .set_author("Grip")
        .set_creation_datetime(&epoch);
    let mut workbook = rust_xlsxwriter::Workbook::new();
    workbook.set_properties(&properties);
    Ok(workbook)
}

/// "A1"-style name of a 0-based cell.
pub(crate) fn cell_name(row0: u32, col0: u32) -> String {
    format!("{}{}", column_letter(col0), u64::from(row0) + 1)
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn column_letters_follow_excel() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
        assert_eq!(cell_name(11, 4), "E12");
    }
}
