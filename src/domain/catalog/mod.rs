//! The catalog: its schema, read from JSON by hand, checked, limited, split into files and
//! stamped; synthetic catalogs and JSON positions for the `catalog` tool. Depends on `base`.

// The catalog's JSON Schema, for editors (`catalog schema`): not in the app's wasm.
#[cfg(not(target_arch = "wasm32"))]
pub mod describe;
pub mod guard;
pub mod jsonpos;
pub mod model;
pub mod problem;
pub mod split;
pub mod stamp;
pub mod synth;
pub mod typing;
pub mod validate;
