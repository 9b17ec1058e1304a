//! The pure AI Act classifier: a typed system profile and an "as of" date in, a
//! `grip.classification/1` result and an explanation trace out. No clock, no I/O.

mod gates;
mod logic;
mod obligations;
mod open_source;
mod other_roles;
mod role;

use jiff::civil::Date;
use serde::Serialize;

use crate::AiActPack;
use crate::classification::{
    CLASSIFICATION_SCHEMA_MARKER, Classification, HighRisk, Route, Verdict,
};
use crate::pack::model::{AnnexISection, TransparencyTrigger};
use crate::profile::SystemProfile;
use crate::trace::{StepOutcome, TraceStep};

use gates::{Ctx, Gate};
use logic::{Eval, Tri};

/// Rule ids the classifier writes into the trace; the pack must define a text for each.
pub const REQUIRED_RULES: &[&str] = &[
    "gpai-model",
    "ai-definition",
    "scope-exclusions",
    "prohibited-practices",
    "realtime-rbi",
    "annex-i-product",
    "annex-i-section-b",
    "annex-iii-purpose",
    "derogation",
    "transparency",
    "provider-role",
    "obligations-as-of",
    "verdict",
    "transparency-cumulation",
    "open-source-exclusion",
    "other-roles",
];

/// The classification plus the trace. Serialised, the trace is an extra `trace` member:
/// the contract does not forbid additional properties, so this stays schema-valid.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    #[serde(flatten)]
    pub classification: Classification,
    pub trace: Vec<TraceStep>,
}

/// Classify `profile` under the law as in force on `as_of`.
pub fn classify(pack: &AiActPack, profile: &SystemProfile, as_of: Date) -> Outcome {
    let mut ctx = Ctx {
        pack,
        profile,
        as_of,
        trace: Vec::new(),
    };
    let amended = pack.amendment_in_force(as_of);
    let law = if amended { Tri::Yes } else { Tri::No };
    ctx.record(
        "obligations-as-of",
        &Eval::with(law, vec![], vec![]),
        gates::outcome_of(law),
        vec![format!("as of {as_of}")],
    );

    let gpai = gates::gpai_model(&mut ctx);
    let not_ai = gates::not_ai_system(&mut ctx);
    let excluded = gates::out_of_scope(&mut ctx);
    let prohibited = gates::prohibitions(&mut ctx);
    let high_risk = gates::high_risk(&mut ctx, prohibited.rbi_permitted);
    let transparency = gates::transparency(&mut ctx);

    let chain: [(Verdict, &Gate); 6] = [
        (Verdict::GpaiModel, &gpai),
        (Verdict::NotAiSystem, &not_ai),
        (Verdict::OutOfScope, &excluded),
        (Verdict::Prohibited, &prohibited.gate),
        (Verdict::HighRisk, &high_risk.gate),
        (Verdict::Transparency, &transparency.gate),
    ];
    let decision = decide(&chain);
    let mut verdict = decision.verdict;
    let mut missing = decision.missing;
    let mut basis = decision.basis;
    let open_source = open_source::apply(&mut ctx, verdict);
    if open_source.excluded {
        verdict = Verdict::OutOfScope;
        basis = open_source.basis.clone();
    } else {
        extend_unique(&mut missing, &open_source.missing);
        extend_unique(&mut basis, &open_source.basis);
    }

    // Art. 50 applies "whatever the verdict" to AI systems in scope, except where
    // Art. 2(2) limits a Section B product to Art. 6(1). While the verdict is open, the
    // paragraphs are still reported once the system is known to be an AI system in scope.
    let section_b_only = high_risk.route == Some(Route::AnnexIB);
    let in_tiers = verdict.tier_severity().is_some();
    let settled_ai_in_scope = [&gpai, &not_ai, &excluded]
        .iter()
        .all(|gate| gate.eval.tri == Tri::No);
    let art50_applies =
        (in_tiers || verdict == Verdict::Undetermined) && settled_ai_in_scope && !section_b_only;
    let triggered = if art50_applies {
        transparency.triggered.clone()
    } else {
        Vec::new()
    };
    if art50_applies {
        extend_unique(&mut missing, &transparency.gate.eval.missing);
    }
    // The derogation explains why an Annex III system is not high-risk, also when Art. 50
    // still gives it the transparency tier.
    if matches!(verdict, Verdict::Minimal | Verdict::Transparency) && high_risk.derogation_applied {
        basis.push("Art. 6(3)".to_string());
    }

    if verdict == Verdict::HighRisk && !triggered.is_empty() {
        extend_unique(&mut basis, &cumulation(&mut ctx, &triggered));
    }

    let annex_i_section_a =
        verdict == Verdict::HighRisk && high_risk.annex_i_section == Some(AnnexISection::A);
    let role = role::decide(&mut ctx, verdict, &high_risk.gate.eval, annex_i_section_a);
    extend_unique(&mut missing, &role.missing);
    extend_unique(&mut basis, &role.basis);
    let standing = other_roles::Standing {
        verdict,
        chapter_iii: verdict == Verdict::HighRisk && (high_risk.annex_iii_yes || annex_i_section_a),
        annex_i_section_a,
    };
    let other_roles = other_roles::decide(&mut ctx, &standing);
    extend_unique(&mut missing, &other_roles.missing);
    extend_unique(&mut basis, &other_roles.basis);

    let mut transparency_codes: Vec<String> = Vec::new();
    for (_, code) in &triggered {
        if !transparency_codes.contains(code) {
            transparency_codes.push(code.clone());
        }
    }

    let obligations = if in_tiers || verdict == Verdict::GpaiModel {
        let situation = obligations::Situation {
            verdict,
            route: high_risk.route,
            annex_iii_yes: high_risk.annex_iii_yes,
            annex_i_section: high_risk.annex_i_section,
            points: &high_risk.points,
            derogation_applied: high_risk.derogation_applied,
            role: role.role,
            rbi_permitted: prohibited.rbi_permitted,
            practices: &prohibited.matched,
            triggered: &triggered,
            other_roles: &other_roles.roles,
        };
        let (items, open) = obligations::select(&ctx, &situation);
        extend_unique(&mut missing, &open);
        items
    } else {
        Vec::new()
    };

    let high_risk_detail = (verdict == Verdict::HighRisk)
        .then_some(high_risk.route)
        .flatten()
        .map(|route| HighRisk {
            route,
            annex_iii_points: high_risk.points.clone(),
            derogation_rejected_because: high_risk.derogation_rejected_because.clone(),
        });

    let verdict_outcome = match verdict {
        Verdict::Undetermined => StepOutcome::Unknown,
        Verdict::Minimal => StepOutcome::DoesNotApply,
        _ => StepOutcome::Applies,
    };
    let mut findings = vec![format!("verdict: {}", verdict.as_str())];
    findings.extend(basis.iter().cloned());
    let verdict_eval = Eval::with(Tri::Yes, missing.clone(), vec![]);
    ctx.record("verdict", &verdict_eval, verdict_outcome, findings);

    Outcome {
        classification: Classification {
            schema: CLASSIFICATION_SCHEMA_MARKER.to_string(),
            as_of,
            verdict,
            high_risk: high_risk_detail,
            transparency_obligations: transparency_codes,
            role: role.role,
            basis,
            obligations,
            missing,
            rulepack: pack.label(),
            other_roles: other_roles.roles,
        },
        trace: ctx.trace,
    }
}

/// Art. 50(6): the transparency duties come on top of Chapter III. States the cumulation in
/// the trace and returns the paragraphs with Art. 50(6) for the basis, so that a high-risk
/// verdict never reads as if it replaced the transparency duties.
fn cumulation(ctx: &mut Ctx, triggered: &[(TransparencyTrigger, String)]) -> Vec<String> {
    let mut basis: Vec<String> = Vec::new();
    for (_, code) in triggered {
        let article = format!("Art. {code}");
        if !basis.contains(&article) {
            basis.push(article);
        }
    }
    basis.push("Art. 50(6)".to_string());
    let eval = Eval::with(Tri::Yes, vec![], vec![]);
    ctx.record(
        "transparency-cumulation",
        &eval,
        StepOutcome::Applies,
        basis.clone(),
    );
    basis
}

struct Decision {
    verdict: Verdict,
    missing: Vec<String>,
    basis: Vec<String>,
}

/// Walk the gates from the top: the first gate that says yes gives the verdict, unless an
/// earlier gate is still open, in which case the verdict is undetermined. Facts of gates
/// after the deciding one are irrelevant and are not reported.
fn decide(chain: &[(Verdict, &Gate)]) -> Decision {
    let mut missing = Vec::new();
    let mut open_basis = Vec::new();
    let mut open = false;
    for (verdict, gate) in chain {
        extend_unique(&mut missing, &gate.eval.missing);
        match gate.eval.tri {
            Tri::Yes => {
                extend_unique(&mut missing, &gate.completing);
                if open {
                    return Decision {
                        verdict: Verdict::Undetermined,
                        missing,
                        basis: open_basis,
                    };
                }
                return Decision {
                    verdict: *verdict,
                    missing,
                    basis: gate.basis.clone(),
                };
            }
            Tri::Unknown => {
                open = true;
                extend_unique(&mut open_basis, &gate.open_basis);
            }
            Tri::No => {}
        }
    }
    if open {
        return Decision {
            verdict: Verdict::Undetermined,
            missing,
            basis: open_basis,
        };
    }
    Decision {
        verdict: Verdict::Minimal,
        missing,
        // Minimal still rests on the system being an AI system under Art. 3(1).
        basis: vec!["Art. 3(1)".to_string()],
    }
}

fn extend_unique(target: &mut Vec<String>, items: &[String]) {
    for item in items {
        if !target.contains(item) {
            target.push(item.clone());
        }
    }
}
