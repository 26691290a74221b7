//! Probe: home without Leptos. The loader, search, prerendered home body and the list
//! drawn by hand, wired with web-sys only.

#[allow(dead_code, clippy::enum_variant_names)]
#[path = "../src/domain/mod.rs"]
mod domain;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use domain::browse::{browse_from, BrowseQuery};
use domain::listing::Line;
use domain::search::SearchIndex;

fn main() {
    let win = web_sys::window().unwrap();
    let doc = win.document().unwrap();
    let text = win
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item("catalog").ok().flatten())
        .unwrap_or_default();
    let root = doc.get_element_by_id("app").unwrap();
    let catalog = match trusted(&text) {
        Ok(l) => l,
        Err(e) => {
            root.set_text_content(Some(&e.to_string()));
            return;
        }
    };
    let catalog = Rc::new(catalog);
    let index = Rc::new(SearchIndex::weighted(&catalog, None));
    let ul = doc.get_element_by_id("rows").unwrap();
    let input: web_sys::HtmlInputElement =
        doc.get_element_by_id("search").unwrap().dyn_into().unwrap();
    let prev = Rc::new(RefCell::new(None));
    let cb = Closure::<dyn Fn()>::new(move || {
        let q = BrowseQuery::from_query(&input.value());
        let found = browse_from(&catalog, &index, &q, 50, prev.borrow().as_ref());
        let mut html = String::new();
        for &at in &found.shown {
            let (tool, d) = (&catalog.tools[at], &index.docs[at]);
            Line::new(
                tool,
                d.verdict,
                domain::routes::tool_path(&tool.slug),
                "x".into(),
                false,
            )
            .push_html(&mut html);
        }
        ul.set_inner_html(&html);
        *prev.borrow_mut() = Some(found);
    });
    doc.add_event_listener_with_callback("input", cb.as_ref().unchecked_ref())
        .unwrap();
    cb.forget();
}

fn trusted(text: &str) -> Result<domain::model::Catalog, domain::validate::Problem> {
    use domain::typing::typed;
    let v = domain::guard::parse(text)
        .map_err(|e| domain::validate::Problem::new("$", e.to_string()))?;
    let serde_json::Value::Object(mut top) = v else {
        return Err(domain::validate::Problem::new("$", "x"));
    };
    let mut f = |k: &str| top.remove(k).unwrap_or(serde_json::Value::Null);
    Ok(domain::model::Catalog {
        schema_version: 1,
        generated: typed("generated", f("generated"))?,
        site: typed("site", f("site"))?,
        personas: typed("personas", f("personas"))?,
        tools: typed("tools", f("tools"))?,
        comparisons: typed("comparisons", f("comparisons"))?,
        split: typed("split", f("split"))?,
    })
}
