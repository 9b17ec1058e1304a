//! Checks the package sheet: the answers must be for exactly the package version at hand,
//! or a score would be pinned on questions the supplier never saw.

use super::sheet::SheetCells;
use crate::layout;
use crate::text::label_key;
use crate::{ImportProblem, WorkbookPackage};

pub(super) fn check(meta: &SheetCells, pkg: &WorkbookPackage, problems: &mut Vec<ImportProblem>) {
    for (row, col) in &meta.formulas {
        problems.push(super::answers::formula_problem(&meta.name, *row, *col));
    }
    let version = pkg.version.to_string();
    let expected = [
        (layout::META_FORMAT, layout::LAYOUT_FORMAT, "form layout"),
        (
            layout::META_PACKAGE_ID,
            pkg.package_id.as_str(),
            "package id",
        ),
        (layout::META_VERSION, version.as_str(), "version"),
        (layout::META_HASH, pkg.content_hash.as_str(), "content hash"),
    ];
    for (label, want, what_en) in expected {
        let Some(row) = find_label(meta, label) else {
            problems.push(
                ImportProblem::sheet(
                    &meta.name,
                    format!(
                        "Het gegeven „{label}\" ontbreekt in kolom A; hiermee controleren wij de \
                         pakketversie. Gebruik het antwoordformulier zoals u het kreeg."
                    ),
                    format!(
                        "The {what_en} (label \"{label}\") is missing from column A; it tells \
                         which package version the answers are for. Use the response workbook \
                         as you received it."
                    ),
                )
                .at_column(0),
            );
            continue;
        };
        let found = meta.text(row, 1).trim();
        if found == want {
            continue;
        }
        let problem = if label == layout::META_FORMAT {
            ImportProblem::sheet(
                &meta.name,
                format!(
                    "Dit antwoordformulier heeft een andere opzet („{found}\", verwacht \
                     „{want}\"). Vraag een nieuw formulier aan."
                ),
                format!(
                    "This response workbook has another layout (\"{found}\", expected \
                     \"{want}\"). Ask for a new workbook."
                ),
            )
        } else {
            ImportProblem::sheet(
                &meta.name,
                format!(
                    "Deze antwoorden horen bij een andere pakketversie: {label} is „{found}\", \
                     verwacht „{want}\". Gebruik het formulier van de huidige versie."
                ),
                format!(
                    "These answers are for a different package version: the {what_en} is \
                     \"{found}\", expected \"{want}\". Use the workbook of the current version."
                ),
            )
        };
        problems.push(problem.at_row(row).at_column(1));
    }
}

/// The row whose column A holds `label`.
fn find_label(meta: &SheetCells, label: &str) -> Option<u32> {
    let key = label.to_lowercase();
    meta.rows()
        .into_iter()
        .find(|&row| label_key(meta.text(row, 0)) == key)
}
