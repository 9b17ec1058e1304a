//! The `grip` command line. Every command that touches data goes through grip-app, like the
//! web server does.

pub mod cli;
