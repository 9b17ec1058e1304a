//! Property tests: fully known profiles are never undetermined, adding a prohibited
//! practice never lowers the verdict, and every output validates against the contract.

mod common;

use common::*;
use grip_knowledge::profile::codes::{ANNEX_I_KEYS, ANNEX_III_CODES, PRACTICE_CODES};
use grip_knowledge::profile::*;
use grip_knowledge::{Verdict, classify};
use jiff::civil::{Date, date};
use proptest::prelude::*;

fn fact(known: bool) -> BoxedStrategy<Fact> {
    if known {
        any::<bool>().prop_map(Some).boxed()
    } else {
        prop_oneof![Just(None), any::<bool>().prop_map(Some)].boxed()
    }
}

fn facts<const N: usize>(known: bool) -> impl Strategy<Value = [Fact; N]> {
    proptest::array::uniform::<_, N>(fact(known))
}

fn codes(all: &'static [&'static str], known: bool) -> BoxedStrategy<Option<Vec<String>>> {
    let list = proptest::sample::subsequence(all.to_vec(), 0..=3)
        .prop_map(|v| v.into_iter().map(String::from).collect::<Vec<_>>());
    if known {
        list.prop_map(Some).boxed()
    } else {
        prop_oneof![Just(None), list.prop_map(Some)].boxed()
    }
}

fn choice(all: Vec<&'static str>, known: bool) -> BoxedStrategy<Option<String>> {
    let pick = proptest::sample::select(all).prop_map(|s| Some(s.to_string()));
    if known {
        pick.boxed()
    } else {
        prop_oneof![Just(None), pick].boxed()
    }
}

fn objective(known: bool) -> BoxedStrategy<Option<RbiObjective>> {
    let pick = proptest::sample::select(vec![
        RbiObjective::None,
        RbiObjective::VictimSearch,
        RbiObjective::ImminentThreat,
        RbiObjective::SuspectSeriousCrime,
    ])
    .prop_map(Some);
    if known {
        pick.boxed()
    } else {
        prop_oneof![Just(None), pick].boxed()
    }
}

fn profile(known: bool) -> impl Strategy<Value = SystemProfile> {
    let legislation: Vec<&'static str> = std::iter::once("none")
        .chain(ANNEX_I_KEYS.iter().copied())
        .collect();
    (
        (
            facts::<4>(known),
            facts::<2>(known),
            facts::<2>(known),
            codes(PRACTICE_CODES, known),
        ),
        (
            facts::<3>(known),
            objective(known),
            choice(legislation, known),
            facts::<2>(known),
        ),
        (
            codes(ANNEX_III_CODES, known),
            facts::<5>(known),
            facts::<6>(known),
            facts::<8>(known),
        ),
        facts::<2>(known),
    )
        .prop_map(
            |((d, x, g, practices), (rbi, obj, leg, ai), (purposes, a, t, dep), open)| {
                SystemProfile {
                    name: "Eigenschapstest".to_string(),
                    description: None,
                    ai_definition: AiDefinition {
                        machine_based: d[0],
                        autonomy: d[1],
                        infers_outputs: d[2],
                        only_human_defined_rules: d[3],
                    },
                    exclusions: Exclusions {
                        military_defence_national_security_only: x[0],
                        scientific_research_only: x[1],
                    },
                    gpai: Gpai {
                        is_gpai_model: g[0],
                        systemic_risk: g[1],
                    },
                    prohibited_practices: practices,
                    realtime_rbi: RealtimeRbi {
                        used: rbi[0],
                        objective: obj,
                        national_law_permits: rbi[1],
                        prior_authorisation: rbi[2],
                    },
                    annex_i: AnnexI {
                        legislation: leg,
                        safety_component_or_product: ai[0],
                        third_party_conformity_assessment: ai[1],
                    },
                    annex_iii_purposes: purposes,
                    art6_3: Art6_3 {
                        narrow_procedural_task: a[0],
                        improves_completed_human_activity: a[1],
                        detects_patterns_without_replacing_human_assessment: a[2],
                        preparatory_task: a[3],
                        profiling_natural_persons: a[4],
                    },
                    transparency: Transparency {
                        interacts_directly_with_persons: t[0],
                        generates_synthetic_content: t[1],
                        emotion_recognition_or_biometric_categorisation: t[2],
                        deep_fake: t[3],
                        public_interest_text_without_editorial_review: t[4],
                        law_enforcement_exception: t[5],
                    },
                    deployment: Deployment {
                        public_authority: dep[0],
                        law_enforcement: dep[1],
                        under_own_name_or_trademark: dep[2],
                        substantial_modification: dep[3],
                        changes_purpose_to_high_risk: dep[4],
                        imports_from_outside_union: dep[5],
                        distributes: dep[6],
                        integrates_into_own_product: dep[7],
                    },
                    open_source: OpenSource {
                        free_open_source_licence: open[0],
                        monetised: open[1],
                    },
                }
            },
        )
}

fn as_of() -> impl Strategy<Value = Date> {
    (2024i16..=2031, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| date(y, m, d))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn fully_known_profiles_are_never_undetermined(p in profile(true), when in as_of()) {
        let out = classify(&pack(), &p, when);
        prop_assert_ne!(out.classification.verdict, Verdict::Undetermined);
        prop_assert!(out.classification.missing.is_empty(), "{:?}", out.classification.missing);
    }

    #[test]
    fn adding_a_prohibited_practice_never_lowers_the_verdict(
        p in profile(false),
        code in proptest::sample::select(PRACTICE_CODES.to_vec()),
    ) {
        let pack = pack();
        let before = classify(&pack, &p, FIXTURE_DATE).classification.verdict;
        let mut worse = p.clone();
        let mut list = worse.prohibited_practices.clone().unwrap_or_default();
        if !list.iter().any(|c| c == code) {
            list.push(code.to_string());
        }
        worse.prohibited_practices = Some(list);
        let after = classify(&pack, &worse, FIXTURE_DATE).classification.verdict;
        match (before.tier_severity(), before) {
            (Some(severity), _) => {
                let after_severity = after.tier_severity();
                prop_assert!(
                    after == Verdict::Undetermined && severity < 3 || after_severity >= Some(severity),
                    "{before:?} -> {after:?}"
                );
                // Every fact except possibly the ones already open: a known AI system becomes prohibited.
                if after != Verdict::Undetermined {
                    prop_assert_eq!(after, Verdict::Prohibited);
                }
            }
            (None, Verdict::Undetermined) => {
                prop_assert!(matches!(after, Verdict::Undetermined | Verdict::Prohibited), "{before:?} -> {after:?}");
            }
            (None, other) => prop_assert_eq!(after, other),
        }
    }

    #[test]
    fn every_output_validates_against_the_contract(p in profile(false), when in as_of()) {
        let out = classify(&pack(), &p, when);
        let bare = serde_json::to_value(&out.classification).expect("serialises");
        let problems = classification_contract().violations(&bare);
        prop_assert!(problems.is_empty(), "{problems:?}");
        // Round trip: what we print can be read back.
        let back: grip_knowledge::Classification = serde_json::from_value(bare).expect("deserialises");
        prop_assert_eq!(back, out.classification);
    }

    #[test]
    fn generated_profiles_round_trip_through_the_parser(p in profile(false)) {
        let json = p.to_json();
        prop_assert!(profile_contract().violations(&json).is_empty());
        let parsed = grip_knowledge::parse_profile_value(&json).expect("parses");
        prop_assert_eq!(parsed, p);
    }
}
