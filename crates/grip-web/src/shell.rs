//! What every page's frame needs: language, who is signed in, which menu item is active.

use crate::auth::Viewer;
use crate::i18n::Lang;
use grip_app::{Action, Role};
use grip_core::dossier::DossierStatus;

pub struct Shell {
    pub lang: Lang,
    pub username: String,
    pub roles: Vec<Role>,
    pub nav: &'static str,
    pub path: String,
}

impl Shell {
    pub fn new(viewer: &Viewer, nav: &'static str, path: &str) -> Shell {
        Shell {
            lang: viewer.lang,
            username: viewer.actor.username.clone(),
            roles: viewer.actor.roles.clone(),
            nav,
            path: path.into(),
        }
    }

    pub fn anonymous(lang: Lang, path: &str) -> Shell {
        Shell {
            lang,
            username: String::new(),
            roles: Vec::new(),
            nav: "",
            path: path.into(),
        }
    }

    pub fn t(&self, key: &str) -> &'static str {
        self.lang.t(key)
    }

    pub fn signed_in(&self) -> bool {
        !self.username.is_empty()
    }

    pub fn may(&self, action: Action) -> bool {
        self.roles.iter().any(|r| action.granted_to().contains(r))
    }

    pub fn may_manage_users(&self) -> bool {
        self.may(Action::ManageUsers)
    }

    pub fn may_verify_audit(&self) -> bool {
        self.may(Action::VerifyAudit)
    }

    pub fn role_labels(&self) -> String {
        self.roles
            .iter()
            .map(|r| self.lang.role_id(r.id()))
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn other_lang(&self) -> &'static str {
        match self.lang {
            Lang::Nl => "en",
            Lang::En => "nl",
        }
    }

    pub fn phase(&self, phase: &grip_core::Phase) -> &'static str {
        self.lang.phase(*phase)
    }

    pub fn status(&self, status: &DossierStatus) -> &'static str {
        match status {
            DossierStatus::Active => self.t("status_active"),
            DossierStatus::OnHold => self.t("status_on_hold"),
            DossierStatus::Closed => self.t("status_closed"),
        }
    }

    pub fn when(&self, ms: &i64) -> String {
        grip_app::format_ms(*ms)
    }

    /// An amount in euro with thousands separators in the interface language.
    pub fn euro(&self, amount: &i64) -> String {
        let digits = amount.unsigned_abs().to_string();
        let separator = if self.lang == Lang::Nl { '.' } else { ',' };
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(separator);
            }
            grouped.push(c);
        }
        let sign = if *amount < 0 { "-" } else { "" };
        format!("€ {sign}{grouped}")
    }

    /// The name in the interface language, for things stored with both.
    pub fn pick<'a>(&self, nl: &'a str, en: &'a str) -> &'a str {
        if self.lang == Lang::En { en } else { nl }
    }

    pub fn same(&self, a: &str, b: &str) -> bool {
        a == b
    }

    pub fn current(&self, nav: &str) -> &'static str {
        if self.nav == nav { "page" } else { "false" }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_grouped_per_language() {
        let mut shell = Shell::anonymous(Lang::Nl, "/");
        assert_eq!(shell.euro(&96_500_000), "€ 96.500.000");
        assert_eq!(shell.euro(&950), "€ 950");
        shell.lang = Lang::En;
        assert_eq!(shell.euro(&1_000), "€ 1,000");
    }
}
