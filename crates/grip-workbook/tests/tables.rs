//! `write_tables` output read back with calamine: same sheets, headers and values.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use grip_workbook::{Cell, Sheet, WorkbookError, write_tables};

fn read_back(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes)).expect("write_tables makes an XLSX calamine opens")
}

#[test]
fn tables_read_back_with_the_same_headers_and_values() {
    let sheets = vec![
        Sheet {
            name: "Biedingen".to_owned(),
            headers: vec!["Leverancier".to_owned(), "Prijs (€)".to_owned()],
            rows: vec![
                vec![
                    Cell::Text("Beeldzorg B.V.".to_owned()),
                    Cell::Number(1250.5),
                ],
                vec![Cell::Text("Camerâ „Noord\"".to_owned()), Cell::Empty],
            ],
        },
        Sheet {
            name: "Scores".to_owned(),
            headers: vec![
                "Item".to_owned(),
                "Score".to_owned(),
                "Toelichting".to_owned(),
            ],
            rows: vec![vec![
                Cell::Text("=SUM(A1:A2)".to_owned()),
                Cell::Number(4.0),
                Cell::Text("regel één\nregel twee".to_owned()),
            ]],
        },
    ];
    let mut book = read_back(write_tables(&sheets).unwrap());
    assert_eq!(book.sheet_names(), ["Biedingen", "Scores"]);

    let bids = book.worksheet_range("Biedingen").unwrap();
    assert_eq!(
        bids.rows().collect::<Vec<_>>(),
        [
            [
                Data::String("Leverancier".into()),
                Data::String("Prijs (€)".into())
            ],
            [Data::String("Beeldzorg B.V.".into()), Data::Float(1250.5)],
            [Data::String("Camerâ „Noord\"".into()), Data::Empty],
        ]
    );

    let scores = book.worksheet_range("Scores").unwrap();
    assert_eq!(
        scores.get_value((1, 0)),
        Some(&Data::String("=SUM(A1:A2)".into()))
    );
    assert_eq!(scores.get_value((1, 1)), Some(&Data::Float(4.0)));
    assert_eq!(
        scores.get_value((1, 2)),
        Some(&Data::String("regel één\nregel twee".into()))
    );
    // Text that looks like a formula stays text: an export never computes anything.
    let formulas = book.worksheet_formula("Scores").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
}

#[test]
fn a_table_without_rows_keeps_its_headers() {
    let sheets = [Sheet {
        name: "Bewijs".to_owned(),
        headers: vec!["Eis".to_owned(), "Document".to_owned()],
        rows: Vec::new(),
    }];
    let mut book = read_back(write_tables(&sheets).unwrap());
    let range = book.worksheet_range("Bewijs").unwrap();
    assert_eq!(range.get_size(), (1, 2));
    assert_eq!(
        range.get_value((0, 1)),
        Some(&Data::String("Document".into()))
    );
}

#[test]
fn no_tables_and_bad_sheet_names_are_errors() {
    assert!(matches!(write_tables(&[]), Err(WorkbookError::NoSheets)));
    let bad = [Sheet {
        name: "Scores: ronde 1/2".to_owned(),
        headers: Vec::new(),
        rows: Vec::new(),
    }];
    let error = write_tables(&bad).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("Excel-werkmap maken mislukt / writing the XLSX workbook failed: "),
        "{error}"
    );
    let twice = [
        Sheet {
            name: "Scores".to_owned(),
            headers: Vec::new(),
            rows: Vec::new(),
        },
        Sheet {
            name: "Scores".to_owned(),
            headers: Vec::new(),
            rows: Vec::new(),
        },
    ];
    assert!(write_tables(&twice).is_err());
}
