//! A document attached to a dossier; its content is stored once per SHA-256. Every document
//! says where it came from: a supplier (which one, and optionally which bid or notice), or
//! the organisation itself (which role wrote it). Only a supplier's own documents may ever be
//! quoted back to that supplier.

use serde::{Deserialize, Serialize};

use crate::Role;
use crate::dossier::FieldError;
use crate::ids::{DocumentId, DossierId, SupplierId};

/// Longest bid or notice reference accepted.
pub const MAX_REFERENCE_CHARS: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Document {
    pub id: DocumentId,
    pub dossier_id: DossierId,
    pub sha256: String,
    pub size: i64,
    pub media_type: String,
    pub original_name: String,
    pub uploaded_by: String,
    pub uploaded_at: i64,
    pub provenance: Provenance,
}

crate::code_enum! {
    /// Where a document came from, as stored.
    pub enum ProvenanceKind {
        Supplier = "supplier",
        Internal = "internal",
        /// Uploaded before Grip recorded provenance; treated as internal (never sent out).
        Unrecorded = "unrecorded",
    }
}

/// A supplier from the catalogue as a document points at it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierRef {
    pub id: SupplierId,
    pub name: String,
}

/// Where a document came from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Provenance {
    /// Sent by a supplier; `reference` names the bid or notice it belongs to (free text).
    Supplier {
        supplier: SupplierRef,
        reference: Option<String>,
    },
    /// Written inside the organisation, by someone in `role`.
    Internal { role: Role },
    /// Stored before provenance was recorded. Never quoted to a supplier.
    #[default]
    Unrecorded,
}

impl Provenance {
    pub fn kind(&self) -> ProvenanceKind {
        match self {
            Provenance::Supplier { .. } => ProvenanceKind::Supplier,
            Provenance::Internal { .. } => ProvenanceKind::Internal,
            Provenance::Unrecorded => ProvenanceKind::Unrecorded,
        }
    }

    /// The supplier who sent the document, if a supplier did.
    pub fn supplier(&self) -> Option<&SupplierRef> {
        match self {
            Provenance::Supplier { supplier, .. } => Some(supplier),
            _ => None,
        }
    }

    pub fn reference(&self) -> Option<&str> {
        match self {
            Provenance::Supplier { reference, .. } => reference.as_deref(),
            _ => None,
        }
    }

    pub fn role(&self) -> Option<Role> {
        match self {
            Provenance::Internal { role } => Some(*role),
            _ => None,
        }
    }

    /// Whether this document may be quoted to `supplier`: only when that supplier sent it.
    pub fn is_from(&self, supplier: &SupplierId) -> bool {
        self.supplier().is_some_and(|s| &s.id == supplier)
    }
}

/// What a person states about a document's origin on upload, before it is checked.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
pub struct ProvenanceInput {
    /// `supplier` or `internal`.
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub supplier_id: Option<String>,
    #[serde(default)]
    pub reference: Option<String>,
    /// A role id such as `jurist`.
    #[serde(default)]
    pub role: Option<String>,
}

/// A checked statement of origin; the supplier still has to be found in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CheckedProvenance {
    Supplier {
        supplier_id: SupplierId,
        reference: Option<String>,
    },
    Internal {
        role: Role,
    },
}

impl CheckedProvenance {
    /// The stored columns: kind, supplier id, reference, role.
    pub fn columns(
        &self,
    ) -> (
        &'static str,
        Option<&str>,
        Option<&str>,
        Option<&'static str>,
    ) {
        match self {
            CheckedProvenance::Supplier {
                supplier_id,
                reference,
            } => (
                ProvenanceKind::Supplier.code(),
                Some(supplier_id.as_str()),
                reference.as_deref(),
                None,
            ),
            CheckedProvenance::Internal { role } => {
                (ProvenanceKind::Internal.code(), None, None, Some(role.id()))
            }
        }
    }

    /// Reads stored columns back; `None` for jobs stored before provenance was recorded.
    pub fn from_columns(
        kind: &str,
        supplier_id: Option<String>,
        reference: Option<String>,
        role: Option<String>,
    ) -> Option<CheckedProvenance> {
        match ProvenanceKind::from_code(kind)? {
            ProvenanceKind::Supplier => Some(CheckedProvenance::Supplier {
                supplier_id: supplier_id?.into(),
                reference,
            }),
            ProvenanceKind::Internal => Some(CheckedProvenance::Internal {
                role: Role::parse(role.as_deref()?)?,
            }),
            ProvenanceKind::Unrecorded => None,
        }
    }
}

fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

impl ProvenanceInput {
    /// A document written inside the organisation by someone in `role`.
    pub fn internal(role: Role) -> Self {
        ProvenanceInput {
            kind: Some(ProvenanceKind::Internal.code().into()),
            role: Some(role.id().into()),
            ..Default::default()
        }
    }

    /// A document sent by the supplier with this id.
    pub fn supplier(supplier_id: &str, reference: Option<&str>) -> Self {
        ProvenanceInput {
            kind: Some(ProvenanceKind::Supplier.code().into()),
            supplier_id: Some(supplier_id.into()),
            reference: reference.map(Into::into),
            ..Default::default()
        }
    }

    /// Checks the statement: a kind is required; a supplier document names its supplier, an
    /// internal one its role; the reference is short single-line text.
    pub fn check(&self) -> Result<CheckedProvenance, FieldError> {
        let kind = present(&self.kind).ok_or_else(|| {
            FieldError::new("provenance", "required", "invalid-provenance-required")
        })?;
        match ProvenanceKind::from_code(kind) {
            Some(ProvenanceKind::Supplier) => {
                let supplier_id = present(&self.supplier_id).ok_or_else(|| {
                    FieldError::new("supplier_id", "required", "invalid-provenance-supplier")
                })?;
                let reference = present(&self.reference).map(str::to_string);
                if let Some(r) = &reference
                    && (r.chars().count() > MAX_REFERENCE_CHARS || r.chars().any(char::is_control))
                {
                    return Err(FieldError::new(
                        "reference",
                        "invalid_reference",
                        "invalid-provenance-reference",
                    )
                    .with("max", MAX_REFERENCE_CHARS));
                }
                Ok(CheckedProvenance::Supplier {
                    supplier_id: supplier_id.into(),
                    reference,
                })
            }
            Some(ProvenanceKind::Internal) => {
                let role = present(&self.role).and_then(Role::parse).ok_or_else(|| {
                    FieldError::new("role", "required", "invalid-provenance-role")
                })?;
                Ok(CheckedProvenance::Internal { role })
            }
            _ => Err(FieldError::new(
                "provenance",
                "unknown_provenance",
                "invalid-provenance-required",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(kind: &str, supplier: &str, reference: &str, role: &str) -> ProvenanceInput {
        let some = |v: &str| (!v.is_empty()).then(|| v.to_string());
        ProvenanceInput {
            kind: some(kind),
            supplier_id: some(supplier),
            reference: some(reference),
            role: some(role),
        }
    }

    #[test]
    fn a_supplier_document_names_its_supplier() {
        assert_eq!(
            input("supplier", "s1", " Inschrijving 2026-04 ", "").check(),
            Ok(CheckedProvenance::Supplier {
                supplier_id: "s1".into(),
                reference: Some("Inschrijving 2026-04".into())
            })
        );
        assert_eq!(
            input("supplier", "", "", "").check().unwrap_err().field,
            "supplier_id"
        );
        let long = "x".repeat(MAX_REFERENCE_CHARS + 1);
        assert_eq!(
            input("supplier", "s1", &long, "").check().unwrap_err().code,
            "invalid_reference"
        );
    }

    #[test]
    fn an_internal_document_names_a_known_role() {
        assert_eq!(
            input("internal", "", "", "jurist").check(),
            Ok(CheckedProvenance::Internal { role: Role::Jurist })
        );
        assert_eq!(
            input("internal", "", "", "koning")
                .check()
                .unwrap_err()
                .field,
            "role"
        );
    }

    #[test]
    fn provenance_is_required_and_unrecorded_cannot_be_chosen() {
        assert_eq!(input("", "", "", "").check().unwrap_err().code, "required");
        assert!(input("unrecorded", "", "", "").check().is_err());
    }

    #[test]
    fn only_the_sending_supplier_may_be_quoted() {
        let from_a = Provenance::Supplier {
            supplier: SupplierRef {
                id: "a".into(),
                name: "A B.V.".into(),
            },
            reference: None,
        };
        assert!(from_a.is_from(&"a".into()));
        assert!(!from_a.is_from(&"b".into()));
        assert!(!Provenance::Internal { role: Role::Jurist }.is_from(&"a".into()));
        assert!(!Provenance::Unrecorded.is_from(&"a".into()));
    }
}
