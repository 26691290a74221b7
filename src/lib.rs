//! Ship or Skip: which AI tool should you ship with?
//!
//! `domain` is pure Rust (catalog model, validation, verdict arithmetic, browse, routes,
//! storage schema) tested natively; `app` holds the Leptos views.

// The native (ssr) build of the views nests types deeper than the default limit.
#![recursion_limit = "256"]
mod allocator;
pub mod app;
pub mod domain;
