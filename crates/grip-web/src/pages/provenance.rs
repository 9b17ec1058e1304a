//! How a document's origin reads on pages: the supplier (and bid or notice) or the role
//! inside the organisation that wrote it, in the reader's language.

use grip_core::document::Provenance;

use crate::i18n::Lang;

/// "Leverancier: Kordaan B.V. (Inschrijving 2026-14)", "Intern: Jurist", "Herkomst niet vastgelegd".
pub fn provenance_text(lang: Lang, p: &Provenance) -> String {
    match p {
        Provenance::Supplier {
            supplier,
            reference,
        } => {
            let mut text = format!("{}: {}", lang.t("provenance_supplier"), supplier.name);
            if let Some(r) = reference {
                text.push_str(&format!(" ({} {r})", lang.t("provenance_reference_short")));
            }
            text
        }
        Provenance::Internal { role } => {
            format!(
                "{}: {}",
                lang.t("provenance_internal"),
                lang.role_id(role.id())
            )
        }
        Provenance::Unrecorded => lang.t("provenance_unrecorded").to_string(),
    }
}
