//! The islands module of a prerendered page (`app::islands`): built by `catalog site`
//! with the `islands` feature, started by the page loader (src/loader.js).

use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
}

/// Draws every island of the page live, then reads the reader's records; throws (and
/// draws none) when one is unknown.
#[wasm_bindgen]
pub fn islands() -> Result<(), String> {
    ship_or_skip::app::islands::islands()
}
