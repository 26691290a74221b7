//! The islands of a prerendered page (docs/architecture.md, "Islands"): the page is the
//! HTML the build rendered (`app::render`), and only its interactive parts, the
//! `#[island]` components, run in the browser. They come in a module of their own
//! (`src/bin/islands.rs`), without the app's router, catalog or pages.
//!
//! Every island of a page shares one store, one address and one connection state, made
//! here once. They start as the build rendered them (a reader whose records are unknown,
//! online, no update waiting), so that hydrating finds the page's own HTML; [`live`] then
//! reads the reader's records and starts the worker.

use std::cell::OnceCell;

#[cfg(feature = "hydrate")]
use leptos::prelude::*;

use crate::app::pwa::Pwa;
use crate::app::router::Nav;
use crate::app::store::Store;

#[derive(Clone, Copy)]
struct Page {
    store: Store,
    nav: Nav,
    pwa: Pwa,
}

thread_local! {
    static PAGE: OnceCell<Page> = const { OnceCell::new() };
}

fn page() -> Page {
    PAGE.with(|p| {
        *p.get_or_init(|| Page {
            store: Store::hydrating(),
            nav: Nav::of_document(),
            pwa: Pwa::unstarted(),
        })
    })
}

/// The page's store, for islands (`use_store`).
pub fn store() -> Store {
    page().store
}

/// The page's address, for islands (`use_nav`).
pub fn nav() -> Nav {
    page().nav
}

/// The page's connection and update state, for islands (`use_pwa`).
pub fn pwa() -> Pwa {
    page().pwa
}

/// Before the islands hydrate: the reactive root they hang from, and the page's state
/// made under it, so it outlives any one island.
#[cfg(feature = "hydrate")]
pub fn start() {
    leptos::mount::hydrate_islands();
    page();
}

/// Once every island is hydrated: the reader's records, the connection, the worker;
/// then `#app[data-live]` says the page is live, as the app's does.
#[cfg(feature = "hydrate")]
pub fn live() {
    let Page { store, pwa, .. } = page();
    store.read_records();
    pwa.start();
    if let Some(app) = document().get_element_by_id("app") {
        let _ = app.set_attribute(crate::app::LIVE_MARK, "");
    }
    if let Some(p) = window().performance() {
        let _ = p.mark(crate::domain::home::LIVE_MARK);
    }
}
