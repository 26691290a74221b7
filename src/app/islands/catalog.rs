//! The catalog of home's islands, fetched by the module's chunk for the islands that
//! search or name its tools (home's list and its bookmarks panel): once per page, shared
//! by both, and only the catalog this page was built from (its stamp in the page, as the
//! app checks it). Any other (a catalog edited since, a split one) is the app's to show.

use std::cell::RefCell;
use std::sync::Arc;

use futures::future::{FutureExt, LocalBoxFuture, Shared};

use super::later::Unready;
use crate::app::data::{fetch_text, page_stamp};
use crate::domain::catalog::model::Catalog;
use crate::domain::catalog::stamp::load_stamped;

/// The catalog, or why the islands cannot use it (cloned for each island that waits on
/// the one fetch).
type Loaded = Result<Arc<Catalog>, Unready>;

thread_local! {
    static CATALOG: RefCell<Option<Shared<LocalBoxFuture<'static, Loaded>>>> =
        const { RefCell::new(None) };
}

/// The page's catalog, fetched the first time an island asks, and again after a fetch
/// that failed.
pub async fn catalog() -> Loaded {
    let loading = CATALOG.with(|c| {
        c.borrow_mut()
            .get_or_insert_with(|| load().boxed_local().shared())
            .clone()
    });
    let loaded = loading.await;
    if matches!(loaded, Err(Unready::Unfetched)) {
        CATALOG.with(|c| c.borrow_mut().take());
    }
    loaded
}

async fn load() -> Loaded {
    // A fetch that failed (offline, or an HTTP error) is tried again at the next need.
    let text = fetch_text("catalog.json")
        .await
        .map_err(|_| Unready::Unfetched)?;
    let foreign = |why: &str| Unready::Foreign(why.into());
    let loaded = load_stamped(&text, &page_stamp())
        .ok_or_else(|| foreign("the catalog is not this page's"))?;
    if loaded.catalog.split.is_some() {
        return Err(foreign("a split catalog"));
    }
    Ok(Arc::new(loaded.catalog))
}
