//! Putting a decision into words: the assessment with its findings and its reasons in both
//! interface languages.

use std::collections::BTreeSet;

use grip_knowledge::Text;
use grip_knowledge::changes::GroundId;
use grip_screen::{Format, Language, Screening};

use crate::baseline::Baseline;
use crate::decide::{Decision, Ground};
use crate::knowledge::ChangeKnowledge;
use crate::legal::LegalAnswer;
use crate::output::{ChangeFinding, ChangeKind, Impact, NoticeInfo, Proposal};
use crate::read::Reading;
use crate::{Assessment, GroundReason, LegalReason};

/// Longest excerpt, as in the screening contract.
const MAX_EXCERPT_CHARS: usize = 300;

pub(crate) fn assessment(
    text: &str,
    screening: &Screening,
    reading: &Reading,
    decision: &Decision,
    legal: Vec<LegalAnswer>,
    baseline: &Baseline,
    knowledge: &ChangeKnowledge,
) -> Assessment {
    let proposal = match decision.impact {
        Impact::NoAiImpact => Proposal::NoImpact,
        Impact::Unreadable => Proposal::Unreadable,
        _ if !decision.grounds.is_empty() => Proposal::Escalate,
        _ => Proposal::Reassess,
    };
    let mut summary = vec![impact_line(
        text, screening, reading, decision, baseline, knowledge,
    )];
    summary.extend(cue_lines(reading, decision, knowledge));
    summary.push(proposal_line(proposal));
    Assessment {
        notice: NoticeInfo {
            name: screening.document.name.clone(),
            format: screening.document.format,
            chars: screening.document.chars,
            language: screening.document.language,
        },
        impact: decision.impact,
        proposal,
        categories: decision.categories.clone(),
        new_categories: decision.new_categories.clone(),
        affected_components: decision
            .components
            .iter()
            .map(|&c| baseline.components[c].name.clone())
            .collect(),
        annex_iii_hints: screening.annex_iii_hints.clone(),
        findings: findings(text, screening, reading, decision, baseline, knowledge),
        summary,
        grounds: decision
            .grounds
            .iter()
            .map(|g| ground_reason(g, knowledge))
            .collect(),
        legal: legal.into_iter().map(legal_reason).collect(),
        error: None,
    }
}

/// The assessment of a notice that could not be read.
pub(crate) fn unreadable(name: &str, format: Format, error: &str) -> Assessment {
    Assessment {
        notice: NoticeInfo {
            name: name.to_owned(),
            format,
            chars: 0,
            language: Language::Unknown,
        },
        impact: Impact::Unreadable,
        proposal: Proposal::Unreadable,
        categories: Vec::new(),
        new_categories: Vec::new(),
        affected_components: Vec::new(),
        annex_iii_hints: Vec::new(),
        findings: Vec::new(),
        summary: vec![Text {
            nl: format!("Het bericht kon niet worden gelezen: {error}"),
            en: format!("The notice could not be read: {error}"),
        }],
        grounds: Vec::new(),
        legal: Vec::new(),
        error: Some(error.to_owned()),
    }
}

fn legal_reason(answer: LegalAnswer) -> LegalReason {
    LegalReason {
        line: Text {
            nl: answer.line(grip_knowledge::Lang::Nl),
            en: answer.line(grip_knowledge::Lang::En),
        },
        id: answer.id,
        likelihood: answer.likelihood,
        question: answer.question,
        citation: answer.citation,
        explanation: answer.explanation,
    }
}

fn ground_reason(ground: &Ground, knowledge: &ChangeKnowledge) -> GroundReason {
    let entry = knowledge.content().ground(ground.id);
    let fill = |template: &str| {
        let mut out = template.to_owned();
        for (key, value) in &ground.values {
            out = out.replace(&format!("{{{key}}}"), value);
        }
        out
    };
    let mut reason = Text {
        nl: fill(&entry.reason.nl),
        en: fill(&entry.reason.en),
    };
    if ground.id == GroundId::SensitiveCategory {
        // The category goes in by name, never by code.
        let code = ground.values.first().map(|(_, v)| v.as_str()).unwrap_or("");
        let name = knowledge.category_names.category_name(code);
        reason.nl = reason.nl.replace(code, &name.nl);
        reason.en = reason.en.replace(code, &name.en);
    }
    GroundReason {
        id: ground.id,
        label: entry.label.clone(),
        reason,
    }
}

fn matched_words(text: &str, screening: &Screening, finding: usize) -> String {
    let f = &screening.findings[finding];
    // The whole words, not the stem that matched ("neurale vertaalsysteem").
    grip_screen::char_range_to_bytes(text, f.start, f.end)
        .map(|r| {
            let rest = &text[r.end..];
            let word_end = rest
                .find(|c: char| !c.is_alphanumeric() && c != '-')
                .unwrap_or(rest.len());
            text[r.start..r.end + word_end].to_owned()
        })
        .unwrap_or_default()
}

fn impact_line(
    text: &str,
    screening: &Screening,
    reading: &Reading,
    decision: &Decision,
    baseline: &Baseline,
    knowledge: &ChangeKnowledge,
) -> Text {
    let names = &knowledge.category_names;
    let listed = |covered: bool, lang: grip_knowledge::Lang| {
        let mut seen = BTreeSet::new();
        reading
            .items
            .iter()
            .filter(|i| i.covered == covered && i.change != ChangeKind::Removes)
            .filter(|i| seen.insert(i.category.clone()))
            .map(|i| {
                let name = names.category_name(&i.category);
                format!(
                    "“{}” ({})",
                    matched_words(text, screening, i.finding),
                    name.get(lang)
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let components = decision
        .components
        .iter()
        .map(|&c| baseline.components[c].name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    use grip_knowledge::Lang::{En, Nl};
    match decision.impact {
        Impact::AddsAi => Text {
            nl: format!("Voegt AI toe die niet in de basislijn staat: {}.", listed(false, Nl)),
            en: format!("Adds AI the baseline does not cover: {}.", listed(false, En)),
        },
        Impact::ChangesAi => Text {
            nl: format!("Wijzigt AI die in de basislijn staat ({components})."),
            en: format!("Changes AI declared in the baseline ({components})."),
        },
        Impact::RemovesAi => Text {
            nl: format!("Verwijdert AI uit de basislijn ({components})."),
            en: format!("Removes AI declared in the baseline ({components})."),
        },
        Impact::NoAiImpact if screening.findings.iter().any(|f| f.negated) => Text {
            nl: "Geen gevolgen voor AI: de tekst sluit AI uitdrukkelijk uit en beschrijft geen AI-functie.".into(),
            en: "No AI impact: the text explicitly rules out AI and describes no AI function.".into(),
        },
        Impact::NoAiImpact | Impact::Unreadable => Text {
            nl: "Geen gevolgen voor AI: de tekst beschrijft geen AI-functie die toegevoegd, gewijzigd of verwijderd wordt.".into(),
            en: "No AI impact: the text describes no AI function being added, changed or removed.".into(),
        },
    }
}

/// What the cues in the sentences behind the decision say, each once.
fn cue_lines(reading: &Reading, decision: &Decision, knowledge: &ChangeKnowledge) -> Vec<Text> {
    if decision.impact == Impact::NoAiImpact {
        return Vec::new();
    }
    let mut sentences: BTreeSet<usize> = reading.items.iter().map(|i| i.sentence).collect();
    sentences.extend(decision.component_changes.iter().map(|&(s, _)| s));
    let mut cues = BTreeSet::new();
    for s in sentences {
        cues.extend(reading.sentences[s].cues.iter().map(|c| c.cue));
    }
    cues.into_iter()
        .map(|c| knowledge.content().cue[c].reason.clone())
        .collect()
}

fn proposal_line(proposal: Proposal) -> Text {
    match proposal {
        Proposal::Escalate => Text {
            nl: "Voorstel: escaleren naar de verantwoordelijken, om de redenen hieronder.".into(),
            en: "Proposal: escalate to those responsible, for the reasons below.".into(),
        },
        Proposal::Reassess => Text {
            nl: "Voorstel: de AI-classificatie van het systeem opnieuw beoordelen.".into(),
            en: "Proposal: re-assess the system's AI classification.".into(),
        },
        Proposal::NoImpact | Proposal::Unreadable => Text {
            nl: "Voorstel: geen actie nodig.".into(),
            en: "Proposal: no action needed.".into(),
        },
    }
}

fn findings(
    text: &str,
    screening: &Screening,
    reading: &Reading,
    decision: &Decision,
    baseline: &Baseline,
    knowledge: &ChangeKnowledge,
) -> Vec<ChangeFinding> {
    let mut out: Vec<ChangeFinding> = screening
        .findings
        .iter()
        .enumerate()
        .map(|(index, f)| ChangeFinding {
            indicator: f.indicator.clone(),
            category: f.category.clone(),
            excerpt: f.excerpt.clone(),
            start: f.start,
            end: f.end,
            negated: f.negated,
            change: reading
                .items
                .iter()
                .find(|i| i.finding == index)
                .map_or(ChangeKind::Mentions, |i| i.change),
        })
        .collect();
    for &(s, component) in &decision.component_changes {
        let sentence = &reading.sentences[s];
        if sentence.has_ai {
            continue;
        }
        let Some(hit) = sentence
            .cues
            .iter()
            .find(|c| c.kind.is_change() || c.end > c.start)
        else {
            continue;
        };
        let range = sentence.range.clone();
        let start = text[..range.start].chars().count();
        let excerpt: String = text[range.clone()]
            .chars()
            .take(MAX_EXCERPT_CHARS)
            .collect();
        let cue_start = start + text[range.start..range.start + hit.start].chars().count();
        let cue_end = cue_start
            + text[range.start + hit.start..range.start + hit.end]
                .chars()
                .count();
        out.push(ChangeFinding {
            indicator: knowledge.content().cue[hit.cue].id.clone(),
            category: baseline.components[component]
                .categories
                .first()
                .cloned()
                .unwrap_or_else(|| "unspecified_ai".into()),
            excerpt,
            start: cue_start,
            end: cue_end,
            negated: false,
            change: sentence.change(),
        });
    }
    out
}
