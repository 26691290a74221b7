//! The bookmarks panel: "Loading bookmarks…", then the empty state, then the list.

use leptos::prelude::*;

use crate::app::data::use_catalog;
use crate::app::router::use_nav;
use crate::app::store::use_store;
use crate::domain::explore::routes::tool_path;
use crate::domain::reader::store::sorted_newest_first;

/// The newest bookmarks, linked to their tools; tools gone from the catalog stay listed.
#[component]
pub fn BookmarksPanel() -> impl IntoView {
    let nav = use_nav();
    let store = use_store();
    let catalog = use_catalog();
    let body = move || {
        let Some(cat) = catalog.ready().filter(|_| store.known.get()) else {
            return view! { <p class="muted">"Loading bookmarks…"</p> }.into_any();
        };
        let items = sorted_newest_first(&store.bookmarks.get());
        if items.is_empty() {
            return view! {
                <p class="empty">
                    <strong>"No bookmarks yet"</strong>
                    " — bookmark tools to save them for later."
                </p>
            }
            .into_any();
        }
        let more = items.len().saturating_sub(5);
        let list = items
            .into_iter()
            .take(5)
            .map(|b| match cat.tool(&b.slug) {
                Some(t) => view! {
                    <li><a href=nav.href(&tool_path(&t.slug))>{t.name.clone()}</a></li>
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
