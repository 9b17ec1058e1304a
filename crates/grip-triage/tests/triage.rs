//! Triage behaviour beyond the public cases: bad baselines are refused with a reason,
//! unreadable notices keep their line, and each ground for escalation is found and named.

use grip_knowledge::Lang;
use grip_knowledge::changes::{GroundId, LegalTestId, Likelihood};
use grip_screen::{Lexicon, Limits};
use grip_triage::{Assessment, Baseline, BaselineError, ChangeKnowledge, Impact, Proposal};
use std::sync::OnceLock;

fn tools() -> &'static (Lexicon, ChangeKnowledge) {
    static TOOLS: OnceLock<(Lexicon, ChangeKnowledge)> = OnceLock::new();
    TOOLS.get_or_init(|| {
        (
            Lexicon::embedded().expect("lexicon"),
            ChangeKnowledge::embedded().expect("changes pack"),
        )
    })
}

fn baseline(json: &str) -> Baseline {
    Baseline::parse(json).expect("baseline")
}

fn triage(baseline: &Baseline, notice: &str) -> Assessment {
    let (lexicon, knowledge) = tools();
    grip_triage::triage_bytes(
        "notice.txt",
        notice.as_bytes(),
        baseline,
        lexicon,
        knowledge,
        &Limits::default(),
    )
}

const TRANSCRIPTION: &str = r#"{"schema": "grip.contract-baseline/1", "system": "Verhoorstudio",
  "components": [{"name": "Transcriptie van verhoren", "ai": true, "categories": ["speech_language"],
  "provider": "Leverancier zelf", "deployment": "on_premises", "switchable": true}],
  "conditions": ["Opnames en transcripties blijven binnen de EU."]}"#;

#[test]
fn baselines_of_the_wrong_shape_are_refused_with_the_reason() {
    let wrong_schema = r#"{"schema": "grip.contract-baseline/2", "system": "X", "components": []}"#;
    assert!(matches!(
        Baseline::parse(wrong_schema),
        Err(BaselineError::Schema(_))
    ));
    let unknown_field =
        r#"{"schema": "grip.contract-baseline/1", "system": "X", "components": [], "extra": 1}"#;
    let error = Baseline::parse(unknown_field).expect_err("unknown field refused");
    assert!(error.to_string().contains("extra"), "{error}");
    let bad_category = r#"{"schema": "grip.contract-baseline/1", "system": "X",
      "components": [{"name": "Camera", "ai": true, "categories": ["telepathy"]}]}"#;
    assert!(matches!(
        Baseline::parse(bad_category),
        Err(BaselineError::UnknownCategory { .. })
    ));
    let no_system = r#"{"schema": "grip.contract-baseline/1", "system": " ", "components": []}"#;
    assert!(matches!(
        Baseline::parse(no_system),
        Err(BaselineError::NoSystem)
    ));
    assert!(Baseline::parse("not json").is_err());
}

#[test]
fn an_unreadable_notice_keeps_its_line_with_the_reason() {
    let b = baseline(TRANSCRIPTION);
    let out = triage(&b, "").to_contract(Lang::Nl);
    assert_eq!(out.impact, Impact::Unreadable);
    assert_eq!(out.triage, Proposal::Unreadable);
    assert!(out.error.is_some());
    assert!(
        out.reasons[0].starts_with("Het bericht kon niet worden gelezen"),
        "{:?}",
        out.reasons
    );
}

#[test]
fn a_new_language_for_declared_transcription_changes_ai_and_is_reassessed() {
    let b = baseline(TRANSCRIPTION);
    let a = triage(
        &b,
        "Versie 3.2: de transcriptie van verhoren ondersteunt nu ook Pools en Roemeens.",
    );
    assert_eq!(a.impact, Impact::ChangesAi, "{:?}", a.summary);
    assert_eq!(a.proposal, Proposal::Reassess, "{:?}", a.grounds);
    assert_eq!(a.affected_components, ["Transcriptie van verhoren"]);
    assert!(a.new_categories.is_empty());
    let clauses = a
        .legal
        .iter()
        .find(|l| l.id == LegalTestId::ContractClausesCover)
        .expect("test");
    assert_eq!(clauses.likelihood, Likelihood::Likely);
}

#[test]
fn processing_in_the_united_states_breaks_an_eu_condition_and_escalates() {
    let b = baseline(TRANSCRIPTION);
    let a = triage(
        &b,
        "From release 4, transcription runs in our cloud service. Recordings are processed in data centres in the United States.",
    );
    assert_eq!(a.impact, Impact::ChangesAi);
    assert_eq!(a.proposal, Proposal::Escalate);
    let ids: Vec<GroundId> = a.grounds.iter().map(|g| g.id).collect();
    assert!(ids.contains(&GroundId::NonEuCloud), "{ids:?}");
    assert!(ids.contains(&GroundId::BrokenCondition), "{ids:?}");
    let reasons = a.reasons(Lang::Nl).join("\n");
    assert!(
        reasons.contains("\"Opnames en transcripties blijven binnen de EU\""),
        "{reasons}"
    );
}

#[test]
fn a_named_provider_outside_the_baseline_escalates() {
    let b = baseline(TRANSCRIPTION);
    let a = triage(
        &b,
        "The transcription engine has been replaced with OpenAI Whisper API for better accuracy.",
    );
    assert_eq!(a.impact, Impact::ChangesAi, "{:?}", a.summary);
    assert!(
        a.grounds.iter().any(|g| g.id == GroundId::NewAiProvider),
        "{:?}",
        a.grounds
    );
    assert!(a.reasons(Lang::En).iter().any(|r| r.contains("OpenAI")));
}

#[test]
fn removing_declared_ai_is_reassessed_not_escalated() {
    let b = baseline(TRANSCRIPTION);
    let a = triage(
        &b,
        "The transcription of interviews has been removed from the product.",
    );
    assert_eq!(a.impact, Impact::RemovesAi, "{:?}", a.summary);
    assert_eq!(a.proposal, Proposal::Reassess);
}

#[test]
fn lookalikes_and_denials_have_no_ai_impact() {
    let b = baseline(TRANSCRIPTION);
    for notice in [
        "Nieuw: slimme mappen tonen automatisch alle verhoren die aan uw filterregels voldoen.",
        "Release 5 moves the database to a new data model and adds automatic nightly backups.",
        "This update contains no artificial intelligence; it fixes the export of PDF reports.",
        "Motion detection now triggers when the pixel change exceeds the threshold you set.",
    ] {
        let a = triage(&b, notice);
        assert_eq!(a.impact, Impact::NoAiImpact, "{notice}: {:?}", a.summary);
        assert_eq!(a.proposal, Proposal::NoImpact);
    }
}

#[test]
fn reasons_in_dutch_carry_no_category_codes() {
    let b = baseline(TRANSCRIPTION);
    let a = triage(
        &b,
        "Nieuw: de camera herkent gezichten en vergelijkt ze met een lijst van gezochte personen.",
    );
    assert_eq!(a.impact, Impact::AddsAi);
    assert_eq!(a.proposal, Proposal::Escalate);
    let reasons = a.reasons(Lang::Nl).join("\n");
    for code in grip_screen::CATEGORIES {
        assert!(!reasons.contains(code), "{code} in {reasons}");
    }
    assert!(reasons.contains("biometrische herkenning"), "{reasons}");
}

#[test]
fn a_repair_or_an_unchanged_function_is_no_ai_impact() {
    let b = baseline(TRANSCRIPTION);
    for notice in [
        "Fixed a crash in the transcription of interviews when a recording is empty.",
        "Opgelost: de transcriptie van verhoren bleef hangen bij lange opnames.",
        "The transcription of interviews remains unchanged; the export button moved to the toolbar.",
        "Updated the PDF export (https://example.org/acme/face-recognition/pull/12).",
    ] {
        let a = triage(&b, notice);
        assert_eq!(a.impact, Impact::NoAiImpact, "{notice}: {:?}", a.summary);
    }
}

#[test]
fn a_section_heading_lends_its_cue_to_every_line_below_it() {
    let b = baseline(TRANSCRIPTION);
    let a = triage(
        &b,
        "## 5.0\n### New\n- Dark mode for the viewer\n- Automatic translation of interview transcripts\n### Fixed\n- Transcription of interviews no longer stops at midnight\n",
    );
    assert_eq!(a.impact, Impact::AddsAi, "{:?}", a.summary);
    let a = triage(
        &b,
        "### Removed\n- Export to floppy disk\n- Transcription of interviews\n",
    );
    assert_eq!(a.impact, Impact::RemovesAi, "{:?}", a.summary);
    let a = triage(
        &b,
        "### Fixed\n- Transcription of interviews: remove temporary files after each run\n",
    );
    assert_eq!(a.impact, Impact::NoAiImpact, "{:?}", a.summary);
}

#[test]
fn a_new_option_extends_a_declared_function_and_a_new_function_stays_new() {
    let b = baseline(TRANSCRIPTION);
    let a = triage(
        &b,
        "Added an option to choose the language of the transcription of interviews.",
    );
    assert_eq!(a.impact, Impact::ChangesAi, "{:?}", a.summary);
    let a = triage(
        &b,
        "Added: automatic summaries of interview transcripts for the case file.",
    );
    assert_eq!(a.impact, Impact::AddsAi, "{:?}", a.summary);
}

#[test]
fn removal_phrasings_in_dutch_and_english_remove_ai() {
    let b = baseline(TRANSCRIPTION);
    for notice in [
        "De transcriptie van verhoren verdwijnt uit de app en wordt niet langer door ons ondersteund.",
        "We are shutting down the transcription of interviews at the end of the year.",
        "Leverancier stopt met de transcriptie van verhoren.",
    ] {
        let a = triage(&b, notice);
        assert_eq!(a.impact, Impact::RemovesAi, "{notice}: {:?}", a.summary);
    }
}

#[test]
fn bare_ai_words_describe_declared_ai_unless_the_notice_opens_with_something_new() {
    let b = baseline(TRANSCRIPTION);
    let a = triage(
        &b,
        "Version 6 of the interview transcription uses a newly trained model for Dutch dialects.",
    );
    assert_eq!(a.impact, Impact::ChangesAi, "{:?}", a.summary);
    assert_eq!(a.categories, ["speech_language"]);
    let a = triage(
        &b,
        "Vandaag lanceren we een nieuwe knop in de app.\nDaarmee kijkt de AI mee in je fotobibliotheek.",
    );
    assert_eq!(a.impact, Impact::AddsAi, "{:?}", a.summary);
}

#[test]
fn always_on_with_a_hyphen_is_no_longer_switchable() {
    let b = baseline(TRANSCRIPTION);
    let a = triage(&b, "Version 7: always-on transcription of interviews.");
    assert_eq!(a.proposal, Proposal::Escalate, "{:?}", a.summary);
    assert!(
        a.grounds
            .iter()
            .any(|g| g.id == GroundId::NoLongerSwitchable),
        "{:?}",
        a.grounds
    );
}
