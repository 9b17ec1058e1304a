//! Grip against every path of the Dutch government's AI Act decision aid (MinBZK
//! `ai-verordening-beslishulp`, `decision-tree.yaml`; transcription and source commit in
//! `tests/decision_aid/`). Each path's answers become a system profile; Grip's classification
//! must agree with the aid's conclusion, or the path must be explained by one deliberate
//! difference whose expectation holds, with the cited provision shown in Grip's output (its
//! basis, or a step of its trace). The per-path result is kept in `decision_aid/paths.tsv`;
//! regenerate it with `GRIP_UPDATE_DECISION_AID=1`.

mod common;
#[path = "decision_aid/walk.rs"]
mod walk;

use std::collections::BTreeMap;

use common::{FIXTURE_DATE, pack};
use grip_knowledge::{Outcome, Role, classify, parse_profile_value};
use serde::Deserialize;
use walk::{Path, Tree};

#[derive(Debug, Deserialize)]
struct Mapping {
    conclusions: BTreeMap<String, Conclusion>,
    differences: Vec<Difference>,
}

#[derive(Debug, Deserialize)]
struct Conclusion {
    verdicts: Vec<String>,
    transparency: Option<bool>,
    role: Option<String>,
    other_role: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Difference {
    id: String,
    #[serde(default)]
    when_all: Vec<String>,
    #[serde(default)]
    unless: Vec<String>,
    #[serde(default)]
    conclusions: Vec<String>,
    verdict: Option<String>,
    missing: Option<String>,
    article: String,
    /// What it explains: `verdict`, `transparency`, `role` or `other_role`.
    #[serde(default)]
    explains: Vec<String>,
    #[serde(default)]
    not_compared: bool,
    reason: String,
}

impl Difference {
    fn covers(&self, path: &Path) -> bool {
        self.when_all.iter().all(|a| path.has(a))
            && !self.unless.iter().any(|a| path.has(a))
            && (self.conclusions.is_empty() || self.conclusions.contains(&path.conclusion))
    }

    /// Why Grip's output does not show this difference as expected (empty when it does).
    fn unmet(&self, out: &Outcome) -> Vec<String> {
        let c = &out.classification;
        let mut unmet = Vec::new();
        if let Some(verdict) = &self.verdict
            && c.verdict.as_str() != verdict
        {
            unmet.push(format!(
                "verdict {}, expected {verdict}",
                c.verdict.as_str()
            ));
        }
        if let Some(fact) = &self.missing
            && !c.missing.contains(fact)
        {
            unmet.push(format!("missing lacks {fact}"));
        }
        let shown = c.basis.contains(&self.article)
            || out.trace.iter().any(|step| step.article == self.article);
        if !self.not_compared && !shown {
            unmet.push(format!(
                "{} is not shown in the basis or trace",
                self.article
            ));
        }
        unmet
    }
}

/// Where Grip's classification departs from the conclusion, as (aspect, what Grip said);
/// empty when it agrees.
fn disagreements(conclusion: &Conclusion, out: &Outcome) -> Vec<(&'static str, String)> {
    let c = &out.classification;
    let mut found = Vec::new();
    if !conclusion.verdicts.iter().any(|v| v == c.verdict.as_str()) {
        found.push(("verdict", c.verdict.as_str().to_string()));
    }
    if let Some(expected) = conclusion.transparency
        && c.transparency_obligations.is_empty() == expected
    {
        found.push(("transparency", format!("{:?}", c.transparency_obligations)));
    }
    let role = match c.role {
        Role::Provider => "provider",
        Role::Deployer => "deployer",
    };
    if let Some(expected) = &conclusion.role
        && expected != role
    {
        found.push(("role", role.to_string()));
    }
    if let Some(expected) = &conclusion.other_role
        && !c.other_roles.iter().any(|r| r.as_str() == expected)
    {
        found.push(("other_role", format!("{:?}", c.other_roles)));
    }
    found
}

/// Explains every disagreement of a path by a deliberate difference that covers the path and
/// names that aspect; returns the differences used, or what is left unexplained or unmet.
fn explain<'a>(
    differences: &'a [Difference],
    path: &Path,
    apart: &[(&'static str, String)],
    out: &Outcome,
) -> Result<Vec<&'a str>, String> {
    let mut used: Vec<&str> = Vec::new();
    let mut problems = Vec::new();
    for (aspect, said) in apart {
        let covering = differences
            .iter()
            .find(|d| d.covers(path) && d.explains.iter().any(|e| e == aspect));
        match covering {
            None => problems.push(format!("unexplained {aspect}: Grip says {said}")),
            Some(d) => {
                let unmet = d.unmet(out);
                if !unmet.is_empty() {
                    problems.push(format!("{}: {}", d.id, unmet.join("; ")));
                }
                if !used.contains(&d.id.as_str()) {
                    used.push(&d.id);
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(used)
    } else {
        Err(problems.join("; "))
    }
}

struct Row {
    path: Path,
    verdict: String,
    result: String,
}

fn compare(tree: &Tree, mapping: &Mapping) -> (Vec<Row>, Vec<String>) {
    let pack = pack();
    let mut rows = Vec::new();
    let mut failures = Vec::new();
    for path in walk::paths(tree) {
        let profile = parse_profile_value(&walk::profile_json(&path))
            .unwrap_or_else(|e| panic!("{}: {e}", path.describe()));
        let out = classify(&pack, &profile, FIXTURE_DATE);
        let Some(conclusion) = mapping.conclusions.get(&path.conclusion) else {
            failures.push(format!(
                "{}: conclusion {} unmapped",
                path.describe(),
                path.conclusion
            ));
            continue;
        };
        let apart = disagreements(conclusion, &out);
        let not_compared = mapping
            .differences
            .iter()
            .find(|d| d.not_compared && d.covers(&path));
        let result = match (not_compared, apart.is_empty()) {
            (Some(d), _) => format!("not compared: {}", d.id),
            (None, true) => "agrees".to_string(),
            (None, false) => match explain(&mapping.differences, &path, &apart, &out) {
                Ok(used) => format!("differs: {}", used.join(", ")),
                Err(problem) => {
                    failures.push(format!(
                        "{} -> {}: {problem}",
                        path.describe(),
                        path.conclusion
                    ));
                    "unexplained".to_string()
                }
            },
        };
        rows.push(Row {
            verdict: out.classification.verdict.as_str().to_string(),
            path,
            result,
        });
    }
    (rows, failures)
}

fn report(tree: &Tree, rows: &[Row]) -> String {
    let s = &tree.source;
    let mut text = format!(
        "# Grip against every path of {} {} at {} (generated by tests/decision_aid.rs)\n\
         # path\tconclusion\tgrip verdict\tresult\n",
        s.repository, s.path, s.commit
    );
    for row in rows {
        text.push_str(&format!(
            "{}\t{}\t{}\t{}\n",
            row.path.describe(),
            row.path.conclusion,
            row.verdict,
            row.result
        ));
    }
    text
}

fn figures(rows: &[Row]) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for row in rows {
        *counts.entry(row.result.clone()).or_insert(0) += 1;
    }
    counts
}

#[test]
fn every_path_of_the_decision_aid_agrees_or_is_explained() {
    let tree: Tree = walk::load("tree.toml");
    let mapping: Mapping = walk::load("conclusions.toml");
    let (rows, failures) = compare(&tree, &mapping);
    let counts = figures(&rows);
    println!("{} paths: {counts:#?}", rows.len());
    assert!(
        failures.is_empty(),
        "{} paths fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
    for d in &mapping.differences {
        assert!(!d.reason.trim().is_empty(), "{} has no reason", d.id);
        assert!(
            rows.iter().any(|r| r.result.contains(&d.id)),
            "difference {} explains no path any more",
            d.id
        );
    }
    let file = walk::dir().join("paths.tsv");
    let text = report(&tree, &rows);
    if std::env::var_os("GRIP_UPDATE_DECISION_AID").is_some() {
        std::fs::write(&file, &text).unwrap();
    }
    let stored = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        stored == text,
        "{} is stale; regenerate with GRIP_UPDATE_DECISION_AID=1",
        file.display()
    );
}

#[test]
fn the_walk_reaches_every_mapped_conclusion() {
    let tree: Tree = walk::load("tree.toml");
    let mapping: Mapping = walk::load("conclusions.toml");
    let reached: std::collections::BTreeSet<String> = walk::paths(&tree)
        .into_iter()
        .map(|p| p.conclusion)
        .collect();
    let mapped: std::collections::BTreeSet<String> = mapping.conclusions.keys().cloned().collect();
    assert_eq!(reached, mapped);
}
