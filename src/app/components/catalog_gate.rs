//! The catalog's three states, in one place: skeleton, readable error with retry, data.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::data::{use_catalog, CatalogState, FetchError, FullTools};
use crate::domain::catalog::model::{Catalog, Tool};

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

/// Renders `render` with the full tools of `slugs`. A whole catalog has them at once; a
/// split one fetches their files first (`docs/catalog.md`, "Split catalogs"), with a
/// skeleton meanwhile and a readable error with retry.
#[component]
pub fn WithTools<F, V>(
    /// The loaded catalog.
    catalog: Arc<Catalog>,
    /// The tools the page shows, in page order; each is in the catalog.
    slugs: Vec<String>,
    /// Builds the page from the full tools. Runs untracked.
    render: F,
) -> impl IntoView
where
    F: Fn(Vec<Tool>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let ctx = use_catalog();
    ctx.request(&catalog, &slugs, false);
    // A memo, so a file arriving for another page does not redraw this one.
    let (c, s) = (catalog.clone(), slugs.clone());
    let state = Memo::new(move |_| ctx.full_tools(&c, &s));
    move || match state.get() {
        FullTools::Loading => view! { <Skeleton/> }.into_any(),
        FullTools::Failed(error) => {
            let (catalog, slugs) = (catalog.clone(), slugs.clone());
            view! {
                <Failure
                    title="This page's reviews could not be loaded"
                    what=error.to_string()
                    retry=move || ctx.request(&catalog, &slugs, true)
                />
            }
            .into_any()
        }
        FullTools::Ready(tools) => untrack(|| render(tools)).into_any(),
    }
}

/// Grey blocks in the page's shape while the catalog (or the page's code) loads.
#[component]
pub fn Skeleton(
    /// What a screen reader hears is loading.
    #[prop(default = "Loading the catalog…")]
    label: &'static str,
) -> impl IntoView {
    view! {
        <div class="skeleton" aria-busy="true" aria-live="polite">
            <span class="visually-hidden">{label}</span>
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
        FetchError::Http(..) => "The site may be mid-deploy. Try again in a moment.",
        FetchError::IndexCode | FetchError::CheckCode => "You appear to be offline, and this device has not kept a copy yet: connect and try again. If the site was updated since you opened it, reload the page.",
        FetchError::Catalog(_) => "The catalog file is broken. Its editors can run `cargo run --bin catalog -- check public/catalog.json` to see every problem.",
    };
    view! {
        <Failure
            title="The catalog could not be loaded"
            what=error.to_string()
            hint
            retry=move || ctx.reload()
        />
    }
}

/// What could not be loaded, why, what the reader can do, and a retry: the one shape of
/// every failed load (the catalog, a split catalog's tool files, the pages' code).
#[component]
pub fn Failure(
    /// The heading: what could not be loaded.
    title: &'static str,
    /// What went wrong.
    what: String,
    /// What the reader can do besides trying again.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Runs on "Try again".
    #[prop(into)]
    retry: Callback<()>,
) -> impl IntoView {
    view! {
        <section class="load-error" role="alert">
            <h1>{title}</h1>
            <p class="load-error__what">{what}</p>
            {hint.map(|h| view! { <p>{h}</p> })}
            <button type="button" class="button" on:click=move |_| retry.run(())>
                "Try again"
            </button>
        </section>
    }
}
