//! The islands a module draws at once: each `<leptos-island>` of the page, from its props,
//! one task each, then the page made live; those drawn on need are left to the module's
//! chunk (`super::later`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::props::Draw;
use crate::app::components::shell::Header;
use crate::app::components::shortcuts::ShortcutKeys;
// A tool page's islands, which home's module has none of.
#[cfg(not(feature = "islands-home"))]
use {
    super::props::{props, Line, Toggle},
    crate::app::components::controls::{BookmarkButton, VoteButtons},
    crate::app::components::tool_card::CommunityLine,
};

/// How an island is drawn.
enum Island {
    /// At once, from this module's code.
    Now(Draw),
    /// From the module's chunk once the page needs it (`super::later`).
    Later(super::later::Need),
}

/// How the component of one `<leptos-island>` is drawn, from the props the build wrote
/// (one arm per name of a module's islands, but those drawn on need).
fn island(el: &web_sys::HtmlElement) -> Result<Island, String> {
    let name = el.dataset().get("component").unwrap_or_default();
    let name = super::component(&name);
    if let Some(need) = super::later::need(name) {
        return Ok(Island::Later(need));
    }
    Ok(Island::Now(match name {
        "Header" => Box::new(move || view! { <Header/> }.into_any()),
        "ShortcutKeys" => Box::new(move || view! { <ShortcutKeys/> }.into_any()),
        #[cfg(not(feature = "islands-home"))]
        "BookmarkButton" => {
            let Toggle { slug, name } = props(el)?;
            Box::new(move || view! { <BookmarkButton slug name/> }.into_any())
        }
        #[cfg(not(feature = "islands-home"))]
        "VoteButtons" => {
            let Toggle { slug, name } = props(el)?;
            Box::new(move || view! { <VoteButtons slug name/> }.into_any())
        }
        #[cfg(not(feature = "islands-home"))]
        "CommunityLine" => {
            let Line {
                slug,
                community,
                panel,
            } = props(el)?;
            Box::new(move || view! { <CommunityLine slug community panel/> }.into_any())
        }
        _ => return Err(format!("no island {name} in this module")),
    }))
}

/// The islands drawn when needed, with their needs.
type Later = Vec<(web_sys::HtmlElement, super::later::Need)>;

/// Every island of the page, drawn live; an error names the first that could not be
/// (and none is drawn then: the loader hands the page to the app).
pub fn islands() -> Result<(), String> {
    let found = document()
        .query_selector_all("leptos-island")
        .map_err(|_| "no islands".to_string())?;
    let mut now = Vec::new();
    let mut later = Later::new();
    for i in 0..found.length() {
        if let Some(el) = found.item(i).and_then(|n| n.dyn_into().ok()) {
            match island(&el)? {
                Island::Now(draw) => now.push((el, draw)),
                Island::Later(need) => later.push((el, need)),
            }
        }
    }
    super::page();
    draw_each(now.into_iter(), later);
    Ok(())
}

/// Draws the islands one task each, then makes the page live in a task of its own:
/// short tasks block the page less than one long one (Lighthouse's Total Blocking
/// Time counts what a task takes past 50 ms). Each island's HTML is the build's, so
/// nothing moves or repaints between them. (A panic in one of these tasks is a wasm
/// trap, which the loader answers by handing the page to the app.)
fn draw_each(mut rest: std::vec::IntoIter<(web_sys::HtmlElement, Draw)>, later: Later) {
    let next: Box<dyn FnOnce()> = match rest.next() {
        Some((el, draw)) => {
            draw_in(&el, draw);
            Box::new(move || draw_each(rest, later))
        }
        // The needs are read once the records are; the page is live once those needed
        // at once are drawn too.
        None => Box::new(move || {
            records();
            super::later::draw_all(later, live);
        }),
    };
    set_timeout(next, std::time::Duration::ZERO);
}

/// Draws an island's component in place of what the build rendered in its wrapper `el`.
pub fn draw_in(el: &web_sys::HtmlElement, draw: Draw) {
    el.set_inner_html("");
    leptos::mount::mount_to(el.clone(), draw).forget();
}

/// Once every island is drawn: the reader's records, the connection, the worker.
fn records() {
    let super::Page { store, pwa, .. } = super::page();
    store.read_records();
    pwa.start();
}

/// `#app[data-live]` says the page is live, as the app's does.
fn live() {
    if let Some(app) = document().get_element_by_id("app") {
        let _ = app.set_attribute(crate::app::LIVE_MARK, "");
    }
    crate::app::time_live();
}
