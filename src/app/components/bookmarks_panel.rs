//! The bookmarks panel: "Loading bookmarks…", then the empty state, then the list.

use leptos::prelude::*;

use crate::app::data::use_catalog;
use crate::app::router::use_nav;
use crate::app::store::use_store;
use crate::domain::catalog::model::Catalog;
use crate::domain::explore::browse::PICK_FROM_LIST_MAX;
use crate::domain::explore::routes::tool_path;
use crate::domain::home::BOOKMARKS_SHOWN;
use crate::domain::reader::store::sorted_newest_first;

/// The newest bookmarks, linked to their tools; tools gone from the catalog stay listed.
// An island (`app::islands`): marked in a prerendered page, drawn again there in place;
// in the browser, a component.
#[cfg_attr(not(target_arch = "wasm32"), island)]
#[cfg_attr(target_arch = "wasm32", component)]
pub fn BookmarksPanel(
    /// Every tool's slug and name, for a page without the catalog (an islands page: see
    /// [`names_for_islands`]); `None` names them from the app's catalog.
    names: Option<Vec<(String, String)>>,
) -> impl IntoView {
    let nav = use_nav();
    let store = use_store();
    // An islands page has no catalog: its names come with the island.
    let catalog = names.is_none().then(use_catalog);
    let body = move || {
        let loading = || view! { <p class="muted">"Loading bookmarks…"</p> }.into_any();
        let empty = || {
            view! {
                <p class="empty when-live">
                    <strong>"No bookmarks yet"</strong>
                    " — bookmark tools to save them for later."
                </p>
            }
        };
        // The app's catalog once it has loaded; none on an islands page, which has `names`.
        let cat = match catalog.map(|c| c.ready()) {
            Some(None) => return loading(),
            Some(cat) => cat,
            None => None,
        };
        // Ahead of time, the reader's bookmarks are unknown: loading until the page is
        // live, then empty, as it is for a reader with none; a page's islands draw the
        // panel anew before it is live for a reader with some (`app::islands::later`).
        if !store.known.get() {
            return view! { <p class="muted until-live">"Loading bookmarks…"</p> {empty} }
                .into_any();
        }
        // The name of a bookmarked tool, if the catalog still has it.
        let name_of = |slug: &str| match (&cat, &names) {
            (Some(cat), _) => cat.tool(slug).map(|t| t.name.clone()),
            (None, Some(all)) => all.iter().find(|(s, _)| s == slug).map(|(_, n)| n.clone()),
            (None, None) => None,
        };
        let items = sorted_newest_first(&store.bookmarks.get());
        if items.is_empty() {
            return empty().into_any();
        }
        let more = items.len().saturating_sub(BOOKMARKS_SHOWN);
        let list = items
            .into_iter()
            .take(BOOKMARKS_SHOWN)
            .map(|b| match name_of(&b.slug) {
                Some(name) => view! {
                    <li><a href=nav.href(&tool_path(&b.slug))>{name}</a></li>
                }
                .into_any(),
                None => view! {
                    <li class="gone">{b.slug.clone()}<span class="muted">" (no longer in the catalog)"</span></li>
                }
                .into_any(),
            })
            .collect_view();
        view! {
            <ul class="bookmarks-list">{list}</ul>
            <p><a href=nav.href("/bookmarks")>
                {if more > 0 { format!("All bookmarks ({more} more)") } else { "Manage bookmarks".to_string() }}
            </a></p>
        }
        .into_any()
    };
    view! {
        <section class="box bookmarks-panel" aria-labelledby="bookmarks-title" aria-live="polite">
            <h2 id="bookmarks-title">"Bookmarks"</h2>
            {body}
        </section>
    }
}

/// The names [`BookmarksPanel`] needs on a page without the catalog: every tool's slug
/// and name, in a catalog small enough for a page to carry them (as its pickers do).
pub fn names_for_islands(catalog: &Catalog) -> Option<Vec<(String, String)>> {
    (catalog.tools.len() <= PICK_FROM_LIST_MAX).then(|| {
        catalog
            .tools
            .iter()
            .map(|t| (t.slug.clone(), t.name.clone()))
            .collect()
    })
}
