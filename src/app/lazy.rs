//! The pages other than home live in a wasm chunk of their own, fetched when the reader
//! first opens one: home does not download their code (docs/size.md).
//! So does the code that reads a split catalog's index, which only catalogs of more
//! than 500 tools have, and the code that checks a catalog the build did not check
//! (`domain::catalog::stamp`) or a split catalog's tool files, and the search picker of a large
//! catalog.
//!
//! `catalog site` (src/bin/catalog/site.rs) cuts the chunk out of the build at the split points below
//! (`wasm_split`, which Leptos re-exports); natively they are plain calls.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use send_wrapper::SendWrapper;

use crate::app::components::catalog_gate::{Failure, Skeleton};
use crate::app::components::controls::SearchPicker;
pub use crate::app::components::controls::{LoadPicker, PickerCode};
use crate::app::data::{fetch_text, FetchError};
use crate::app::pages::{
    bookmarks::BookmarksPage, compare::ComparePage, reviewer::ReviewerPage, tool::ToolPage,
};
use crate::domain::catalog::model::{Catalog, Tool};
use crate::domain::catalog::split;
use crate::domain::catalog::validate::{load_served, CatalogError, Loaded};

/// The pages chunk: whether a page is waiting for it.
#[derive(Clone, Copy)]
pub struct PageChunk {
    /// True while a page waits for the chunk; the live app is revealed only after
    /// (`app::reveal`), so a prerendered page never gives way to an empty one.
    pub loading: RwSignal<bool>,
}

impl PageChunk {
    /// A chunk that nothing waits for yet.
    pub fn new() -> Self {
        PageChunk {
            loading: RwSignal::new(false),
        }
    }

    /// The page `load` builds once the chunk is in: a skeleton meanwhile, and a message
    /// with a retry when it cannot be fetched (offline before the worker cached it).
    pub fn page<F, Fut>(self, load: F) -> AnyView
    where
        F: Fn() -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<AnyView, SplitLoaderError>> + 'static,
    {
        let loading = self.loading;
        let attempt = RwSignal::new(0u32);
        (move || {
            attempt.track();
            loading.set(true);
            // Left before the chunk is in (a link followed meanwhile): nothing waits any
            // more, and the app must still be revealed.
            on_cleanup(move || loading.set(false));
            // Single-threaded wasm: the wrapper only satisfies `Suspend`'s `Send` bound.
            let fut = SendWrapper::new(load());
            let page = Suspend::new(async move {
                let page = fut.await;
                loading.set(false);
                page.unwrap_or_else(|_| unavailable(attempt))
            });
            let skeleton = move || {
                loading
                    .get()
                    .then(|| view! { <Skeleton label="Loading this page…"/> })
            };
            view! { {skeleton} {page} }
        })
        .into_any()
    }
}

impl Default for PageChunk {
    fn default() -> Self {
        Self::new()
    }
}

/// Why the page is missing, with a retry (a failed fetch is not remembered).
fn unavailable(attempt: RwSignal<u32>) -> AnyView {
    view! {
        <Failure
            title="This page could not be loaded"
            what="Its code did not download: you appear to be offline, and this device has not kept a copy yet.".to_string()
            hint="Connect to the internet and try again. If the site was updated since you opened it, reload the page."
            retry=move || attempt.update(|n| *n += 1)
        />
    }
    .into_any()
}

/// `/tool/{slug}`.
#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn tool_page(slug: String) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <ToolPage slug/> }.into_any())
}

/// `/compare/{a}-vs-{b}…`.
#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn compare_page(slugs: Vec<String>) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <ComparePage slugs/> }.into_any())
}

/// `/reviewer/{id}`.
#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn reviewer_page(persona: String) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <ReviewerPage persona/> }.into_any())
}

/// `/bookmarks`.
#[wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn bookmarks_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <BookmarksPage/> }.into_any())
}

/// The app's [`LoadPicker`].
pub fn load_search_picker(
    catalog: Arc<Catalog>,
    exclude: Vec<String>,
    id: String,
    label: String,
    go: Callback<String>,
) -> Pin<Box<dyn Future<Output = Result<AnyView, SplitLoaderError>>>> {
    Box::pin(search_picker(catalog, exclude, id, label, go))
}

/// "Compare with…" in a large catalog ([`SearchPicker`]): a chunk of its own, so a small
/// catalog's pages, which pick from a select, never download it.
#[wasm_split(picker, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn search_picker(
    catalog: Arc<Catalog>,
    exclude: Vec<String>,
    id: String,
    label: String,
    go: Callback<String>,
) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <SearchPicker catalog exclude id label go/> }.into_any())
}

/// Fetches a split catalog's index at `url` and joins it to `head` with the index chunk's
/// code ([`attach_index`]), which downloads beside the index: the app's
/// [`crate::app::data::ReadIndex`].
pub fn read_index(
    head: Loaded,
    url: String,
) -> Pin<Box<dyn Future<Output = Result<Loaded, FetchError>>>> {
    Box::pin(async move {
        leptos::task::spawn_local(async {
            let _ = index_chunk().await;
        });
        let text = fetch_text(&url).await?;
        let attached = attach_index(head, text).await;
        Ok(attached.map_err(|_| FetchError::IndexCode)??)
    })
}

/// Checks a catalog the build did not stamp with the checks chunk's code
/// ([`check_catalog`]): the app's [`crate::app::data::Check`].
pub fn check(text: String) -> Pin<Box<dyn Future<Output = Result<Loaded, FetchError>>>> {
    Box::pin(async move {
        let checked = check_catalog(text).await;
        Ok(checked.map_err(|_| FetchError::CheckCode)??)
    })
}

/// [`load_served`], from the checks chunk: the checks of `docs/catalog.md` are needed
/// only for a catalog the build did not check (`domain::catalog::stamp`).
#[wasm_split(checks, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn check_catalog(text: String) -> Result<Result<Loaded, CatalogError>, SplitLoaderError> {
    Ok(load_served(&text))
}

/// Reads a split catalog's tool file with the checks chunk's code ([`check_detail`]):
/// the app's [`crate::app::data::ReadDetail`]. The pages ask for tool files but carry
/// no checks, which a whole catalog (the shipped one) never needs.
pub fn read_detail(
    slug: String,
    text: String,
    catalog: Arc<Catalog>,
) -> Pin<Box<dyn Future<Output = Result<Tool, FetchError>>>> {
    Box::pin(async move {
        let checked = check_detail(slug, text, catalog).await;
        Ok(checked.map_err(|_| FetchError::CheckCode)??)
    })
}

/// [`split::load_detail`], from the checks chunk.
#[wasm_split(checks, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn check_detail(
    slug: String,
    text: String,
    catalog: Arc<Catalog>,
) -> Result<Result<Tool, CatalogError>, SplitLoaderError> {
    Ok(split::load_detail(&slug, &text, &catalog.personas))
}

/// Fetches the index chunk: started as the index starts downloading, so neither waits
/// for the other ([`attach_index`] then finds the chunk in).
#[wasm_split(index, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn index_chunk() -> Result<(), SplitLoaderError> {
    Ok(())
}

/// [`split::attach_index`], from the index chunk.
#[wasm_split(index, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn attach_index(
    head: Loaded,
    text: String,
) -> Result<Result<Loaded, CatalogError>, SplitLoaderError> {
    Ok(split::attach_index(head, &text))
}
