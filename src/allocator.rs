//! The allocator of every wasm module (the app and each kind of page's islands): Talc
//! instead of the standard library's dlmalloc, smaller and faster
//! (docs/architecture.md, "Dependencies and decisions").

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
