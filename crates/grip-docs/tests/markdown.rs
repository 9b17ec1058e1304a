//! The Markdown export carries the classification label at top and bottom, numbers the
//! questions, tables the award criteria, and shows the reason per item.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

use std::collections::BTreeMap;

use grip_docs::{CoverInfo, render_markdown};
use grip_knowledge::tender::{ClassificationFacts, DossierFacts, TenderKnowledge, generate};
use grip_knowledge::{Lang, Route, Verdict};

fn patrol_car_markdown(lang: Lang) -> String {
    let facts = DossierFacts {
        title: "Surveillancevoertuigen noodhulp 2027".into(),
        category: "voertuigen".into(),
        operational_context: "Noodhulp en achtervolgingen.".into(),
        classification: ClassificationFacts {
            verdict: Verdict::HighRisk,
            route: Some(Route::AnnexIB),
            annex_iii_points: vec![],
            transparency: vec![],
        },
        slots: BTreeMap::new(),
        findings: vec![],
    };
    let package = generate(&TenderKnowledge::embedded().unwrap(), &facts);
    let cover = CoverInfo {
        title: facts.title.clone(),
        label: "Departementaal Vertrouwelijk".into(),
        dossier_id: "0190f3a2-demo-patrol".into(),
        date: jiff::civil::date(2026, 11, 23),
        category: Some(grip_knowledge::Text {
            nl: "Voertuigen".into(),
            en: "Vehicles".into(),
        }),
        addressee: Some("Kordaan Automotive Nederland B.V.".into()),
    };
    render_markdown(&package, lang, &cover)
}

#[test]
fn label_is_at_top_and_bottom() {
    let md = patrol_car_markdown(Lang::Nl);
    assert!(md.starts_with("**Departementaal Vertrouwelijk**"));
    assert!(md.trim_end().ends_with("**Departementaal Vertrouwelijk**"));
    assert!(md.contains("## 6. Gunningscriteria"));
    assert!(md.contains("| Criterium | Groep | Weging |"));
    assert!(md.contains("- Aan: Kordaan Automotive Nederland B.V."));
    assert!(md.contains("- Categorie: Voertuigen"));
    assert!(md.contains("- Oordeel AI-verordening: Hoog risico\n"));
    for internal in ["Waarom", "Kennisitem", "Kennispakketten", "high_risk"] {
        assert!(!md.contains(internal), "the export shows {internal:?}");
    }
    assert!(md.contains("Stopstoot en automatische noodrem"));
}

#[test]
fn english_export_uses_english_texts() {
    let md = patrol_car_markdown(Lang::En);
    assert!(md.contains("## 1. Disclosure questions"));
    assert!(md.contains("Over-the-air updates and automatic emergency braking"));
    assert!(md.contains("- Purpose: "));
    assert!(
        !md.contains("Why") && !md.contains("Knowledge item"),
        "no internal reasons"
    );
}

#[test]
fn snapshot_patrol_car_markdown_nl() {
    insta::assert_snapshot!(patrol_car_markdown(Lang::Nl));
}

#[test]
fn typed_html_is_made_inert() {
    let facts = DossierFacts {
        title: "Camera's <script>alert(1)</script>".into(),
        category: "voertuigen".into(),
        operational_context: String::new(),
        classification: ClassificationFacts {
            verdict: Verdict::Undetermined,
            route: None,
            annex_iii_points: vec![],
            transparency: vec![],
        },
        slots: BTreeMap::new(),
        findings: vec![],
    };
    let mut package = generate(&TenderKnowledge::embedded().unwrap(), &facts);
    let item = package.sections[0].items.first_mut().unwrap();
    item.text.nl = "Beschrijf <img src=x onerror=alert(2)> & meer".into();
    let cover = CoverInfo {
        title: facts.title.clone(),
        label: "Politie Vertrouwelijk".into(),
        dossier_id: "d1".into(),
        date: jiff::civil::date(2026, 12, 7),
        category: None,
        addressee: Some("<b>Leverancier</b>".into()),
    };
    let md = render_markdown(&package, Lang::Nl, &cover);
    for raw in ["<script", "<img", "<b>"] {
        assert!(!md.contains(raw), "{raw} passes through: {md}");
    }
    assert!(md.contains("&lt;script&gt;") && md.contains("&amp; meer"));
}
