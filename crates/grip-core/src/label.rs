//! Data classification labels, lowest to highest. A dossier's label decides who may read it
//! and what may leave the building.

crate::code_enum! {
    pub enum DataLabel {
        Public = "Openbaar",
        Internal = "Politie Intern",
        Confidential = "Politie Vertrouwelijk",
        Secret = "Politie Geheim",
    }
}

impl Default for DataLabel {
    fn default() -> Self {
        DataLabel::Internal
    }
}
