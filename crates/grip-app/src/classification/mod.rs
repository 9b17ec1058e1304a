//! AI Act classification use cases: classify a profile (pure, also for the CLI and API),
//! record a dossier's classification with its answers, pack version and hash, read the
//! history with what changed, and follow up the obligations it put on the dossier.

mod changes;
mod obligations;
mod stored;
pub mod wizard;

use grip_core::audit_event as ev;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::access::require_on_dossier;
use crate::record::commit_with_event;
use crate::{Action, Actor, App, AppError, now_ms};
use grip_knowledge::{AiActPack, Outcome, ProfileError, SystemProfile};
use grip_store::audit::NewEvent;
use grip_store::classifications::{self, ClassificationRow};
use grip_store::{Page, Paging};
pub use jiff::civil::Date;
use serde_json::Value;

pub use changes::Changes;
pub use grip_knowledge::{
    Classification, Holder, Lang, ProfileError as InvalidProfile, Role as ActRole, Route, Text,
    TraceStep, Verdict, explain_text,
};
pub use obligations::{obligations, set_obligation_status};
pub use stored::{StoredClassification, TraceView};

/// The `ai-act` pack compiled into this binary, loaded and validated once per process.
pub fn pack() -> Result<&'static AiActPack, AppError> {
    static PACK: OnceLock<Result<AiActPack, String>> = OnceLock::new();
    PACK.get_or_init(|| AiActPack::embedded().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| AppError::Internal(format!("the ai-act knowledge pack is invalid: {e}")))
}

/// Today's date in the local time zone: the default "as of" date.
pub fn today() -> Date {
    jiff::Zoned::now().date()
}

/// A `YYYY-MM-DD` date, or an error naming `field`.
pub fn parse_date(field: &'static str, text: &str) -> Result<Date, AppError> {
    text.trim().parse::<Date>().map_err(|_| {
        grip_core::dossier::FieldError::new(field, "invalid_date", "invalid-date")
            .with("field", field)
            .with("text", text)
            .into()
    })
}

/// A profile error as a field error, so API clients see the exact JSON path.
pub fn invalid_profile(err: &ProfileError) -> AppError {
    let path = match err.path() {
        "(root)" => "profile".to_string(),
        path => format!("profile.{path}"),
    };
    grip_core::dossier::FieldError::verbatim(path, "invalid_profile", err).into()
}

/// Classifies `grip.system-profile/1` JSON text; no database involved (`grip classify`).
pub fn classify_text(json: &str, as_of: Date) -> Result<Result<Outcome, ProfileError>, AppError> {
    let pack = pack()?;
    Ok(grip_knowledge::parse_profile(json).map(|p| grip_knowledge::classify(pack, &p, as_of)))
}

/// Classifies a profile given as a JSON value (`POST /api/v1/classify`).
pub fn classify_value(actor: &Actor, profile: &Value, as_of: Date) -> Result<Outcome, AppError> {
    if !actor.may(Action::Read) {
        return Err(AppError::Forbidden);
    }
    let profile = grip_knowledge::parse_profile_value(profile).map_err(|e| invalid_profile(&e))?;
    Ok(grip_knowledge::classify(pack()?, &profile, as_of))
}

/// What a person submits for a dossier: the profile and, per question (profile path), the
/// answer as given and the justification.
#[derive(Debug, Clone, Default)]
pub struct Submission {
    pub profile: Value,
    pub answers: BTreeMap<String, String>,
    pub justifications: BTreeMap<String, String>,
    /// Default: today.
    pub as_of: Option<Date>,
}

/// Longest justification accepted per answer.
pub const MAX_JUSTIFICATION_CHARS: usize = 4000;

fn check_justifications(
    justifications: &BTreeMap<String, String>,
) -> Result<BTreeMap<String, String>, AppError> {
    let mut kept = BTreeMap::new();
    for (path, text) in justifications {
        if text.chars().count() > MAX_JUSTIFICATION_CHARS {
            return Err(grip_core::dossier::FieldError::new(
                format!("justifications.{path}"),
                "too_long",
                "invalid-justification-too-long",
            )
            .with("max", MAX_JUSTIFICATION_CHARS)
            .into());
        }
        if !text.trim().is_empty() {
            kept.insert(path.clone(), text.trim().to_string());
        }
    }
    Ok(kept)
}

/// Classifies the dossier's system and stores the result as its newest classification;
/// the obligations on the dossier follow the new result (statuses of those that remain are
/// kept). The audit event names the verdict, the pack and what changed.
pub async fn record(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    submission: Submission,
) -> Result<StoredClassification, AppError> {
    let profile: SystemProfile = grip_knowledge::parse_profile_value(&submission.profile)
        .map_err(|e| invalid_profile(&e))?;
    let justifications = check_justifications(&submission.justifications)?;
    let pack = pack()?;
    let as_of = submission.as_of.unwrap_or_else(today);
    let outcome = grip_knowledge::classify(pack, &profile, as_of);

    let mut tx = app.store.begin_write().await?;
    grip_store::dossiers::get(&mut tx, dossier_id)
        .await?
        .ok_or(AppError::NotFound("dossier"))?;
    require_on_dossier(&mut tx, actor, Action::Classify, dossier_id).await?;
    let previous =
        classifications::list_for_dossier(&mut tx, dossier_id, Paging::new(Some(1), Some(1)))
            .await?
            .items
            .into_iter()
            .next()
            .map(stored::parse)
            .transpose()?;
    let now = now_ms();
    let row = ClassificationRow {
        id: grip_store::new_id(),
        dossier_id: dossier_id.into(),
        profile: profile.to_json().to_string(),
        answers: json_text(&submission.answers)?,
        justifications: json_text(&justifications)?,
        result: json_text(&outcome.classification)?,
        trace: json_text(&outcome.trace)?,
        verdict: outcome.classification.verdict.as_str().into(),
        pack_id: AiActPack::ID.into(),
        pack_version: pack.version().into(),
        pack_hash: pack.content_hash(),
        as_of: as_of.to_string(),
        created_by: actor.user_id.clone(),
        created_at: now,
    };
    classifications::insert(&mut tx, &row).await?;
    obligations::replace_for(
        &mut tx,
        pack,
        &row.id,
        dossier_id,
        &outcome.classification,
        &actor.user_id,
        now,
    )
    .await?;
    let changes = Changes::between(
        previous.as_ref().map(|p| &p.classification),
        &outcome.classification,
    );
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &actor.username,
            dossier: Some(dossier_id),
            event: ev::ClassificationRecorded {
                classification_id: row.id.clone(),
                verdict: row.verdict.clone(),
                previous_verdict: changes.verdict_from,
                rulepack: outcome.classification.rulepack.clone(),
                pack_hash: row.pack_hash.clone(),
                as_of: row.as_of.clone(),
                obligations_added: changes.obligations_added,
                obligations_removed: changes.obligations_removed,
                missing: outcome.classification.missing.clone(),
            }
            .into(),
        },
    )
    .await?;
    get(app, actor, dossier_id, &row.id).await
}

/// Serialising our own types cannot fail in practice; if it ever does, the change is
/// refused rather than stored half.
fn json_text<T: serde::Serialize>(value: &T) -> Result<String, AppError> {
    serde_json::to_string(value).map_err(|e| AppError::Internal(format!("cannot serialise: {e}")))
}

/// The dossier's classifications, newest first.
pub async fn history(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    paging: Paging,
) -> Result<Page<StoredClassification>, AppError> {
    let mut conn = app.store.conn().await?;
    crate::access::require_read(&mut conn, actor, dossier_id).await?;
    let page = classifications::list_for_dossier(&mut conn, dossier_id, paging).await?;
    let items = page
        .items
        .into_iter()
        .map(stored::parse)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Page {
        items,
        total: page.total,
        page: page.page,
        per_page: page.per_page,
    })
}

/// One classification of the dossier, with what changed since the one before it.
pub async fn get(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    id: &str,
) -> Result<StoredClassification, AppError> {
    let mut conn = app.store.conn().await?;
    crate::access::require_read_of(&mut conn, actor, dossier_id, "classification").await?;
    let view = classifications::get(&mut conn, id)
        .await?
        .filter(|v| v.row.dossier_id == dossier_id)
        .ok_or(AppError::NotFound("classification"))?;
    let before = classifications::previous(&mut conn, dossier_id, id, view.row.created_at).await?;
    let mut current = stored::parse(view)?;
    let before = before.map(stored::parse).transpose()?;
    current.changes = Some(Changes::between(
        before.as_ref().map(|b| &b.classification),
        &current.classification,
    ));
    Ok(current)
}

/// The newest classification of the dossier on the caller's connection, without the
/// comparison with the one before it (for overviews).
pub(crate) async fn newest_on(
    conn: &mut grip_store::Conn,
    dossier_id: &str,
) -> Result<Option<StoredClassification>, AppError> {
    let page =
        classifications::list_for_dossier(conn, dossier_id, Paging::new(Some(1), Some(1))).await?;
    page.items.into_iter().next().map(stored::parse).transpose()
}

/// The newest classification of the dossier, if it has one.
pub async fn latest(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
) -> Result<Option<StoredClassification>, AppError> {
    let page = history(app, actor, dossier_id, Paging::new(Some(1), Some(1))).await?;
    match page.items.into_iter().next() {
        Some(first) => Ok(Some(get(app, actor, dossier_id, &first.id).await?)),
        None => Ok(None),
    }
}
