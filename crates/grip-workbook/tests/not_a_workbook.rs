//! Files that are not a response workbook at all are refused before or by the parser, with a
//! problem about the file as a whole and nothing imported.

use grip_workbook::{
    ImportProblem, ItemKind, MAX_WORKBOOK_BYTES, WorkbookItem, WorkbookPackage,
    read_response_workbook, write_response_workbook,
};

fn pkg() -> WorkbookPackage {
    WorkbookPackage {
        dossier_title: "Bodycams".to_owned(),
        package_id: "pkg-7".to_owned(),
        version: 1,
        content_hash: "sha256:77".to_owned(),
    }
}

fn items() -> Vec<WorkbookItem> {
    vec![WorkbookItem {
        key: "d-ai-present".to_owned(),
        section_nl: "Openheid over AI".to_owned(),
        section_en: "AI transparency".to_owned(),
        text_nl: "Bevat het product AI?".to_owned(),
        text_en: "Does the product contain AI?".to_owned(),
        kind: ItemKind::KnockOut,
    }]
}

/// The single problem, about the whole file.
fn file_problem(bytes: &[u8]) -> ImportProblem {
    let errors = read_response_workbook(bytes, &pkg(), &items()).expect_err("refused");
    assert_eq!(errors.problems.len(), 1, "{errors}");
    let problem = errors.problems[0].clone();
    assert_eq!(
        (&problem.sheet, problem.row, &problem.column),
        (&None, None, &None)
    );
    assert!(!problem.message_nl.is_empty() && !problem.message_en.is_empty());
    problem
}

fn not_a_workbook(bytes: &[u8]) {
    let problem = file_problem(bytes);
    assert!(
        problem
            .message_en
            .starts_with("This file is not an Excel workbook (.xlsx)"),
        "{problem}"
    );
    assert!(
        problem
            .message_nl
            .starts_with("Dit bestand is geen Excel-werkmap")
    );
}

/// A ZIP archive of stored (uncompressed) entries, as a test needs it and nothing more.
fn stored_zip(entries: &[(&str, &str)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, content) in entries {
        let offset = out.len() as u32;
        let crc = crc32(content.as_bytes());
        let size = content.len() as u32;
        let mut header = Vec::new();
        header.extend_from_slice(&[0x14, 0, 0, 0, 0, 0, 0, 0]); // version, flags, stored, time
        header.extend_from_slice(&[0x21, 0]); // date 1980-01-01
        header.extend_from_slice(&crc.to_le_bytes());
        header.extend_from_slice(&size.to_le_bytes());
        header.extend_from_slice(&size.to_le_bytes());
        header.extend_from_slice(&(name.len() as u16).to_le_bytes());
        header.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&header);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(content.as_bytes());

        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&[0x14, 0]); // made by
        central.extend_from_slice(&header);
        central.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
        central.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0, 0, 0, 0]);
    let count = entries.len() as u16;
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&central_offset.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn input_above_the_byte_limit_is_refused_before_parsing() {
    // Valid workbook bytes padded past the limit: only the size can refuse it.
    let mut bytes = write_response_workbook(&pkg(), &items()).unwrap();
    bytes.resize(11 * 1024 * 1024, 0);
    assert!(bytes.len() > MAX_WORKBOOK_BYTES);
    let problem = file_problem(&bytes);
    assert!(
        problem.message_en.contains("the limit is 10485760 bytes"),
        "{problem}"
    );
}

#[test]
fn random_bytes_are_not_a_workbook() {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    not_a_workbook(&bytes);
    not_a_workbook(b"");
}

#[test]
fn an_empty_zip_is_not_a_workbook() {
    let empty = stored_zip(&[]);
    assert_eq!(empty.len(), 22);
    not_a_workbook(&empty);
}

#[test]
fn a_word_document_is_not_a_workbook() {
    let docx = stored_zip(&[
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
        ),
        (
            "word/_rels/document.xml.rels",
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#,
        ),
        (
            "word/document.xml",
            r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Antwoord</w:t></w:r></w:p></w:body></w:document>"#,
        ),
    ]);
    not_a_workbook(&docx);
}

#[test]
fn a_truncated_workbook_is_not_a_workbook() {
    let bytes = write_response_workbook(&pkg(), &items()).unwrap();
    not_a_workbook(&bytes[..bytes.len() / 2]);
}

#[test]
fn an_old_xls_or_encrypted_file_is_told_apart() {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(4096, 0);
    let problem = file_problem(&bytes);
    assert!(
        problem.message_en.contains("old Excel file (.xls)"),
        "{problem}"
    );
}
