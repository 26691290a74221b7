//! The floor of home's wasm, step 2 of 3 (`make floor`, scripts/floor.sh): step 1, plus
//! reading the catalog the build checked, as home's module does (`stamp::load_stamped`;
//! the checks of any other catalog are in a chunk of their own). The domain
//! is compiled in from its source, without the app: linking the library would bring the
//! whole app in through its chunks' exports.

use leptos::prelude::*;

// As the library compiles it: items it exports are not dead code here, and clippy spares
// its exported names.
#[allow(dead_code, clippy::enum_variant_names)]
#[path = "../src/domain/mod.rs"]
mod domain;

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
            Some(loaded) => loaded.catalog.tools.len() + query.get().len(),
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
