//! The islands module of a prerendered page (`app::islands`): built by `catalog site`
//! with the `hydrate` feature, started by the page loader (src/loader.js), which calls
//! `start`, then each island's export on its `<leptos-island>`, then `live`.

use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
}

/// Before the islands: the reactive root and the page's state.
#[wasm_bindgen]
pub fn start() {
    ship_or_skip::app::islands::start();
}

/// After the islands: the reader's records, the connection and the worker.
#[wasm_bindgen]
pub fn live() {
    ship_or_skip::app::islands::live();
}
