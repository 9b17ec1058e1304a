//! The award step: bids answering a frozen package version, independent scores and their
//! consensus, and decision records whose sign-offs seal them.

pub mod agreement;
pub mod bid;
pub mod decision;
pub mod events;
pub mod ranking;
pub mod scoring;
