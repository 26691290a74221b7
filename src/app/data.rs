//! Loading the catalog once and sharing it through context, with explicit
//! loading / error / ready states.
//!
//! A signal filled by `spawn_local` instead of `LocalResource` + `Suspense`: the same three
//! states for ~12 KB less wasm (TOOLCHAIN.md), and a retry is one call.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::domain::catalog::guard::LISTED_SKIPPED;
use crate::domain::catalog::model::{Catalog, Tool};
use crate::domain::catalog::stamp::{load_stamped, META_SELECTOR};
use crate::domain::catalog::validate::{CatalogError, Loaded, Problem};
use crate::domain::explore::search::SearchIndex;

/// Why the catalog could not be shown.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FetchError {
    #[error("You appear to be offline, and the catalog has not been loaded on this device yet.")]
    Offline,
    #[error("The server answered HTTP {0} for {1}.")]
    Http(u16, String),
    #[error("The catalog could not be read: {0}")]
    Catalog(#[from] CatalogError),
    /// The index chunk (`lazy::attach_index`) could not be fetched.
    #[error("The code that reads this catalog's index did not download.")]
    IndexCode,
    /// The checks chunk (`lazy::check_catalog`) could not be fetched.
    #[error("The code that checks this catalog did not download.")]
    CheckCode,
}

/// The catalog's state.
#[derive(Debug, Clone)]
pub enum CatalogState {
    Loading,
    Failed(FetchError),
    Ready(Arc<Catalog>),
}

/// One tool's detail file of a split catalog.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    Loading,
    Failed(FetchError),
    Ready(Arc<Tool>),
}

/// Fetches a split catalog's index (the head's `split.index`, the second argument) and
/// joins it to the head.
pub type ReadIndex =
    fn(Loaded, String) -> Pin<Box<dyn Future<Output = Result<Loaded, FetchError>>>>;

/// Checks a catalog the build did not stamp (`domain::catalog::stamp`) in full, as `validate::load_served`.
pub type Check = fn(String) -> Pin<Box<dyn Future<Output = Result<Loaded, FetchError>>>>;

/// Reads and checks the tool file (second argument) of a split catalog's tool (first
/// argument), as `split::load_detail`.
pub type ReadDetail =
    fn(String, String, Arc<Catalog>) -> Pin<Box<dyn Future<Output = Result<Tool, FetchError>>>>;

/// The code that reads a catalog and lives in chunks of its own (`app::lazy`), handed in
/// by `App`: only code that mounts the app links their split points, whose imports the
/// wasm unit tests' runner cannot resolve.
#[derive(Clone, Copy)]
pub struct Readers {
    pub read_index: ReadIndex,
    pub check: Check,
    pub read_detail: ReadDetail,
}

/// A catalog and its search index.
type Indexed = (Arc<Catalog>, Arc<SearchIndex>);

/// The catalog context: its state, the entries skipped while loading and, for a split
/// catalog, the tool files fetched so far.
#[derive(Clone, Copy)]
pub struct CatalogCtx {
    pub state: RwSignal<CatalogState>,
    pub skipped: RwSignal<Arc<Vec<Problem>>>,
    pub details: RwSignal<HashMap<String, Detail>>,
    readers: Readers,
    /// The search of the pickers (`controls::SearchPicker`): built on the first search,
    /// shared by every picker, for the catalog it was built from.
    search: StoredValue<Option<Indexed>, LocalStorage>,
}

/// The catalog context.
pub fn use_catalog() -> CatalogCtx {
    expect_context::<CatalogCtx>()
}

impl CatalogCtx {
    /// Creates the context and starts the first load, with `readers` for what the
    /// main module does not hold.
    pub fn provide(readers: Readers) -> CatalogCtx {
        let ctx = CatalogCtx::provide_with(readers, CatalogState::Loading);
        ctx.reload();
        ctx
    }

    /// The context of a catalog already loaded: what a page rendered ahead of time
    /// (`app::render`) reads.
    pub fn provide_ready(readers: Readers, catalog: Arc<Catalog>) -> CatalogCtx {
        CatalogCtx::provide_with(readers, CatalogState::Ready(catalog))
    }

    fn provide_with(readers: Readers, state: CatalogState) -> CatalogCtx {
        let ctx = CatalogCtx {
            state: RwSignal::new(state),
            skipped: RwSignal::new(Arc::new(Vec::new())),
            details: RwSignal::new(HashMap::new()),
            readers,
            search: StoredValue::new_local(None),
        };
        provide_context(ctx);
        ctx
    }

    /// (Re)fetches `catalog.json` relative to the document base.
    pub fn reload(&self) {
        let ctx = *self;
        ctx.state.set(CatalogState::Loading);
        spawn_local(async move {
            let loaded = load_catalog(ctx.readers).await;
            // Parsing and drawing in two tasks, not one: the main thread is never held
            // as long (a phone's "total blocking time").
            next_task().await;
            match loaded {
                Ok(Loaded { catalog, skipped }) => {
                    // Bounded: 50,000 warnings would hold the tab for seconds.
                    for p in skipped.iter().take(LISTED_SKIPPED) {
                        web_sys::console::warn_1(&JsValue::from_str(&format!(
                            "catalog.json: skipped {p}"
                        )));
                    }
                    ctx.skipped.set(Arc::new(skipped));
                    ctx.state.set(CatalogState::Ready(Arc::new(catalog)));
                }
                Err(e) => {
                    web_sys::console::error_1(&JsValue::from_str(&e.to_string()));
                    ctx.state.set(CatalogState::Failed(e));
                }
            }
        });
    }

    /// Fetches the detail files of `slugs` not fetched yet (or failed, when `retry`).
    pub fn request(&self, catalog: &Arc<Catalog>, slugs: &[String], retry: bool) {
        let Some(refs) = catalog.split.clone() else {
            return;
        };
        let (details, read_detail) = (self.details, self.readers.read_detail);
        for slug in slugs {
            let wanted = details.with_untracked(|d| match d.get(slug) {
                None => true,
                Some(Detail::Failed(_)) => retry,
                Some(_) => false,
            });
            if !wanted {
                continue;
            }
            details.update(|d| {
                d.insert(slug.clone(), Detail::Loading);
            });
            let (slug, url, catalog) = (slug.clone(), refs.detail_url(slug), catalog.clone());
            spawn_local(async move {
                let got = match fetch_text(&url).await {
                    Ok(text) => read_detail(slug.clone(), text, catalog).await,
                    Err(e) => Err(e),
                };
                let detail = match got {
                    Ok(tool) => Detail::Ready(Arc::new(tool)),
                    Err(e) => Detail::Failed(e),
                };
                details.update(|d| {
                    d.insert(slug, detail);
                });
            });
        }
    }

    /// The full tools of `slugs` (reactive): at once for a whole catalog, from their
    /// detail files for a split one.
    pub fn full_tools(&self, catalog: &Catalog, slugs: &[String]) -> FullTools {
        if catalog.split.is_none() {
            return FullTools::Ready(
                slugs
                    .iter()
                    .filter_map(|s| catalog.tool(s).cloned())
                    .collect(),
            );
        }
        self.details.with(|d| {
            let mut tools = Vec::with_capacity(slugs.len());
            for s in slugs {
                match d.get(s) {
                    Some(Detail::Ready(t)) => tools.push(Tool::clone(t)),
                    Some(Detail::Failed(e)) => return FullTools::Failed(e.clone()),
                    _ => return FullTools::Loading,
                }
            }
            FullTools::Ready(tools)
        })
    }

    /// The site search's index of `catalog`, built once and shared (unweighted: the
    /// pickers rank by match, not by the reader's weights).
    pub fn search_index(&self, catalog: &Arc<Catalog>) -> Arc<SearchIndex> {
        if let Some((built_for, index)) = self.search.get_value() {
            if Arc::ptr_eq(&built_for, catalog) {
                return index;
            }
        }
        let index = Arc::new(SearchIndex::new(catalog));
        self.search
            .set_value(Some((catalog.clone(), index.clone())));
        index
    }

    /// The catalog once ready (reactive).
    pub fn ready(&self) -> Option<Arc<Catalog>> {
        match self.state.get() {
            CatalogState::Ready(c) => Some(c),
            _ => None,
        }
    }
}

/// The tools of a page: loading, failed, or every one of them in full.
#[derive(Debug, Clone, PartialEq)]
pub enum FullTools {
    Loading,
    Failed(FetchError),
    Ready(Vec<Tool>),
}

/// `catalog.json`, and for a split catalog its index. The file the build checked (its
/// stamp is in the page) is only read; any other is checked by the checks chunk.
async fn load_catalog(readers: Readers) -> Result<Loaded, FetchError> {
    let text = fetch_text("catalog.json").await?;
    let loaded = match load_stamped(&text, &page_stamp()) {
        Some(loaded) => loaded,
        None => (readers.check)(text).await?,
    };
    match loaded.catalog.split.clone() {
        None => Ok(loaded),
        Some(refs) => (readers.read_index)(loaded, refs.index).await,
    }
}

/// The stamp of the catalog the build checked, from the page's `<meta>`; empty if none.
pub(crate) fn page_stamp() -> String {
    document()
        .query_selector(META_SELECTOR)
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default()
}

/// Resolves in a later task of the event loop (a zero timeout), letting the browser
/// paint and handle input in between.
pub async fn next_task() {
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = JsFuture::from(wait).await;
}

/// Fetches a text file relative to the document base.
pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let resp = JsFuture::from(window().fetch_with_str(url))
        .await
        .map_err(|_| FetchError::Offline)?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| FetchError::Offline)?;
    if !resp.ok() {
        return Err(FetchError::Http(resp.status(), url.to_string()));
    }
    // The bytes, copied into wasm memory in one go: `text()` would decode to a JS string
    // that wasm-bindgen then re-encodes to UTF-8, two passes over a 30 MB index at
    // 100,000 tools. Invalid UTF-8 becomes U+FFFD, as `text()` would make it.
    let bytes = resp.array_buffer().map_err(|_| FetchError::Offline)?;
    let bytes = JsFuture::from(bytes)
        .await
        .map_err(|_| FetchError::Offline)?;
    let bytes = js_sys::Uint8Array::new(&bytes).to_vec();
    Ok(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}
