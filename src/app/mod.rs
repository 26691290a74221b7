//! The Leptos app: context, the shell, and the route table.

pub mod components;
pub mod data;
pub mod head;
pub mod islands;
pub mod json;
// The app's split points: its chunks' exports would link the whole app into the islands
// module, which has no use for them.
#[cfg(not(feature = "islands"))]
pub mod lazy;
pub mod links;
pub mod pages;
pub mod pwa;
#[cfg(not(target_arch = "wasm32"))]
pub mod render;
pub mod router;
pub mod store;
pub mod worker;

use leptos::prelude::*;

use components::shell::{Footer, Header, Notices, Skipped, SkippedNotice};
#[cfg(not(feature = "islands"))]
use data::{CatalogCtx, Readers};
#[cfg(not(feature = "islands"))]
use lazy::{
    bookmarks_page, check, compare_page, load_search_picker, read_detail, read_index,
    reviewer_page, tool_page, PageChunk, PickerCode,
};
#[cfg(not(feature = "islands"))]
use pages::{home::HomePage, not_found::NotFound};
#[cfg(not(feature = "islands"))]
use router::Nav;
#[cfg(not(feature = "islands"))]
use store::Store;

#[cfg(not(feature = "islands"))]
use crate::domain::explore::routes::Route;

/// Provides the router, catalog, store, offline/update and chunk contexts and renders the page of the route.
#[cfg(not(feature = "islands"))]
#[component]
pub fn App() -> impl IntoView {
    let nav = Nav::provide();
    let catalog = CatalogCtx::provide(Readers {
        read_index,
        check,
        read_detail,
    });
    Store::provide();
    pwa::Pwa::provide();
    provide_context(PickerCode(load_search_picker));
    let chunk = PageChunk::new();
    // Derived, not synced: the live page is shown as soon as the catalog has settled and
    // the page's code is in.
    Effect::new(move |_| {
        if !matches!(catalog.state.get(), data::CatalogState::Loading) && !chunk.loading.get() {
            reveal();
        }
    });
    let page = move || match nav.route.get() {
        Route::Home => view! { <HomePage/> }.into_any(),
        Route::Tool(slug) => chunk.page(move || tool_page(slug.clone())),
        Route::Compare(slugs) => chunk.page(move || compare_page(slugs.clone())),
        Route::Reviewer(id) => chunk.page(move || reviewer_page(id.clone())),
        Route::Bookmarks => chunk.page(bookmarks_page),
        Route::NotFound => view! { <NotFound/> }.into_any(),
    };
    view! { <Frame page/> }
}

/// Everything inside `#app`: the skip link, header, notices, the page and the footer.
/// The one markup of every page, in the browser (`App`) and ahead of time (`render`).
#[component]
pub fn Frame<P: IntoView + 'static>(
    /// The page's own content, inside `<main>` after the notices.
    page: P,
    /// The catalog entries a build skipped (`render`); the app's notices follow the
    /// catalog it loads instead.
    #[prop(optional_no_strip)]
    skipped: Option<Skipped>,
) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <Header/>
        <main id="main" tabindex="-1">
            <div class="notices"><Notices/><SkippedNotice skipped/></div>
            {page}
        </main>
        <Footer/>
    }
}

#[cfg(not(feature = "islands"))]
const LIVE_ID: &str = "app-live";
/// Marks the live app's root: the static pages draw the same boxes (`catalog pages`), so
/// tests and scripts tell the live page by this attribute, not by what it shows.
pub(crate) const LIVE_MARK: &str = "data-live";

/// Swaps the static page (prerendered, or the shell's skeleton) for the live app once it
/// can draw the page: the catalog is in, or has failed with its message.
#[cfg(not(feature = "islands"))]
fn reveal() {
    let doc = document();
    let Some(live) = doc.get_element_by_id(LIVE_ID) else {
        return;
    };
    if let Some(prerendered) = doc.get_element_by_id("app") {
        prerendered.remove();
    }
    live.set_id("app");
    let _ = live.remove_attribute("hidden");
    time_live();
}

/// Records when the page became live (`performance.mark`, read by the benchmark): the
/// app's, once revealed, or a tool page's islands, once drawn.
pub(crate) fn time_live() {
    if let Some(p) = window().performance() {
        let _ = p.mark(crate::domain::home::LIVE_MARK);
    }
}

/// Mounts the live app hidden beside the static page and [`reveal`]s it when the catalog
/// has settled. So over a prerendered page (`catalog pages`) the reader never sees
/// content, then a skeleton, then content again. Over the shell's skeleton, the live page
/// appears whole. Either way `#app[data-live]` means a page with its content (or its
/// error) drawn.
#[cfg(not(feature = "islands"))]
pub fn mount() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    let Some(root) = document()
        .get_element_by_id("app")
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    else {
        return;
    };
    let live = document()
        .create_element("div")
        .ok()
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    if let Some(live) = live {
        live.set_id(LIVE_ID);
        let _ = live.set_attribute(LIVE_MARK, "");
        live.set_hidden(true);
        if root.after_with_node_1(&live).is_ok() {
            leptos::mount::mount_to(live, App).forget();
            return;
        }
    }
    root.set_inner_html("");
    let _ = root.set_attribute(LIVE_MARK, "");
    leptos::mount::mount_to(root, App).forget();
}
