//! Contracts after award: recording a contract with its AI baseline, new baseline versions,
//! supplier change notices triaged against the current baseline, and the contract manager's
//! decision on each triage. Reading follows the dossier's need-to-know.

use grip_core::audit_event as ev;
use grip_core::contract::{
    self, BaselineVersion, ChangeNotice, Contract, MAX_NAME_CHARS, NoticeDecision, NoticeImpact,
    NoticeTriage,
};
use grip_core::dossier::FieldError;
use grip_store::audit::NewEvent;
use grip_store::contracts;
use serde::Deserialize;

use crate::access::{require_on_dossier, require_read_of};
use crate::record::commit_with_events;
use crate::triage::{self, Assessment, Baseline};
use crate::{Action, Actor, App, AppError, now_ms};

/// A contract as someone records it, with the baseline at signature.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewContract {
    pub supplier: String,
    #[serde(default)]
    pub starts_on: Option<String>,
    #[serde(default)]
    pub ends_on: Option<String>,
    #[serde(default)]
    pub value_cents: Option<i64>,
    /// `grip.contract-baseline/1` as JSON text; its `system` names the contract.
    pub baseline: String,
}

/// A contract with its baselines (newest first) and notices (newest first).
#[derive(Debug, Clone)]
pub struct ContractView {
    pub contract: Contract,
    pub baselines: Vec<BaselineVersion>,
    pub notices: Vec<ChangeNotice>,
}

impl ContractView {
    /// The baseline in force, parsed.
    pub fn current_baseline(&self) -> Result<Baseline, AppError> {
        let current = self
            .baselines
            .first()
            .ok_or_else(|| AppError::Internal("contract without a baseline".into()))?;
        parse_stored(&current.baseline)
    }
}

fn parse_stored(json: &str) -> Result<Baseline, AppError> {
    Baseline::parse(json).map_err(|e| AppError::Internal(format!("stored baseline: {e}")))
}

/// Parses a baseline typed or uploaded by a person, refusing it with the reason.
pub fn parse_baseline(json: &str) -> Result<Baseline, AppError> {
    Baseline::parse(json).map_err(|e| {
        FieldError::new("baseline", "invalid_baseline", "invalid-baseline")
            .with("detail", e)
            .into()
    })
}

fn check_text(field: &'static str, value: &str) -> Result<String, AppError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(AppError::invalid(
            field,
            "required",
            "invalid-text-required",
        ));
    }
    if value.chars().count() > MAX_NAME_CHARS {
        return Err(FieldError::new(field, "too_long", "invalid-text-too-long")
            .with("max", MAX_NAME_CHARS)
            .into());
    }
    Ok(value.to_owned())
}

fn check_date(field: &'static str, value: Option<String>) -> Result<Option<String>, AppError> {
    match value.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => text
            .parse::<jiff::civil::Date>()
            .map(|d| Some(d.to_string()))
            .map_err(|_| AppError::invalid(field, "invalid_date", "invalid-contract-date")),
    }
}

/// Records a contract of a dossier with its baseline at signature, in one transaction.
pub async fn create(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    new: NewContract,
) -> Result<Contract, AppError> {
    let baseline = parse_baseline(&new.baseline)?;
    let supplier = check_text("supplier", &new.supplier)?;
    let starts_on = check_date("starts_on", new.starts_on)?;
    let ends_on = check_date("ends_on", new.ends_on)?;
    if new.value_cents.is_some_and(|v| v < 0) {
        return Err(AppError::invalid("value", "negative", "invalid-amount"));
    }
    let mut tx = app.store.begin_write().await?;
    require_on_dossier(&mut tx, actor, Action::ManageContract, dossier_id).await?;
    let now = now_ms();
    let c = Contract {
        id: grip_store::new_id(),
        dossier_id: dossier_id.into(),
        system: check_text("system", &baseline.system)?,
        supplier,
        starts_on,
        ends_on,
        value_cents: new.value_cents,
        created_by: actor.username.clone(),
        created_at: now,
    };
    contracts::insert(&mut tx, &c).await?;
    let version = baseline_version(&c.id, 1, &baseline, "Bij ondertekening", actor, now)?;
    contracts::insert_baseline(&mut tx, &version).await?;
    commit_with_events(
        tx,
        vec![
            event(
                actor,
                now,
                dossier_id,
                ev::ContractCreated {
                    contract_id: c.id.clone(),
                    system: c.system.clone(),
                    supplier: c.supplier.clone(),
                },
            ),
            event(actor, now, dossier_id, baseline_event(&version, &baseline)),
        ],
    )
    .await?;
    Ok(c)
}

fn event<'a>(
    actor: &'a Actor,
    at_ms: i64,
    dossier: &'a str,
    event: impl Into<ev::AuditEvent>,
) -> NewEvent<'a> {
    NewEvent {
        at_ms,
        actor: &actor.username,
        dossier: Some(dossier),
        event: event.into(),
    }
}

fn baseline_version(
    contract_id: &str,
    version: i64,
    baseline: &Baseline,
    reason: &str,
    actor: &Actor,
    now: i64,
) -> Result<BaselineVersion, AppError> {
    Ok(BaselineVersion {
        contract_id: contract_id.into(),
        version,
        baseline: serde_json::to_string(baseline)
            .map_err(|e| AppError::Internal(format!("baseline: {e}")))?,
        reason: reason.into(),
        created_by: actor.username.clone(),
        created_at: now,
    })
}

fn baseline_event(version: &BaselineVersion, baseline: &Baseline) -> ev::BaselineRecorded {
    ev::BaselineRecorded {
        contract_id: version.contract_id.clone(),
        version: version.version,
        components: baseline.components.len(),
        reason: version.reason.clone(),
    }
}

/// The contracts of a dossier.
pub async fn for_dossier(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
) -> Result<Vec<Contract>, AppError> {
    let mut conn = app.store.conn().await?;
    require_read_of(&mut conn, actor, dossier_id, "dossier").await?;
    Ok(contracts::for_dossier(&mut conn, dossier_id).await?)
}

/// One contract with its baselines and notices; `NotFound` for those who may not read its
/// dossier.
pub async fn get(app: &App, actor: &Actor, contract_id: &str) -> Result<ContractView, AppError> {
    let mut conn = app.store.conn().await?;
    let contract = contracts::get(&mut conn, contract_id)
        .await?
        .ok_or(AppError::NotFound("contract"))?;
    require_read_of(&mut conn, actor, &contract.dossier_id, "contract").await?;
    Ok(ContractView {
        baselines: contracts::baselines(&mut conn, contract_id).await?,
        notices: contracts::notices(&mut conn, contract_id).await?,
        contract,
    })
}

/// Records a new baseline version (an accepted change, or a correction) with its reason.
pub async fn record_baseline(
    app: &App,
    actor: &Actor,
    contract_id: &str,
    json: &str,
    reason: &str,
) -> Result<i64, AppError> {
    let baseline = parse_baseline(json)?;
    let reason = check_text("reason", reason)?;
    let view = get(app, actor, contract_id).await?;
    let mut tx = app.store.begin_write().await?;
    require_on_dossier(
        &mut tx,
        actor,
        Action::ManageContract,
        &view.contract.dossier_id,
    )
    .await?;
    let latest = contracts::baselines(&mut tx, contract_id)
        .await?
        .first()
        .map_or(0, |b| b.version);
    let now = now_ms();
    let version = baseline_version(contract_id, latest + 1, &baseline, &reason, actor, now)?;
    contracts::insert_baseline(&mut tx, &version).await?;
    let dossier = view.contract.dossier_id.as_str();
    commit_with_events(
        tx,
        vec![event(
            actor,
            now,
            dossier,
            baseline_event(&version, &baseline),
        )],
    )
    .await?;
    Ok(version.version)
}

/// Records change notices (any format Grip screens), each triaged against the baseline in
/// force; all are stored together, or none.
pub async fn record_notices(
    app: &App,
    actor: &Actor,
    contract_id: &str,
    files: Vec<(String, Vec<u8>)>,
) -> Result<Vec<ChangeNotice>, AppError> {
    crate::screening::check_uploads(app, actor, &files, "notice")?;
    let view = get(app, actor, contract_id).await?;
    let baseline = view.current_baseline()?;
    let version = view.baselines.first().map_or(1, |b| b.version);
    let assessed = tokio::task::spawn_blocking(move || {
        files
            .into_iter()
            .map(|(name, bytes)| triage::assess_document(&name, &bytes, &baseline))
            .collect::<Result<Vec<_>, AppError>>()
    })
    .await
    .map_err(|e| AppError::Internal(format!("triage task: {e}")))??;
    let mut tx = app.store.begin_write().await?;
    let dossier = view.contract.dossier_id.as_str();
    require_on_dossier(&mut tx, actor, Action::ManageContract, dossier).await?;
    let now = now_ms();
    let mut notices = Vec::new();
    let mut events = Vec::new();
    for (assessment, text) in assessed {
        let notice = notice_of(contract_id, version, assessment, text, actor, now)?;
        contracts::insert_notice(&mut tx, &notice).await?;
        events.push(event(
            actor,
            now,
            dossier,
            ev::NoticeTriaged {
                contract_id: contract_id.into(),
                notice_id: notice.id.clone(),
                name: notice.name.clone(),
                baseline_version: version,
                impact: notice.impact,
                proposed: notice.proposed,
            },
        ));
        notices.push(notice);
    }
    commit_with_events(tx, events).await?;
    Ok(notices)
}

fn notice_of(
    contract_id: &str,
    baseline_version: i64,
    assessment: Assessment,
    text: String,
    actor: &Actor,
    now: i64,
) -> Result<ChangeNotice, AppError> {
    let impact = NoticeImpact::from_code(assessment.impact.as_str())
        .ok_or_else(|| AppError::Internal("triage impact".into()))?;
    let proposed = NoticeTriage::from_code(assessment.proposal.as_str())
        .ok_or_else(|| AppError::Internal("triage proposal".into()))?;
    Ok(ChangeNotice {
        id: grip_store::new_id(),
        contract_id: contract_id.into(),
        baseline_version,
        name: assessment.notice.name.clone(),
        text,
        impact,
        proposed,
        assessment: serde_json::to_string(&assessment)
            .map_err(|e| AppError::Internal(format!("assessment: {e}")))?,
        decision: None,
        recorded_by: actor.username.clone(),
        received_at: now,
    })
}

/// A notice with its assessment, for showing.
pub async fn notice(
    app: &App,
    actor: &Actor,
    contract_id: &str,
    notice_id: &str,
) -> Result<(ContractView, ChangeNotice, Assessment), AppError> {
    let view = get(app, actor, contract_id).await?;
    let notice = view
        .notices
        .iter()
        .find(|n| n.id == notice_id)
        .cloned()
        .ok_or(AppError::NotFound("notice"))?;
    let assessment: Assessment = serde_json::from_str(&notice.assessment)
        .map_err(|e| AppError::Internal(format!("stored assessment: {e}")))?;
    Ok((view, notice, assessment))
}

/// Confirms or overrides the proposal of a notice (overriding needs a reason); once.
pub async fn decide(
    app: &App,
    actor: &Actor,
    contract_id: &str,
    notice_id: &str,
    chosen: NoticeTriage,
    reason: &str,
) -> Result<(), AppError> {
    let (view, notice, assessment) = notice(app, actor, contract_id, notice_id).await?;
    let reason = contract::check_decision(notice.proposed, chosen, reason)?;
    let mut tx = app.store.begin_write().await?;
    let dossier = view.contract.dossier_id.as_str();
    require_on_dossier(&mut tx, actor, Action::ManageContract, dossier).await?;
    let now = now_ms();
    let decision = NoticeDecision {
        triage: chosen,
        reason: reason.clone(),
        by: actor.username.clone(),
        at: now,
    };
    if !contracts::decide_notice(&mut tx, notice_id, &decision).await? {
        return Err(AppError::Conflict(
            "Over dit wijzigingsbericht is al besloten.".into(),
        ));
    }
    let escalated_to = if chosen == NoticeTriage::Escalate {
        let roles = crate::escalations::roles_for(&assessment);
        crate::escalations::open_tasks(
            &mut tx,
            actor,
            dossier,
            contract_id,
            notice_id,
            &roles,
            now,
        )
        .await?;
        roles.into_iter().collect()
    } else {
        Vec::new()
    };
    commit_with_events(
        tx,
        vec![event(
            actor,
            now,
            dossier,
            ev::NoticeDecided {
                contract_id: contract_id.into(),
                notice_id: notice_id.into(),
                proposed: notice.proposed,
                decided: chosen,
                overridden: chosen != notice.proposed,
                reason,
                escalated_to,
            },
        )],
    )
    .await
}
