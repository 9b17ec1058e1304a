//! The `changes` pack compiled for reading notices: cue patterns as regexes and provider
//! names as word-bounded patterns, built once and shared by every triage.

use grip_knowledge::changes::{ChangesContent, CueKind, Provider};
use grip_knowledge::tender::FindingProbe;
use grip_knowledge::{ChangesPack, PackError, QuestionsPack};
use regex::{Regex, RegexBuilder};

/// Why the triage knowledge could not be prepared.
#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    #[error("the changes pack does not load: {0}")]
    Pack(#[from] PackError),
    #[error("cue {id}: {source}")]
    Pattern { id: String, source: regex::Error },
    #[error("the changes pack escalates unknown AI category {0:?}")]
    UnknownCategory(String),
}

/// One cue pattern, compiled.
pub(crate) struct CompiledCue {
    pub index: usize,
    pub kind: CueKind,
    pub regex: Regex,
}

/// Everything triage reads notices with.
pub struct ChangeKnowledge {
    pack: ChangesPack,
    /// Readable names of the AI categories (from the `questions` pack, which names them for
    /// suppliers too), so no category code reaches a reason.
    pub(crate) category_names: FindingProbe,
    pub(crate) cues: Vec<CompiledCue>,
    pub(crate) providers: Vec<(usize, Regex)>,
}

/// A cue that matched inside one sentence (byte offsets into the sentence).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CueHit {
    pub cue: usize,
    pub kind: CueKind,
    pub start: usize,
    pub end: usize,
}

impl ChangeKnowledge {
    /// The pack compiled into the binary.
    pub fn embedded() -> Result<Self, KnowledgeError> {
        let names = QuestionsPack::embedded()?.content().finding_probe.clone();
        Self::new(ChangesPack::embedded()?, names)
    }

    pub fn new(pack: ChangesPack, category_names: FindingProbe) -> Result<Self, KnowledgeError> {
        let content = pack.content();
        if let Some(unknown) = content
            .escalating_categories
            .iter()
            .find(|c| !grip_screen::CATEGORIES.contains(&c.as_str()))
        {
            return Err(KnowledgeError::UnknownCategory(unknown.clone()));
        }
        let mut cues = Vec::new();
        for (index, cue) in content.cue.iter().enumerate() {
            for pattern in &cue.patterns {
                let regex = RegexBuilder::new(pattern)
                    .case_insensitive(true)
                    .size_limit(8 << 20)
                    .build()
                    .map_err(|source| KnowledgeError::Pattern {
                        id: cue.id.clone(),
                        source,
                    })?;
                cues.push(CompiledCue {
                    index,
                    kind: cue.kind,
                    regex,
                });
            }
        }
        let providers = content
            .provider
            .iter()
            .enumerate()
            .map(|(index, provider)| Ok((index, provider_regex(provider)?)))
            .collect::<Result<_, KnowledgeError>>()?;
        Ok(Self {
            pack,
            category_names,
            cues,
            providers,
        })
    }

    pub fn content(&self) -> &ChangesContent {
        self.pack.content()
    }

    /// `changes@version`, stored with every triage.
    pub fn label(&self) -> String {
        self.pack.label()
    }

    pub fn content_hash(&self) -> String {
        self.pack.content_hash()
    }

    /// Every cue matching in `sentence`, in pattern order.
    pub(crate) fn cues_in(&self, sentence: &str) -> Vec<CueHit> {
        self.cues
            .iter()
            .filter_map(|c| {
                c.regex.find(sentence).map(|m| CueHit {
                    cue: c.index,
                    kind: c.kind,
                    start: m.start(),
                    end: m.end(),
                })
            })
            .collect()
    }

    /// Providers named in `sentence`.
    pub(crate) fn providers_in(&self, sentence: &str) -> Vec<&Provider> {
        self.providers
            .iter()
            .filter(|(_, regex)| regex.is_match(sentence))
            .map(|(index, _)| &self.content().provider[*index])
            .collect()
    }
}

fn provider_regex(provider: &Provider) -> Result<Regex, KnowledgeError> {
    let names: Vec<String> = provider.names.iter().map(|n| regex::escape(n)).collect();
    RegexBuilder::new(&format!(r"\b({})\b", names.join("|")))
        .case_insensitive(true)
        .build()
        .map_err(|source| KnowledgeError::Pattern {
            id: provider.id.clone(),
            source,
        })
}
