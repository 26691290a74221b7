//! Home's first view, without Leptos (docs/architecture.md, "The first view"): a small wasm module that
//! makes the static home page (`catalog pages`: the Leptos home rendered at build time) live. It reads the
//! catalog the build checked, searches, filters and sorts it, and keeps the reader's
//! bookmarks, weights and theme, with web-sys alone.
//!
//! Everything else is the app's (`src/app`, its own module): the first link to another
//! page, or anything home does not do here (a catalog the build did not check, a split
//! catalog, saved data to recover, going offline, a new version waiting), hands the page
//! over to it (`handover`). The app then mounts beside this page and replaces it, as it
//! replaces every static page.
//!
//! The domain is compiled in from its source, as `make floor`'s probes do: linking the
//! library would link the whole app through its chunks' exports.

// As the library compiles it: items it exports are not dead code here, and clippy spares
// its exported names.
#[allow(dead_code, clippy::enum_variant_names)]
#[path = "../domain/mod.rs"]
mod domain;

/// The list's lines, drawn and updated by hand: the same code as the app's home.
#[path = "../app/components/rows.rs"]
mod rows;

/// Which clicks are the router's: the same rule as the app's router.
#[path = "../app/links.rs"]
mod links;

/// The same allocator as the app's.
#[path = "../allocator.rs"]
mod allocator;

mod handover;
mod home;
mod saved;

/// The service worker's registration: the same code as the app's.
#[path = "../app/worker.rs"]
mod worker;

fn main() {
    wasm_bindgen_futures::spawn_local(home::start());
}
