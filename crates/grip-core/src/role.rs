//! The roles a person can hold in Grip. A person may hold several; rights follow from them
//! (see `rights`). Identifiers are the Dutch role names the organisation uses.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Inkoper,
    Behoeftesteller,
    Contractmanager,
    Jurist,
    Privacy,
    Security,
    AiExpert,
    Beoordelaar,
    Beheerder,
    Auditor,
}

impl Role {
    pub const ALL: [Role; 10] = [
        Role::Inkoper,
        Role::Behoeftesteller,
        Role::Contractmanager,
        Role::Jurist,
        Role::Privacy,
        Role::Security,
        Role::AiExpert,
        Role::Beoordelaar,
        Role::Beheerder,
        Role::Auditor,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Role::Inkoper => "inkoper",
            Role::Behoeftesteller => "behoeftesteller",
            Role::Contractmanager => "contractmanager",
            Role::Jurist => "jurist",
            Role::Privacy => "privacy",
            Role::Security => "security",
            Role::AiExpert => "ai-expert",
            Role::Beoordelaar => "beoordelaar",
            Role::Beheerder => "beheerder",
            Role::Auditor => "auditor",
        }
    }

    pub fn parse(id: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.id() == id.trim())
    }

    pub fn label_nl(self) -> &'static str {
        match self {
            Role::Inkoper => "Inkoper",
            Role::Behoeftesteller => "Behoeftesteller",
            Role::Contractmanager => "Contractmanager",
            Role::Jurist => "Jurist",
            Role::Privacy => "Privacy-adviseur",
            Role::Security => "Informatiebeveiliger",
            Role::AiExpert => "AI-expert",
            Role::Beoordelaar => "Beoordelaar",
            Role::Beheerder => "Beheerder",
            Role::Auditor => "Auditor",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Role::Inkoper => "Buyer",
            Role::Behoeftesteller => "Requester",
            Role::Contractmanager => "Contract manager",
            Role::Jurist => "Legal adviser",
            Role::Privacy => "Privacy officer",
            Role::Security => "Security officer",
            Role::AiExpert => "AI expert",
            Role::Beoordelaar => "Assessor",
            Role::Beheerder => "Administrator",
            Role::Auditor => "Auditor",
        }
    }
}

/// Parses a comma-separated role list such as `inkoper,jurist`; names the first unknown role.
pub fn parse_role_list(text: &str) -> Result<Vec<Role>, String> {
    let mut roles = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let role = Role::parse(part).ok_or_else(|| {
            let known: Vec<&str> = Role::ALL.iter().map(|r| r.id()).collect();
            format!("unknown role '{part}'; known roles: {}", known.join(", "))
        })?;
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
    if roles.is_empty() {
        return Err("at least one role is required".into());
    }
    roles.sort();
    Ok(roles)
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_ids_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.id()), Some(role));
        }
        assert_eq!(Role::parse("koning"), None);
    }

    #[test]
    fn role_list_names_the_unknown_role() {
        assert_eq!(
            parse_role_list("jurist, inkoper,jurist").unwrap(),
            vec![Role::Inkoper, Role::Jurist]
        );
        let err = parse_role_list("inkoper,baas").unwrap_err();
        assert!(err.contains("'baas'"), "{err}");
        assert!(parse_role_list(" , ").is_err());
    }
}
