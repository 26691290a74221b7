//! The catalog editors' tool.
//!
//! ```text
//! catalog check FILE                 validate; one problem a line, exit 1 on any
//! catalog generate --tools N --seed S  a deterministic synthetic catalog on stdout
//! catalog feed FILE --site-url URL --base PATH
//!                                    the Atom feed of its comparisons and verdict
//!                                    changes on stdout
//! catalog pages DIST --site-url URL --base PATH
//!                                    a static page per route into a built DIST, and
//!                                    the share cards of the tool pages and comparisons
//! catalog split FILE DIR [--above N]  split a large catalog into head, index and tool
//!                                    files in DIR (only when it has more than N tools)
//! catalog stamp FILE                 its digest when valid whole, for the app to read
//!                                    it unchecked (domain::catalog::stamp); else nothing
//! catalog schema [FILE]              the catalog's JSON Schema, for editors
//!                                    (domain::catalog::describe), on stdout or into FILE
//! catalog site [DIST]                everything after Trunk's build (site.rs): Trunk's
//!                                    post_build hook runs it on TRUNK_STAGING_DIR
//! ```

// The tool runs natively (it renders pages with Leptos' ssr feature and runs the wasm
// tools); the wasm unit tests' build compiles every bin for wasm too.
#[cfg(not(target_arch = "wasm32"))]
mod cards;
#[cfg(not(target_arch = "wasm32"))]
mod cli;
#[cfg(not(target_arch = "wasm32"))]
mod site;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
