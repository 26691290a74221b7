//! The app shell: header with the site name and nav, notices, footer.

use leptos::prelude::*;
use std::sync::Arc;

use crate::app::components::shortcuts::Shortcuts;
use crate::app::data::{use_catalog, CatalogCtx};
use crate::app::pwa::{build_id, use_pwa};
use crate::app::router::use_nav;
use crate::app::store::use_store;
use crate::domain::catalog::guard::LISTED_SKIPPED;
use crate::domain::catalog::model::Catalog;
use crate::domain::catalog::validate::Problem;
use crate::domain::reader::store::Theme;

/// Whether the system asks for a dark theme.
fn system_prefers_dark() -> bool {
    // Ahead of time the reader's system is unknown: the page's inline script sets the
    // theme before the first paint, and the app corrects the toggle.
    if !cfg!(target_arch = "wasm32") {
        return false;
    }
    window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// Site header: name, navigation and the theme toggle.
// An island (`app::islands`): marked in a prerendered page, drawn again there in place;
// in the browser, a component.
#[cfg_attr(not(target_arch = "wasm32"), island)]
#[cfg_attr(target_arch = "wasm32", component)]
pub fn Header() -> impl IntoView {
    let nav = use_nav();
    let store = use_store();
    // Until the reader's settings are read, the toggle is drawn as the page was rendered
    // (light, disabled) and the page keeps the theme its inline script set.
    let dark = Memo::new(move |_| {
        store.known.get()
            && match store.settings.with(|s| s.theme) {
                Theme::Dark => true,
                Theme::Light => false,
                Theme::System => system_prefers_dark(),
            }
    });
    // The one place the theme reaches the DOM: `<html data-theme>`, read by the CSS.
    Effect::new(move |_| {
        if !store.known.get() {
            return;
        }
        let theme = if dark.get() { "dark" } else { "light" };
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute("data-theme", theme);
        }
    });
    let count = move || store.bookmarks.with(|b| b.len());
    let pwa = use_pwa();
    let offline = move || {
        (!pwa.online.get()).then(|| {
            view! {
                <span class="offline" role="status" title="No connection: showing the copy saved in this browser">
                    "Offline"
                </span>
            }
        })
    };
    view! {
        <header class="site-header">
            <a class="site-header__name" href=nav.href("/")>
                <span class="logo" aria-hidden="true">"S/S"</span>
                "Ship or Skip"
            </a>
            {offline}
            <nav class="site-header__nav" aria-label="Main">
                <a href=nav.href("/")>"Browse"</a>
                <a href=nav.href("/bookmarks")>
                    "Bookmarks"
                    {move || if store.known.get() {
                        // A span's aria-label is no name (HTML allows none there): the
                        // words are in the link's text, hidden but read.
                        view! {
                            <span class="count" aria-hidden="true">{count}</span>
                            <span class="visually-hidden">{move || format!(", {} bookmarked", count())}</span>
                        }.into_any()
                    } else {
                        // Unknown ahead of time: a figure-wide space holds the count's place.
                        view! { <span class="count count--pending" aria-hidden="true">"\u{2007}"</span> }.into_any()
                    }}
                </a>
                <button
                    type="button"
                    class="theme-toggle"
                    disabled=move || !store.known.get()
                    aria-pressed=move || dark.get().to_string()
                    title="Dark theme"
                    on:click=move |_| {
                        store.set_theme(if dark.get_untracked() { Theme::Light } else { Theme::Dark })
                    }
                >
                    <span aria-hidden="true">{move || if dark.get() { "☾" } else { "☀" }}</span>
                    <span class="visually-hidden">"Dark theme"</span>
                </button>
            </nav>
        </header>
    }
}

/// The catalog entries that could not be read, as the notices list them: the first
/// [`LISTED_SKIPPED`] by name, the rest counted (50,000 list items would hold the tab for
/// seconds).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Skipped {
    pub listed: Vec<Problem>,
    pub total: usize,
}

impl Skipped {
    pub fn of(problems: &[Problem]) -> Skipped {
        Skipped {
            listed: problems.iter().take(LISTED_SKIPPED).cloned().collect(),
            total: problems.len(),
        }
    }
}

/// Notices about the site and the reader's data: a new version ready, recovered values,
/// memory-only mode. Drawn into the page's `.notices`, before [`SkippedNotice`].
// An island (`app::islands`): marked in a prerendered page, drawn again there in place;
// in the browser, a component.
#[cfg_attr(not(target_arch = "wasm32"), island)]
#[cfg_attr(target_arch = "wasm32", component)]
pub fn Notices() -> impl IntoView {
    let store = use_store();
    let pwa = use_pwa();
    let update = move || {
        pwa.update_ready.get().then(|| {
            view! {
                <div class="notice notice--update" role="status">
                    <span>"A new version of Ship or Skip is ready. "</span>
                    <button type="button" class="button" on:click=move |_| pwa.apply_update()>
                        "Reload to update"
                    </button>
                </div>
            }
        })
    };
    let memory = move || {
        (!store.persistent.get()).then(|| {
            view! {
                <div class="notice notice--warn" role="status">
                    "This browser is not letting the site save data (storage is full, disabled or private). "
                    "Your bookmarks and votes work for this visit but will not be kept."
                </div>
            }
        })
    };
    let notices = move || {
        store
            .notices
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, n)| {
                view! {
                    <div class="notice" role="status">
                        <span>{n}</span>
                        <button
                            type="button"
                            class="link-button"
                            on:click=move |_| store.notices.update(|v| { if i < v.len() { v.remove(i); } })
                        >
                            "Dismiss"
                        </button>
                    </div>
                }
            })
            .collect_view()
    };
    view! { {update}{memory}{notices} }
}

/// The catalog entries that could not be shown, and why. Not an island: on a page the
/// build rendered, what it skipped never changes, so its islands module carries none of
/// this; the app's follows the catalog it loads.
#[component]
pub fn SkippedNotice(
    /// The catalog entries the build skipped, on a page it rendered; `None` follows the
    /// app's catalog.
    #[prop(optional_no_strip)]
    skipped: Option<Skipped>,
) -> impl IntoView {
    let loaded = use_context::<CatalogCtx>().map(|c| c.skipped);
    move || {
        let s = match (&skipped, loaded) {
            (Some(s), _) => s.clone(),
            (None, Some(loaded)) => Skipped::of(&loaded.get()),
            (None, None) => Skipped::default(),
        };
        (s.total > 0).then(|| {
            let items = s
                .listed
                .into_iter()
                .map(|p| view! { <li><code>{p.path}</code>": "{p.message}</li> })
                .collect_view();
            let more = s.total.saturating_sub(LISTED_SKIPPED);
            let more = (more > 0).then(|| {
                view! { <li>"…and "{more}" more: `catalog check` lists every one."</li> }
            });
            view! {
                <div class="notice notice--warn" role="status">
                    <p>
                        {s.total}
                        " catalog entries could not be shown because they are invalid; everything else is here."
                    </p>
                    <details><summary>"Which and why"</summary><ul>{items}{more}</ul></details>
                </div>
            }
        })
    }
}

/// Site footer.
#[component]
pub fn Footer() -> impl IntoView {
    let nav = use_nav();
    let catalog = use_catalog();
    let generated = move || catalog.ready().map(|c| c.generated.clone());
    view! {
        <footer class="site-footer">
            <p>
                "Ship or Skip: a panel of five reviewers tells you which AI tool to ship with. "
                "Everything you save stays in this browser."
            </p>
            <p>
                <a href=nav.href("/feed.xml")>"Atom feed"</a>
                " · "
                "Open data: "
                <a href=nav.href("/data/ship-or-skip-tools.csv") download="ship-or-skip-tools.csv">"CSV"</a>
                ", "
                <a href=nav.href("/catalog.json")>"JSON"</a>
                {move || generated().map(|g| view! { " · Data as of " <time datetime=g.clone()>{g.clone()}</time> })}
                {build_id().map(|b| view! { " · Build " <code class="build">{b}</code> })}
            </p>
            <Shortcuts/>
        </footer>
    }
}

/// The side column of the home and comparison pages: weekly verdicts and bookmarks.
#[component]
pub fn PageAside(
    /// The catalog the page shows.
    catalog: Arc<Catalog>,
) -> impl IntoView {
    use crate::app::components::bookmarks_panel::{names_for_islands, BookmarksPanel};
    use crate::app::components::weekly_box::WeeklyBox;
    view! {
        <aside class="page__aside">
            <WeeklyBox/>
            <BookmarksPanel names=names_for_islands(&catalog)/>
        </aside>
    }
}
