//! Which clicks a router turns into history navigation: one rule for the router of the
//! app and of the islands (`router.rs`, `Nav::listen`).
//!
//! Links stay real `<a href>`. A plain left click on one of the app's addresses is the
//! router's; a modified click, a new tab, a download, another site or a file the app
//! does not route (feed, catalog, badges) is the browser's. A link within the page, such
//! as the skip link (`#main`), is followed here: the shell's `<base href>` resolves `#main`
//! against the site's root, so the browser would leave any other page (or home with a
//! query) to follow it.

use wasm_bindgen::JsCast;

use crate::domain::explore::routes::{strip_base, Route};

/// For a click that belongs to the router, the base-relative address it asks for (path
/// and query, e.g. `/tool/x?…`), its default prevented. In-page links are followed here
/// (`None`, default prevented); every other click is left to the browser (`None`).
pub fn take_click(e: &web_sys::MouseEvent, base: &str) -> Option<String> {
    if e.default_prevented()
        || e.button() != 0
        || e.meta_key()
        || e.ctrl_key()
        || e.shift_key()
        || e.alt_key()
    {
        return None;
    }
    let anchor = e
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .ok()?;
    if !anchor.target().is_empty() || anchor.has_attribute("download") {
        return None;
    }
    if let Some(id) = anchor
        .get_attribute("href")
        .and_then(|h| h.strip_prefix('#').map(str::to_string))
    {
        e.prevent_default();
        let target = web_sys::window()?
            .document()?
            .get_element_by_id(&id)?
            .dyn_into::<web_sys::HtmlElement>()
            .ok()?;
        // Focusing scrolls it into view.
        let _ = target.focus();
        return None;
    }
    let url = web_sys::Url::new(&anchor.href()).ok()?;
    if url.origin() != web_sys::window()?.location().origin().ok()? {
        return None;
    }
    let pathname = url.pathname();
    let path = strip_base(base, &pathname)?;
    let file = path
        .rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'));
    // `index.html` is home (`Route::parse`); any other name with a dot is a file.
    if file && Route::parse(path) != Route::Home {
        return None;
    }
    e.prevent_default();
    Some(path.to_string() + &url.search())
}
