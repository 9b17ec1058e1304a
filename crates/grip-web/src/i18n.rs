//! Interface texts in Dutch (first) and English. The language comes from the `grip_lang`
//! cookie; templates ask `shell.t("key")`. Unknown keys show the key, and a test checks
//! that every key used by a template exists.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// The same language for texts that come from the knowledge packs.
    pub fn into_knowledge(self) -> grip_app::classification::Lang {
        match self {
            Lang::Nl => grip_app::classification::Lang::Nl,
            Lang::En => grip_app::classification::Lang::En,
        }
    }

    pub fn t(self, key: &str) -> &'static str {
        let mut all = TEXTS
            .iter()
            .chain(crate::i18n_classify::TEXTS)
            .chain(crate::i18n_screen::TEXTS)
            .chain(crate::i18n_package::TEXTS);
        match all.find(|(k, _, _)| *k == key) {
            Some((_, nl, en)) => match self {
                Lang::Nl => nl,
                Lang::En => en,
            },
            None => "??",
        }
    }

    /// The Dutch or the English of a pair of texts.
    pub fn pick<'a>(self, nl: &'a str, en: &'a str) -> &'a str {
        if self == Lang::En { en } else { nl }
    }

    pub fn phase(self, phase: grip_core::Phase) -> &'static str {
        match self {
            Lang::Nl => phase.label_nl(),
            Lang::En => phase.label_en(),
        }
    }

    /// Label for a stored phase id (unknown ids are shown as they are).
    pub fn phase_id(self, id: &str) -> String {
        grip_core::Phase::parse(id)
            .map(|p| self.phase(p).to_string())
            .unwrap_or_else(|| id.into())
    }

    pub fn role_id(self, id: &str) -> String {
        match grip_core::Role::parse(id) {
            Some(r) if self == Lang::Nl => r.label_nl().into(),
            Some(r) => r.label_en().into(),
            None => id.into(),
        }
    }
}

pub const TEXTS: &[(&str, &str, &str)] = &[
    (
        "app_tagline",
        "Grip op AI in wat de politie inkoopt",
        "Control over AI in what the police buy",
    ),
    ("skip", "Naar de inhoud", "Skip to content"),
    ("nav_dashboard", "Overzicht", "Dashboard"),
    ("nav_dossiers", "Dossiers", "Dossiers"),
    ("nav_categories", "Categorieën", "Categories"),
    ("nav_suppliers", "Leveranciers", "Suppliers"),
    ("nav_inventory", "Inventaris", "Inventory"),
    ("nav_users", "Gebruikers", "Users"),
    ("nav_audit", "Audittrail", "Audit trail"),
    ("sign_in", "Inloggen", "Sign in"),
    ("sign_out", "Uitloggen", "Sign out"),
    ("username", "Gebruikersnaam", "Username"),
    ("password", "Wachtwoord", "Password"),
    (
        "sign_in_failed",
        "Onbekende gebruikersnaam of onjuist wachtwoord.",
        "Unknown username or wrong password.",
    ),
    ("signed_in_as", "Ingelogd als", "Signed in as"),
    ("language", "Language: English", "Taal: Nederlands"),
    (
        "dossiers_per_phase",
        "Dossiers per fase",
        "Dossiers per phase",
    ),
    ("recent_activity", "Recente activiteit", "Recent activity"),
    ("new_dossier", "Nieuw dossier", "New dossier"),
    ("search", "Zoeken", "Search"),
    (
        "search_placeholder",
        "Zoek op titel of omschrijving",
        "Search title or description",
    ),
    ("all_phases", "Alle fasen", "All phases"),
    ("all_categories", "Alle categorieën", "All categories"),
    ("filter", "Filteren", "Filter"),
    ("title", "Titel", "Title"),
    ("description", "Omschrijving", "Description"),
    ("category", "Categorie", "Category"),
    ("phase", "Fase", "Phase"),
    ("status", "Status", "Status"),
    ("label", "Rubricering", "Classification"),
    ("requester", "Aanvrager", "Requester"),
    ("updated", "Gewijzigd", "Updated"),
    ("created", "Aangemaakt", "Created"),
    ("value", "Geraamde waarde (EUR)", "Estimated value (EUR)"),
    ("none", "geen", "none"),
    ("results", "resultaten", "results"),
    ("page", "Pagina", "Page"),
    ("previous", "Vorige", "Previous"),
    ("next", "Volgende", "Next"),
    (
        "no_dossiers",
        "Geen dossiers gevonden.",
        "No dossiers found.",
    ),
    ("members", "Leden", "Members"),
    ("suppliers", "Leveranciers", "Suppliers"),
    ("documents", "Documenten", "Documents"),
    ("no_documents", "Nog geen documenten.", "No documents yet."),
    ("history", "Geschiedenis", "History"),
    ("edit", "Bewerken", "Edit"),
    ("save", "Opslaan", "Save"),
    ("cancel", "Annuleren", "Cancel"),
    ("create", "Aanmaken", "Create"),
    ("move_to", "Naar volgende fase", "Move to next phase"),
    (
        "final_phase",
        "Dit dossier staat in de laatste fase.",
        "This dossier is in its final phase.",
    ),
    ("upload", "Uploaden", "Upload"),
    ("upload_document", "Document toevoegen", "Add a document"),
    (
        "upload_hint",
        "PDF, DOCX, ODT, HTML, TXT of Markdown; hoogstens 25 MB.",
        "PDF, DOCX, ODT, HTML, TXT or Markdown; at most 25 MB.",
    ),
    ("file", "Bestand", "File"),
    ("size", "Grootte", "Size"),
    ("type", "Type", "Type"),
    ("uploaded", "Geüpload", "Uploaded"),
    (
        "read_only",
        "U kunt dit dossier alleen inzien.",
        "You can only view this dossier.",
    ),
    ("cpv", "CPV-codes", "CPV codes"),
    ("exposure", "AI-blootstelling", "AI exposure"),
    ("reason", "Reden", "Reason"),
    ("name", "Naam", "Name"),
    ("kvk", "KvK-nummer", "Chamber of Commerce no."),
    ("city", "Plaats", "City"),
    ("add_supplier", "Leverancier toevoegen", "Add supplier"),
    ("add_item", "Systeem toevoegen", "Add system"),
    ("supplier", "Leverancier", "Supplier"),
    ("dossier", "Dossier", "Dossier"),
    ("source", "Bron", "Source"),
    ("organisation", "Organisatie", "Organisation"),
    ("roles", "Rollen", "Roles"),
    ("add_user", "Gebruiker toevoegen", "Add user"),
    ("display_name", "Weergavenaam", "Display name"),
    ("set_roles", "Rollen opslaan", "Save roles"),
    ("verify_chain", "Keten controleren", "Verify chain"),
    (
        "chain_intact",
        "De auditketen is intact",
        "The audit chain is intact",
    ),
    (
        "chain_broken",
        "De auditketen is verbroken",
        "The audit chain is broken",
    ),
    ("events", "gebeurtenissen", "events"),
    ("actor", "Door", "By"),
    ("when", "Wanneer", "When"),
    ("what", "Wat", "What"),
    ("details", "Details", "Details"),
    ("error", "Fout", "Error"),
    (
        "forbidden",
        "U heeft geen recht om dit te doen.",
        "You do not have the right to do this.",
    ),
    ("not_found", "Niet gevonden.", "Not found."),
    ("back", "Terug", "Back"),
    (
        "fix_errors",
        "Verbeter de gemarkeerde velden.",
        "Please correct the marked fields.",
    ),
    (
        "demo_notice",
        "Demonstratieomgeving: alle gegevens zijn verzonnen.",
        "Demo environment: all data is fictional.",
    ),
    (
        "search_inventory",
        "Zoek op naam of organisatie",
        "Search name or organisation",
    ),
    ("add_member", "Lid toevoegen", "Add member"),
    ("role", "Rol", "Role"),
    ("add", "Toevoegen", "Add"),
    ("status_active", "Actief", "Active"),
    ("status_on_hold", "Gepauzeerd", "On hold"),
    ("status_closed", "Afgesloten", "Closed"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_both_languages_filled() {
        let mut seen = std::collections::HashSet::new();
        for (key, nl, en) in TEXTS
            .iter()
            .chain(crate::i18n_classify::TEXTS)
            .chain(crate::i18n_screen::TEXTS)
            .chain(crate::i18n_package::TEXTS)
        {
            assert!(seen.insert(key), "duplicate key {key}");
            assert!(!nl.is_empty() && !en.is_empty(), "{key}");
        }
        assert_eq!(Lang::En.t("nav_dossiers"), "Dossiers");
        assert_eq!(Lang::Nl.t("no-such-key"), "??");
    }

    #[test]
    fn every_key_used_in_a_template_exists() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/templates");
        let mut stack = vec![std::path::PathBuf::from(dir)];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for part in text.split(".t(\"").skip(1) {
                let key = part.split('"').next().unwrap();
                assert_ne!(
                    Lang::Nl.t(key),
                    "??",
                    "{} uses unknown key {key}",
                    path.display()
                );
            }
        }
    }
}
