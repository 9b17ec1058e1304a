//! The audit trail read as sentences ("Jurist J. de Vries heeft het dossier naar
//! Contractering gebracht"), in the reader's language, each linked to what it concerns. Every
//! kind of event has its own sentence (`event-…` in `locales/*/home.ftl`); codes, hashes and
//! payloads stay on the auditor's chain page.

use fluent_bundle::FluentArgs;
use grip_app::Role;
use grip_app::audit::{Activity, Person};
use grip_core::audit_event::AuditEvent;

use crate::i18n::Lang;

/// One line of activity as a page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub at_ms: i64,
    pub text: String,
    /// Where the thing the event concerns can be seen, and its name.
    pub link: Option<(String, String)>,
}

pub fn lines(lang: Lang, activity: &[Activity]) -> Vec<Line> {
    activity.iter().map(|a| line(lang, a)).collect()
}

pub fn line(lang: Lang, a: &Activity) -> Line {
    let mut args = FluentArgs::new();
    args.set("actor", person(lang, &a.actor));
    let text = match &a.event {
        Some(event) => {
            fill(lang, a, event, &mut args);
            lang.try_format(&format!("event.{}", event.kind()), &args)
        }
        None => None,
    };
    Line {
        at_ms: a.at_ms,
        text: text
            .or_else(|| lang.try_format("event.unreadable", &args))
            .unwrap_or_default(),
        link: link(a),
    }
}

/// "Jurist J. de Vries": the role and the name, or the account name for others.
pub fn person(lang: Lang, p: &Person) -> String {
    match (&p.display_name, p.role) {
        (Some(name), Some(role)) => format!("{} {name}", lang.role_id(role.id())),
        (Some(name), None) => name.clone(),
        (None, _) if p.username == "demo" => lang.t("actor_demo").to_string(),
        (None, _) => p.username.clone(),
    }
}

/// A count in the reader's notation (1.530 in Dutch, 1,530 in English).
pub fn count(lang: Lang, n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let separator = if lang == Lang::Nl { '.' } else { ',' };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

fn roles(lang: Lang, roles: &[Role]) -> String {
    if roles.is_empty() {
        return lang.t("no_roles").to_string();
    }
    let labels: Vec<String> = roles.iter().map(|r| lang.role_id(r.id())).collect();
    labels.join(", ")
}

/// A translated label for a code, or the fallback key's text when there is none.
fn label(lang: Lang, key: &str, fallback: &str) -> String {
    match lang.t(key) {
        "??" => lang.t(fallback).to_string(),
        text => text.to_string(),
    }
}

fn n(lang: Lang, value: impl TryInto<i64>) -> String {
    count(lang, value.try_into().unwrap_or(i64::MAX))
}

/// The arguments of each kind's sentence. The match is exhaustive on purpose: a new kind of
/// event does not compile until it has its words.
fn fill(lang: Lang, a: &Activity, event: &AuditEvent, args: &mut FluentArgs) {
    let subject = a
        .subject
        .as_ref()
        .map(|p| person(lang, p))
        .unwrap_or_default();
    let mut set = |name: &'static str, value: String| args.set(name, value);
    match event {
        AuditEvent::SignedIn(_)
        | AuditEvent::SignedOut(_)
        | AuditEvent::SignInFailed(_)
        | AuditEvent::LabelNamesSet(_)
        | AuditEvent::ScreeningJobCancelled(_) => {}
        AuditEvent::TokenCreated(e) => {
            set("subject", subject);
            set("label", e.label.clone());
        }
        AuditEvent::UserCreated(e) => {
            set("subject", subject);
            set("roles", roles(lang, &e.roles));
        }
        AuditEvent::UserRolesChanged(e) => {
            set("subject", subject);
            set("roles", roles(lang, &e.roles));
        }
        AuditEvent::UserPasswordReset(_) | AuditEvent::UserReactivated(_) => {
            set("subject", subject)
        }
        AuditEvent::UserDeactivated(e) => {
            set("subject", subject);
            set("tokens", n(lang, e.tokens_revoked));
        }
        AuditEvent::UserPasswordChanged(_) => {}
        AuditEvent::ReadPolicySet(e) => {
            set("level", e.open_up_to.clone());
            set("roles", roles(lang, &e.roles));
        }
        AuditEvent::SettingChanged(e) => {
            set(
                "setting",
                label(lang, &format!("setting.{}", e.name), "setting_other"),
            );
            set("roles", roles(lang, &e.to));
        }
        AuditEvent::OrganisationCreated(e) => set("name", e.name.clone()),
        AuditEvent::PortfolioLoaded(e) => {
            set("pack", e.pack.clone());
            set("version", e.version.clone());
            set("count", n(lang, e.categories));
        }
        AuditEvent::DemoLoaded(e) => {
            set("dossiers", n(lang, e.dossiers));
            set("register", n(lang, e.register_imported));
        }
        AuditEvent::SupplierCreated(e) => set("name", e.name.clone()),
        AuditEvent::DossierCreated(e) => {
            set("title", e.title.clone());
            set("phase", lang.phase(e.phase).to_string());
        }
        AuditEvent::DossierUpdated(e) => {
            let fields: Vec<String> = e
                .changes
                .keys()
                .map(|f| label(lang, &format!("changed_field.{f}"), "changed_field_other"))
                .collect();
            set("fields", fields.join(", "));
        }
        AuditEvent::DossierPhaseMoved(e) => {
            set("from", lang.phase(e.from).to_string());
            set("to", lang.phase(e.to).to_string());
        }
        AuditEvent::DossierMemberAdded(e) => {
            set("subject", subject);
            set("role", lang.role_id(e.role.id()));
        }
        AuditEvent::ChecklistStatusSet(e) => {
            let item = a
                .item_text
                .as_ref()
                .map(|(nl, en)| lang.pick(nl, en).to_string());
            set(
                "item",
                item.unwrap_or_else(|| lang.t("checklist_item").to_string()),
            );
            set("status", e.status.clone());
            set("reason", e.reason.clone());
        }
        AuditEvent::DocumentUploaded(e) => {
            set("name", e.name.clone());
            let verdict = match e.verdict.as_str() {
                "ai_indicated" => "verdict_ai",
                "no_ai_indicated" => "verdict_no_ai",
                _ => "verdict_unreadable",
            };
            set("verdict", lang.t(verdict).to_string());
        }
        AuditEvent::ScreeningJobStarted(e) => set("total", n(lang, e.total)),
        AuditEvent::ScreeningJobItemFailed(e) => set("name", e.name.clone()),
        AuditEvent::ScreeningJobFinished(e) => {
            set("done", n(lang, e.done));
            set("failed", n(lang, e.failed));
        }
        AuditEvent::ClassificationRecorded(e) => {
            set(
                "verdict",
                label(
                    lang,
                    &format!("verdict_{}", e.verdict),
                    "verdict_undetermined",
                ),
            );
            let previous = e.previous_verdict.as_deref().unwrap_or("none");
            set("previous", previous.to_string());
            set(
                "previous_label",
                label(lang, &format!("verdict_{previous}"), "verdict_undetermined"),
            );
        }
        AuditEvent::ObligationStatusChanged(e) => {
            set("article", e.article.clone());
            set(
                "status",
                lang.t(&format!("ob_status_{}", e.to.id())).to_string(),
            );
        }
        AuditEvent::PackageGenerated(e) => set("version", n(lang, e.version)),
        AuditEvent::PackageItemEdited(e) => set("version", n(lang, e.version)),
        AuditEvent::PackageItemRemoved(e) => set("version", n(lang, e.version)),
        AuditEvent::PackageItemMoved(e) => set("version", n(lang, e.version)),
        AuditEvent::PackageItemAdded(e) => set("version", n(lang, e.version)),
        AuditEvent::PackageFrozen(e) => {
            set("version", n(lang, e.version));
            set("count", n(lang, e.items));
        }
        AuditEvent::PackageRevised(e) => {
            set("version", n(lang, e.version));
            set("from", n(lang, e.from_version));
        }
        AuditEvent::InventoryCreated(e) => {
            set("name", e.name.clone());
            set(
                "exposure",
                crate::pages::inventory::exposure_label(lang, e.ai_exposure.code()),
            );
        }
        AuditEvent::RegisterImported(e) => set("count", n(lang, e.imported)),
        AuditEvent::BidRecorded(e) => {
            set("supplier", e.supplier.clone());
            set("version", n(lang, e.package_version));
            set("count", n(lang, e.answers));
        }
        AuditEvent::BidDocumentAttached(e) => set("name", e.name.clone()),
        AuditEvent::ConflictDeclared(e) => set(
            "answer",
            lang.t(if e.has_conflict {
                "declared_conflict"
            } else {
                "declared_no_conflict"
            })
            .to_string(),
        ),
        // Which criterion an assessor scored stays unsaid: the trail is read by the team.
        AuditEvent::ScoreRecorded(_) | AuditEvent::ScoresSubmitted(_) => {}
        AuditEvent::ConsensusRecorded(e) => {
            let i = usize::from(e.level.min(4));
            set(
                "level",
                lang.pick(
                    grip_core::award::scoring::LEVELS_NL[i],
                    grip_core::award::scoring::LEVELS_EN[i],
                )
                .to_string(),
            );
        }
        AuditEvent::AwardRuleSet(e) => set("share", n(lang, e.price_share)),
        AuditEvent::DecisionProposed(e) => {
            set("gate", lang.phase(e.gate).to_string());
            set(
                "outcome",
                lang.pick(e.outcome.label_nl(), e.outcome.label_en())
                    .to_string(),
            );
        }
        AuditEvent::DecisionSigned(e) => set("role", lang.role_id(e.role.id())),
        AuditEvent::ContractCreated(e) => {
            set("system", e.system.clone());
            set("supplier", e.supplier.clone());
        }
        AuditEvent::BaselineRecorded(e) => {
            set("version", n(lang, e.version));
            set("count", n(lang, e.components));
        }
        AuditEvent::NoticeTriaged(e) => {
            set("name", e.name.clone());
            set(
                "proposal",
                lang.pick(e.proposed.label_nl(), e.proposed.label_en())
                    .to_string(),
            );
        }
        AuditEvent::NoticeDecided(e) => set(
            "decision",
            lang.pick(e.decided.label_nl(), e.decided.label_en())
                .to_string(),
        ),
        AuditEvent::EscalationClosed(_) => {}
        AuditEvent::RegisterEntrySet(e) => set("name", e.name.clone()),
        AuditEvent::RegisterSettingsSet(_) => {}
        AuditEvent::SpendImported(e) => {
            set("name", e.name.clone());
            set("count", n(lang, e.lines_stored));
        }
        AuditEvent::SpendSupplierPlaced(e) => {
            set("name", e.supplier.clone());
            set("count", n(lang, e.lines));
        }
        AuditEvent::ModelRecorded(e) => {
            set("name", e.item_name.clone());
            set("model", e.name.clone());
        }
        AuditEvent::DecisionSealed(e) => {
            set("gate", lang.phase(e.gate).to_string());
            set(
                "outcome",
                lang.pick(e.outcome.label_nl(), e.outcome.label_en())
                    .to_string(),
            );
        }
    }
}

/// Where the thing an event concerns is shown, and the name to link.
fn link(a: &Activity) -> Option<(String, String)> {
    let dossier = a.dossier.as_ref();
    let title = || dossier.map(|(_, t)| t.clone()).unwrap_or_default();
    let on_dossier =
        |rest: &str| dossier.map(|(id, t)| (format!("/dossiers/{id}{rest}"), t.clone()));
    match &a.event {
        Some(AuditEvent::ClassificationRecorded(e)) => {
            on_dossier(&format!("/classifications/{}", e.classification_id))
        }
        Some(
            AuditEvent::PackageGenerated(_)
            | AuditEvent::PackageItemEdited(_)
            | AuditEvent::PackageItemRemoved(_)
            | AuditEvent::PackageItemMoved(_)
            | AuditEvent::PackageItemAdded(_)
            | AuditEvent::PackageFrozen(_)
            | AuditEvent::PackageRevised(_),
        ) => on_dossier("/package"),
        Some(AuditEvent::DocumentUploaded(e)) if dossier.is_some() => {
            Some((format!("/documents/{}/view", e.document_id), title()))
        }
        Some(AuditEvent::ScreeningJobStarted(e)) => {
            on_dossier(&format!("/screening-jobs/{}", e.job_id))
        }
        Some(AuditEvent::ScreeningJobFinished(e)) => {
            on_dossier(&format!("/screening-jobs/{}", e.job_id))
        }
        Some(AuditEvent::InventoryCreated(e)) => {
            Some((format!("/inventory/{}", e.item_id), e.name.clone()))
        }
        Some(AuditEvent::BidRecorded(e)) => on_dossier(&format!("/bids/{}", e.bid_id)),
        Some(AuditEvent::BidDocumentAttached(e)) => on_dossier(&format!("/bids/{}", e.bid_id)),
        Some(
            AuditEvent::ConflictDeclared(_)
            | AuditEvent::ScoreRecorded(_)
            | AuditEvent::ScoresSubmitted(_)
            | AuditEvent::ConsensusRecorded(_)
            | AuditEvent::AwardRuleSet(_),
        ) => on_dossier("/assessment"),
        Some(
            AuditEvent::DecisionProposed(_)
            | AuditEvent::DecisionSigned(_)
            | AuditEvent::DecisionSealed(_),
        ) => on_dossier("/decisions"),
        Some(AuditEvent::ContractCreated(e)) => {
            Some((format!("/contracts/{}", e.contract_id), title()))
        }
        Some(AuditEvent::BaselineRecorded(e)) => {
            Some((format!("/contracts/{}", e.contract_id), title()))
        }
        Some(AuditEvent::NoticeTriaged(e)) => Some((
            format!("/contracts/{}/notices/{}", e.contract_id, e.notice_id),
            title(),
        )),
        Some(AuditEvent::EscalationClosed(e)) => {
            on_dossier(&format!("/decisions#{}", e.decision_id))
        }
        Some(AuditEvent::RegisterEntrySet(e)) => {
            Some((format!("/inventory/{}/register", e.item_id), e.name.clone()))
        }
        Some(AuditEvent::NoticeDecided(e)) => Some((
            format!("/contracts/{}/notices/{}", e.contract_id, e.notice_id),
            title(),
        )),
        _ => on_dossier(""),
    }
}

#[cfg(test)]
#[path = "activity_tests.rs"]
mod tests;
