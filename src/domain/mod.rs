//! The domain: pure Rust, free of web-sys, tested with plain `cargo test`.
//!
//! Its folders are layers, each using only layers below it: `base` < `catalog` < `panel`
//! < `reader`, `explore` < `publish`, where `reader` and `explore` do not use each other
//! and `publish` does not use `reader`. `home` and `prerender` use them all. The `layers`
//! test reads the sources and holds every folder to this.

pub mod base;
pub mod catalog;
pub mod explore;
pub mod panel;
pub mod publish;
pub mod reader;

pub mod home;
pub mod prerender;

#[cfg(test)]
mod layers;
#[cfg(test)]
pub(crate) mod testdata;
