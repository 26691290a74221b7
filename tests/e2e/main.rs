//! End-to-end: the release build served under `/ship-or-skip/` like GitHub Pages,
//! driven as a reader would in Chromium, Firefox ESR and WebKitGTK, one engine after
//! another. Run by `make test`.
//!
//! Every scenario has a name, `area::name`, the area being its file here. Each selected
//! engine's browser starts once and runs the selected scenarios one after another; a
//! failure is named with its engine and scenario, and every other scenario and engine
//! still runs. The run ends with the line `N passed, N failed`.
//!
//! Selecting (harness.rs):
//! - `E2E_ONLY=seed_comparisons,storage` runs the scenarios whose name or area starts with
//!   one of the comma-separated words;
//! - `cargo test --test e2e -- seed_comparisons` runs those whose `area::name` contains
//!   the filter (`--exact`, `--skip`, `--list`, `--ignored` and `--include-ignored` as
//!   with libtest);
//! - `E2E_ENGINES=firefox,webkit` narrows the engines.

#![cfg(not(target_arch = "wasm32"))]

#[path = "../support/mod.rs"]
mod support;

mod harness;

mod budgets;
mod catalogs;
mod compare;
mod docs;
mod home;
mod html;
mod offline;
mod pages;
mod search;
mod storage;

use std::future::Future;
use std::pin::Pin;

use harness::{Entry, Run};

/// What a scenario does, borrowing the browser it runs in.
pub type Steps<'a> = Pin<Box<dyn Future<Output = ()> + 'a>>;

/// An entry named after its function: `scenario!(area::name, Kind)`, and `ignored` for
/// one that runs only when asked (`--ignored`).
macro_rules! scenario {
    ($area:ident :: $name:ident, $run:ident) => {
        scenario!($area::$name, $run, false)
    };
    ($area:ident :: $name:ident, $run:ident, ignored) => {
        scenario!($area::$name, $run, true)
    };
    ($area:ident :: $name:ident, $run:ident, $ignored:expr) => {
        Entry {
            area: stringify!($area),
            name: stringify!($name),
            run: Run::$run($area::$name),
            ignored: $ignored,
        }
    };
}

/// Every scenario, in the order they run. Those of one engine share its browser: each
/// starts with an empty localStorage, one window of 1280×900 and the files as built (the
/// harness puts them back), and on whatever page the one before left.
const SCENARIOS: &[Entry] = &[
    // The built files, no browser.
    scenario!(pages::static_routes, Files),
    scenario!(pages::unknown_paths_404, Files),
    // In every engine.
    scenario!(compare::seed_comparisons, Engines),
    scenario!(compare::non_curated_pairs, Engines),
    scenario!(pages::unknown_pages, Engines),
    scenario!(pages::tool_page, Engines),
    scenario!(pages::reviewer_page, Engines),
    scenario!(search::search_from_url, Engines),
    scenario!(pages::deep_link_reload, Engines),
    scenario!(search::list_lines, Engines),
    scenario!(search::show_more, Engines),
    scenario!(storage::bookmark_and_vote, Engines),
    scenario!(storage::corrupted_storage, Engines),
    scenario!(catalogs::broken_catalogs, Engines),
    scenario!(catalogs::split_catalog, Engines),
    scenario!(compare::compare_pick, Engines),
    scenario!(compare::islands_on_need, Engines),
    scenario!(compare::search_picker, Engines),
    scenario!(compare::compare_three_way, Engines),
    scenario!(storage::persona_weights, Engines),
    scenario!(compare::disagreement, Engines),
    scenario!(compare::score_charts, Engines),
    scenario!(pages::badges_and_open_data, Engines),
    scenario!(search::keyboard_shortcuts, Engines),
    scenario!(offline::offline_copy, Engines),
    scenario!(pages::prerendered_takeover, Engines),
    scenario!(pages::prerendered_layout, Engines),
    scenario!(pages::islands_trap, Engines),
    scenario!(pages::islands_replay, Engines),
    scenario!(pages::islands_early_press, Engines),
    scenario!(home::home_islands, Engines),
    scenario!(home::chunks_on_demand, Engines),
    scenario!(catalogs::hostile_catalog, Engines),
    scenario!(catalogs::skipped_in_the_build, Engines),
    scenario!(storage::other_tabs, Engines),
    scenario!(storage::export_import, Engines),
    scenario!(html::live_states, Engines),
    scenario!(docs::screenshots, Engines, ignored),
    // In Chromium's browser, whatever E2E_ENGINES says (DevTools printing).
    scenario!(compare::print_one_page, Chromium),
    // Chromium's Resource Timing: what a landing page fetches (the size budgets).
    scenario!(budgets::landing_pages, Chromium),
    // Chromium's paint timing: a link followed, click to painted frame (reported).
    scenario!(budgets::navigation_paint, Chromium),
    // Chromium again, each from its own copy of a build (it deploys into it).
    scenario!(offline::offline_update_sub_path, ChromiumAlone),
    scenario!(offline::offline_update_root, ChromiumAlone),
    scenario!(offline::offline_large_catalog, ChromiumAlone),
];

fn main() {
    std::process::exit(harness::main(SCENARIOS));
}
