//! The Leptos app: context, the shell, and the route table.

pub mod components;
pub mod data;
pub mod head;
pub mod pages;
pub mod pwa;
pub mod router;
pub mod store;

use leptos::prelude::*;

use components::shell::{Footer, Header, Notices};
use data::CatalogCtx;
use pages::{
    bookmarks::BookmarksPage, compare::ComparePage, home::HomePage, not_found::NotFound,
    reviewer::ReviewerPage, tool::ToolPage,
};
use router::Nav;
use store::Store;

use crate::domain::routes::Route;

/// Provides the router, catalog, store and offline/update contexts and renders the page of the route.
#[component]
pub fn App() -> impl IntoView {
    let nav = Nav::provide();
    CatalogCtx::provide();
    Store::provide();
    pwa::Pwa::provide();
    let page = move || match nav.route.get() {
        Route::Home => view! { <HomePage/> }.into_any(),
        Route::Tool(slug) => view! { <ToolPage slug/> }.into_any(),
        Route::Compare(slugs) => view! { <ComparePage slugs/> }.into_any(),
        Route::Reviewer(persona) => view! { <ReviewerPage persona/> }.into_any(),
        Route::Bookmarks => view! { <BookmarksPage/> }.into_any(),
        Route::NotFound => view! { <NotFound/> }.into_any(),
    };
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <Header/>
        <main id="main" tabindex="-1">
            <Notices/>
            {page}
        </main>
        <Footer/>
    }
}

/// Replaces the static skeleton in `#app` with the live app.
pub fn mount() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    let Some(root) = document()
        .get_element_by_id("app")
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    else {
        return;
    };
    root.set_inner_html("");
    leptos::mount::mount_to(root, App).forget();
}
