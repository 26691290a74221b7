//! The domain: pure Rust, free of web-sys, tested with plain `cargo test`.

pub mod browse;
pub mod chart;
pub mod disagreement;
pub mod feed;
pub mod fold;
pub mod guard;
pub mod home;
pub mod jsonpos;
pub mod listing;
pub mod model;
pub mod opendata;
pub mod order;
pub mod prerender;
pub mod routes;
pub mod search;
pub mod split;
pub mod stamp;
pub mod store;
pub mod summary;
pub mod synth;
pub mod typing;
pub mod validate;
pub mod verdict;
pub mod weights;

#[cfg(test)]
pub(crate) mod testdata;
