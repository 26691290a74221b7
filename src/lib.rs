//! Ship or Skip: which AI tool should you ship with?
//!
//! `domain` is pure Rust (catalog model, validation, verdict arithmetic, browse, routes,
//! storage schema) tested natively; `app` holds the Leptos views.

pub mod app;
pub mod domain;
