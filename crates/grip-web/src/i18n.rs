//! Interface texts in Dutch (first) and English. The language comes from the `grip_lang`
//! cookie; templates ask `shell.t` for a key. The texts live in Fluent files under `locales/`
//! (see `catalog`); an unknown key shows `??`, and tests check that every key used by a
//! template or by Rust code exists in both languages.

mod catalog;
mod format;
#[cfg(test)]
mod tests;

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

    /// The text for `key` (`"nav_dossiers"`, `"q.gpai.systemic_risk"`), or `??` if there is none.
    pub fn t(self, key: &str) -> &'static str {
        catalog::get(self)
            .text(&catalog::fluent_id(key))
            .unwrap_or("??")
    }

    /// A text with arguments (`{ $verdict }`) filled in; `??` if there is no such text.
    pub fn format(self, key: &str, args: &fluent_bundle::FluentArgs) -> String {
        self.try_format(key, args).unwrap_or_else(|| "??".into())
    }

    /// Why an input was refused, in this language: the error's text from `errors.ftl` with its
    /// arguments filled in (its code if the text is missing, which a test rules out).
    pub fn field_error(self, e: &grip_core::dossier::FieldError) -> String {
        let mut args = fluent_bundle::FluentArgs::new();
        for (name, value) in &e.args {
            args.set(*name, value.as_str());
        }
        self.try_format(e.text, &args)
            .unwrap_or_else(|| e.code.to_string())
    }

    /// A message that takes arguments, formatted in this language; `None` without such a
    /// message.
    pub fn try_format(self, key: &str, args: &fluent_bundle::FluentArgs) -> Option<String> {
        catalog::get(self).format(&catalog::fluent_id(key), args)
    }

    /// The text for `key` with named arguments filled in (`??` if there is none).
    pub fn t_with(self, key: &str, args: &[(&str, &str)]) -> String {
        let mut fluent_args = fluent_bundle::FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, *value);
        }
        self.format(key, &fluent_args)
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
