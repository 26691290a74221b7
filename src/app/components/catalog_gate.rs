//! The catalog's three states, in one place: skeleton, readable error with retry, data.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::data::{use_catalog, CatalogState, FetchError};
use crate::domain::model::Catalog;

/// Renders `render` with the catalog once loaded; a skeleton before, an error after a failure.
#[component]
pub fn WithCatalog<F, V>(
    /// Builds the page from the loaded catalog. Runs untracked: pages react inside.
    render: F,
) -> impl IntoView
where
    F: Fn(Arc<Catalog>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let ctx = use_catalog();
    move || match ctx.state.get() {
        CatalogState::Loading => view! { <Skeleton/> }.into_any(),
        CatalogState::Failed(e) => view! { <LoadError error=e/> }.into_any(),
        CatalogState::Ready(c) => untrack(|| render(c)).into_any(),
    }
}

/// Grey blocks in the page's shape while the catalog loads.
#[component]
pub fn Skeleton() -> impl IntoView {
    view! {
        <div class="skeleton" aria-busy="true" aria-live="polite">
            <span class="visually-hidden">"Loading the catalog…"</span>
            <div class="skeleton__line skeleton__line--title"></div>
            <div class="skeleton__line"></div>
            <div class="skeleton__cards">
                <div class="skeleton__card"></div>
                <div class="skeleton__card"></div>
            </div>
        </div>
    }
}

/// A readable explanation of a failed load, with a retry button.
#[component]
pub fn LoadError(
    /// What went wrong.
    error: FetchError,
) -> impl IntoView {
    let ctx = use_catalog();
    let hint = match &error {
        FetchError::Offline => "Connect to the internet and try again; after one visit the site works offline.",
        FetchError::Http(_) => "The site may be mid-deploy. Try again in a moment.",
        FetchError::Catalog(_) => "The catalog file is broken. Its editors can run `cargo run --bin catalog -- check public/catalog.json` to see every problem.",
    };
    view! {
        <section class="load-error" role="alert">
            <h1>"The catalog could not be loaded"</h1>
            <p class="load-error__what">{error.to_string()}</p>
            <p>{hint}</p>
            <button type="button" class="button" on:click=move |_| ctx.reload()>
                "Try again"
            </button>
        </section>
    }
}
