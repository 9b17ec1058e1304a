//! Roles the buyer can hold besides provider or deployer: importer (Art. 3(6)), distributor
//! (Art. 3(7)) and product manufacturer (Art. 25(3)). Each is a plain profile fact; it is
//! reported as missing only where it brings duties, that is for a high-risk system under
//! Chapter III (Art. 23, 24) or, for the product manufacturer, an Annex I Section A one.

use crate::classification::{OtherRole, Verdict};
use crate::profile::Fact;

use super::gates::{Ctx, outcome_of};
use super::logic::{Eval, Tri};

pub struct OtherRoles {
    pub roles: Vec<OtherRole>,
    pub missing: Vec<String>,
    pub basis: Vec<String>,
}

/// What the classification says about the system, as far as the other roles care.
pub struct Standing {
    pub verdict: Verdict,
    /// High risk with the Chapter III duties (Annex III or Annex I Section A).
    pub chapter_iii: bool,
    /// High risk through an Annex I Section A product.
    pub annex_i_section_a: bool,
}

/// One role: its profile fact, the article defining it, the article of its duties, and
/// whether those duties apply to this system.
struct Candidate {
    role: OtherRole,
    path: &'static str,
    fact: Fact,
    definition: &'static str,
    duties: Option<&'static str>,
    with_duties: bool,
}

pub fn decide(ctx: &mut Ctx, standing: &Standing) -> OtherRoles {
    let mut found = OtherRoles {
        roles: Vec::new(),
        missing: Vec::new(),
        basis: Vec::new(),
    };
    // The roles are defined for AI systems within the Act; a GPAI model, a system outside
    // the Act or no AI system at all has none of them.
    let system_in_scope =
        standing.verdict.tier_severity().is_some() || standing.verdict == Verdict::Undetermined;
    if !system_in_scope {
        return found;
    }
    let d = &ctx.profile.deployment;
    let candidates = [
        Candidate {
            role: OtherRole::Importer,
            path: "deployment.imports_from_outside_union",
            fact: d.imports_from_outside_union,
            definition: "Art. 3(6)",
            duties: Some("Art. 23"),
            with_duties: standing.chapter_iii,
        },
        Candidate {
            role: OtherRole::Distributor,
            path: "deployment.distributes",
            fact: d.distributes,
            definition: "Art. 3(7)",
            duties: Some("Art. 24"),
            with_duties: standing.chapter_iii,
        },
        Candidate {
            role: OtherRole::ProductManufacturer,
            path: "deployment.integrates_into_own_product",
            fact: d.integrates_into_own_product,
            definition: "Art. 25(3)",
            duties: None,
            with_duties: standing.annex_i_section_a,
        },
    ];
    let mut evals = Vec::new();
    for c in candidates {
        let eval = Eval::fact(c.path, c.fact);
        match eval.tri {
            Tri::Yes => {
                found.roles.push(c.role);
                found.basis.push(c.definition.to_string());
                if let Some(article) = c.duties.filter(|_| c.with_duties) {
                    found.basis.push(article.to_string());
                }
            }
            Tri::Unknown if c.with_duties => found.missing.push(c.path.to_string()),
            _ => {}
        }
        evals.push(eval);
    }
    let eval = Eval::any(evals);
    let outcome = match (found.roles.is_empty(), found.missing.is_empty()) {
        (false, _) => outcome_of(Tri::Yes),
        (true, false) => outcome_of(Tri::Unknown),
        (true, true) => outcome_of(Tri::No),
    };
    let findings = found.roles.iter().map(|r| r.as_str().to_string()).collect();
    ctx.record("other-roles", &eval, outcome, findings);
    found
}
