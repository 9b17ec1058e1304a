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

    /// Whether a cue of this kind says the AI changes: "via" or "uses" only does so
    /// when the sentence names an AI provider.
    fn counts(&self, kind: CueKind) -> bool {
        kind.is_change() && (kind != CueKind::ProviderSwitch || !self.providers.is_empty())
    }

    /// Whether the sentence repairs a function or says it stays as it was.
    pub(crate) fn keeps(&self) -> bool {
        self.has(CueKind::Fix) || self.has(CueKind::Continues)
    }

    /// What the sentence does to an AI function it is about, read from its cues.
    pub(crate) fn change(&self) -> ChangeKind {
        if self.has(CueKind::Removes) && !self.has(CueKind::Fix) {
            // Under "Fixed", "remove a file from the queue" repairs; it removes nothing AI.
            ChangeKind::Removes
        } else if self
            .cues
            .iter()
            .any(|c| self.counts(c.kind) && !weak(c.kind))
        {
            ChangeKind::Changes
        } else if self.keeps() {
            // "Fixed a crash in face matching", "semantic search stays unchanged": the
            // function works as declared, even when the sentence also says "new" or names
            // a place.
            ChangeKind::Mentions
        } else if self.cues.iter().any(|c| self.counts(c.kind)) {
            ChangeKind::Changes
        } else if self.has(CueKind::Adds) {
            ChangeKind::Adds
        } else {
            ChangeKind::Mentions
        }
    }
}

/// Cues that name where or through whom, which a sentence saying that nothing changes
/// outweighs ("it is unclear whether it stays available in the United States").
fn weak(kind: CueKind) -> bool {
    matches!(
        kind,
        CueKind::NonEuLocation | CueKind::ProviderSwitch | CueKind::Extends
    )
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
    /// Whether the finding names a technique ("AI", "language model", "trained model")
    /// rather than a function: it then describes declared AI, not a new function.
    pub technique: bool,
}

/// Whether an indicator names a technique or vendor ("AI", "machine learning", "LLM",
/// "a trained model") rather than what a function does.
fn is_technique(indicator: &str) -> bool {
    indicator.starts_with("ai.")
        || indicator.starts_with("ml.")
        || matches!(indicator, "gen.explicit" | "function.learning_model")
}

/// Categories that say only that AI or learning is involved, not which function.
fn is_generic(category: &str) -> bool {
    matches!(category, "unspecified_ai" | "machine_learning")
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
    let mut placed = Vec::new();
    for (index, finding) in screening.findings.iter().enumerate() {
        if finding.negated {
            continue;
        }
        let Some(bytes) = char_range_to_bytes(text, finding.start, finding.end) else {
            continue;
        };
        if in_link(text, bytes.start) {
            // "github.com/openai/whisper" names where the text lives, not what it does.
            continue;
        }
        let Some(at) = sentence_at(&ranges, bytes.start) else {
            continue;
        };
        sentences[at].has_ai = true;
        placed.push((index, at));
    }
    // A notice that opens by announcing something new without naming its AI is about that
    // new thing where it later only says "the AI" (news: "Meta launches a new button. The
    // AI looks through your photos").
    let announces = sentences
        .first()
        .is_some_and(|s| s.has(CueKind::Adds) && !s.has_ai);
    let items = placed
        .into_iter()
        .map(|(index, at)| {
            let finding = &screening.findings[index];
            let (indicator, category) = (&finding.indicator, &finding.category);
            place(
                index,
                indicator,
                category,
                at,
                &sentences[at],
                baseline,
                announces,
            )
        })
        .collect();
    Reading { sentences, items }
}

/// Whether the byte offset lies inside a web address.
fn in_link(text: &str, at: usize) -> bool {
    let is_space =
        |c: char| c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | '<' | '>' | '"');
    let start = text[..at].rfind(is_space).map_or(0, |i| i + 1);
    let end = text[at..].find(is_space).map_or(text.len(), |i| at + i);
    let token = &text[start..end];
    token.contains("://") || token.starts_with("www.")
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
/// adds or removes passes that cue to the sentence after it; a section heading ("### New",
/// "Fixed:") passes its adds, removes or fix cue to every line of its section.
fn lend_heading_cues(text: &str, sentences: &mut [Sentence]) {
    let lent = |kind: CueKind| matches!(kind, CueKind::Adds | CueKind::Removes | CueKind::Fix);
    let mut section: Vec<CueHit> = Vec::new();
    let mut previous: Vec<CueHit> = Vec::new();
    for sentence in sentences.iter_mut() {
        let line = &text[sentence.range.clone()];
        let short =
            sentence.range.len() <= HEADING_MAX_BYTES && line.split_whitespace().count() <= 4;
        let own: Vec<CueHit> = sentence
            .cues
            .iter()
            .filter(|c| lent(c.kind))
            .copied()
            .collect();
        if short && is_section_heading(line) {
            section = own;
            previous.clear();
            continue;
        }
        for cue in section.iter().chain(&previous) {
            if !sentence.has(cue.kind) {
                sentence.cues.push(CueHit {
                    start: 0,
                    end: 0,
                    ..*cue
                });
            }
        }
        previous = if short {
            own.into_iter().filter(|c| c.kind != CueKind::Fix).collect()
        } else {
            Vec::new()
        };
    }
}

/// A markdown heading, a line ending in a colon or an HTML heading.
fn is_section_heading(line: &str) -> bool {
    let line = line.trim();
    line.starts_with('#') || line.ends_with(':') || line.to_lowercase().starts_with("<h")
}

fn place(
    finding: usize,
    indicator: &str,
    category: &str,
    sentence_index: usize,
    sentence: &Sentence,
    baseline: &Baseline,
    announces: bool,
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
    let technique = is_technique(indicator);
    let any_ai = baseline.components.iter().any(|c| c.ai);
    let (components, covered) = if !ai_named.is_empty() {
        // A named AI component covers related AI of another category only when the
        // sentence changes it ("now also recognises faces" stays new).
        // Words for a technique or a vendor ("OpenAI", "neural network") in a sentence that
        // changes a named component describe that component's new workings, not a new
        // function.
        let describes = technique && (change == ChangeKind::Changes || is_generic(category));
        // "Added image generation" next to a declared text assistant is a new function;
        // "added an option to …" would have made the sentence a change.
        let new_function =
            indicator.starts_with("function.") && !technique && change == ChangeKind::Adds;
        let covered = describes || (!new_function && ai_named.iter().any(same_category));
        (ai_named, covered)
    } else {
        let by_category: Vec<usize> = (0..baseline.components.len())
            .filter(|c| baseline.components[*c].ai && same_category(c))
            .collect();
        // A sentence that only announces something new, naming no component, is a new
        // function even when the baseline has AI of the same kind elsewhere.
        // Technique words ("language model", "AI") do not name a function: in a product
        // that declares AI of that kind (or any AI, for the generic words) they describe it.
        // A bare "AI" in a notice that announces something new names that new thing.
        let generic_only = by_category.is_empty() && is_generic(category);
        let declared = if generic_only {
            any_ai && !(announces && change == ChangeKind::Mentions)
        } else {
            !by_category.is_empty()
        };
        let covered = declared && (change != ChangeKind::Adds || technique);
        if by_category.is_empty() && !covered {
            // New AI in a component declared without AI concerns that component.
            (named_without_ai, false)
        } else {
            (by_category, covered)
        }
    };
    // A repair or a statement that the function stays as it was changes nothing.
    let covered = covered || (sentence.keeps() && change == ChangeKind::Mentions);
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
        technique,
    }
}
