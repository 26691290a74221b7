//! The floor of home's wasm, step 3 of 3 (`make floor`, scripts/floor.sh): step 2, plus
//! searching the catalog as home does (`SearchIndex`, `browse_from`).

use leptos::prelude::*;

// As the library compiles it: items it exports are not dead code here, and clippy spares
// its exported names.
#[allow(dead_code, clippy::enum_variant_names)]
#[path = "../src/domain/mod.rs"]
mod domain;

use domain::explore::browse::{browse_from, BrowseQuery};
use domain::explore::search::SearchIndex;

fn main() {
    let text = window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item("catalog").ok().flatten())
        .unwrap_or_default();
    let stamp = document().title();
    let (query, set_query) = signal(String::new());
    let shown = Memo::new(
        move |_| match domain::catalog::stamp::load_stamped(&text, &stamp) {
            Some(loaded) => {
                let index = SearchIndex::weighted(&loaded.catalog, None);
                let q = BrowseQuery::from_query(&query.get());
                browse_from(&loaded.catalog, &index, &q, 50, None).total()
            }
            None => 0,
        },
    );
    leptos::mount::mount_to_body(move || {
        view! {
            <input on:input=move |ev| set_query.set(event_target_value(&ev))/>
            <p>{move || shown.get()}</p>
        }
    });
}
