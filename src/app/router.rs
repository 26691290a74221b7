//! A small router of our own: a path signal, `popstate`, and `pushState` for same-app links.
//!
//! leptos_router costs ~42 KB gzip of wasm (TOOLCHAIN.md); the app needs five static route
//! shapes, which `domain::explore::routes` parses in a few lines. Links stay real `<a href>` (open in
//! a new tab, work without wasm); a document-level click handler turns same-app clicks
//! into history navigation.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::explore::routes::{normalize_base, strip_base, with_base, Route};

/// Location state shared through context.
#[derive(Clone, Copy)]
pub struct Nav {
    base: StoredValue<String>,
    /// Scheme and host, for absolute links a reader copies.
    origin: StoredValue<String>,
    /// Base-relative path, e.g. `/tool/mistral-3b`.
    path: RwSignal<String>,
    /// Query string without `?`.
    query: RwSignal<String>,
    /// The parsed route; only changes when the path does, so pages survive query edits.
    pub route: Memo<Route>,
    /// A query-string edit not yet written to the address bar (see `set_query`).
    pending: StoredValue<Option<String>>,
    /// The islands of a prerendered page have no router: navigating to another page
    /// loads it.
    loads_pages: bool,
}

/// The router context; in the islands of a prerendered page, the page's address.
pub fn use_nav() -> Nav {
    use_context::<Nav>().unwrap_or_else(crate::app::islands::nav)
}

fn current_base() -> String {
    let uri = document().base_uri().ok().flatten().unwrap_or_default();
    let path = web_sys::Url::new(&uri)
        .map(|u| u.pathname())
        .unwrap_or_else(|_| "/".into());
    normalize_base(&path)
}

/// Reads `location` into (base-relative path, query); `None` path when outside the base.
fn read_location(base: &str) -> (String, String) {
    let loc = location();
    let pathname = loc.pathname().unwrap_or_default();
    let search = loc.search().unwrap_or_default();
    let path = strip_base(base, &pathname)
        .map(str::to_string)
        .unwrap_or_else(|| "/\u{0}outside".into());
    (path, search.trim_start_matches('?').to_string())
}

impl Nav {
    /// Creates the router state and its listeners; call once in `App`.
    pub fn provide() -> Nav {
        let nav = Nav::of_location(false);
        provide_context(nav);
        let handles = nav.listen();
        on_cleanup(move || handles.into_iter().for_each(WindowListenerHandle::remove));
        nav
    }

    /// Follows the document: back and forward, same-app links (`links::take_click`), and
    /// leaving the page, which writes a pending query-string edit first.
    fn listen(self) -> [WindowListenerHandle; 3] {
        let nav = self;
        [
            window_event_listener(ev::popstate, move |_| {
                // The entry the edit was for is no longer the current one.
                nav.pending.set_value(None);
                nav.sync()
            }),
            window_event_listener(ev::click, move |e| nav.intercept(e)),
            // Leaving the page (closing the tab, following an outside link) writes it now.
            window_event_listener_untyped("pagehide", move |_| nav.flush()),
        ]
    }

    /// The router state for the page at `path?query` of a site at `origin` + `base`,
    /// without listeners: what a page rendered ahead of time (`app::render`) reads.
    pub fn provide_at(base: &str, path: &str, query: &str, origin: &str) -> Nav {
        let nav = Nav::at(base, path, query, origin, false);
        provide_context(nav);
        nav
    }

    /// The address of this document, for the islands of a prerendered page:
    /// [`Nav::navigate`] loads the page it goes to, and only a new query string (a
    /// reviewer's category, home's search) stays in the document, followed back and
    /// forward; links within the page are followed in it, as in the app.
    pub fn of_document() -> Nav {
        let nav = Nav::of_location(true);
        // For the page's lifetime: the handles are never removed.
        let _ = nav.listen();
        nav
    }

    /// The router state at this document's address.
    fn of_location(loads_pages: bool) -> Nav {
        let base = current_base();
        let (path, query) = read_location(&base);
        let origin = location().origin().unwrap_or_default();
        Nav::at(&base, &path, &query, &origin, loads_pages)
    }

    fn at(base: &str, path: &str, query: &str, origin: &str, loads_pages: bool) -> Nav {
        let path = RwSignal::new(path.to_string());
        let nav = Nav {
            base: StoredValue::new(base.to_string()),
            origin: StoredValue::new(origin.trim_end_matches('/').to_string()),
            path,
            query: RwSignal::new(query.to_string()),
            route: Memo::new(move |_| Route::parse(&path.get())),
            pending: StoredValue::new(None),
            loads_pages,
        };
        nav
    }

    /// The router base, `/` or `/sub/path/`.
    pub fn base(&self) -> String {
        self.base.get_value()
    }

    /// An absolute href for a base-relative path (may include `?query`).
    pub fn href(&self, path: &str) -> String {
        self.base.with_value(|b| with_base(b, path))
    }

    /// The absolute URL of a base-relative path, for a link the reader copies.
    pub fn absolute(&self, path: &str) -> String {
        self.origin.get_value() + &self.href(path)
    }

    /// The current query string (reactive).
    pub fn query(&self) -> String {
        self.query.get()
    }

    /// Navigates to a base-relative `path?query`, adding a history entry.
    pub fn navigate(&self, to: &str) {
        self.go(to, true);
    }

    /// Replaces the query string of the current page; `push` adds a history entry.
    ///
    /// Without `push` (a keystroke in the search box), the page follows the new query at
    /// once and the address bar when the browser is next idle: `replaceState` costs
    /// Chromium ~0.7 ms, a seventh of a keystroke at 10,000 tools, and a reader typing
    /// faster than the page goes idle needs only the last query written. Any navigation
    /// writes a pending edit first, so history never loses it.
    pub fn set_query(&self, query: &str, push: bool) {
        if query == self.query.get_untracked() {
            return;
        }
        let path = self.path.get_untracked();
        let to = crate::domain::explore::routes::with_query(&path, query);
        if push {
            return self.go(&to, true);
        }
        let waiting = self.pending.with_value(Option::is_some);
        self.pending.set_value(Some(self.href(&to)));
        self.query.set(query.to_string());
        if !waiting {
            let nav = *self;
            let write = wasm_bindgen::closure::Closure::once_into_js(move || nav.flush());
            // At the latest after a second: a page kept busy still gets its address.
            let opts = web_sys::IdleRequestOptions::new();
            opts.set_timeout(1000);
            if window()
                .request_idle_callback_with_options(write.unchecked_ref(), &opts)
                .is_err()
            {
                // No requestIdleCallback (older Safari): the next task will do.
                set_timeout(move || nav.flush(), std::time::Duration::ZERO);
            }
        }
    }

    /// Writes a pending query-string edit to the address bar.
    fn flush(&self) {
        if let Some(url) = self.pending.try_update_value(Option::take).flatten() {
            if let Ok(history) = window().history() {
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
        }
    }

    fn go(&self, to: &str, push: bool) {
        self.flush();
        let url = self.href(to);
        let same_page = to.split('?').next() == Some(self.path.get_untracked().as_str());
        if self.loads_pages && !same_page {
            let _ = location().set_href(&url);
            return;
        }
        if let Ok(history) = window().history() {
            let r = if push {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            } else {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            };
            if r.is_err() {
                // Sandboxed or file:// pages refuse pushState: fall back to a real load.
                let _ = location().set_href(&url);
                return;
            }
        }
        let old_path = self.path.get_untracked();
        self.sync();
        if self.path.get_untracked() != old_path {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    }

    /// Re-reads `location` into the signals.
    fn sync(&self) {
        let (path, query) = self.base.with_value(|b| read_location(b));
        if path != self.path.get_untracked() {
            self.path.set(path);
        }
        if query != self.query.get_untracked() {
            self.query.set(query);
        }
    }

    /// Turns a plain left click on a same-app `<a href>` into history navigation
    /// (`links::take_click`).
    fn intercept(&self, e: web_sys::MouseEvent) {
        // Once the app has taken an islands page over (its `#app` replaced the page's),
        // its own router follows the links, within the app.
        if self.loads_pages
            && document()
                .query_selector("#app[data-islands]")
                .ok()
                .flatten()
                .is_none()
        {
            return;
        }
        if let Some(to) = self
            .base
            .with_value(|b| crate::app::links::take_click(&e, b))
        {
            self.navigate(&to);
        }
    }
}
