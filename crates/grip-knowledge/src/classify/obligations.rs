//! Selecting the obligations that follow from a classification, each with the application
//! date that holds under the law as in force on the `as_of` date (original or amended).

use crate::classification::{ObligationItem, OtherRole, Role, Route, Verdict};
use crate::pack::model::{AnnexISection, Condition, Obligation, TransparencyTrigger};

use super::gates::Ctx;
use super::logic::{Eval, Tri};

/// What the conditions of obligations are evaluated against.
pub struct Situation<'a> {
    pub verdict: Verdict,
    pub route: Option<Route>,
    pub annex_iii_yes: bool,
    pub annex_i_section: Option<AnnexISection>,
    pub points: &'a [String],
    pub derogation_applied: bool,
    pub role: Role,
    pub rbi_permitted: bool,
    pub practices: &'a [String],
    pub triggered: &'a [(TransparencyTrigger, String)],
    pub other_roles: &'a [OtherRole],
}

/// The obligations that apply, and the unknown facts that keep others open.
pub fn select(ctx: &Ctx, situation: &Situation) -> (Vec<ObligationItem>, Vec<String>) {
    let mut items = Vec::new();
    let mut missing: Vec<String> = Vec::new();
    for obligation in &ctx.pack.content().obligations {
        let eval = applies(ctx, situation, obligation);
        match eval.tri {
            Tri::Yes => {
                let dates = match (&obligation.annex_i_applies_from, situation.annex_i_section) {
                    (Some(annex_i), Some(AnnexISection::A)) if !situation.annex_iii_yes => annex_i,
                    _ => &obligation.applies_from,
                };
                // A provision that is not yet law on `as_of` yields no obligation.
                if let Some(date) = ctx.pack.applicable_date(dates, ctx.as_of) {
                    items.push(ObligationItem {
                        id: obligation.id.clone(),
                        article: obligation.article.clone(),
                        applies_from: date,
                        holder: obligation.holder,
                        summary: obligation.summary.en.clone(),
                        held_as: obligation.held_as,
                    });
                }
            }
            Tri::Unknown => {
                for path in eval.missing {
                    if !missing.contains(&path) {
                        missing.push(path);
                    }
                }
            }
            Tri::No => {}
        }
    }
    (items, missing)
}

fn applies(ctx: &Ctx, s: &Situation, obligation: &Obligation) -> Eval {
    let mut parts: Vec<Eval> = obligation
        .when
        .iter()
        .map(|c| condition(ctx, s, *c))
        .collect();
    if !obligation.when_any.is_empty() {
        parts.push(Eval::any(
            obligation
                .when_any
                .iter()
                .map(|c| condition(ctx, s, *c))
                .collect(),
        ));
    }
    if !obligation.unless.is_empty() {
        parts.push(
            Eval::any(
                obligation
                    .unless
                    .iter()
                    .map(|c| condition(ctx, s, *c))
                    .collect(),
            )
            .not(),
        );
    }
    if !obligation.annex_iii_points.is_empty() {
        let hit = s.annex_iii_yes
            && s.points.iter().any(|p| {
                obligation
                    .annex_iii_points
                    .iter()
                    .any(|prefix| p.starts_with(prefix.as_str()))
            });
        parts.push(Eval::known(hit));
    }
    if !obligation.practices.is_empty() {
        let hit = s.practices.iter().any(|p| obligation.practices.contains(p));
        parts.push(Eval::known(hit));
    }
    Eval::all(parts)
}

fn condition(ctx: &Ctx, s: &Situation, c: Condition) -> Eval {
    let high_risk = s.verdict == Verdict::HighRisk;
    let deployment = &ctx.profile.deployment;
    let triggered = |trigger: TransparencyTrigger| s.triggered.iter().any(|(t, _)| *t == trigger);
    let known = match c {
        Condition::AnyAiSystem => s.verdict.tier_severity().is_some(),
        Condition::Prohibited => s.verdict == Verdict::Prohibited,
        Condition::HighRiskChapterIii => {
            high_risk && (s.annex_iii_yes || s.annex_i_section == Some(AnnexISection::A))
        }
        Condition::AnnexIii => high_risk && s.annex_iii_yes,
        Condition::AnnexIiiOtherThanPoint2 => {
            high_risk && s.annex_iii_yes && s.points.iter().any(|p| p != "2")
        }
        Condition::AnnexISectionA => high_risk && s.annex_i_section == Some(AnnexISection::A),
        Condition::AnnexISectionBOnly => high_risk && s.route == Some(Route::AnnexIB),
        Condition::DerogationApplied => {
            s.derogation_applied && s.verdict.tier_severity().is_some_and(|v| v < 3)
        }
        Condition::PublicAuthority => {
            return Eval::fact("deployment.public_authority", deployment.public_authority);
        }
        Condition::LawEnforcement => {
            return Eval::fact("deployment.law_enforcement", deployment.law_enforcement);
        }
        Condition::CreditOrInsurancePurpose => {
            high_risk && s.annex_iii_yes && s.points.iter().any(|p| p == "5b" || p == "5c")
        }
        Condition::BuyerIsProvider => s.role == Role::Provider,
        Condition::RealtimeRbiPermitted => s.rbi_permitted && s.verdict != Verdict::Prohibited,
        Condition::GpaiModel => s.verdict == Verdict::GpaiModel,
        Condition::GpaiSystemicRisk => {
            if s.verdict != Verdict::GpaiModel {
                false
            } else {
                return Eval::fact("gpai.systemic_risk", ctx.profile.gpai.systemic_risk);
            }
        }
        Condition::Transparency50_1 => triggered(TransparencyTrigger::InteractsDirectlyWithPersons),
        Condition::Transparency50_2 => triggered(TransparencyTrigger::GeneratesSyntheticContent),
        Condition::Transparency50_3 => {
            triggered(TransparencyTrigger::EmotionRecognitionOrBiometricCategorisation)
        }
        Condition::Transparency50_4DeepFake => triggered(TransparencyTrigger::DeepFake),
        Condition::Transparency50_4PublicText => {
            triggered(TransparencyTrigger::PublicInterestTextWithoutEditorialReview)
        }
        Condition::Importer => s.other_roles.contains(&OtherRole::Importer),
        Condition::Distributor => s.other_roles.contains(&OtherRole::Distributor),
        Condition::ProductManufacturer => s.other_roles.contains(&OtherRole::ProductManufacturer),
        Condition::OpenSourceGpaiModel => {
            let (gpai, open) = (&ctx.profile.gpai, &ctx.profile.open_source);
            s.verdict == Verdict::GpaiModel
                && gpai.systemic_risk == Some(false)
                && open.free_open_source_licence == Some(true)
                && open.monetised == Some(false)
        }
    };
    Eval::known(known)
}
