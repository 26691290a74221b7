//! The floor of home's wasm, step 1 of 3 (`make floor`, scripts/floor.sh): Leptos alone,
//! mounting an input whose text a memo turns into a paragraph.

use leptos::prelude::*;

fn main() {
    let text = window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item("catalog").ok().flatten())
        .unwrap_or_default();
    let (query, set_query) = signal(String::new());
    let shown = Memo::new(move |_| text.len() + query.get().len());
    leptos::mount::mount_to_body(move || {
        view! {
            <input on:input=move |ev| set_query.set(event_target_value(&ev))/>
            <p>{move || shown.get()}</p>
        }
    });
}
