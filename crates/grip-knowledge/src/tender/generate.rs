//! The pure tender-package generator: select items from the `questions` and `clauses` packs
//! by the dossier's category and classification, fill scenario slots, and give each item a reason.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::clauses::{ClausesPack, Variant};
use super::questions::{QuestionsPack, SCENARIO_SLOTS};
use super::tags::{Tags, Use, fill_template};
use crate::classification::{Route, Verdict};
use crate::common::Text;
use crate::pack::PackError;

pub const TENDER_PACKAGE_SCHEMA: &str = "grip.tender-package/1";

/// The packs the generator draws from.
#[derive(Debug, Clone)]
pub struct TenderKnowledge {
    pub questions: QuestionsPack,
    pub clauses: ClausesPack,
}

impl TenderKnowledge {
    pub fn embedded() -> Result<Self, PackError> {
        Ok(Self {
            questions: QuestionsPack::embedded()?,
            clauses: ClausesPack::embedded()?,
        })
    }
}

/// What the generator needs to know about a dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierFacts {
    pub title: String,
    /// Portfolio category code, e.g. `voertuigen`.
    pub category: String,
    pub operational_context: String,
    pub classification: ClassificationFacts,
    /// Scenario slot values from the dossier (`time`, `place`, `incident`, `people`, `load`).
    #[serde(default)]
    pub slots: BTreeMap<String, String>,
    #[serde(default)]
    pub findings: Vec<ScreeningFinding>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassificationFacts {
    pub verdict: Verdict,
    #[serde(default)]
    pub route: Option<Route>,
    #[serde(default)]
    pub annex_iii_points: Vec<String>,
    /// Art. 50 paragraphs such as `50(1)`.
    #[serde(default)]
    pub transparency: Vec<String>,
}

/// A passage found by screening a supplier's own document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScreeningFinding {
    pub document: String,
    pub category: String,
    pub excerpt: String,
    /// The supplier who sent the document: the question quoting it goes to them alone.
    #[serde(default)]
    pub addressee: Option<String>,
}

/// The generated package; serialised as is, this is the JSON export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenderPackage {
    pub schema: String,
    pub title: String,
    pub category: String,
    pub verdict: Verdict,
    /// `id@version sha256:HASH` of every pack used, so the package can be replayed.
    pub knowledge: Vec<String>,
    pub sections: Vec<Section>,
}

impl TenderPackage {
    pub fn section(&self, kind: SectionKind) -> Option<&Section> {
        self.sections.iter().find(|s| s.kind == kind)
    }

    pub fn items(&self) -> impl Iterator<Item = &PackageItem> {
        self.sections.iter().flat_map(|s| &s.items)
    }

    /// The package as it goes out to `supplier`, or to every bidder when None: items quoting
    /// another supplier's document are left out (all of them for every bidder), and Grip's
    /// internal reasons for selecting an item are emptied. The shape stays the same.
    pub fn for_addressee(&self, supplier: Option<&str>) -> TenderPackage {
        let mut out = self.clone();
        for section in &mut out.sections {
            section
                .items
                .retain(|i| i.addressee.is_none() || i.addressee.as_deref() == supplier);
            for item in &mut section.items {
                item.reason = Text {
                    nl: String::new(),
                    en: String::new(),
                };
            }
        }
        out
    }

    /// The suppliers (ids) that items are addressed to, in order of first appearance.
    pub fn addressees(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for a in self.items().filter_map(|i| i.addressee.clone()) {
            if !out.contains(&a) {
                out.push(a);
            }
        }
        out
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    Disclosure,
    Probing,
    Scenario,
    Requirement,
    Clause,
    Award,
}

impl SectionKind {
    pub const ALL: [SectionKind; 6] = [
        Self::Disclosure,
        Self::Probing,
        Self::Scenario,
        Self::Requirement,
        Self::Clause,
        Self::Award,
    ];

    pub fn title(self) -> Text {
        let (nl, en) = match self {
            Self::Disclosure => ("Vragen over de AI in het product", "Disclosure questions"),
            Self::Probing => ("Verdiepende vragen", "Probing questions"),
            Self::Scenario => ("Scenariovragen", "Scenario questions"),
            Self::Requirement => ("Eisen", "Requirements"),
            Self::Clause => ("Contractbepalingen", "Contract clauses"),
            Self::Award => ("Gunningscriteria", "Award criteria"),
        };
        Text {
            nl: nl.into(),
            en: en.into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub kind: SectionKind,
    pub items: Vec<PackageItem>,
}

/// One question, requirement, clause or criterion, linked to its knowledge item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackageItem {
    /// Unique within the package; equals `knowledge_id` except for items made per finding.
    pub key: String,
    pub knowledge_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    pub text: Text,
    #[serde(rename = "use")]
    pub use_: Use,
    /// Which rule and which dossier fact selected the item.
    pub reason: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purpose: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secures: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<u32>,
    /// The knowledge item's own wording, present when the buyer has reworded the item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<Text>,
    /// The supplier (id) this item is addressed to alone, because it quotes their document.
    /// Not part of the exported document: an export is made for one addressee.
    #[serde(skip)]
    pub addressee: Option<String>,
}

impl PackageItem {
    fn new(id: &str, text: Text, use_: Use, reason: Text) -> Self {
        Self {
            key: id.to_string(),
            knowledge_id: id.to_string(),
            title: None,
            text,
            use_,
            reason,
            purpose: None,
            secures: None,
            source: None,
            group: None,
            weight: None,
            original: None,
            addressee: None,
        }
    }
}

/// Build the package. Items keep pack order inside each section, so the same facts and
/// packs always give the same package.
pub fn generate(knowledge: &TenderKnowledge, facts: &DossierFacts) -> TenderPackage {
    let q = knowledge.questions.content();
    let c = knowledge.clauses.content();
    let questions = |list: &[super::Question]| -> Vec<PackageItem> {
        list.iter()
            .filter_map(|item| {
                let reason = selection_reason(&item.id, &item.tags, facts, None)?;
                Some(PackageItem::new(
                    &item.id,
                    item.text.clone(),
                    item.use_,
                    reason,
                ))
            })
            .collect()
    };
    let disclosure = questions(&q.disclosure);
    let mut probing = questions(&q.probing);
    probing.extend(finding_items(knowledge, facts));
    let scenarios = q
        .scenario
        .iter()
        .filter_map(|s| {
            let mut reason = selection_reason(&s.id, &s.tags, facts, None)?;
            let mut from_dossier = Vec::new();
            let fill = |lang_nl: bool, from_dossier: &mut Vec<String>| {
                let template = if lang_nl { &s.text.nl } else { &s.text.en };
                fill_template(template, |slot| {
                    if let Some(value) = facts.slots.get(slot).filter(|v| !v.trim().is_empty()) {
                        from_dossier.push(slot.to_string());
                        return Some(value.trim().to_string());
                    }
                    let default = s.defaults.get(slot)?;
                    Some(if lang_nl { &default.nl } else { &default.en }.clone())
                })
            };
            let text = Text {
                nl: fill(true, &mut from_dossier),
                en: fill(false, &mut from_dossier),
            };
            let filled: BTreeSet<&str> = from_dossier.iter().map(String::as_str).collect();
            if !filled.is_empty() {
                let list = SCENARIO_SLOTS
                    .iter()
                    .filter(|s| filled.contains(*s))
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", ");
                reason
                    .nl
                    .push_str(&format!(" Ingevuld uit het dossier: {list}."));
                reason
                    .en
                    .push_str(&format!(" Filled from the dossier: {list}."));
            }
            let mut item = PackageItem::new(&s.id, text, s.use_, reason);
            item.title = Some(s.title.clone());
            Some(item)
        })
        .collect();
    let clause_items = |list: &[super::Clause]| -> Vec<PackageItem> {
        list.iter()
            .filter_map(|cl| {
                let reason = selection_reason(&cl.id, &cl.tags, facts, Some(cl.variant))?;
                let mut item = PackageItem::new(&cl.id, cl.text.clone(), cl.use_, reason);
                item.title = Some(cl.title.clone());
                item.purpose = Some(cl.purpose.clone());
                item.secures = Some(cl.secures.clone());
                item.source = cl.source.clone();
                Some(item)
            })
            .collect()
    };
    let requirements = clause_items(&c.requirement);
    let clauses = clause_items(&c.clause);
    let award = award_items(knowledge, facts);
    let sections = [disclosure, probing, scenarios, requirements, clauses, award];
    TenderPackage {
        schema: TENDER_PACKAGE_SCHEMA.to_string(),
        title: facts.title.clone(),
        category: facts.category.clone(),
        verdict: facts.classification.verdict,
        knowledge: vec![
            format!(
                "{} sha256:{}",
                knowledge.questions.label(),
                knowledge.questions.content_hash()
            ),
            format!(
                "{} sha256:{}",
                knowledge.clauses.label(),
                knowledge.clauses.content_hash()
            ),
        ],
        sections: SectionKind::ALL
            .into_iter()
            .zip(sections)
            .map(|(kind, items)| Section { kind, items })
            .collect(),
    }
}

/// High-risk items are selected when the verdict is high-risk, and also while it is still
/// undetermined, because an unanswered classification must not weaken the tender.
fn treated_as_high_risk(verdict: Verdict) -> bool {
    matches!(
        verdict,
        Verdict::HighRisk | Verdict::Undetermined | Verdict::Prohibited
    )
}

/// `None` when the item does not apply; otherwise the facts that made it apply.
fn selection_reason(
    id: &str,
    tags: &Tags,
    facts: &DossierFacts,
    variant: Option<Variant>,
) -> Option<Text> {
    let cl = &facts.classification;
    let verdict = cl.verdict.as_str();
    let high = treated_as_high_risk(cl.verdict);
    let mut nl: Vec<String> = Vec::new();
    let mut en: Vec<String> = Vec::new();
    if !tags.categories.is_empty() {
        if !tags.categories.contains(&facts.category) {
            return None;
        }
        nl.push(format!("categorie {}", facts.category));
        en.push(format!("category {}", facts.category));
    }
    if !tags.verdicts.is_empty() {
        let direct = tags.verdicts.iter().any(|v| v == verdict);
        let precaution =
            cl.verdict == Verdict::Undetermined && tags.verdicts.iter().any(|v| v == "high_risk");
        if !direct && !precaution {
            return None;
        }
        if direct {
            nl.push(format!("oordeel {verdict}"));
            en.push(format!("verdict {verdict}"));
        } else {
            nl.push("oordeel nog onbepaald, uit voorzorg als hoog risico behandeld".into());
            en.push("verdict still undetermined, treated as high-risk as a precaution".into());
        }
    }
    if !tags.annex_iii.is_empty() {
        let hit: Vec<&str> = cl
            .annex_iii_points
            .iter()
            .filter(|p| tags.annex_iii.contains(p))
            .map(String::as_str)
            .collect();
        if hit.is_empty() {
            return None;
        }
        nl.push(format!("bijlage III punt {}", hit.join(", ")));
        en.push(format!("Annex III point {}", hit.join(", ")));
    }
    if !tags.transparency.is_empty() {
        let hit: Vec<&str> = cl
            .transparency
            .iter()
            .filter(|p| tags.transparency.contains(p))
            .map(String::as_str)
            .collect();
        if hit.is_empty() {
            return None;
        }
        nl.push(format!("transparantieplicht art. {}", hit.join(", ")));
        en.push(format!("transparency duty Art. {}", hit.join(", ")));
    }
    match variant {
        Some(Variant::HighRisk) if !high => return None,
        Some(Variant::NonHighRisk) if high => return None,
        Some(Variant::HighRisk) => {
            let route = route_text(cl.route);
            nl.push(format!("hoog-risicovariant{}", route.0));
            en.push(format!("high-risk variant{}", route.1));
        }
        Some(Variant::NonHighRisk) => {
            nl.push(format!("variant zonder hoog risico (oordeel {verdict})"));
            en.push(format!("non-high-risk variant (verdict {verdict})"));
        }
        _ => {}
    }
    if nl.is_empty() {
        nl.push("geldt voor elk product dat AI kan bevatten".into());
        en.push("applies to every product that may contain AI".into());
    }
    Some(Text {
        nl: format!("Kennisitem {id}, geselecteerd op: {}.", nl.join("; ")),
        en: format!("Knowledge item {id}, selected on: {}.", en.join("; ")),
    })
}

fn route_text(route: Option<Route>) -> (&'static str, &'static str) {
    match route {
        Some(Route::AnnexIA) => (" (route bijlage I, deel A)", " (route Annex I, section A)"),
        Some(Route::AnnexIB) => (" (route bijlage I, deel B)", " (route Annex I, section B)"),
        Some(Route::AnnexIii) => (" (route bijlage III)", " (route Annex III)"),
        None => ("", ""),
    }
}

/// One probing question per distinct finding, quoting the passage, addressed to the supplier
/// whose document it is. Categories are named in words, never by their code.
fn finding_items(knowledge: &TenderKnowledge, facts: &DossierFacts) -> Vec<PackageItem> {
    let probe = &knowledge.questions.content().finding_probe;
    let mut seen = BTreeSet::new();
    let mut items = Vec::new();
    for finding in &facts.findings {
        let excerpt = finding
            .excerpt
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let key = (
            finding.addressee.clone(),
            finding.document.clone(),
            excerpt.clone(),
        );
        if excerpt.is_empty() || !seen.insert(key) {
            continue;
        }
        let category = probe.category_name(&finding.category);
        let fill = |template: &str, category: &str| {
            fill_template(template, |slot| match slot {
                "document" => Some(finding.document.clone()),
                "category" => Some(category.to_string()),
                "excerpt" => Some(excerpt.clone()),
                _ => None,
            })
        };
        let text = Text {
            nl: fill(&probe.text.nl, &category.nl),
            en: fill(&probe.text.en, &category.en),
        };
        let reason = Text {
            nl: format!(
                "Kennisitem {}: screening vond in {} een passage over {}.",
                probe.id, finding.document, category.nl
            ),
            en: format!(
                "Knowledge item {}: screening found a passage about {} in {}.",
                probe.id, category.en, finding.document
            ),
        };
        let mut item = PackageItem::new(&probe.id, text, probe.use_, reason);
        item.key = format!("{}#{}", probe.id, items.len() + 1);
        item.addressee = finding.addressee.clone();
        items.push(item);
    }
    items
}

/// Selected criteria with their weights rescaled so each group adds up to 100
/// (largest remainder, ties to pack order).
fn award_items(knowledge: &TenderKnowledge, facts: &DossierFacts) -> Vec<PackageItem> {
    let mut items: Vec<(u32, PackageItem)> = knowledge
        .clauses
        .content()
        .award
        .iter()
        .filter_map(|a| {
            let reason = selection_reason(&a.id, &a.tags, facts, None)?;
            let mut item = PackageItem::new(&a.id, a.text.clone(), Use::Award, reason);
            item.title = Some(a.title.clone());
            item.group = Some(a.group.clone());
            Some((a.weight, item))
        })
        .collect();
    let groups: BTreeSet<String> = items.iter().filter_map(|(_, i)| i.group.clone()).collect();
    for group in groups {
        let members: Vec<usize> = (0..items.len())
            .filter(|&i| items[i].1.group.as_deref() == Some(group.as_str()))
            .collect();
        let total: u32 = members.iter().map(|&i| items[i].0).sum();
        let mut shares: Vec<(usize, u32, u32)> = members
            .iter()
            .map(|&i| {
                let scaled = items[i].0 * 100;
                (i, scaled / total, scaled % total)
            })
            .collect();
        let assigned: u32 = shares.iter().map(|s| s.1).sum();
        let mut order: Vec<usize> = (0..shares.len()).collect();
        order.sort_by(|&a, &b| shares[b].2.cmp(&shares[a].2).then(a.cmp(&b)));
        for &k in order.iter().take((100 - assigned) as usize) {
            shares[k].1 += 1;
        }
        for (i, weight, _) in shares {
            items[i].1.weight = Some(weight);
        }
    }
    items.into_iter().map(|(_, item)| item).collect()
}
