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
    /// The organisation's name for the header and footer (empty before setup).
    pub organisation: String,
    /// Open escalations waiting for the signed-in person.
    pub inbox: i64,
}

impl Shell {
    pub fn new(viewer: &Viewer, nav: &'static str, path: &str) -> Shell {
        Shell {
            lang: viewer.lang,
            username: viewer.actor.username.clone(),
            roles: viewer.actor.roles.clone(),
            nav,
            path: path.into(),
            organisation: viewer.organisation.clone(),
            inbox: viewer.inbox,
        }
    }

    pub fn anonymous(lang: Lang, path: &str) -> Shell {
        Shell {
            lang,
            username: String::new(),
            roles: Vec::new(),
            nav: "",
            path: path.into(),
            organisation: String::new(),
            inbox: 0,
        }
    }

    /// The same frame, naming the organisation (for pages shown before sign-in).
    pub fn at_organisation(mut self, name: String) -> Shell {
        self.organisation = name;
        self
    }

    /// The organisation's name, or Grip's own before there is one.
    pub fn organisation(&self) -> &str {
        if self.organisation.is_empty() {
            "Grip"
        } else {
            &self.organisation
        }
    }

    pub fn version(&self) -> &'static str {
        env!("CARGO_PKG_VERSION")
    }

    /// The menu section this page belongs to, as (link, name), for the breadcrumbs; none on
    /// the home page.
    pub fn section(&self) -> Option<(&'static str, &'static str)> {
        let href = match self.nav {
            "dossiers" => "/dossiers",
            "categories" => "/categories",
            "suppliers" => "/suppliers",
            "inventory" => "/inventory",
            "audit" => "/audit",
            "users" => "/users",
            "settings" => "/settings",
            _ => return None,
        };
        Some((href, self.t(&format!("nav_{}", self.nav))))
    }

    /// Whether this page is the one at `href` (then its breadcrumb is not a link).
    pub fn at(&self, href: &str) -> bool {
        self.path.split(['?', '#']).next() == Some(href)
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

    /// A moment in the reader's notation (`7 december 2026 05:40`).
    pub fn when(&self, ms: &i64) -> String {
        self.lang.date_time(*ms)
    }

    /// A whole number with thousands grouped (`12.345`).
    pub fn count(&self, n: &i64) -> String {
        self.lang.integer(*n)
    }

    /// How likely a category's products carry AI, in words (`hoog`).
    pub fn exposure(&self, exposure: &grip_core::catalogue::Exposure) -> &'static str {
        self.t(&format!("exposure_{}", exposure.code()))
    }

    /// A document's kind in words (`PDF`, `Word-document`) rather than its media type.
    pub fn media_type(&self, media_type: &str) -> &'static str {
        self.t(match media_type {
            "application/pdf" => "media_pdf",
            "text/plain" => "media_text",
            "text/markdown" => "media_markdown",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => {
                "media_docx"
            }
            "application/vnd.oasis.opendocument.text" => "media_odt",
            "application/zip" => "media_zip",
            _ => "media_other",
        })
    }

    /// A file size in bytes, kB or MB (`12,3 kB`).
    pub fn bytes(&self, size: &i64) -> String {
        match *size {
            n if n < 1000 => format!("{} {}", self.lang.integer(n), self.t("unit_bytes")),
            n if n < 1_000_000 => format!("{} kB", self.lang.decimal(n as f64 / 1e3, 1)),
            n => format!("{} MB", self.lang.decimal(n as f64 / 1e6, 1)),
        }
    }

    /// An amount in euro with thousands separators in the interface language.
    pub fn euro(&self, amount: &i64) -> String {
        format!("€ {}", self.lang.integer(*amount))
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

    #[test]
    fn codes_are_shown_as_words() {
        use grip_core::catalogue::Exposure;
        let mut shell = Shell::anonymous(Lang::Nl, "/");
        assert_eq!(shell.exposure(&Exposure::High), "hoog");
        assert_eq!(shell.exposure(&Exposure::None), "geen");
        assert_eq!(shell.media_type("application/pdf"), "PDF");
        assert_eq!(shell.media_type("application/x-unknown"), "Ander bestand");
        assert_eq!(shell.bytes(&950), "950 bytes");
        assert_eq!(shell.bytes(&12_345), "12,3 kB");
        shell.lang = Lang::En;
        assert_eq!(shell.exposure(&Exposure::Medium), "medium");
        assert_eq!(shell.bytes(&2_500_000), "2.5 MB");
    }

    #[test]
    fn breadcrumbs_know_the_section_and_the_current_page() {
        let mut shell = Shell::anonymous(Lang::Nl, "/dossiers?page=2");
        assert_eq!(shell.section(), None);
        shell.nav = "dossiers";
        assert_eq!(shell.section(), Some(("/dossiers", "Dossiers")));
        assert!(shell.at("/dossiers"));
        shell.path = "/dossiers/abc".into();
        assert!(!shell.at("/dossiers"));
        assert_eq!(shell.organisation(), "Grip");
    }
}
