//! The floor of home's wasm, step 2 of 3 (`make floor`, scripts/floor.sh): step 1, plus
//! reading and validating a catalog as the app does (`validate::load_served`). The domain
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
    let (query, set_query) = signal(String::new());
    let shown = Memo::new(move |_| match domain::validate::load_served(&text) {
        Ok(loaded) => loaded.catalog.tools.len() + query.get().len(),
        Err(e) => e.to_string().len(),
    });
    leptos::mount::mount_to_body(move || {
        view! {
            <input on:input=move |ev| set_query.set(event_target_value(&ev))/>
            <p>{move || shown.get()}</p>
        }
    });
}
