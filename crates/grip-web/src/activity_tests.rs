//! Every kind of audit event reads as a sentence in both languages.

use super::*;
use grip_app::audit::{Activity, Person};

/// A payload of every kind, as the chain stores it.
const SAMPLES: &[(&str, &str)] = &[
    ("auth.signed_in", "{}"),
    ("auth.signed_out", "{}"),
    (
        "token.created",
        r#"{"token_id":"t1","user":"jurist","label":"rapportage"}"#,
    ),
    (
        "user.created",
        r#"{"user_id":"u1","username":"jurist","roles":["jurist"]}"#,
    ),
    (
        "user.roles_changed",
        r#"{"username":"jurist","roles":["jurist","privacy"]}"#,
    ),
    ("user.password_reset", r#"{"username":"jurist"}"#),
    (
        "auth.sign_in_failed",
        r#"{"username":"jurist","address":"192.0.2.7"}"#,
    ),
    (
        "user.deactivated",
        r#"{"username":"jurist","tokens_revoked":2}"#,
    ),
    ("user.reactivated", r#"{"username":"jurist"}"#),
    ("user.password_changed", r#"{"username":"jurist"}"#),
    (
        "setting.read_policy_set",
        r#"{"open_up_to":"Politie Intern","roles":["auditor"]}"#,
    ),
    (
        "setting.changed",
        r#"{"name":"checklist.waive_roles","from":["inkoper"],"to":["inkoper","beheerder"]}"#,
    ),
    (
        "organisation.created",
        r#"{"name":"Politie Inkoopdienst","demo":true}"#,
    ),
    (
        "organisation.label_names_set",
        r#"{"names":{"public":"Openbaar","internal":"Politie Intern","confidential":"Politie Vertrouwelijk","secret":"Politie Geheim"}}"#,
    ),
    (
        "portfolio.loaded",
        r#"{"pack":"portfolio","version":"1.0.0","categories":27}"#,
    ),
    ("demo.loaded", r#"{"dossiers":15,"register_imported":1530}"#),
    (
        "supplier.created",
        r#"{"supplier_id":"s1","name":"Vision BV"}"#,
    ),
    (
        "dossier.created",
        r#"{"title":"Bodycams","category_id":null,"phase":"behoeftestelling","classification_label":"Politie Intern","status":"active"}"#,
    ),
    (
        "dossier.updated",
        r#"{"changes":{"title":{"from":"A","to":"B"},"estimated_value_eur":{"from":1,"to":2}}}"#,
    ),
    (
        "dossier.phase_moved",
        r#"{"from":"behoeftestelling","to":"marktverkenning"}"#,
    ),
    (
        "dossier.member_added",
        r#"{"username":"jurist","role":"jurist"}"#,
    ),
    (
        "checklist.status_set",
        r#"{"item":"x","phase":"specificatie","role":"jurist","mandatory":true,"status":"waived","reason":"Niet nodig"}"#,
    ),
    (
        "document.uploaded",
        r#"{"document_id":"d1","name":"offerte.pdf","sha256":"ab","size":10,"media_type":"application/pdf","verdict":"ai_indicated"}"#,
    ),
    (
        "screening_job.started",
        r#"{"job_id":"j1","total":1200,"pending":1100,"skipped":100}"#,
    ),
    (
        "screening_job.item_failed",
        r#"{"job_id":"j1","position":3,"name":"kapot.zip","reason":"corrupt"}"#,
    ),
    (
        "screening_job.finished",
        r#"{"job_id":"j1","state":"done","done":1100,"failed":2,"skipped":100}"#,
    ),
    ("screening_job.cancelled", r#"{"job_id":"j1","skipped":4}"#),
    (
        "classification.recorded",
        r#"{"classification_id":"c1","verdict":"high_risk","previous_verdict":"minimal","rulepack":"ai-act","pack_hash":"ab","as_of":"2026-01-01","obligations_added":[],"obligations_removed":[],"missing":[]}"#,
    ),
    (
        "obligation.status_changed",
        r#"{"obligation_id":"o1","article":"Art. 26","from":"open","to":"in_progress","reason":""}"#,
    ),
    (
        "package.generated",
        r#"{"version":2,"replaced_draft":false,"verdict":"high_risk","knowledge":[],"slots":{},"items":{}}"#,
    ),
    (
        "package.item_edited",
        r#"{"key":"k","knowledge_id":"q","changes":{},"version":2}"#,
    ),
    (
        "package.item_removed",
        r#"{"key":"k","knowledge_id":"q","section":"s","text_nl":"t","version":2}"#,
    ),
    (
        "package.item_moved",
        r#"{"key":"k","section":"s","from":1,"to":2,"version":2}"#,
    ),
    (
        "package.item_added",
        r#"{"key":"k","knowledge_id":"q","section":"s","text_nl":"t","version":2}"#,
    ),
    (
        "package.frozen",
        r#"{"version":2,"content_hash":"ab","items":31}"#,
    ),
    ("package.revised", r#"{"version":3,"from_version":2}"#),
    (
        "inventory.created",
        r#"{"item_id":"i1","name":"Kentekenscanner","ai_exposure":"confirmed"}"#,
    ),
    (
        "inventory.register_imported",
        r#"{"source":"algoritmeregister","listing_sha256":"ab","imported":1530,"skipped":0}"#,
    ),
    (
        "bid.recorded",
        r#"{"bid_id":"b1","supplier":"Lensvast B.V.","package_version":2,"source":"workbook","answers":31}"#,
    ),
    (
        "bid.document_attached",
        r#"{"bid_id":"b1","document_id":"d1","name":"productblad.pdf"}"#,
    ),
    (
        "assessment.conflict_declared",
        r#"{"assessor":"beoordelaar1","has_conflict":false}"#,
    ),
    (
        "assessment.score_recorded",
        r#"{"bid_id":"b1","criterion":"a-control"}"#,
    ),
    (
        "assessment.scores_submitted",
        r#"{"bid_id":"b1","assessor":"beoordelaar1"}"#,
    ),
    (
        "assessment.consensus_recorded",
        r#"{"bid_id":"b1","criterion":"a-control","level":3,"reason":"Goed onderbouwd."}"#,
    ),
    (
        "assessment.award_rule_set",
        r#"{"price_formula":"lowest_over_price","price_share":30,"max_spread":1}"#,
    ),
    (
        "decision.proposed",
        r#"{"decision_id":"x1","gate":"beoordeling_gunning","outcome":"go_with_conditions","required_roles":["inkoper","jurist"]}"#,
    ),
    (
        "decision.signed",
        r#"{"decision_id":"x1","role":"ai-expert"}"#,
    ),
    (
        "decision.sealed",
        r#"{"decision_id":"x1","gate":"beoordeling_gunning","outcome":"go","content_hash":"sha256:ab"}"#,
    ),
    (
        "contract.created",
        r#"{"contract_id":"c1","system":"Bodycam BX-400","supplier":"Veltron BV"}"#,
    ),
    (
        "contract.baseline_recorded",
        r#"{"contract_id":"c1","version":2,"components":3,"reason":"Wijziging aanvaard"}"#,
    ),
    (
        "contract.notice_triaged",
        r#"{"contract_id":"c1","notice_id":"n1","name":"release-5.2.txt","baseline_version":1,"impact":"adds_ai","proposed":"escalate"}"#,
    ),
    (
        "contract.notice_decided",
        r#"{"contract_id":"c1","notice_id":"n1","proposed":"escalate","decided":"reassess","overridden":true,"reason":"Functie staat uit","escalated_to":[]}"#,
    ),
    (
        "contract.escalation_closed",
        r#"{"task_id":"t1","notice_id":"n1","decision_id":"x1"}"#,
    ),
    (
        "inventory.register_entry_set",
        r#"{"item_id":"i1","name":"Kentekenlezer","origin":"file","file_sha256":"ab","fields":["goal"]}"#,
    ),
    (
        "organisation.register_settings_set",
        r#"{"organization":"Politie","contact_email":"register@politie.example"}"#,
    ),
    (
        "spend.imported",
        r#"{"import_id":"s1","name":"facturen-2026.csv","file_sha256":"ab","lines_stored":1200,"duplicates":3,"rejected":2}"#,
    ),
    (
        "spend.supplier_placed",
        r#"{"supplier":"Brugwoord Taaldiensten B.V.","category_code":"tolk-en-vertaaldiensten","lines":14}"#,
    ),
    (
        "inventory.model_recorded",
        r#"{"item_id":"i1","item_name":"Camera's Zuid","model_id":"m1","name":"FaceEngine","version":"5.2","provider":"Veridex","component":"Face Match","hosting":"on_premises","new_model":true}"#,
    ),
];

fn jurist() -> Person {
    Person {
        username: "jurist".into(),
        display_name: Some("J. de Vries".into()),
        role: Some(Role::Jurist),
    }
}

fn activity(kind: &str, payload: &str) -> Activity {
    let event = AuditEvent::decode(kind, payload);
    assert!(event.is_some(), "the sample of {kind} does not read back");
    Activity {
        seq: 7,
        at_ms: 1_767_225_600_000,
        actor: jurist(),
        dossier: Some(("d1".into(), "Bodycams".into())),
        event,
        subject: Some(jurist()),
        item_text: None,
    }
}

#[test]
fn every_kind_has_a_sample_here() {
    for kind in AuditEvent::KINDS {
        assert!(
            SAMPLES.iter().any(|(k, _)| k == kind),
            "add a sample (and a sentence) for {kind}"
        );
    }
}

#[test]
fn every_kind_reads_as_a_sentence_in_both_languages() {
    for (kind, payload) in SAMPLES {
        for lang in [Lang::Nl, Lang::En] {
            let text = line(lang, &activity(kind, payload)).text;
            assert!(
                text.starts_with("Jurist J. de Vries") || text.contains("J. de Vries"),
                "{kind}: {text}"
            );
            for leak in [
                "{",
                "}",
                "??",
                "$",
                *kind,
                "high_risk",
                "in_progress",
                "ai_indicated",
            ] {
                assert!(
                    !text.contains(leak),
                    "{}: {kind} leaks {leak:?}: {text}",
                    lang.code()
                );
            }
        }
        let nl = line(Lang::Nl, &activity(kind, payload)).text;
        let en = line(Lang::En, &activity(kind, payload)).text;
        assert_ne!(nl, en, "{kind} reads the same in both languages");
    }
}

#[test]
fn sentences_name_the_change_in_the_readers_words() {
    let moved = activity(
        "dossier.phase_moved",
        r#"{"from":"behoeftestelling","to":"marktverkenning"}"#,
    );
    let nl = line(Lang::Nl, &moved);
    assert_eq!(
        nl.text,
        "Jurist J. de Vries heeft het dossier van Behoeftestelling naar Marktverkenning gebracht"
    );
    assert_eq!(nl.link, Some(("/dossiers/d1".into(), "Bodycams".into())));
    let classified = activity(
        "classification.recorded",
        SAMPLES
            .iter()
            .find(|(k, _)| *k == "classification.recorded")
            .unwrap()
            .1,
    );
    let en = line(Lang::En, &classified);
    assert!(
        en.text.contains("High risk") && en.text.contains("was Minimal"),
        "{}",
        en.text
    );
    assert_eq!(en.link.unwrap().0, "/dossiers/d1/classifications/c1");
    assert_eq!(count(Lang::Nl, 1530), "1.530");
    assert_eq!(count(Lang::En, 1530), "1,530");
}

#[test]
fn a_payload_of_another_shape_still_reads_as_a_sentence() {
    let mut old = activity("auth.signed_in", "{}");
    old.event = None;
    let text = line(Lang::Nl, &old).text;
    assert!(
        text.starts_with("Jurist J. de Vries heeft een wijziging"),
        "{text}"
    );
}
