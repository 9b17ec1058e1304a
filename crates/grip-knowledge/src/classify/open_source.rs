//! Art. 2(12): the Act does not apply to AI systems released under a free and open-source
//! licence, unless they are high-risk, prohibited or fall under Art. 50; a system provided
//! against a price or otherwise monetised does not benefit (recital 103). The exclusion
//! can therefore only turn a `minimal` verdict into `out_of_scope`. Like an unknown provider
//! switch, an unknown licence or monetisation never applies the exclusion: the verdict stays
//! `minimal` and the open fact is named under `missing`.

use crate::classification::Verdict;
use crate::trace::StepOutcome;

use super::gates::Ctx;
use super::logic::{Eval, Tri};

pub struct OpenSource {
    /// The exclusion takes the system out of the Act.
    pub excluded: bool,
    pub missing: Vec<String>,
    pub basis: Vec<String>,
}

pub fn apply(ctx: &mut Ctx, verdict: Verdict) -> OpenSource {
    let open = &ctx.profile.open_source;
    let licence = Eval::fact(
        "open_source.free_open_source_licence",
        open.free_open_source_licence,
    );
    let licensed = licence.is_yes();
    // Whether it is monetised matters only once the licence is known to be free.
    let licence_open = licence.tri == Tri::Unknown;
    let eval = Eval::all(vec![
        licence,
        Eval::fact("open_source.monetised", open.monetised).not(),
    ]);
    let mut found = OpenSource {
        excluded: false,
        missing: Vec::new(),
        basis: Vec::new(),
    };
    let article = "Art. 2(12)".to_string();
    match verdict {
        Verdict::Minimal => {
            let outcome = match eval.tri {
                Tri::Yes => {
                    found.excluded = true;
                    found.basis.push(article.clone());
                    StepOutcome::Applies
                }
                Tri::Unknown => {
                    found.missing = if licence_open {
                        vec!["open_source.free_open_source_licence".to_string()]
                    } else {
                        eval.missing.clone()
                    };
                    StepOutcome::Unknown
                }
                Tri::No => StepOutcome::DoesNotApply,
            };
            ctx.record("open-source-exclusion", &eval, outcome, found.basis.clone());
        }
        // An open-source system that is prohibited, high-risk or under Art. 50 stays in:
        // the basis says why the licence did not take it out.
        Verdict::Prohibited | Verdict::HighRisk | Verdict::Transparency if licensed => {
            found.basis.push(article.clone());
            let finding = format!("{article} lifted: verdict {}", verdict.as_str());
            ctx.record(
                "open-source-exclusion",
                &eval,
                StepOutcome::DoesNotApply,
                vec![finding],
            );
        }
        _ => {}
    }
    found
}
