//! Links within the page, such as the skip link (`#main`). The shell's `<base href>`
//! resolves `#main` against the site's root, so the browser would leave any other page
//! (or home with a query) to follow it; the routers hand such links here instead.
//! Shared by the app's router and home's first view (`src/first`).

use wasm_bindgen::JsCast;

/// Moves focus to the target of `a` when it is a fragment-only link, as a browser does
/// for an in-page link; `true` when it is one, and its click is then handled.
pub fn follow_in_page(a: &web_sys::Element) -> bool {
    let Some(href) = a.get_attribute("href").filter(|h| h.starts_with('#')) else {
        return false;
    };
    let target = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&href[1..]))
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(t) = target {
        // Focusing scrolls it into view.
        let _ = t.focus();
    }
    true
}
