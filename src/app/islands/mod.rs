//! The islands of a prerendered page (docs/architecture.md, "Islands"): the page is the
//! HTML the build rendered (`app::render`), and only its interactive parts run in the
//! browser. The build marks each in the HTML, an `#[island]` natively: a
//! `<leptos-island>` naming its component, with its props as JSON. In the browser they
//! come in a module of their own (`src/bin/islands.rs`), without the app's router,
//! catalog or pages, which draws each marked component again in place, from its props,
//! in the state the build drew it in: the same HTML, now live.
//!
//! Every island of a page shares one store, one address and one connection state, made
//! here once. They start as the build rendered them (a reader whose records are unknown,
//! online, no update waiting); `mount::live` then reads the reader's records and starts
//! the worker, and the islands follow.
//!
//! - `props`: each island's props, read from the page;
//! - `mount`: the islands drawn at once, then the page made live;
//! - `later`: the islands drawn from the module's chunk only once the page needs them;
//! - `catalog`: the catalog home's islands search, fetched by that chunk.

use std::cell::OnceCell;

use crate::app::pwa::Pwa;
use crate::app::router::Nav;
use crate::app::store::Store;

/// The islands modules, one per kind of page (`data-islands` names it), each with the
/// islands of its kind: a page downloads only its own kind's code. The module of a kind
/// other than "tool" is built with the Cargo feature `islands-<kind>`.
pub const MODULES: [(&str, &[&[&str]]); 4] = [
    ("home", &[&SHELL, &HOME]),
    ("tool", &[&SHELL, &TOOL]),
    ("compare", &[&SHELL, &TOOL, &COMPARE]),
    ("reviewer", &[&SHELL, &TOOL, &REVIEWER]),
];

/// The site header's and frame's islands, which every module draws (the build names each
/// `Component_<hash of its source>`).
const SHELL: [&str; 3] = ["Header", "Notices", "ShortcutKeys"];

/// Home's own islands: the catalog's search, facets and list, and the bookmarks panel.
const HOME: [&str; 2] = ["Browse", "BookmarksPanel"];

/// A tool page's islands, which the comparison's and the reviewer page's modules draw too.
const TOOL: [&str; 5] = [
    "BookmarkButton",
    "VoteButtons",
    "CommunityLine",
    "CopyField",
    "PickerSelect",
];

/// A comparison's own islands.
const COMPARE: [&str; 5] = [
    "WeightsPanel",
    "WeightsNotice",
    "DecisionTable",
    "WhichWouldYouShip",
    "BookmarksPanel",
];

/// A reviewer page's own islands.
const REVIEWER: [&str; 3] = ["TrustButton", "WeightsNotice", "ReviewerList"];

/// Whether the islands module of `kind` draws the component `name`.
pub fn draws(kind: &str, name: &str) -> bool {
    MODULES
        .iter()
        .any(|(k, lists)| *k == kind && lists.iter().any(|l| l.contains(&name)))
}

/// The component an island's name (`data-component`) names.
pub fn component(island: &str) -> &str {
    island.split('_').next().unwrap_or_default()
}

/// The state every island of the page shares.
#[derive(Clone, Copy)]
pub(crate) struct Page {
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
            store: Store::unread(),
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

#[cfg(feature = "islands-home")]
mod catalog;
#[cfg(feature = "islands")]
mod later;
#[cfg(feature = "islands")]
mod mount;
#[cfg(feature = "islands")]
mod props;

#[cfg(feature = "islands")]
pub use mount::islands;
