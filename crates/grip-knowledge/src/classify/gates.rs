//! The classification gates, in the order the Act is read: GPAI model, AI-system definition,
//! scope exclusions, prohibitions, high-risk routes and transparency. Each gate records a
//! trace step and reports which unknown facts keep it open.

use jiff::civil::Date;
use serde_json::Value;

use crate::AiActPack;
use crate::classification::Route;
use crate::common::Text;
use crate::pack::model::{AnnexISection, DerogationKey, TransparencyTrigger};
use crate::profile::{RbiObjective, SystemProfile};
use crate::trace::{FactUsed, StepOutcome, TraceStep};

use super::logic::{Eval, Tri};

/// Shared inputs and the growing trace.
pub struct Ctx<'a> {
    pub pack: &'a AiActPack,
    pub profile: &'a SystemProfile,
    pub as_of: Date,
    pub trace: Vec<TraceStep>,
}

impl Ctx<'_> {
    /// Add a trace step with the pack's text for the rule and outcome.
    pub fn record(&mut self, rule: &str, eval: &Eval, outcome: StepOutcome, findings: Vec<String>) {
        let (article, text) = match self.pack.rule(rule) {
            Some(r) => {
                let text = match outcome {
                    StepOutcome::Applies => r.applies.clone(),
                    StepOutcome::DoesNotApply => r.does_not_apply.clone(),
                    StepOutcome::Unknown => r.unknown.clone(),
                };
                (r.article.clone(), text)
            }
            // Unreachable for a validated pack; kept total so a trace never panics.
            None => (
                String::new(),
                Text {
                    nl: rule.to_string(),
                    en: rule.to_string(),
                },
            ),
        };
        let mut facts: Vec<FactUsed> = Vec::new();
        for fact in &eval.facts {
            if !facts.iter().any(|f| f.path == fact.path) {
                facts.push(fact.clone());
            }
        }
        self.trace.push(TraceStep {
            rule: rule.to_string(),
            article,
            facts,
            outcome,
            text,
            findings,
        });
    }
}

pub fn outcome_of(tri: Tri) -> StepOutcome {
    match tri {
        Tri::Yes => StepOutcome::Applies,
        Tri::No => StepOutcome::DoesNotApply,
        Tri::Unknown => StepOutcome::Unknown,
    }
}

/// A gate's answer to "does this verdict apply?".
pub struct Gate {
    pub eval: Eval,
    /// Provisions the verdict rests on when the gate answers yes.
    pub basis: Vec<String>,
    /// Provisions whose facts are missing when the gate is open.
    pub open_basis: Vec<String>,
    /// Unknown facts that would complete (not change) the outcome once the gate is yes.
    pub completing: Vec<String>,
}

pub fn gpai_model(ctx: &mut Ctx) -> Gate {
    let gpai = &ctx.profile.gpai;
    let eval = Eval::fact("gpai.is_gpai_model", gpai.is_gpai_model);
    let mut basis = vec!["Art. 3(63)".to_string()];
    let mut completing = Vec::new();
    if eval.is_yes() {
        match gpai.systemic_risk {
            Some(true) => basis.push("Art. 51".to_string()),
            Some(false) => {}
            None => completing.push("gpai.systemic_risk".to_string()),
        }
    }
    ctx.record("gpai-model", &eval, outcome_of(eval.tri), vec![]);
    Gate {
        eval,
        basis,
        open_basis: vec!["Art. 3(63)".to_string()],
        completing,
    }
}

/// Yes means "not an AI system" (the verdict this gate produces).
pub fn not_ai_system(ctx: &mut Ctx) -> Gate {
    let d = &ctx.profile.ai_definition;
    let is_ai = Eval::all(vec![
        Eval::fact("ai_definition.machine_based", d.machine_based),
        Eval::fact("ai_definition.autonomy", d.autonomy),
        Eval::fact("ai_definition.infers_outputs", d.infers_outputs),
        Eval::fact(
            "ai_definition.only_human_defined_rules",
            d.only_human_defined_rules,
        )
        .not(),
    ]);
    ctx.record("ai-definition", &is_ai, outcome_of(is_ai.tri), vec![]);
    Gate {
        eval: is_ai.not(),
        basis: vec!["Art. 3(1)".to_string()],
        open_basis: vec!["Art. 3(1)".to_string()],
        completing: vec![],
    }
}

pub fn out_of_scope(ctx: &mut Ctx) -> Gate {
    let x = &ctx.profile.exclusions;
    let military = Eval::fact(
        "exclusions.military_defence_national_security_only",
        x.military_defence_national_security_only,
    );
    let research = Eval::fact(
        "exclusions.scientific_research_only",
        x.scientific_research_only,
    );
    let mut basis = Vec::new();
    let mut open_basis = Vec::new();
    for (eval, article) in [(&military, "Art. 2(3)"), (&research, "Art. 2(6)")] {
        match eval.tri {
            Tri::Yes => basis.push(article.to_string()),
            Tri::Unknown => open_basis.push(article.to_string()),
            Tri::No => {}
        }
    }
    let eval = Eval::any(vec![military, research]);
    ctx.record(
        "scope-exclusions",
        &eval,
        outcome_of(eval.tri),
        basis.clone(),
    );
    Gate {
        eval,
        basis,
        open_basis,
        completing: vec![],
    }
}

/// The prohibition gate plus what the obligations need to know about it.
pub struct Prohibitions {
    pub gate: Gate,
    /// Matched codes that are law on `as_of`, including `5.1.h` for banned real-time RBI.
    pub matched: Vec<String>,
    /// Real-time RBI is used under a complete exception (so it is Annex III 1(a)).
    pub rbi_permitted: bool,
}

pub fn prohibitions(ctx: &mut Ctx) -> Prohibitions {
    let mut matched = Vec::new();
    let mut findings = Vec::new();
    let listed = match &ctx.profile.prohibited_practices {
        None => Eval::with(
            Tri::Unknown,
            vec!["prohibited_practices".to_string()],
            vec![],
        )
        .reading("prohibited_practices", Value::Null),
        Some(codes) => {
            for code in codes {
                let Some(rule) = ctx
                    .pack
                    .content()
                    .prohibitions
                    .iter()
                    .find(|p| &p.code == code)
                else {
                    continue;
                };
                match ctx.pack.applicable_date(&rule.applies_from, ctx.as_of) {
                    Some(_) => matched.push(code.clone()),
                    // Introduced by the amendment, which is not in force yet on `as_of`.
                    None => findings.push(format!("{} not yet law on {}", rule.article, ctx.as_of)),
                }
            }
            let value = Value::Array(codes.iter().cloned().map(Value::String).collect());
            Eval::known(!matched.is_empty()).reading("prohibited_practices", value)
        }
    };
    let (rbi_banned, rbi_permitted) = realtime_rbi(ctx);
    if rbi_banned.is_yes() {
        matched.push("5.1.h".to_string());
    }
    let basis: Vec<String> = matched
        .iter()
        .filter_map(|code| {
            let p = ctx
                .pack
                .content()
                .prohibitions
                .iter()
                .find(|p| &p.code == code)?;
            Some(p.article.clone())
        })
        .collect();
    findings.extend(basis.iter().cloned());
    let eval = Eval::any(vec![listed, rbi_banned]);
    ctx.record(
        "prohibited-practices",
        &eval,
        outcome_of(eval.tri),
        findings,
    );
    Prohibitions {
        gate: Gate {
            eval,
            basis,
            open_basis: vec!["Art. 5(1)".to_string()],
            completing: vec![],
        },
        matched,
        rbi_permitted,
    }
}

/// Art. 5(1)(h): returns (banned?, permitted under a full exception?).
fn realtime_rbi(ctx: &mut Ctx) -> (Eval, bool) {
    let rbi = &ctx.profile.realtime_rbi;
    let used = Eval::fact("realtime_rbi.used", rbi.used);
    let objective_value = rbi
        .objective
        .map_or(Value::Null, |o| Value::String(o.code().to_string()));
    let banned = match (used.tri, rbi.objective) {
        (Tri::No, _) => used,
        (Tri::Unknown, _) => used,
        (Tri::Yes, None) => Eval::all(vec![
            used,
            Eval::with(
                Tri::Unknown,
                vec!["realtime_rbi.objective".to_string()],
                vec![],
            ),
        ])
        .reading("realtime_rbi.objective", Value::Null),
        (Tri::Yes, Some(objective)) => {
            let permitted_objective = objective != RbiObjective::None
                && ctx
                    .pack
                    .content()
                    .realtime_rbi
                    .permitted_objectives
                    .iter()
                    .any(|o| o == objective.code());
            let exception = Eval::all(vec![
                Eval::known(permitted_objective),
                Eval::fact(
                    "realtime_rbi.national_law_permits",
                    rbi.national_law_permits,
                ),
                Eval::fact("realtime_rbi.prior_authorisation", rbi.prior_authorisation),
            ]);
            Eval::all(vec![used, exception.not()])
                .reading("realtime_rbi.objective", objective_value)
        }
    };
    let permitted = rbi.used == Some(true) && banned.tri == Tri::No;
    let findings = if permitted {
        vec!["Annex III point 1(a)".to_string()]
    } else {
        vec![]
    };
    ctx.record("realtime-rbi", &banned, outcome_of(banned.tri), findings);
    (banned, permitted)
}

/// The high-risk gate plus the details the result and the obligations need.
pub struct HighRiskFindings {
    pub gate: Gate,
    pub route: Option<Route>,
    pub annex_iii_yes: bool,
    pub annex_i_section: Option<AnnexISection>,
    pub points: Vec<String>,
    pub derogation_rejected_because: Option<String>,
    pub derogation_applied: bool,
}

pub fn high_risk(ctx: &mut Ctx, rbi_permitted: bool) -> HighRiskFindings {
    let (annex_i, section) = annex_i_route(ctx);
    let (annex_iii, points, rejected_because, derogation_applied) =
        annex_iii_route(ctx, rbi_permitted);
    let annex_iii_yes = annex_iii.is_yes();
    let annex_i_yes = annex_i.is_yes();
    let mut basis = Vec::new();
    let route = if annex_iii_yes {
        Some(Route::AnnexIii)
    } else if annex_i_yes {
        Some(match section {
            Some(AnnexISection::B) => Route::AnnexIB,
            _ => Route::AnnexIA,
        })
    } else {
        None
    };
    if annex_i_yes {
        basis.push("Art. 6(1)".to_string());
        basis.push(match section {
            Some(AnnexISection::B) => "Annex I Section B".to_string(),
            _ => "Annex I Section A".to_string(),
        });
        if route == Some(Route::AnnexIB) {
            basis.push("Art. 2(2)".to_string());
        }
    }
    if annex_iii_yes {
        basis.push("Art. 6(2)".to_string());
        basis.push("Art. 6(3)".to_string());
        for code in &points {
            if let Some(point) = ctx
                .pack
                .content()
                .annex_iii
                .iter()
                .find(|p| &p.code == code)
            {
                basis.push(point.citation.clone());
            }
        }
    }
    // Once one route says yes, open facts of the other route still complete the picture.
    let mut completing: Vec<String> = Vec::new();
    for other in [&annex_i, &annex_iii] {
        if other.tri == Tri::Unknown {
            completing.extend(other.missing.iter().cloned());
        }
    }
    if ctx.profile.annex_iii_purposes.is_none() && rbi_permitted {
        // RBI settles high risk, but the full list of purposes is still unassessed.
        completing.push("annex_iii_purposes".to_string());
    }
    let eval = Eval::any(vec![annex_i, annex_iii]);
    HighRiskFindings {
        gate: Gate {
            eval,
            basis,
            open_basis: vec!["Art. 6(1)".to_string(), "Art. 6(2)".to_string()],
            completing,
        },
        route,
        annex_iii_yes,
        annex_i_section: if annex_i_yes { section } else { None },
        points: if annex_iii_yes { points } else { vec![] },
        derogation_rejected_because: if annex_iii_yes {
            rejected_because
        } else {
            None
        },
        derogation_applied,
    }
}

fn annex_i_route(ctx: &mut Ctx) -> (Eval, Option<AnnexISection>) {
    let a = &ctx.profile.annex_i;
    let mut section = None;
    let mut findings = Vec::new();
    let listed = match a.legislation.as_deref() {
        None => Eval::with(
            Tri::Unknown,
            vec!["annex_i.legislation".to_string()],
            vec![],
        )
        .reading("annex_i.legislation", Value::Null),
        Some(key) => {
            let entry = ctx.pack.content().annex_i.iter().find(|e| e.key == key);
            if let Some(entry) = entry {
                let moved = entry
                    .amended_section
                    .filter(|_| ctx.pack.amendment_in_force(ctx.as_of));
                let s = moved.unwrap_or(entry.section);
                section = Some(s);
                findings.push(format!(
                    "Annex I Section {s:?}: {} ({})",
                    entry.key, entry.act
                ));
            }
            Eval::known(entry.is_some()).reading("annex_i.legislation", Value::String(key.into()))
        }
    };
    let eval = Eval::all(vec![
        listed,
        Eval::fact(
            "annex_i.safety_component_or_product",
            a.safety_component_or_product,
        ),
        Eval::fact(
            "annex_i.third_party_conformity_assessment",
            a.third_party_conformity_assessment,
        ),
    ]);
    ctx.record("annex-i-product", &eval, outcome_of(eval.tri), findings);
    if eval.is_yes() && section == Some(AnnexISection::B) {
        ctx.record("annex-i-section-b", &eval, StepOutcome::Applies, vec![]);
    }
    (eval, section)
}

/// Returns (high-risk via Annex III, points, reason the derogation failed, derogation applied).
fn annex_iii_route(
    ctx: &mut Ctx,
    rbi_permitted: bool,
) -> (Eval, Vec<String>, Option<String>, bool) {
    let listed = ctx.profile.annex_iii_purposes.clone();
    let mut points = listed.clone().unwrap_or_default();
    if rbi_permitted && !points.iter().any(|p| p == "1a") {
        // Real-time RBI is remote biometric identification by definition.
        points.insert(0, "1a".to_string());
    }
    let value = listed.as_ref().map_or(Value::Null, |codes| {
        Value::Array(codes.iter().cloned().map(Value::String).collect())
    });
    let purposes = if listed.is_none() && points.is_empty() {
        Eval::with(Tri::Unknown, vec!["annex_iii_purposes".to_string()], vec![])
    } else {
        Eval::known(!points.is_empty())
    }
    .reading("annex_iii_purposes", value);
    let citations: Vec<String> = points
        .iter()
        .filter_map(|code| {
            ctx.pack
                .content()
                .annex_iii
                .iter()
                .find(|p| &p.code == code)
        })
        .map(|p| p.citation.clone())
        .collect();
    ctx.record(
        "annex-iii-purpose",
        &purposes,
        outcome_of(purposes.tri),
        citations,
    );

    let a = &ctx.profile.art6_3;
    let fact_for = |key: DerogationKey| match key {
        DerogationKey::NarrowProceduralTask => {
            ("art6_3.narrow_procedural_task", a.narrow_procedural_task)
        }
        DerogationKey::ImprovesCompletedHumanActivity => (
            "art6_3.improves_completed_human_activity",
            a.improves_completed_human_activity,
        ),
        DerogationKey::DetectsPatternsWithoutReplacingHumanAssessment => (
            "art6_3.detects_patterns_without_replacing_human_assessment",
            a.detects_patterns_without_replacing_human_assessment,
        ),
        DerogationKey::PreparatoryTask => ("art6_3.preparatory_task", a.preparatory_task),
    };
    let derogation = &ctx.pack.content().derogation;
    let condition_holds = Eval::any(
        derogation
            .conditions
            .iter()
            .map(|c| {
                let (path, value) = fact_for(c.key);
                Eval::fact(path, value)
            })
            .collect(),
    );
    let profiling = Eval::fact(
        "art6_3.profiling_natural_persons",
        a.profiling_natural_persons,
    );
    let rejected_because = if profiling.is_yes() {
        Some(derogation.profiling_override.en.clone())
    } else if condition_holds.tri == Tri::No {
        Some(derogation.no_condition.en.clone())
    } else {
        None
    };
    let high_risk_despite_derogation = Eval::any(vec![profiling, condition_holds.not()]);
    if purposes.tri != Tri::No {
        // The derogation step is "applies" when it takes the system out of high risk.
        let outcome = outcome_of(high_risk_despite_derogation.clone().not().tri);
        let findings = rejected_because.iter().cloned().collect();
        ctx.record(
            "derogation",
            &high_risk_despite_derogation,
            outcome,
            findings,
        );
    }
    let derogation_applied = purposes.is_yes() && high_risk_despite_derogation.tri == Tri::No;
    let eval = Eval::all(vec![purposes, high_risk_despite_derogation]);
    (eval, points, rejected_because, derogation_applied)
}

/// Art. 50 per trigger (after the law-enforcement exception), in pack order.
pub struct TransparencyFindings {
    pub gate: Gate,
    pub triggered: Vec<(TransparencyTrigger, String)>,
}

pub fn transparency(ctx: &mut Ctx) -> TransparencyFindings {
    let t = &ctx.profile.transparency;
    let exception = || {
        Eval::fact(
            "transparency.law_enforcement_exception",
            t.law_enforcement_exception,
        )
    };
    let mut per_paragraph = Vec::new();
    let mut triggered = Vec::new();
    for paragraph in &ctx.pack.content().transparency {
        let key = paragraph.trigger.profile_key();
        let path = format!("transparency.{key}");
        let eval = Eval::all(vec![Eval::fact(&path, t.by_key(key)), exception().not()]);
        if eval.is_yes() {
            triggered.push((paragraph.trigger, paragraph.code.clone()));
        }
        per_paragraph.push(eval);
    }
    let eval = Eval::any(per_paragraph);
    let mut basis: Vec<String> = Vec::new();
    for (_, code) in &triggered {
        let article = format!("Art. {code}");
        if !basis.contains(&article) {
            basis.push(article);
        }
    }
    ctx.record("transparency", &eval, outcome_of(eval.tri), basis.clone());
    TransparencyFindings {
        gate: Gate {
            eval,
            basis,
            open_basis: vec!["Art. 50".to_string()],
            completing: vec![],
        },
        triggered,
    }
}
