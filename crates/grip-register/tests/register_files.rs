//! Bad and unusual register files: every problem named per entry and field, nothing taken
//! from a refused file, small departures corrected and said.

use grip_knowledge::common::Lang;
use grip_register::{FileError, Issue, read_file};

#[test]
fn not_json_not_entries_and_too_large_are_refused_with_a_reason() {
    assert!(matches!(
        read_file(b"<html>"),
        Err(FileError::NotJson { .. })
    ));
    assert!(matches!(
        read_file(b"\xff\xfe{}"),
        Err(FileError::NotJson { .. })
    ));
    assert_eq!(read_file(b"[]").unwrap_err(), FileError::NotEntries);
    assert_eq!(read_file(b"[1, 2]").unwrap_err(), FileError::NotEntries);
    assert_eq!(
        read_file(br#"{"title": "no name"}"#).unwrap_err(),
        FileError::NotEntries
    );
    let big = vec![b' '; grip_register::read::MAX_FILE_BYTES + 1];
    assert!(matches!(read_file(&big), Err(FileError::TooLarge(_))));
}

#[test]
fn a_byte_order_mark_and_upper_case_language_are_read() {
    let read = read_file("\u{feff}[{\"name\": \"Zivver\", \"lang\": \"NLD\"}]".as_bytes()).unwrap();
    assert_eq!(read.entries[0].lang.as_deref(), Some("nld"));
    assert!(matches!(read.findings[0].issue, Issue::Corrected { .. }));
}

#[test]
fn wrong_values_refuse_the_file_and_name_entry_and_field() {
    let file = br#"[
        {"name": "Goed", "status": "In gebruik"},
        {"name": "Fout", "status": "Actief", "category": ["Politie"], "provider": 7,
         "lawful_basis_grouping": [{"title": "Politiewet 2012"}]}
    ]"#;
    let read = read_file(file).unwrap();
    assert!(read.is_refused());
    let refusals: Vec<_> = read.refusals().map(|f| (f.entry, f.key.as_str())).collect();
    assert_eq!(
        refusals,
        [
            (2, "category"),
            (2, "status"),
            (2, "lawful_basis_grouping"),
            (2, "provider")
        ]
    );
    let said = read.refusals().next().unwrap().describe(Lang::Nl);
    assert!(said.starts_with("Thema (category)"), "{said}");
    assert!(said.contains("Openbare orde en veiligheid"), "{said}");
}

#[test]
fn hostile_html_is_stripped_and_unknown_fields_are_kept() {
    let file = br#"{"name": "Camera", "goal": "<p>Doel</p><script>steal()</script><img src=x onerror=alert(1)>",
        "iama_description": "Een IAMA is uitgevoerd.", "uuid": null}"#;
    let read = read_file(file).unwrap();
    assert!(!read.is_refused());
    let entry = &read.entries[0];
    let goal = entry.goal.as_deref().unwrap();
    assert!(
        goal.contains("Doel") && !goal.contains("script") && !goal.contains("img"),
        "{goal}"
    );
    let removed = read.findings.iter().find(|f| f.key == "goal").unwrap();
    assert!(removed.describe(Lang::Nl).contains("<script>"));
    assert_eq!(entry.extra["iama_description"], "Een IAMA is uitgevoerd.");
    let kept: Vec<_> = read
        .findings
        .iter()
        .filter(|f| f.issue == Issue::NotInStandard)
        .collect();
    assert_eq!(kept.len(), 1, "an empty unknown field is not worth a note");
}

#[test]
fn empty_reference_rows_are_left_out_not_refused() {
    let file = br#"{"name": "Rekenmodel", "lawful_basis_grouping": [{"title": "", "link": ""},
        {"title": "Omgevingswet", "link": "https://wetten.overheid.nl/BWBR0037885"}]}"#;
    let read = read_file(file).unwrap();
    assert!(!read.is_refused(), "{:?}", read.findings);
    assert_eq!(read.entries[0].lawful_basis_grouping.len(), 1);
    assert_eq!(read.findings[0].issue, Issue::EmptyReferencesDropped(1));
    let half = br#"{"name": "Rekenmodel", "lawful_basis_grouping": [{"title": "Omgevingswet", "link": ""}]}"#;
    assert!(
        read_file(half).unwrap().is_refused(),
        "a reference without its link is refused"
    );
}
