//! Loading the catalog once and sharing it through context, with explicit
//! loading / error / ready states.
//!
//! A signal filled by `spawn_local` instead of `LocalResource` + `Suspense`: the same three
//! states for ~12 KB less wasm (TOOLCHAIN.md), and a retry is one call.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::domain::model::Catalog;
use crate::domain::validate::{load, CatalogError, Loaded, Problem};

/// Why the catalog could not be shown.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FetchError {
    #[error("You appear to be offline, and the catalog has not been loaded on this device yet.")]
    Offline,
    #[error("The server answered HTTP {0} for catalog.json.")]
    Http(u16),
    #[error("The catalog could not be read: {0}")]
    Catalog(#[from] CatalogError),
}

/// The catalog's state.
#[derive(Debug, Clone)]
pub enum CatalogState {
    Loading,
    Failed(FetchError),
    Ready(Arc<Catalog>),
}

/// The catalog context: its state and the entries skipped while loading.
#[derive(Clone, Copy)]
pub struct CatalogCtx {
    pub state: RwSignal<CatalogState>,
    pub skipped: RwSignal<Arc<Vec<Problem>>>,
}

/// The catalog context.
pub fn use_catalog() -> CatalogCtx {
    expect_context::<CatalogCtx>()
}

impl CatalogCtx {
    /// Creates the context and starts the first load.
    pub fn provide() -> CatalogCtx {
        let ctx = CatalogCtx {
            state: RwSignal::new(CatalogState::Loading),
            skipped: RwSignal::new(Arc::new(Vec::new())),
        };
        provide_context(ctx);
        ctx.reload();
        ctx
    }

    /// (Re)fetches `catalog.json` relative to the document base.
    pub fn reload(&self) {
        let ctx = *self;
        ctx.state.set(CatalogState::Loading);
        spawn_local(async move {
            match fetch_text("catalog.json").await.and_then(|t| Ok(load(&t)?)) {
                Ok(Loaded { catalog, skipped }) => {
                    for p in &skipped {
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

    /// The catalog once ready (reactive).
    pub fn ready(&self) -> Option<Arc<Catalog>> {
        match self.state.get() {
            CatalogState::Ready(c) => Some(c),
            _ => None,
        }
    }
}

/// Fetches a text file relative to the document base.
async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let resp = JsFuture::from(window().fetch_with_str(url))
        .await
        .map_err(|_| FetchError::Offline)?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| FetchError::Offline)?;
    if !resp.ok() {
        return Err(FetchError::Http(resp.status()));
    }
    let text = resp.text().map_err(|_| FetchError::Offline)?;
    let text = JsFuture::from(text)
        .await
        .map_err(|_| FetchError::Offline)?;
    Ok(text.as_string().unwrap_or_default())
}
