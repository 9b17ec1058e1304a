//! Reading a notice: its sentences with the cues, components and providers each names, and
//! the screening's AI findings placed in their sentences and compared with the baseline.

use std::ops::Range;

use grip_knowledge::changes::CueKind;
use grip_screen::{Screening, char_range_to_bytes};

use crate::baseline::Baseline;
use crate::components::ComponentWords;
use crate::knowledge::{ChangeKnowledge, CueHit};
use crate::output::ChangeKind;
use crate::sentences::{sentence_at, sentence_ranges};

/// One sentence and what it names.
pub(crate) struct Sentence {
    pub range: Range<usize>,
    pub cues: Vec<CueHit>,
    /// Baseline components whose name it mentions.
    pub components: Vec<usize>,
    /// Providers of the pack it names.
    pub providers: Vec<usize>,
    /// Whether an affirmed AI finding lies in it.
    pub has_ai: bool,
}

impl Sentence {
    pub(crate) fn has(&self, kind: CueKind) -> bool {
        self.cues.iter().any(|c| c.kind == kind)
    }

    /// What the sentence does to an AI function it is about, read from its cues.
    pub(crate) fn change(&self) -> ChangeKind {
        if self.has(CueKind::Removes) {
            ChangeKind::Removes
        } else if self.cues.iter().any(|c| c.kind.is_change()) {
            ChangeKind::Changes
        } else if self.has(CueKind::Adds) {
            ChangeKind::Adds
        } else {
            ChangeKind::Mentions
        }
    }
}

/// A screening finding placed in the notice.
pub(crate) struct Item {
    /// Index into the screening's findings.
    pub finding: usize,
    pub sentence: usize,
    pub category: String,
    /// AI components of the baseline it concerns.
    pub components: Vec<usize>,
    /// Whether the baseline already declares this AI (same category in a component it
    /// concerns, or in any AI component when the sentence names none and adds nothing).
    pub covered: bool,
    pub change: ChangeKind,
}

/// Everything the decision needs about one notice.
pub(crate) struct Reading {
    pub sentences: Vec<Sentence>,
    pub items: Vec<Item>,
}

/// A short line before a sentence ("Nieuw:", "New features") lends it its cues.
const HEADING_MAX_BYTES: usize = 60;

pub(crate) fn read(
    text: &str,
    screening: &Screening,
    baseline: &Baseline,
    knowledge: &ChangeKnowledge,
) -> Reading {
    let words = ComponentWords::of(baseline);
    let ranges = sentence_ranges(text);
    let mut sentences: Vec<Sentence> = ranges
        .iter()
        .map(|range| {
            let sentence = &text[range.clone()];
            Sentence {
                range: range.clone(),
                cues: knowledge.cues_in(sentence),
                components: words.mentioned_in(sentence),
                providers: provider_indexes(knowledge, sentence),
                has_ai: false,
            }
        })
        .collect();
    lend_heading_cues(text, &mut sentences);
    let mut items = Vec::new();
    for (index, finding) in screening.findings.iter().enumerate() {
        if finding.negated {
            continue;
        }
        let Some(bytes) = char_range_to_bytes(text, finding.start, finding.end) else {
            continue;
        };
        let Some(at) = sentence_at(&ranges, bytes.start) else {
            continue;
        };
        sentences[at].has_ai = true;
        items.push(place(
            index,
            &finding.indicator,
            &finding.category,
            at,
            &sentences[at],
            baseline,
        ));
    }
    Reading { sentences, items }
}

fn provider_indexes(knowledge: &ChangeKnowledge, sentence: &str) -> Vec<usize> {
    let all = &knowledge.content().provider;
    knowledge
        .providers_in(sentence)
        .into_iter()
        .filter_map(|p| all.iter().position(|q| q.id == p.id))
        .collect()
}

/// "Nieuw: gezichtsvergelijking." or a "Removed" heading: a short line whose only cue is
/// adds or removes passes that cue to the sentence after it.
fn lend_heading_cues(text: &str, sentences: &mut [Sentence]) {
    for i in 1..sentences.len() {
        let (before, after) = sentences.split_at_mut(i);
        let heading = &before[i - 1];
        if heading.range.len() > HEADING_MAX_BYTES || heading.has_ai {
            continue;
        }
        let short = text[heading.range.clone()].split_whitespace().count() <= 4;
        if !short {
            continue;
        }
        for cue in &heading.cues {
            if matches!(cue.kind, CueKind::Adds | CueKind::Removes) && !after[0].has(cue.kind) {
                after[0].cues.push(CueHit {
                    start: 0,
                    end: 0,
                    ..*cue
                });
            }
        }
    }
}

fn place(
    finding: usize,
    indicator: &str,
    category: &str,
    sentence_index: usize,
    sentence: &Sentence,
    baseline: &Baseline,
) -> Item {
    let ai_named: Vec<usize> = sentence
        .components
        .iter()
        .copied()
        .filter(|&c| baseline.components[c].ai)
        .collect();
    let change = sentence.change();
    let same_category = |c: &usize| {
        baseline.components[*c]
            .categories
            .iter()
            .any(|k| k == category)
    };
    let named_without_ai: Vec<usize> = sentence
        .components
        .iter()
        .copied()
        .filter(|&c| !baseline.components[c].ai)
        .collect();
    let (components, covered) = if !ai_named.is_empty() {
        // A named AI component covers related AI of another category only when the
        // sentence changes it ("now also recognises faces" stays new).
        // Words for a technique or a vendor ("OpenAI", "neural network") in a sentence that
        // changes a named component describe that component's new workings, not a new
        // function.
        let technique = !indicator.starts_with("function.") && change == ChangeKind::Changes;
        let covered = technique || ai_named.iter().any(same_category);
        (ai_named, covered)
    } else {
        let by_category: Vec<usize> = (0..baseline.components.len())
            .filter(|c| baseline.components[*c].ai && same_category(c))
            .collect();
        // A sentence that only announces something new, naming no component, is a new
        // function even when the baseline has AI of the same kind elsewhere.
        let covered = !by_category.is_empty() && change != ChangeKind::Adds;
        if by_category.is_empty() {
            // New AI in a component declared without AI concerns that component.
            (named_without_ai, false)
        } else {
            (by_category, covered)
        }
    };
    Item {
        finding,
        sentence: sentence_index,
        category: category.to_owned(),
        components,
        covered,
        change: if covered || change != ChangeKind::Mentions {
            change
        } else {
            ChangeKind::Adds
        },
    }
}
