//! DOCX and ODT: the text parts are read from the guarded ZIP and walked as XML.
//! DOCX order: body, headers, footers, footnotes, endnotes; ODT: content, then headers/footers.

use super::xml_walk::{Dialect, walk_xml};
use super::zip_guard::GuardedZip;
use super::{Deadline, Extracted, Format, TextSink};
use crate::{ExtractError, Limits};

pub(crate) fn extract_docx(
    bytes: &[u8],
    limits: &Limits,
    deadline: &Deadline,
) -> Result<Extracted, ExtractError> {
    let mut zip = GuardedZip::open(bytes, limits, "DOCX")?;
    let names = zip.names();
    let mut parts = vec!["word/document.xml".to_owned()];
    for prefix in [
        "word/header",
        "word/footer",
        "word/footnotes",
        "word/endnotes",
    ] {
        let mut matching: Vec<&String> = names
            .iter()
            .filter(|n| n.starts_with(prefix) && n.ends_with(".xml"))
            .collect();
        matching.sort();
        parts.extend(matching.into_iter().cloned());
    }
    let mut sink = TextSink::new(limits);
    for (index, part) in parts.iter().enumerate() {
        deadline.check()?;
        let Some(xml) = zip.read_entry(part)? else {
            if index == 0 {
                return Err(ExtractError::MissingPart {
                    format: "DOCX",
                    part: "word/document.xml",
                });
            }
            continue;
        };
        sink.end_block()?;
        walk_xml(&xml, Dialect::Word, &mut sink, limits, deadline)?;
    }
    Ok(Extracted::plain(Format::Docx, sink.text))
}

pub(crate) fn extract_odt(
    bytes: &[u8],
    limits: &Limits,
    deadline: &Deadline,
) -> Result<Extracted, ExtractError> {
    let mut zip = GuardedZip::open(bytes, limits, "ODT")?;
    let content = zip
        .read_entry("content.xml")?
        .ok_or(ExtractError::MissingPart {
            format: "ODT",
            part: "content.xml",
        })?;
    let mut sink = TextSink::new(limits);
    walk_xml(&content, Dialect::Odf, &mut sink, limits, deadline)?;
    if let Some(styles) = zip.read_entry("styles.xml")? {
        deadline.check()?;
        sink.end_block()?;
        walk_xml(
            &styles,
            Dialect::OdfHeadersFooters,
            &mut sink,
            limits,
            deadline,
        )?;
    }
    Ok(Extracted::plain(Format::Odt, sink.text))
}
