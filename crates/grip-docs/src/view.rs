//! The package resolved for one language and numbered, as the DOCX and PDF renderers lay it
//! out. Both formats read this one view, so numbering and labels are the same in each; the
//! PDF template receives it as JSON data, never as markup.

use grip_knowledge::Lang;
use grip_knowledge::tender::{PackageItem, SectionKind, TenderPackage, Use};
use serde::Serialize;

use crate::CoverInfo;
use crate::vocab::{Words, lang_code, use_label, verdict_label, words};

#[derive(Debug, Serialize)]
pub(crate) struct DocView {
    /// ISO 639-1 code, so hyphenation and quotes follow the language.
    pub lang: &'static str,
    pub label: String,
    pub document: &'static str,
    pub title: String,
    pub cover: Vec<Field>,
    pub page: &'static str,
    pub of: &'static str,
    pub columns: [&'static str; 3],
    pub sections: Vec<SectionView>,
}

/// A named value; several values are shown on separate lines.
#[derive(Debug, Serialize)]
pub(crate) struct Field {
    pub name: &'static str,
    pub values: Vec<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct SectionView {
    pub number: String,
    pub title: String,
    pub award: bool,
    /// Shown instead of items when the section is empty.
    pub empty: Option<&'static str>,
    pub items: Vec<ItemView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ItemView {
    /// `section.item`, e.g. `1.3`.
    pub number: String,
    pub title: Option<String>,
    pub text: String,
    pub use_label: &'static str,
    pub use_kind: &'static str,
    /// Purpose, secures and source, in that order, where present.
    pub notes: Vec<Field>,
    pub group: String,
    pub weight: String,
}

pub(crate) fn build(package: &TenderPackage, lang: Lang, cover: &CoverInfo) -> DocView {
    let w = words(lang);
    DocView {
        lang: lang_code(lang),
        label: clean(&cover.label),
        document: w.document,
        title: clean(cover.title.trim()),
        cover: cover_fields(package, lang, cover, &w),
        page: w.page,
        of: w.of,
        columns: [w.criterion, w.group, w.weight],
        sections: package
            .sections
            .iter()
            .enumerate()
            .map(|(index, section)| {
                let number = (index + 1).to_string();
                SectionView {
                    title: clean(section.kind.title().get(lang)),
                    award: section.kind == SectionKind::Award,
                    empty: section.items.is_empty().then_some(w.empty),
                    items: section
                        .items
                        .iter()
                        .enumerate()
                        .map(|(i, item)| item_view(&format!("{number}.{}", i + 1), item, lang, &w))
                        .collect(),
                    number,
                }
            })
            .collect(),
    }
}

fn cover_fields(package: &TenderPackage, lang: Lang, cover: &CoverInfo, w: &Words) -> Vec<Field> {
    let one = |name, value: &str| Field {
        name,
        values: vec![clean(value)],
    };
    let mut fields = Vec::new();
    if let Some(addressee) = &cover.addressee {
        fields.push(one(w.addressee, addressee));
    }
    fields.push(one(w.dossier, &cover.dossier_id));
    fields.push(one(w.date, &cover.date.to_string()));
    if let Some(category) = &cover.category {
        fields.push(one(w.category, category.get(lang)));
    }
    fields.push(one(w.verdict, &verdict_label(package.verdict, lang)));
    fields.push(one(w.classification, &cover.label));
    fields
}

fn item_view(number: &str, item: &PackageItem, lang: Lang, w: &Words) -> ItemView {
    let mut notes = Vec::new();
    let mut note = |name, value: Option<&str>| {
        if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
            notes.push(Field {
                name,
                values: vec![clean(value)],
            });
        }
    };
    note(w.purpose, item.purpose.as_ref().map(|t| t.get(lang)));
    note(w.secures, item.secures.as_ref().map(|t| t.get(lang)));
    note(w.source, item.source.as_deref());
    // A reason, if the caller left one in, is Grip's internal selection logic: never printed.
    ItemView {
        number: number.to_string(),
        title: item.title.as_ref().map(|t| clean(t.get(lang))),
        text: clean(item.text.get(lang)),
        use_label: use_label(item.use_, lang),
        use_kind: match item.use_ {
            Use::KnockOut => "knock_out",
            Use::Award => "award",
            Use::Information => "information",
        },
        notes,
        group: item.group.as_deref().map(clean).unwrap_or_default(),
        weight: item.weight.map(|w| w.to_string()).unwrap_or_default(),
    }
}

/// Drops characters that XML 1.0 forbids and that no reader should see (control characters
/// other than tab and newline, non-characters), so user text can never break a document.
pub(crate) fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}')
                && c != '\r'
                && c != '\u{fffe}'
                && c != '\u{ffff}'
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn clean_keeps_text_and_drops_control_characters() {
        assert_eq!(clean("a\u{0}b\u{7}c\r\nd\te\u{ffff}"), "abc\nd\te");
        assert_eq!(clean("<script>&]]>"), "<script>&]]>");
    }
}
