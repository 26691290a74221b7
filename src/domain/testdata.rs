//! The shipped catalog, for tests that pin its figures.

use super::catalog::model::Catalog;
use super::catalog::validate::load;

pub(crate) const SHIPPED: &str = include_str!("../../public/catalog.json");

pub(crate) fn shipped() -> Catalog {
    let loaded = load(SHIPPED).expect("the shipped catalog loads");
    assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
    loaded.catalog
}
