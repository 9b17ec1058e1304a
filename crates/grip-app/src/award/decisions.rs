//! Decision records at a phase gate: proposed with the weighing of every protected interest,
//! signed by the roles the gate needs, sealed by the last signature (its hash goes into the
//! audit chain), superseded only by a new record that says why.

use grip_core::audit_event as ev;
use grip_core::award::decision::{
    self, DEFAULT_AWARD_SIGNERS, Decision, InterestWeighing, Outcome, Signoff,
};
use grip_core::dossier::FieldError;
use grip_core::{DataLabel, Phase, Role};
use grip_store::audit::NewEvent;
use grip_store::{Conn, bids, classifications, decisions, dossiers, settings};
use serde::Deserialize;

use crate::access::{on_dossier, require, require_on_dossier, require_read};
use crate::record::{append_event, commit_with_event};
use crate::{Action, Actor, App, AppError, Paging, now_ms};

/// The setting naming the roles that sign an award decision (JSON list of role codes).
pub const AWARD_SIGNERS_SETTING: &str = "decision.award_signers";

/// A decision as someone proposes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    pub gate: Phase,
    pub outcome: Outcome,
    #[serde(default)]
    pub conditions: String,
    pub motivation: String,
    #[serde(default)]
    pub winning_bid: Option<String>,
    pub weighing: Vec<WeighingInput>,
    /// The sealed record this one corrects, with the reason.
    #[serde(default)]
    pub supersedes: Option<String>,
    #[serde(default)]
    pub supersede_reason: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeighingInput {
    pub interest: String,
    pub weighing: decision::Weighing,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub measures: String,
}

/// The protected interests every decision weighs (the `interests` pack).
pub fn interest_ids() -> Result<Vec<String>, AppError> {
    Ok(super::interests_pack()?
        .content()
        .interest
        .iter()
        .map(|i| i.id.clone())
        .collect())
}

/// The roles the administrator set for award decisions (the default when unset).
pub async fn award_signers_on(conn: &mut Conn) -> Result<Vec<Role>, AppError> {
    let Some(text) = settings::get(conn, AWARD_SIGNERS_SETTING).await? else {
        return Ok(DEFAULT_AWARD_SIGNERS.to_vec());
    };
    let codes: Vec<String> = serde_json::from_str(&text)
        .map_err(|e| AppError::Internal(format!("setting {AWARD_SIGNERS_SETTING}: {e}")))?;
    Ok(codes.iter().filter_map(|c| Role::parse(c)).collect())
}

/// The roles that sign award decisions, for the administrator's settings page.
pub async fn award_signers(app: &App, actor: &Actor) -> Result<Vec<Role>, AppError> {
    require(actor, Action::ManageSettings)?;
    let mut conn = app.store.conn().await?;
    award_signers_on(&mut conn).await
}

/// Sets which roles sign award decisions (administrators only).
pub async fn set_award_signers(app: &App, actor: &Actor, roles: &[Role]) -> Result<(), AppError> {
    require(actor, Action::ManageSettings)?;
    if roles.is_empty() {
        return Err(AppError::invalid(
            "roles",
            "required",
            "invalid-signers-required",
        ));
    }
    let mut tx = app.store.begin_write().await?;
    let before = award_signers_on(&mut tx).await?;
    let ids: Vec<&str> = roles.iter().map(|r| r.id()).collect();
    let now = now_ms();
    let value = serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into());
    settings::put(&mut tx, AWARD_SIGNERS_SETTING, &value, &actor.username, now).await?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &actor.username,
            dossier: None,
            event: ev::SettingChanged {
                name: AWARD_SIGNERS_SETTING.into(),
                from: before,
                to: roles.to_vec(),
            }
            .into(),
        },
    )
    .await?;
    Ok(())
}

/// Why privacy and security must sign: personal data (police data, or a classification that
/// touches natural persons or biometrics) and high risk or police data (a label above
/// internal).
async fn signers_for(conn: &mut Conn, dossier_id: &str) -> Result<Vec<Role>, AppError> {
    let base = award_signers_on(conn).await?;
    let dossier = dossiers::get(conn, dossier_id)
        .await?
        .ok_or(AppError::NotFound("dossier"))?;
    let latest = classifications::list_for_dossier(conn, dossier_id, Paging::new(Some(1), Some(1)))
        .await?
        .items
        .into_iter()
        .next();
    let (verdict, profile) = latest
        .map(|c| (c.row.verdict, c.row.profile))
        .unwrap_or_default();
    // Police data (a label above internal) are personal data under the Wpg as well.
    let police_data = dossier.classification_label > DataLabel::Internal;
    let touches_persons = [
        "biometric",
        "natural_person",
        "profiling",
        "emotion",
        "personal",
    ]
    .iter()
    .any(|w| profile.contains(w));
    let high = verdict == "high_risk" || police_data;
    let personal = police_data || touches_persons;
    Ok(decision::required_roles(&base, personal, high))
}

/// Proposes a decision; it waits for its sign-offs.
pub async fn propose(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
    proposal: Proposal,
) -> Result<Decision, AppError> {
    let interests = interest_ids()?;
    let mut tx = app.store.begin_write().await?;
    require_on_dossier(&mut tx, actor, Action::ProposeDecision, dossier_id).await?;
    let weighing: Vec<InterestWeighing> = proposal
        .weighing
        .into_iter()
        .map(|w| InterestWeighing {
            interest: w.interest,
            weighing: w.weighing,
            note: w.note.trim().to_string(),
            measures: w.measures.trim().to_string(),
        })
        .collect();
    let ids: Vec<&str> = interests.iter().map(String::as_str).collect();
    decision::check_proposal(
        proposal.outcome,
        &proposal.conditions,
        &proposal.motivation,
        &weighing,
        &ids,
    )?;
    if let Some(bid) = &proposal.winning_bid {
        bids::get(&mut tx, bid)
            .await?
            .filter(|b| b.dossier_id.as_str() == dossier_id)
            .ok_or_else(|| {
                AppError::invalid("winning_bid", "unknown_bid", "invalid-decision-bid")
            })?;
    }
    check_supersedes(
        &mut tx,
        dossier_id,
        &proposal.supersedes,
        &proposal.supersede_reason,
    )
    .await?;
    let now = now_ms();
    let record = Decision {
        id: grip_store::new_id().into(),
        dossier_id: dossier_id.into(),
        gate: proposal.gate,
        outcome: proposal.outcome,
        conditions: proposal.conditions.trim().to_string(),
        motivation: proposal.motivation.trim().to_string(),
        winning_bid: proposal.winning_bid.map(Into::into),
        weighing,
        required_roles: signers_for(&mut tx, dossier_id).await?,
        signoffs: Vec::new(),
        proposed_by: actor.username.clone(),
        proposed_at: now,
        sealed_at: None,
        content_hash: None,
        supersedes: proposal.supersedes.map(Into::into),
        supersede_reason: proposal.supersede_reason.map(|r| r.trim().to_string()),
    };
    let evidence = super::evidence::collect(&mut tx, dossier_id).await?;
    decisions::insert(&mut tx, &record, &evidence).await?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now,
            actor: &actor.username,
            dossier: Some(dossier_id),
            event: ev::DecisionProposed {
                decision_id: record.id.to_string(),
                gate: record.gate,
                outcome: record.outcome,
                required_roles: record.required_roles.clone(),
                supersedes: record.supersedes.as_ref().map(ToString::to_string),
            }
            .into(),
        },
    )
    .await?;
    Ok(record)
}

async fn check_supersedes(
    conn: &mut Conn,
    dossier_id: &str,
    supersedes: &Option<String>,
    reason: &Option<String>,
) -> Result<(), AppError> {
    let Some(id) = supersedes else {
        return Ok(());
    };
    let old = decisions::get(conn, id)
        .await?
        .filter(|d| d.dossier_id.as_str() == dossier_id)
        .ok_or_else(|| {
            AppError::invalid(
                "supersedes",
                "unknown_decision",
                "invalid-decision-supersedes",
            )
        })?;
    if !old.is_sealed() {
        return Err(AppError::Conflict(
            "Alleen een verzegeld besluit wordt vervangen; een open voorstel kunt u gewoon \
             laten liggen en opnieuw voorstellen."
                .into(),
        ));
    }
    if reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
        return Err(FieldError::new(
            "supersede_reason",
            "required",
            "invalid-decision-supersede-reason",
        )
        .into());
    }
    Ok(())
}

/// Signs a decision in one of the signer's roles. The last required signature seals it:
/// the record's hash is stored and enters the audit chain in the same transaction.
pub async fn sign(
    app: &App,
    actor: &Actor,
    decision_id: &str,
    role: Role,
) -> Result<Decision, AppError> {
    let mut tx = app.store.begin_write().await?;
    let dossier_id = decisions::get(&mut tx, decision_id)
        .await?
        .ok_or(AppError::NotFound("decision"))?
        .dossier_id;
    let permissions = on_dossier(&mut tx, actor, &dossier_id).await?;
    if !decisions::lock_unsealed(&mut tx, decision_id).await? {
        return Err(refusal(decision::SignoffRefusal::Sealed));
    }
    // Read again under the lock: a concurrent signature has committed by now.
    let mut record = decisions::get(&mut tx, decision_id)
        .await?
        .ok_or(AppError::NotFound("decision"))?;
    let roles: Vec<Role> = permissions.sign_as.clone();
    let seals = decision::check_signoff(&record, &actor.username, &roles, role).map_err(refusal)?;
    let now = now_ms();
    let signoff = Signoff {
        role,
        username: actor.username.clone(),
        signed_at: now,
    };
    decisions::add_signoff(&mut tx, decision_id, &signoff).await?;
    record.signoffs.push(signoff);
    let event = |event: ev::AuditEvent| NewEvent {
        at_ms: now,
        actor: &actor.username,
        dossier: Some(&dossier_id),
        event,
    };
    let signed = ev::DecisionSigned {
        decision_id: decision_id.into(),
        role,
    };
    if !seals {
        commit_with_event(tx, event(signed.into())).await?;
        return Ok(record);
    }
    append_event(&mut tx, event(signed.into())).await?;
    let evidence = decisions::evidence(&mut tx, decision_id).await?;
    record.sealed_at = Some(now);
    let hash = decision::content_hash(&record, &evidence);
    if !decisions::seal(&mut tx, decision_id, now, &hash).await? {
        return Err(refusal(decision::SignoffRefusal::Sealed));
    }
    record.content_hash = Some(hash.clone());
    commit_with_event(
        tx,
        event(
            ev::DecisionSealed {
                decision_id: decision_id.into(),
                gate: record.gate,
                outcome: record.outcome,
                content_hash: hash,
            }
            .into(),
        ),
    )
    .await?;
    Ok(record)
}

fn refusal(r: decision::SignoffRefusal) -> AppError {
    use decision::SignoffRefusal::*;
    let text = match r {
        Sealed => "Dit besluit is verzegeld; er kan niet meer worden getekend.",
        RoleNotRequired => "Deze rol hoeft dit besluit niet te tekenen.",
        RoleNotHeld => "U tekent alleen in een rol die u zelf heeft, in het team van dit dossier.",
        RoleAlreadySigned => "In deze rol is al getekend.",
        AlreadySigned => "U heeft dit besluit al getekend; iedereen tekent één keer.",
        SelfApproval => {
            "Wie het besluit voorstelt, kan niet de enige zijn die het goedkeurt; een tweede \
             persoon moet tekenen."
        }
    };
    AppError::Conflict(text.into())
}

/// The decisions of a dossier, oldest first.
pub async fn list(app: &App, actor: &Actor, dossier_id: &str) -> Result<Vec<Decision>, AppError> {
    let mut conn = app.store.conn().await?;
    require_read(&mut conn, actor, dossier_id).await?;
    Ok(decisions::for_dossier(&mut conn, dossier_id).await?)
}

/// The required roles of open decisions that nobody on the dossier's team holds: until
/// someone in that role joins, the record cannot be sealed.
pub async fn unstaffed_roles(
    app: &App,
    actor: &Actor,
    dossier_id: &str,
) -> Result<Vec<Role>, AppError> {
    let mut conn = app.store.conn().await?;
    require_read(&mut conn, actor, dossier_id).await?;
    let members = dossiers::members(&mut conn, dossier_id).await?;
    let mut missing = Vec::new();
    for d in decisions::for_dossier(&mut conn, dossier_id).await? {
        for role in d.open_roles() {
            if !members.iter().any(|m| m.role == role) && !missing.contains(&role) {
                missing.push(role);
            }
        }
    }
    Ok(missing)
}

/// One decision (NotFound when its dossier may not be read).
pub async fn get(app: &App, actor: &Actor, decision_id: &str) -> Result<Decision, AppError> {
    let mut conn = app.store.conn().await?;
    let record = decisions::get(&mut conn, decision_id)
        .await?
        .ok_or(AppError::NotFound("decision"))?;
    crate::access::require_read_of(&mut conn, actor, &record.dossier_id, "decision").await?;
    Ok(record)
}

/// The evidence a decision links, as stored when it was proposed.
pub async fn evidence(app: &App, actor: &Actor, decision_id: &str) -> Result<String, AppError> {
    let record = get(app, actor, decision_id).await?;
    let mut conn = app.store.conn().await?;
    Ok(decisions::evidence(&mut conn, &record.id).await?)
}

/// None when the dossier may leave `phase`; otherwise why not. Leaving the award phase needs a
/// sealed decision on that gate whose outcome lets the acquisition go on and that no later
/// record supersedes.
pub(crate) async fn gate_refusal(
    conn: &mut Conn,
    dossier_id: &str,
    phase: Phase,
) -> Result<Option<String>, AppError> {
    if phase != Phase::BeoordelingGunning {
        return Ok(None);
    }
    let all = decisions::for_dossier(conn, dossier_id).await?;
    let current = all.iter().rev().find(|d| {
        d.gate == phase
            && d.is_sealed()
            && !all.iter().any(|n| n.supersedes.as_ref() == Some(&d.id))
    });
    Ok(match current {
        Some(d) if d.outcome != Outcome::NoGo => None,
        Some(_) => Some(
            "Het verzegelde gunningsbesluit luidt \u{201e}niet doorgaan\u{201d}; het dossier gaat \
             daarom niet naar contractering."
                .into(),
        ),
        None => Some(
            "Het dossier kan pas naar contractering als er een verzegeld gunningsbesluit is: \
             voorgesteld door de inkoper en getekend door alle vereiste rollen."
                .into(),
        ),
    })
}

/// Each sealed record whose stored content no longer gives its sealed hash, or whose hash
/// differs from the one the audit chain recorded at sealing.
pub async fn tampered(conn: &mut Conn) -> Result<Vec<String>, AppError> {
    let sealed_in_chain = grip_store::audit::sealed_hashes(conn).await?;
    let mut broken = Vec::new();
    for record in decisions::sealed(conn).await? {
        let evidence = decisions::evidence(conn, &record.id).await?;
        let now = decision::content_hash(&record, &evidence);
        let chained = sealed_in_chain
            .iter()
            .find(|(id, _)| *id == record.id.as_str());
        let stored_ok = record.content_hash.as_deref() == Some(now.as_str());
        let chain_ok = chained.is_some_and(|(_, h)| *h == now);
        if !stored_ok || !chain_ok {
            broken.push(record.id.to_string());
        }
    }
    Ok(broken)
}
