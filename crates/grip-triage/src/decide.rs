//! From a reading to a proposal: the impact on AI, the categories present and new, the
//! components concerned, and the grounds that make a change an escalation.

use std::collections::BTreeSet;

use grip_knowledge::changes::{CueKind, GroundId, Region};

use crate::baseline::{Baseline, Deployment};
use crate::components::shared_words;
use crate::knowledge::ChangeKnowledge;
use crate::output::{ChangeKind, Impact};
use crate::read::{Reading, Sentence};

/// A ground for escalation with what fills its reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ground {
    pub id: GroundId,
    /// Values for the reason's placeholders: (`component`, …).
    pub values: Vec<(&'static str, String)>,
}

/// The decision before it is put into words.
pub(crate) struct Decision {
    pub impact: Impact,
    pub categories: Vec<String>,
    pub new_categories: Vec<String>,
    pub components: Vec<usize>,
    pub grounds: Vec<Ground>,
    /// Sentences that change declared AI without naming a function the lexicon knows.
    pub component_changes: Vec<(usize, usize)>,
}

pub(crate) fn decide(
    text: &str,
    reading: &Reading,
    baseline: &Baseline,
    knowledge: &ChangeKnowledge,
    annex_hints: &[String],
) -> Decision {
    let component_changes = component_changes(reading, baseline);
    let impact = impact(reading, &component_changes);
    let mut categories = BTreeSet::new();
    let mut components = BTreeSet::new();
    let mut generic = BTreeSet::new();
    for item in &reading.items {
        if item.change != ChangeKind::Removes {
            if item.technique && item.covered {
                // "AI", "the model": the categories of the declared AI it describes.
                let declared = item.components.iter();
                categories
                    .extend(declared.flat_map(|&c| baseline.components[c].categories.clone()));
                generic.insert(item.category.clone());
            } else {
                categories.insert(item.category.clone());
            }
        }
        if item.change != ChangeKind::Mentions || !item.covered {
            components.extend(item.components.iter().copied());
        }
    }
    for &(_, component) in &component_changes {
        components.insert(component);
    }
    if categories.is_empty() && impact != Impact::NoAiImpact {
        categories = generic;
    }
    let categories: Vec<String> = ordered(categories);
    let declared: BTreeSet<&str> = baseline.declared_categories().collect();
    let new_categories: Vec<String> = categories
        .iter()
        .filter(|c| !declared.contains(c.as_str()))
        .cloned()
        .collect();
    let mut decision = Decision {
        impact,
        categories,
        new_categories,
        components: components.into_iter().collect(),
        grounds: Vec::new(),
        component_changes,
    };
    if matches!(impact, Impact::AddsAi | Impact::ChangesAi) {
        decision.grounds = grounds(text, reading, baseline, knowledge, annex_hints, &decision);
    }
    decision
}

/// Categories in the screening contract's order.
fn ordered(set: BTreeSet<String>) -> Vec<String> {
    grip_screen::CATEGORIES
        .iter()
        .filter(|c| set.contains(**c))
        .map(|c| (*c).to_owned())
        .collect()
}

/// Sentences naming a declared AI component with a cue that changes or removes it:
/// (sentence, component). They count even when no AI function is recognised in them
/// ("the emergency braking assistant can no longer be switched off").
fn component_changes(reading: &Reading, baseline: &Baseline) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for (index, sentence) in reading.sentences.iter().enumerate() {
        if !matches!(sentence.change(), ChangeKind::Changes | ChangeKind::Removes) {
            continue;
        }
        for &component in &sentence.components {
            if baseline.components[component].ai {
                found.push((index, component));
            }
        }
    }
    found
}

fn impact(reading: &Reading, component_changes: &[(usize, usize)]) -> Impact {
    let items = &reading.items;
    if items
        .iter()
        .any(|i| !i.covered && i.change != ChangeKind::Removes)
    {
        return Impact::AddsAi;
    }
    let changed = |s: usize| reading.sentences[s].change() == ChangeKind::Changes;
    if items
        .iter()
        .any(|i| i.covered && matches!(i.change, ChangeKind::Changes | ChangeKind::Adds))
        || component_changes.iter().any(|&(s, _)| changed(s))
    {
        return Impact::ChangesAi;
    }
    if items.iter().any(|i| i.change == ChangeKind::Removes) || !component_changes.is_empty() {
        return Impact::RemovesAi;
    }
    Impact::NoAiImpact
}

fn grounds(
    text: &str,
    reading: &Reading,
    baseline: &Baseline,
    knowledge: &ChangeKnowledge,
    annex_hints: &[String],
    decision: &Decision,
) -> Vec<Ground> {
    let content = knowledge.content();
    let mut grounds = Vec::new();
    let touched: BTreeSet<&str> = reading
        .items
        .iter()
        .filter(|i| !i.covered || i.change != ChangeKind::Mentions)
        .map(|i| i.category.as_str())
        .collect();
    for category in &content.escalating_categories {
        if touched.contains(category.as_str()) {
            grounds.push(ground(
                GroundId::SensitiveCategory,
                [("category", category.clone())],
            ));
        }
    }
    let relevant = relevant_sentences(reading, decision);
    for &s in &relevant {
        let sentence = &reading.sentences[s];
        for hit in sentence
            .cues
            .iter()
            .filter(|c| c.kind == CueKind::Prohibited)
        {
            let cue = &content.cue[hit.cue];
            let area = cue.article.clone().unwrap_or_default();
            if !grounds
                .iter()
                .any(|g: &Ground| g.values.iter().any(|(_, v)| *v == area))
            {
                grounds.push(ground(GroundId::ProhibitedPractice, [("area", area)]));
            }
        }
    }
    let known_areas: BTreeSet<&str> = baseline
        .classification
        .iter()
        .flat_map(|c| c.annex_iii_points.iter().map(String::as_str))
        .collect();
    for hint in annex_hints {
        if !known_areas.contains(hint.as_str()) {
            grounds.push(ground(GroundId::NewAnnexIiiArea, [("area", hint.clone())]));
        }
    }
    non_eu(text, reading, baseline, decision, &mut grounds);
    new_providers(reading, baseline, knowledge, &relevant, &mut grounds);
    switchability(reading, baseline, decision, &relevant, &mut grounds);
    conditions(text, reading, baseline, &relevant, &mut grounds);
    grounds
}

fn ground<const N: usize>(id: GroundId, values: [(&'static str, String); N]) -> Ground {
    Ground {
        id,
        values: values.into(),
    }
}

/// Sentences that say something about the AI that changes: those with an affirmed AI
/// finding or naming a declared AI component with a cue.
fn relevant_sentences(reading: &Reading, decision: &Decision) -> Vec<usize> {
    let mut set: BTreeSet<usize> = reading
        .items
        .iter()
        .filter(|i| !i.covered || i.change != ChangeKind::Mentions)
        .map(|i| i.sentence)
        .collect();
    set.extend(decision.component_changes.iter().map(|&(s, _)| s));
    set.into_iter().collect()
}

/// Processing outside the EU: a sentence naming a non-EU place together with processing,
/// servers or the cloud, in a notice that changes or adds AI.
fn non_eu(
    text: &str,
    reading: &Reading,
    baseline: &Baseline,
    decision: &Decision,
    grounds: &mut Vec<Ground>,
) {
    let processing = |s: &Sentence| {
        let lower = text[s.range.clone()].to_lowercase();
        s.has(CueKind::MovesToCloud)
            || [
                "process",
                "verwerk",
                "stored",
                "opgeslagen",
                "opslag",
                "hosted",
                "server",
                "data cent",
                "datacent",
                "cloud",
                "region",
                "regio",
            ]
            .iter()
            .any(|w| lower.contains(w))
    };
    if !reading
        .sentences
        .iter()
        .any(|s| s.has(CueKind::NonEuLocation) && processing(s))
    {
        return;
    }
    let component = decision
        .components
        .first()
        .map(|&c| &baseline.components[c]);
    if component.is_some_and(|c| c.deployment == Some(Deployment::CloudNonEu)) {
        return;
    }
    grounds.push(ground(
        GroundId::NonEuCloud,
        [(
            "component",
            component.map_or_else(|| baseline.system.clone(), |c| c.name.clone()),
        )],
    ));
}

fn new_providers(
    reading: &Reading,
    baseline: &Baseline,
    knowledge: &ChangeKnowledge,
    relevant: &[usize],
    grounds: &mut Vec<Ground>,
) {
    let declared: Vec<String> = baseline
        .components
        .iter()
        .flat_map(|c| [c.provider.as_deref(), c.model.as_deref()])
        .flatten()
        .map(str::to_lowercase)
        .collect();
    let mut named = BTreeSet::new();
    for &s in relevant {
        named.extend(reading.sentences[s].providers.iter().copied());
    }
    for index in named {
        let provider = &knowledge.content().provider[index];
        let known = declared.iter().any(|d| {
            d.contains(&provider.name.to_lowercase())
                || provider.names.iter().any(|n| d.contains(n.as_str()))
        });
        if !known {
            let region = match provider.region {
                Region::Eu => "EU",
                Region::NonEu => "non-EU",
            };
            grounds.push(ground(
                GroundId::NewAiProvider,
                [("provider", format!("{} ({region})", provider.name))],
            ));
        }
    }
}

/// A declared switchable AI component that a sentence says can no longer be switched off.
fn switchability(
    reading: &Reading,
    baseline: &Baseline,
    decision: &Decision,
    relevant: &[usize],
    grounds: &mut Vec<Ground>,
) {
    for &s in relevant {
        let sentence = &reading.sentences[s];
        if !sentence.has(CueKind::AlwaysOn) {
            continue;
        }
        let named = sentence.components.iter();
        let concerned = decision.components.iter();
        for &c in named.chain(concerned) {
            let component = &baseline.components[c];
            let already = grounds.iter().any(|g| g.id == GroundId::NoLongerSwitchable);
            if component.ai && component.switchable == Some(true) && !already {
                grounds.push(ground(
                    GroundId::NoLongerSwitchable,
                    [("component", component.name.clone())],
                ));
            }
        }
    }
}

/// An award condition sharing two identifying words with a sentence that changes AI, or
/// one about the EU when processing leaves it.
fn conditions(
    text: &str,
    reading: &Reading,
    baseline: &Baseline,
    relevant: &[usize],
    grounds: &mut Vec<Ground>,
) {
    let leaves_eu = grounds.iter().any(|g| g.id == GroundId::NonEuCloud);
    for condition in &baseline.conditions {
        let lower = condition.to_lowercase();
        let about_eu = ["eu", "europ", "eer", "eea"].iter().any(|w| {
            lower
                .split(|c: char| !c.is_alphanumeric())
                .any(|x| x.starts_with(w))
        });
        let touched = relevant.iter().any(|&s| {
            let sentence = &reading.sentences[s];
            sentence.change() != ChangeKind::Mentions
                && shared_words(condition, &text[sentence.range.clone()]) >= 2
        });
        if touched || (about_eu && leaves_eu) {
            grounds.push(ground(
                GroundId::BrokenCondition,
                [("condition", condition.trim_end_matches('.').to_owned())],
            ));
        }
    }
}
