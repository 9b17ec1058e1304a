//! Placing a spend line in a portfolio category, with the reason: by its CPV code (the
//! category's own codes, then the same CPV group), by what the supplier was placed in before,
//! or by words of the category's name in the description. Lines none of these place stay
//! unplaced, for a buyer to place by hand (remembered per supplier).

use crate::line::{SpendLine, supplier_key};
use std::collections::HashMap;

/// A category as placement needs it.
#[derive(Debug, Clone)]
pub struct CategoryRef {
    pub code: String,
    pub name_nl: String,
    pub cpv: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlacedBy {
    Cpv,
    Supplier,
    Description,
    Manual,
}

impl PlacedBy {
    pub fn code(self) -> &'static str {
        match self {
            PlacedBy::Cpv => "cpv",
            PlacedBy::Supplier => "supplier",
            PlacedBy::Description => "description",
            PlacedBy::Manual => "manual",
        }
    }

    pub fn from_code(code: &str) -> Option<PlacedBy> {
        [
            PlacedBy::Cpv,
            PlacedBy::Supplier,
            PlacedBy::Description,
            PlacedBy::Manual,
        ]
        .into_iter()
        .find(|p| p.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    pub category: String,
    pub by: PlacedBy,
    pub reason_nl: String,
    pub reason_en: String,
}

pub struct Placer {
    categories: Vec<CategoryRef>,
    /// Eight-digit CPV code → category.
    exact: HashMap<String, usize>,
    /// Significant CPV digits (trailing zeros dropped, at least the division) → category.
    groups: Vec<(String, usize)>,
    /// Supplier key → category code, from placements before (by hand or by CPV).
    suppliers: HashMap<String, String>,
    /// Description words (at least five letters, from the category names) → category.
    words: Vec<(String, usize)>,
}

fn significant(cpv: &str) -> String {
    let digits: String = cpv.chars().take(8).collect();
    let trimmed = digits.trim_end_matches('0');
    let keep = trimmed.len().max(3);
    digits[..keep.min(digits.len())].to_string()
}

/// Words of a category name that say what it buys (not "en", "van", ...).
fn name_words(name: &str) -> Vec<String> {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 5)
        .map(|w| w.chars().take(8).collect())
        .collect()
}

impl Placer {
    pub fn new(categories: Vec<CategoryRef>, suppliers: HashMap<String, String>) -> Placer {
        let mut exact = HashMap::new();
        let mut groups = Vec::new();
        let mut words = Vec::new();
        for (i, c) in categories.iter().enumerate() {
            for code in &c.cpv {
                exact.insert(code.chars().take(8).collect(), i);
                groups.push((significant(code), i));
            }
            for word in name_words(&c.name_nl) {
                words.push((word, i));
            }
        }
        // Longer (more specific) groups first.
        groups.sort_by_key(|(g, _)| std::cmp::Reverse(g.len()));
        Placer {
            categories,
            exact,
            groups,
            suppliers,
            words,
        }
    }

    pub fn category_codes(&self) -> impl Iterator<Item = &str> {
        self.categories.iter().map(|c| c.code.as_str())
    }

    /// Remembers where a supplier belongs (a placement by hand, or a CPV code seen).
    pub fn learn(&mut self, supplier: &str, category: &str) {
        self.suppliers
            .entry(supplier_key(supplier))
            .or_insert_with(|| category.to_string());
    }

    pub fn place(&self, line: &SpendLine) -> Option<Placement> {
        self.by_cpv(line)
            .or_else(|| self.by_supplier(line))
            .or_else(|| self.by_description(line))
    }

    fn by_cpv(&self, line: &SpendLine) -> Option<Placement> {
        let cpv = line.cpv.as_deref()?;
        let eight: String = cpv.chars().take(8).collect();
        if let Some(&i) = self.exact.get(&eight) {
            let c = &self.categories[i];
            return Some(Placement {
                category: c.code.clone(),
                by: PlacedBy::Cpv,
                reason_nl: format!("CPV-code {cpv} hoort bij {}", c.name_nl),
                reason_en: format!("CPV code {cpv} belongs to {}", c.name_nl),
            });
        }
        let (group, i) = self
            .groups
            .iter()
            .find(|(g, _)| eight.starts_with(g.as_str()))?;
        let c = &self.categories[*i];
        Some(Placement {
            category: c.code.clone(),
            by: PlacedBy::Cpv,
            reason_nl: format!("CPV-code {cpv} valt in groep {group}… van {}", c.name_nl),
            reason_en: format!("CPV code {cpv} falls in group {group}… of {}", c.name_nl),
        })
    }

    fn by_supplier(&self, line: &SpendLine) -> Option<Placement> {
        let code = self.suppliers.get(&supplier_key(&line.supplier))?;
        let c = self.categories.iter().find(|c| &c.code == code)?;
        Some(Placement {
            category: c.code.clone(),
            by: PlacedBy::Supplier,
            reason_nl: format!("{} is eerder ingedeeld bij {}", line.supplier, c.name_nl),
            reason_en: format!("{} was placed in {} before", line.supplier, c.name_nl),
        })
    }

    fn by_description(&self, line: &SpendLine) -> Option<Placement> {
        let text = line.description.to_lowercase();
        let described: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
        let (word, i) = self
            .words
            .iter()
            .find(|(w, _)| described.iter().any(|d| d.starts_with(w.as_str())))?;
        let c = &self.categories[*i];
        Some(Placement {
            category: c.code.clone(),
            by: PlacedBy::Description,
            reason_nl: format!(
                "de omschrijving noemt \u{201c}{word}…\u{201d} ({})",
                c.name_nl
            ),
            reason_en: format!(
                "the description says \u{201c}{word}…\u{201d} ({})",
                c.name_nl
            ),
        })
    }
}
