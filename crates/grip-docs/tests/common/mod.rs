//! Packages shared by the export tests: the patrol-car dossier from the generator tests and
//! a copy of it whose texts try to break XML and typst markup.

use std::collections::BTreeMap;

use grip_docs::CoverInfo;
use grip_knowledge::tender::{
    ClassificationFacts, DossierFacts, ScreeningFinding, TenderKnowledge, TenderPackage, generate,
};
use grip_knowledge::{Route, Verdict};

pub const LABEL: &str = "Departementaal Vertrouwelijk";

pub fn patrol_car() -> (TenderPackage, CoverInfo) {
    let facts = DossierFacts {
        title: "Surveillancevoertuigen noodhulp 2027".into(),
        category: "voertuigen".into(),
        operational_context: "Noodhulp en achtervolgingen, ook tactisch rijden.".into(),
        classification: ClassificationFacts {
            verdict: Verdict::HighRisk,
            route: Some(Route::AnnexIB),
            annex_iii_points: vec![],
            transparency: vec![],
        },
        slots: BTreeMap::from([
            ("place".to_string(), "op de A12 bij Utrecht".to_string()),
            ("people".to_string(), "twee noodhulpagenten".to_string()),
        ]),
        findings: vec![ScreeningFinding {
            document: "brochure-2026.pdf".into(),
            category: "autonomy_driver_assistance".into(),
            excerpt: "Autonomous Emergency Braking is always active and cannot be disabled.".into(),
            addressee: Some("kordaan".into()),
        }],
    };
    let knowledge = TenderKnowledge::embedded().expect("embedded tender packs load");
    let package = generate(&knowledge, &facts);
    let cover = CoverInfo {
        title: facts.title.clone(),
        label: LABEL.into(),
        dossier_id: "0190f3a2-demo-patrol".into(),
        date: jiff::civil::date(2026, 11, 23),
        category: Some(grip_knowledge::Text {
            nl: "Voertuigen".into(),
            en: "Vehicles".into(),
        }),
        addressee: Some("Kordaan Automotive Nederland B.V.".into()),
    };
    (package, cover)
}

/// Texts that are markup in typst, XML or Word, plus control characters and a long run.
pub const HOSTILE: [&str; 8] = [
    "#set page(width: 1pt)",
    "$x^2$ and *bold* and _emph_",
    "back\\slash and <label> and @ref",
    "[brackets] {braces} `raw` ~tilde",
    "<script>alert('x')</script> & ]]> &amp;",
    "ctrl\u{0}\u{1}\u{8}\u{b}\u{1f}chars",
    "// not a comment /* nor this */",
    "= not a heading",
];

pub fn hostile() -> (TenderPackage, CoverInfo) {
    let (mut package, mut cover) = patrol_car();
    cover.title = format!("Titel #{{1+1}} <x> & {}", "lang ".repeat(40));
    cover.label = "Label <b>&amp; *x* #y".into();
    let items = package.sections.iter_mut().flat_map(|s| s.items.iter_mut());
    for (item, text) in items.zip(HOSTILE.iter().cycle()) {
        item.text.nl = text.to_string();
        item.text.en = text.to_string();
    }
    let long = "x".repeat(20_000);
    if let Some(item) = package
        .sections
        .iter_mut()
        .flat_map(|s| s.items.iter_mut())
        .last()
    {
        // Item text, not the reason: reasons are Grip's own and never reach a supplier.
        item.text.nl = long.clone();
        item.text.en = long;
    }
    (package, cover)
}
