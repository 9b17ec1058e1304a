//! The buyer's role: deployer by default, provider when Art. 3(3) or Art. 25(1) applies.
//! An unknown switch never makes the buyer a provider; it is reported as missing instead.

use crate::classification::{Role, Verdict};

use super::gates::{Ctx, outcome_of};
use super::logic::{Eval, Tri};
use crate::pack::model::SwitchKey;

pub struct RoleDecision {
    pub role: Role,
    pub missing: Vec<String>,
    pub basis: Vec<String>,
}

/// `annex_i_section_a`: high risk rests (also) on an Annex I Section A product, the only
/// case in which the product manufacturer becomes the provider (Art. 25(3)).
pub fn decide(
    ctx: &mut Ctx,
    verdict: Verdict,
    high_risk: &Eval,
    annex_i_section_a: bool,
) -> RoleDecision {
    if matches!(verdict, Verdict::NotAiSystem | Verdict::OutOfScope) {
        return RoleDecision {
            role: Role::Deployer,
            missing: vec![],
            basis: vec![],
        };
    }
    let is_high_risk = verdict == Verdict::HighRisk;
    // While the verdict is open, the high-risk switches matter unless high risk is ruled out.
    let high_risk_possible =
        is_high_risk || (verdict == Verdict::Undetermined && high_risk.tri != Tri::No);
    let d = &ctx.profile.deployment;
    let mut switches = Vec::new();
    let mut basis = Vec::new();
    for switch in &ctx.pack.content().provider_switches {
        if switch.requires_high_risk && !high_risk_possible {
            continue;
        }
        let product_switch = switch.key == SwitchKey::IntegratesIntoOwnProduct;
        if product_switch && !annex_i_section_a {
            continue;
        }
        let (path, value) = match switch.key {
            SwitchKey::UnderOwnNameOrTrademark => (
                "deployment.under_own_name_or_trademark",
                d.under_own_name_or_trademark,
            ),
            SwitchKey::SubstantialModification => (
                "deployment.substantial_modification",
                d.substantial_modification,
            ),
            SwitchKey::ChangesPurposeToHighRisk => (
                "deployment.changes_purpose_to_high_risk",
                d.changes_purpose_to_high_risk,
            ),
            SwitchKey::IntegratesIntoOwnProduct => (
                "deployment.integrates_into_own_product",
                d.integrates_into_own_product,
            ),
        };
        let eval = Eval::fact(path, value);
        if eval.is_yes() && (is_high_risk || !switch.requires_high_risk) {
            basis.push(switch.article.clone());
            if is_high_risk {
                basis.extend(switch.article_if_high_risk.iter().cloned());
            }
        }
        switches.push(eval);
    }
    let eval = Eval::any(switches);
    let role = if eval.is_yes() && !basis.is_empty() {
        Role::Provider
    } else {
        Role::Deployer
    };
    let outcome = match (role, eval.tri) {
        (Role::Provider, _) => outcome_of(Tri::Yes),
        (Role::Deployer, Tri::Unknown) => outcome_of(Tri::Unknown),
        (Role::Deployer, _) => outcome_of(Tri::No),
    };
    ctx.record("provider-role", &eval, outcome, basis.clone());
    RoleDecision {
        role,
        missing: eval.missing,
        basis,
    }
}
