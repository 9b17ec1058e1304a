//! Grip's model of the publication standard against the register's own machine-readable
//! field definitions, and the supplier templates through import and export.

use grip_register::standard::{FIELDS, FieldKind};
use grip_register::{
    Destination, Export, OrganisationFields, Publication, PublicationCategory, export::export,
    publication, read_file,
};
use grip_test_support::{RegisterStandard, shared_json_files};
use serde_json::{Value, json};

fn org() -> OrganisationFields {
    OrganisationFields {
        organization: "Politie".into(),
        contact_email: Some("algoritmes@politie.example".into()),
    }
}

fn ready(
    publication: &Publication,
    entry: &grip_register::RegisterEntry,
) -> serde_json::Map<String, Value> {
    match export(entry, &org(), publication) {
        Export::Ready(fields) => fields,
        other => panic!("not ready: {other:?}"),
    }
}

#[test]
fn the_model_matches_the_register_definitions_field_by_field() {
    let Some(standard) = RegisterStandard::load() else {
        return;
    };
    let defs = standard.fields();
    assert_eq!(defs.len(), FIELDS.len());
    for spec in FIELDS {
        let def = &defs[spec.key];
        assert_eq!(
            def["required"] == Value::Bool(true),
            spec.required,
            "{}",
            spec.key
        );
        assert_eq!(def["title"].as_str(), Some(spec.title_nl), "{}", spec.key);
        let permitted: Vec<&str> = def["permitted_values"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        match spec.kind {
            FieldKind::Text { max } | FieldKind::Html { max } => {
                assert_eq!(def["max_length"].as_u64(), Some(max as u64), "{}", spec.key);
            }
            FieldKind::Choice(values) | FieldKind::Choices(values) => {
                assert_eq!(values, permitted.as_slice(), "{}", spec.key);
            }
            FieldKind::Free => assert!(def["max_length"].is_null(), "{}", spec.key),
            FieldKind::Links {
                title_max,
                link_max,
                link_required,
            } => {
                let items = &def["items"];
                assert_eq!(
                    items["title"]["max_length"].as_u64(),
                    title_max.map(|m| m as u64)
                );
                assert_eq!(items["link"]["max_length"].as_u64(), Some(link_max as u64));
                assert_eq!(
                    items["link"]["required"] == Value::Bool(true),
                    link_required
                );
            }
        }
        let html = matches!(spec.kind, FieldKind::Html { .. });
        assert_eq!(def["allowed_html_tags"].is_array(), html, "{}", spec.key);
    }
}

#[test]
fn supplier_templates_import_and_export_valid_without_losing_a_word() {
    let Some(standard) = RegisterStandard::load() else {
        return;
    };
    let Some(files) = shared_json_files(
        "corpora/algoritmeregister/standard-1.0/supplier-templates",
        "the supplier templates",
    ) else {
        return;
    };
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        let read = read_file(&bytes).unwrap();
        assert!(
            !read.is_refused(),
            "{}: {:?}",
            file.display(),
            read.findings
        );
        let original: Vec<Value> = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(read.entries.len(), original.len());
        for (entry, original) in read.entries.iter().zip(&original) {
            let publication = publication::derive(None, entry.publication_category);
            let exported = ready(&publication, entry);
            let violations = standard.violations(&Value::Object(exported.clone()));
            assert!(violations.is_empty(), "{}: {violations:?}", file.display());
            assert_eq!(exported["organization"], "Politie");
            for (key, value) in original.as_object().unwrap() {
                let supplier_text = value.as_str().is_some_and(|s| !s.trim().is_empty())
                    || value.as_array().is_some_and(|a| !a.is_empty());
                if !supplier_text
                    || ["organization", "contact_email", "lang"].contains(&key.as_str())
                {
                    continue;
                }
                match exported.get(key) {
                    Some(kept) => assert_eq!(kept, value, "{}: {key}", file.display()),
                    // Only fields outside the standard stay behind, and they stay with the entry.
                    None => assert_eq!(entry.extra.get(key), Some(value), "{key}"),
                }
            }
        }
    }
}

fn full_entry(extra: usize) -> Value {
    let mut entry = serde_json::Map::new();
    for spec in FIELDS {
        let value = match spec.kind {
            FieldKind::Text { max } => json!("x".repeat(max + extra)),
            FieldKind::Html { max } => json!(format!("<p>{}</p>", "é".repeat(max + extra - 7))),
            FieldKind::Free => json!("2026-12-07"),
            FieldKind::Choice(values) => json!(values[0]),
            FieldKind::Choices(values) => json!(values),
            FieldKind::Links {
                title_max,
                link_max,
                ..
            } => json!([{
                "title": "t".repeat(title_max.unwrap_or(3000) + extra),
                "link": format!("https://{}", "l".repeat(link_max - 8 + extra)),
            }]),
        };
        entry.insert(spec.key.into(), value);
    }
    entry.insert("status".into(), json!("In gebruik"));
    Value::Object(entry)
}

#[test]
fn every_field_at_its_limit_exports_valid_and_one_more_character_is_refused() {
    let at_limit = full_entry(0);
    let read = read_file(at_limit.to_string().as_bytes()).unwrap();
    assert!(!read.is_refused(), "{:?}", read.findings);
    let entry = &read.entries[0];
    let publication = publication::derive(None, entry.publication_category);
    let exported = ready(&publication, entry);
    if let Some(standard) = RegisterStandard::load() {
        let violations = standard.violations(&Value::Object(exported));
        assert!(violations.is_empty(), "{violations:?}");
    }
    let over = read_file(full_entry(1).to_string().as_bytes()).unwrap();
    assert!(over.entries.is_empty());
    let over_long: Vec<_> = over.refusals().map(|f| f.key.clone()).collect();
    for spec in FIELDS {
        if matches!(
            spec.kind,
            FieldKind::Text { .. } | FieldKind::Html { .. } | FieldKind::Links { .. }
        ) {
            assert!(
                over_long.contains(&spec.key.to_string()),
                "{} not refused",
                spec.key
            );
        }
    }
}

#[test]
fn publication_follows_the_classification_with_its_article() {
    use grip_knowledge::classification::Verdict;
    use grip_register::ClassificationFacts;
    let facts = |verdict, points: &[&str]| ClassificationFacts {
        verdict,
        annex_iii_points: points.iter().map(|p| p.to_string()).collect(),
        as_of: "2026-11-30".into(),
    };
    let police = publication::derive(Some(&facts(Verdict::HighRisk, &["6d"])), None);
    assert_eq!(police.destination, Destination::EuDatabaseNonPublic);
    assert!(
        police.reason.nl.contains("art. 49, lid 4"),
        "{}",
        police.reason.nl
    );
    let biometric = publication::derive(Some(&facts(Verdict::HighRisk, &["1a"])), None);
    assert_eq!(biometric.destination, Destination::EuDatabaseNonPublic);
    let hr = publication::derive(Some(&facts(Verdict::HighRisk, &["4a"])), None);
    assert_eq!(hr.destination, Destination::PublicRegister);
    assert_eq!(hr.category, Some(PublicationCategory::HighRiskAi));
    assert!(hr.reason.nl.contains("punt 4a"), "{}", hr.reason.nl);
    let banned = publication::derive(Some(&facts(Verdict::Prohibited, &[])), None);
    assert_eq!(banned.destination, Destination::NotPublished);
    let claimed = publication::derive(
        Some(&facts(Verdict::Minimal, &[])),
        Some(PublicationCategory::HighRiskAi),
    );
    assert_eq!(
        claimed.category, None,
        "a claim the classification contradicts is not kept"
    );
    let chosen = publication::derive(None, Some(PublicationCategory::Impactful));
    assert_eq!(chosen.category, Some(PublicationCategory::Impactful));
    let open = publication::derive(None, None);
    assert_eq!(open.category, None);
    assert!(open.reason.nl.contains("impactvol"));
}

#[test]
fn withheld_and_incomplete_entries_are_not_exported() {
    let read = read_file(br#"{"name": "Kentekencamera", "status": "In gebruik"}"#).unwrap();
    let entry = &read.entries[0];
    let open = publication::derive(None, None);
    let Export::Incomplete(missing) = export(entry, &org(), &open) else {
        panic!("a bare entry is not complete");
    };
    let keys: Vec<_> = missing.iter().map(|f| f.key.as_str()).collect();
    assert_eq!(keys, ["description_short", "publication_category"]);
    let hidden = Publication {
        destination: Destination::EuDatabaseNonPublic,
        category: Some(PublicationCategory::HighRiskAi),
        reason: open.reason.clone(),
    };
    assert_eq!(
        export(entry, &org(), &hidden),
        Export::Withheld(Destination::EuDatabaseNonPublic)
    );
}
