//! Not a step of home's floor but the start of another design (`make floor`,
//! scripts/floor.sh): a first view without Leptos. The catalog the build checked is read
//! (`stamp::load_stamped`), home's static markup is drawn (`prerender::pages`), and each
//! keystroke searches (`SearchIndex`, `browse_from`) and draws the list's lines by hand
//! (`Line::push_html`), with web-sys alone. No bookmarks, weights, notices, worker or
//! routes: what such a first view would hold before any of those.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// As the library compiles it: items it exports are not dead code here, and clippy spares
// its exported names.
#[allow(dead_code, clippy::enum_variant_names)]
#[path = "../src/domain/mod.rs"]
mod domain;

use domain::browse::{browse_from, BrowseQuery, Found};
use domain::listing::Line;
use domain::search::SearchIndex;

fn main() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let text = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item("catalog").ok().flatten())
        .unwrap_or_default();
    let (Some(root), Some(loaded)) = (
        doc.get_element_by_id("app"),
        domain::stamp::load_stamped(&text, &doc.title()),
    ) else {
        return;
    };
    let catalog = Rc::new(loaded.catalog);
    if let Some(home) = domain::prerender::pages(&catalog).first() {
        root.set_inner_html(&home.body);
    }
    let index = SearchIndex::weighted(&catalog, None);
    let prev: RefCell<Option<Found>> = RefCell::new(None);
    let search = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let (Some(input), Some(ul)) = (
            ev.target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()),
            root.query_selector("ul").ok().flatten(),
        ) else {
            return;
        };
        let query = BrowseQuery::from_query(&input.value());
        let found = browse_from(&catalog, &index, &query, 50, prev.borrow().as_ref());
        let mut html = String::new();
        for &at in &found.shown {
            let (tool, doc) = (&catalog.tools[at], &index.docs[at]);
            let href = domain::routes::tool_path(&tool.slug);
            Line::new(tool, doc.verdict, href, String::new(), false).push_html(&mut html);
        }
        ul.set_inner_html(&html);
        prev.replace(Some(found));
    });
    let _ = doc.add_event_listener_with_callback("input", search.as_ref().unchecked_ref());
    search.forget();
}
