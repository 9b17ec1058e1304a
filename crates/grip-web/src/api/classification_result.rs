//! The classification as the API returns it: the `grip.classification/1` object of the
//! published contract, the rule trace that explains it, and what changed since the last one.

use super::{ApiText, wire_name};
use grip_app::classification::{Changes, Classification, TraceStep, TraceView};
use serde::Serialize;
use utoipa::ToSchema;

/// A `grip.classification/1` object (the published contract `classification.schema.json`).
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiClassificationResult {
    /// Always `grip.classification/1`.
    pub schema: String,
    /// The law as in force on this date (YYYY-MM-DD).
    pub as_of: String,
    /// `prohibited`, `high_risk`, `transparency`, `minimal`, `not_ai_system`, `out_of_scope`,
    /// `gpai_model` or `undetermined`.
    pub verdict: String,
    pub high_risk: Option<ApiHighRisk>,
    /// Art. 50 paragraphs such as `50(1)`.
    pub transparency_obligations: Vec<String>,
    /// `deployer` or `provider`.
    pub role: String,
    pub basis: Vec<String>,
    pub obligations: Vec<ApiClassificationObligation>,
    /// Profile facts that were unknown and could change the verdict.
    pub missing: Vec<String>,
    /// The rule pack that produced this, `id@version`.
    pub rulepack: String,
    /// Further roles the buyer holds (Art. 3(6) `importer`, Art. 3(7) `distributor`,
    /// Art. 25(3) `product_manufacturer`), each with duties of its own; absent when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other_roles: Vec<String>,
}

/// Why the system is high-risk.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiHighRisk {
    /// `annex_i_a`, `annex_i_b` or `annex_iii`.
    pub route: String,
    pub annex_iii_points: Vec<String>,
    pub derogation_rejected_because: Option<String>,
}

/// One obligation; `summary` is English (the Dutch text is in the obligations list).
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiClassificationObligation {
    pub id: String,
    pub article: String,
    /// YYYY-MM-DD.
    pub applies_from: String,
    /// `deployer` or `provider`.
    pub holder: String,
    pub summary: String,
    /// The other role under which the buyer carries this duty itself (`importer`,
    /// `distributor`, `product_manufacturer`); absent for a provider's or deployer's duty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held_as: Option<String>,
}

/// One step of the rule trace: which rule looked at which facts and what it concluded.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiTraceStep {
    pub rule: String,
    pub article: String,
    pub facts: Vec<ApiFact>,
    /// `applies`, `does_not_apply` or `unknown`.
    pub outcome: String,
    pub text: ApiText,
    /// Provisions, codes or dates the step found, e.g. `Annex III point 6(e)`.
    pub findings: Vec<String>,
}

/// A profile fact as the rule saw it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiFact {
    /// The fact's path in the system profile.
    pub path: String,
    /// The answer as given in the profile; `null` when unknown.
    pub value: serde_json::Value,
}

/// What `POST /api/v1/classify` returns: the classification with its rule trace.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiClassifyOutcome {
    #[serde(flatten)]
    pub classification: ApiClassificationResult,
    pub trace: Vec<ApiTraceStep>,
}

/// What changed against the dossier's classification before this one.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiChanges {
    /// Null for the first classification of a dossier.
    pub verdict_from: Option<String>,
    pub verdict_to: String,
    /// Obligation ids new in this classification.
    pub obligations_added: Vec<String>,
    /// Obligation ids the previous classification had and this one no longer has.
    pub obligations_removed: Vec<String>,
    /// Facts that were missing before and are answered now.
    pub missing_resolved: Vec<String>,
    /// Facts missing now that were not missing before.
    pub missing_new: Vec<String>,
}

impl From<Classification> for ApiClassificationResult {
    fn from(c: Classification) -> Self {
        ApiClassificationResult {
            schema: c.schema,
            as_of: c.as_of.to_string(),
            verdict: c.verdict.as_str().into(),
            high_risk: c.high_risk.map(|h| ApiHighRisk {
                route: wire_name(&h.route),
                annex_iii_points: h.annex_iii_points,
                derogation_rejected_because: h.derogation_rejected_because,
            }),
            transparency_obligations: c.transparency_obligations,
            role: wire_name(&c.role),
            basis: c.basis,
            obligations: c
                .obligations
                .into_iter()
                .map(|o| ApiClassificationObligation {
                    id: o.id,
                    article: o.article,
                    applies_from: o.applies_from.to_string(),
                    holder: wire_name(&o.holder),
                    summary: o.summary,
                    held_as: o.held_as.map(|r| r.as_str().to_string()),
                })
                .collect(),
            missing: c.missing,
            rulepack: c.rulepack,
            other_roles: c
                .other_roles
                .iter()
                .map(|r| r.as_str().to_string())
                .collect(),
        }
    }
}

impl From<TraceStep> for ApiTraceStep {
    fn from(s: TraceStep) -> Self {
        ApiTraceStep {
            rule: s.rule,
            article: s.article,
            facts: s
                .facts
                .into_iter()
                .map(|f| ApiFact {
                    path: f.path,
                    value: f.value,
                })
                .collect(),
            outcome: wire_name(&s.outcome),
            text: ApiText {
                nl: s.text.nl,
                en: s.text.en,
            },
            findings: s.findings,
        }
    }
}

impl From<TraceView> for ApiTraceStep {
    fn from(s: TraceView) -> Self {
        ApiTraceStep {
            rule: s.rule,
            article: s.article,
            facts: s
                .facts
                .into_iter()
                .map(|f| ApiFact {
                    path: f.path,
                    value: f.value,
                })
                .collect(),
            outcome: s.outcome,
            text: ApiText {
                nl: s.text.nl,
                en: s.text.en,
            },
            findings: s.findings,
        }
    }
}

impl From<Changes> for ApiChanges {
    fn from(c: Changes) -> Self {
        ApiChanges {
            verdict_from: c.verdict_from,
            verdict_to: c.verdict_to,
            obligations_added: c.obligations_added,
            obligations_removed: c.obligations_removed,
            missing_resolved: c.missing_resolved,
            missing_new: c.missing_new,
        }
    }
}
