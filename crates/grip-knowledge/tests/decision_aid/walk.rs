//! Reading the transcribed decision aid and walking every path through it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, Deserialize)]
pub struct Tree {
    pub source: Source,
    pub questions: Vec<Question>,
    #[serde(default)]
    pub redirect_sets: BTreeMap<String, Vec<Redirect>>,
}

#[derive(Debug, Deserialize)]
pub struct Source {
    pub repository: String,
    pub path: String,
    pub commit: String,
    pub start: String,
}

#[derive(Debug, Deserialize)]
pub struct Question {
    pub id: String,
    pub answers: Vec<Answer>,
}

#[derive(Debug, Deserialize)]
pub struct Answer {
    pub answer: String,
    #[serde(default)]
    pub labels: Vec<String>,
    #[serde(default)]
    pub facts: BTreeMap<String, toml::Value>,
    pub next: Option<String>,
    pub conclusion: Option<String>,
    pub redirects: Option<Redirects>,
}

/// Redirects written out, or the name of a shared set in `redirect_sets`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Redirects {
    Named(String),
    Listed(Vec<Redirect>),
}

#[derive(Debug, Deserialize)]
pub struct Redirect {
    #[serde(default)]
    pub any: Vec<String>,
    #[serde(default)]
    pub all: Vec<String>,
    pub next: Option<String>,
    pub conclusion: Option<String>,
}

impl Redirect {
    fn matches(&self, labels: &BTreeSet<String>) -> bool {
        let any = self.any.is_empty() || self.any.iter().any(|l| labels.contains(l));
        any && self.all.iter().all(|l| labels.contains(l))
    }
}

/// One complete path: the answers given (`question=answer`), the conclusion reached and the
/// profile facts the answers settled.
#[derive(Debug, Clone)]
pub struct Path {
    pub answers: Vec<String>,
    pub conclusion: String,
    pub facts: BTreeMap<String, Value>,
}

impl Path {
    pub fn has(&self, answer: &str) -> bool {
        self.answers.iter().any(|a| a == answer)
    }

    /// The path as one line: `1.2=yes > 1.3=bought-unchanged > …`.
    pub fn describe(&self) -> String {
        self.answers.join(" > ")
    }
}

pub fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/decision_aid")
}

pub fn load<T: for<'de> Deserialize<'de>>(file: &str) -> T {
    let path = dir().join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

struct State {
    labels: BTreeSet<String>,
    facts: BTreeMap<String, Value>,
    answers: Vec<String>,
}

/// Every path from the start question to a conclusion, depth first in the aid's answer order.
pub fn paths(tree: &Tree) -> Vec<Path> {
    let mut found = Vec::new();
    let start = State {
        labels: BTreeSet::new(),
        facts: BTreeMap::new(),
        answers: Vec::new(),
    };
    walk(tree, &tree.source.start, start, &mut found);
    found
}

fn walk(tree: &Tree, id: &str, state: State, found: &mut Vec<Path>) {
    assert!(state.answers.len() < 40, "a loop at question {id}");
    let question = tree
        .questions
        .iter()
        .find(|q| q.id == id)
        .unwrap_or_else(|| panic!("question {id} is not in the tree"));
    for answer in &question.answers {
        let mut labels = state.labels.clone();
        labels.extend(answer.labels.iter().cloned());
        let mut facts = state.facts.clone();
        for (path, value) in &answer.facts {
            let json = serde_json::to_value(value).unwrap_or_else(|e| panic!("{id}: {e}"));
            facts.insert(path.clone(), json);
        }
        let mut answers = state.answers.clone();
        answers.push(format!("{id}={}", answer.answer));
        let (next, conclusion) = destination(tree, answer, &labels)
            .unwrap_or_else(|| panic!("no redirect matches after {}", answers.join(" > ")));
        match (next, conclusion) {
            (_, Some(conclusion)) => found.push(Path {
                answers,
                conclusion: conclusion.to_string(),
                facts,
            }),
            (Some(next), None) => walk(
                tree,
                next,
                State {
                    labels,
                    facts,
                    answers,
                },
                found,
            ),
            (None, None) => panic!("{id}={} leads nowhere", answer.answer),
        }
    }
}

fn destination<'a>(
    tree: &'a Tree,
    answer: &'a Answer,
    labels: &BTreeSet<String>,
) -> Option<(Option<&'a str>, Option<&'a str>)> {
    let listed: &[Redirect] = match &answer.redirects {
        None => return Some((answer.next.as_deref(), answer.conclusion.as_deref())),
        Some(Redirects::Listed(list)) => list,
        Some(Redirects::Named(name)) => tree
            .redirect_sets
            .get(name)
            .unwrap_or_else(|| panic!("no redirect set {name}")),
    };
    let hit = listed.iter().find(|r| r.matches(labels))?;
    Some((hit.next.as_deref(), hit.conclusion.as_deref()))
}

/// The `grip.system-profile/1` document for a path: its facts, everything else unknown.
pub fn profile_json(path: &Path) -> Value {
    let mut profile = serde_json::json!({
        "schema": "grip.system-profile/1",
        "name": "Beslishulp-pad",
    });
    for (dotted, value) in &path.facts {
        match dotted.split_once('.') {
            Some((section, field)) => {
                let entry = profile
                    .as_object_mut()
                    .map(|o| o.entry(section).or_insert_with(|| serde_json::json!({})));
                if let Some(Value::Object(fields)) = entry {
                    fields.insert(field.to_string(), value.clone());
                }
            }
            None => profile[dotted.as_str()] = value.clone(),
        }
    }
    profile
}
