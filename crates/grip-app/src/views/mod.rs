//! Read models: one use-case function per page that returns everything the page shows, read
//! in one transaction on one connection, with the viewer's permissions worked out once.

pub mod dossier;
pub mod home;
pub mod package;
