//! The allocator of every wasm module (the app, the islands, home's first view): Talc
//! instead of the standard library's dlmalloc, smaller and faster
//! (docs/architecture.md, "Dependencies and decisions").

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
