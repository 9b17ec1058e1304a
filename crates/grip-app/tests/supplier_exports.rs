//! Everything Grip addresses to a supplier quotes only that supplier's own documents. This
//! renders every tender-package export of the demo — every dossier with a package, every
//! version, every format, both languages, for every bidder and for each supplier — and fails
//! on any text of an internal document (or of another supplier's), any raw code, or any of
//! Grip's internal reasoning in it. The forbidden strings are derived from the data: the
//! documents' own text, the screening findings, the codes the packs and contract define,
//! and the internal reasons stored with each package item.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

use std::collections::BTreeSet;

use grip_app::packages::{self, ExportFormat};
use grip_app::testing::{TestBackend, TestDb, demo_actor};
use grip_app::{Actor, App, Paging, Role};
use grip_core::document::Document;
use grip_knowledge::Lang;
use grip_knowledge::tender::questions::SCREENING_CATEGORIES;

/// Words and phrases only Grip's selection logic uses.
const REASONING_MARKERS: &[&str] = &[
    "Kennisitem",
    "Knowledge item",
    "geselecteerd op",
    "selected on",
    "uit voorzorg",
    "as a precaution",
    "Ingevuld uit het dossier",
    "Filled from the dossier",
    "screening vond",
    "screening found",
    "Waarom:",
    "Why:",
    "Kennispakketten",
    "Knowledge packs",
];

/// Codes of verdicts that are no words of prose; the JSON export carries one in its
/// machine field `verdict`.
const VERDICT_CODES: &[&str] = &["high_risk", "not_ai_system", "out_of_scope", "gpai_model"];

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lines of a document long enough to be its own words, never a shared heading.
fn own_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(normalise)
        .map(|l| l.trim_start_matches(['#', '-', '*', ' ']).to_string())
        .filter(|l| l.chars().count() >= 40)
        .collect()
}

/// What may not appear in an export for `addressee` (None: every bidder): the text, name
/// and findings of every document that is not that supplier's own.
async fn foreign_text(
    app: &App,
    actor: &Actor,
    docs: &[Document],
    addressee: Option<&str>,
) -> Vec<String> {
    let mut out = Vec::new();
    for doc in docs {
        if addressee.is_some_and(|a| doc.provenance.is_from(&a.into())) {
            continue;
        }
        let (_, bytes) = grip_app::documents::download(app, actor, &doc.id)
            .await
            .unwrap();
        let text = grip_screen::extract(&bytes, &grip_screen::Limits::default())
            .unwrap()
            .text;
        out.extend(own_lines(&text));
        out.push(doc.original_name.clone());
        let view = grip_app::screening::document_view(app, actor, &doc.id)
            .await
            .unwrap();
        for f in view.stored.iter().flat_map(|s| &s.screening.findings) {
            out.push(normalise(&f.excerpt));
        }
    }
    out.retain(|s| s.chars().count() >= 12);
    out
}

/// The text a reader of the export sees (for JSON: every string but the machine fields).
fn readable(format: ExportFormat, bytes: &[u8]) -> String {
    match format {
        ExportFormat::Markdown => String::from_utf8(bytes.to_vec()).unwrap(),
        ExportFormat::Json => {
            let value: serde_json::Value = serde_json::from_slice(bytes).unwrap();
            let mut out = String::new();
            strings(&value, None, &mut out);
            out
        }
        ExportFormat::Docx | ExportFormat::Pdf => {
            grip_screen::extract(bytes, &grip_screen::Limits::default())
                .unwrap()
                .text
        }
    }
}

/// Machine fields of `grip.tender-package/1`: codes by contract, not read as prose.
const MACHINE_FIELDS: &[&str] = &[
    "schema",
    "category",
    "verdict",
    "knowledge",
    "key",
    "knowledge_id",
    "use",
    "kind",
];

fn strings(value: &serde_json::Value, field: Option<&str>, out: &mut String) {
    match value {
        serde_json::Value::String(s) if !field.is_some_and(|f| MACHINE_FIELDS.contains(&f)) => {
            out.push_str(s);
            out.push('\n');
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, field, out)),
        serde_json::Value::Object(map) => {
            map.iter().for_each(|(k, v)| strings(v, Some(k), out));
        }
        _ => {}
    }
}

fn check(what: &str, text: &str, forbidden: &[String]) {
    let flat = normalise(text);
    for f in forbidden {
        if let Some(at) = flat.find(f.as_str()) {
            let from = flat.floor_char_boundary(at.saturating_sub(120));
            let to = flat.ceil_char_boundary((at + 80).min(flat.len()));
            panic!(
                "{what} contains forbidden text {f:?}: …{}…",
                &flat[from..to]
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_supplier_facing_export_of_the_demo_is_supplier_safe() {
    let db = TestDb::new(TestBackend::Sqlite).await;
    let app = &db.app;
    grip_app::demo::load(app, "demo-password", None)
        .await
        .unwrap();
    let auditor = demo_actor(app, "auditor", Role::Auditor).await;
    let filter = grip_core::dossier::DossierFilter::default();
    let dossiers =
        grip_app::dossiers::list(app, &auditor, &filter, Paging::new(Some(1), Some(100)))
            .await
            .unwrap()
            .items;
    let portfolio_codes: Vec<String> = dossiers
        .iter()
        .filter_map(|d| d.category.as_ref().map(|c| c.code.clone()))
        .filter(|c| c.contains('-'))
        .collect();
    let mut codes: Vec<String> = SCREENING_CATEGORIES.iter().map(|c| c.to_string()).collect();
    codes.extend(VERDICT_CODES.iter().map(|c| c.to_string()));
    codes.extend(portfolio_codes);
    let (mut exports, mut own_quotes) = (0, 0);
    for dossier in &dossiers {
        let versions = packages::versions(app, &auditor, &dossier.id)
            .await
            .unwrap();
        if versions.is_empty() {
            continue;
        }
        let detail = grip_app::dossiers::detail(app, &auditor, &dossier.id)
            .await
            .unwrap();
        let suppliers: BTreeSet<String> = detail
            .documents
            .iter()
            .filter_map(|d| d.provenance.supplier().map(|s| s.id.to_string()))
            .collect();
        let addressees: Vec<Option<&str>> = std::iter::once(None)
            .chain(suppliers.iter().map(|s| Some(s.as_str())))
            .collect();
        for version in &versions {
            let stored = packages::get(app, &auditor, &dossier.id, Some(version.version))
                .await
                .unwrap();
            let mut reasons: Vec<String> = stored
                .package
                .items()
                .flat_map(|i| [normalise(&i.reason.nl), normalise(&i.reason.en)])
                .filter(|r| r.chars().count() >= 20)
                .collect();
            reasons.extend(REASONING_MARKERS.iter().map(|m| m.to_string()));
            for addressee in &addressees {
                let mut forbidden =
                    foreign_text(app, &auditor, &detail.documents, *addressee).await;
                forbidden.extend(reasons.iter().cloned());
                // Codes with a separator are never prose; a one-word code ("biometric") is
                // also an English word, so it is a leak only in a Dutch-only export.
                let (compound, single): (Vec<String>, Vec<String>) =
                    codes.iter().cloned().partition(|c| c.contains(['_', '-']));
                forbidden.extend(compound);
                let own: Vec<String> = detail
                    .documents
                    .iter()
                    .filter(|d| addressee.is_some_and(|a| d.provenance.is_from(&a.into())))
                    .map(|d| d.original_name.clone())
                    .collect();
                for format in [
                    ExportFormat::Json,
                    ExportFormat::Markdown,
                    ExportFormat::Docx,
                    ExportFormat::Pdf,
                ] {
                    for lang in [Lang::Nl, Lang::En] {
                        let exported = packages::export(
                            app,
                            &auditor,
                            &dossier.id,
                            Some(version.version),
                            format,
                            lang,
                            *addressee,
                        )
                        .await
                        .unwrap();
                        let what = format!(
                            "{} v{} {} {lang:?} for {addressee:?}",
                            dossier.title,
                            version.version,
                            format.extension()
                        );
                        let text = readable(format, &exported.bytes);
                        check(&what, &text, &forbidden);
                        if lang == Lang::Nl && format != ExportFormat::Json {
                            check(&what, &text, &single);
                        }
                        if format == ExportFormat::Json {
                            // Category codes and reasoning have no place in any field.
                            let raw = String::from_utf8(exported.bytes.clone()).unwrap();
                            let mut anywhere: Vec<String> = SCREENING_CATEGORIES
                                .iter()
                                .filter(|c| c.contains('_'))
                                .map(|c| c.to_string())
                                .collect();
                            anywhere.extend(reasons.iter().cloned());
                            check(&what, &raw, &anywhere);
                        }
                        if own
                            .iter()
                            .any(|name| normalise(&text).contains(name.as_str()))
                        {
                            own_quotes += 1;
                        }
                        exports += 1;
                    }
                }
            }
        }
    }
    assert!(exports >= 100, "only {exports} exports were checked");
    assert!(
        own_quotes > 0,
        "no export quoted its supplier's own document: the check would pass on empty exports"
    );
    db.finish().await;
}
