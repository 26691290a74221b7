//! The first view's home: the static page's boxes (the Leptos home's), made live. Each
//! change of the reader's (a keystroke, a select, a bookmark, a weight, the theme) updates
//! only the boxes it changes, the list's lines through `rows::draw` as the app does.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Event, HtmlElement, HtmlInputElement, HtmlSelectElement};

use crate::domain::catalog::model::{Catalog, Entry};
use crate::domain::catalog::stamp::{load_stamped, META_SELECTOR};
use crate::domain::explore::browse::{browse_from, BrowseQuery, Found, Sort};
use crate::domain::explore::listing::Line;
use crate::domain::explore::routes::{normalize_base, strip_base, with_base, Route};
use crate::domain::explore::search::SearchIndex;
use crate::domain::home::{self, result_count, PAGE};
use crate::domain::panel::verdict::Verdict;
use crate::domain::panel::weights::Weights;
use crate::domain::reader::store::{sorted_newest_first, Theme, BOOKMARKS_KEY, SETTINGS_KEY};
use crate::handover::{hand_over_now, load_page};
use crate::links::take_click;
use crate::saved::Saved;
use crate::{rows, worker};

/// The live home and what it shows.
struct Home {
    doc: Document,
    /// `#app`: the static page, live from [`Home::draw`] on.
    root: Element,
    base: String,
    catalog: Catalog,
    /// Weighted by the reader's weights, when they have any, and those weights.
    index: RefCell<(SearchIndex, Option<Weights>)>,
    query: RefCell<BrowseQuery>,
    limit: Cell<usize>,
    /// The last search, which a narrower one rescans instead of the catalog.
    found: RefCell<Option<Found>>,
    /// What the list shows (`rows::draw`).
    drawn: RefCell<Vec<Line>>,
    saved: RefCell<Saved>,
    /// A query-string edit not yet written to the address bar ([`Home::write_query`]).
    pending: Rc<RefCell<Option<String>>>,
    /// The app is on its way: it reads the address bar when it starts, so every edit is
    /// written at once.
    handing: Cell<bool>,
}

/// Makes home live, or hands over to the app when this page is not one the first view
/// can show alone.
pub async fn start() {
    let Some(home) = open().await else {
        return hand_over_now();
    };
    let home = Rc::new(home);
    home.draw();
    listen(&home);
    // Release builds only: under `trunk serve` it would answer with a stale build. A new
    // version waiting is the app's to announce.
    if !cfg!(debug_assertions) {
        worker::register(hand_over_now).await;
    }
}

/// Fetches a text file relative to the document base.
async fn fetch_text(url: &str) -> Option<String> {
    let resp = wasm_bindgen_futures::JsFuture::from(web_sys::window()?.fetch_with_str(url))
        .await
        .ok()?;
    let resp: web_sys::Response = resp.dyn_into().ok()?;
    if !resp.ok() {
        return None;
    }
    let text = wasm_bindgen_futures::JsFuture::from(resp.text().ok()?)
        .await
        .ok()?;
    text.as_string()
}

/// The reader's weights when they differ between personas.
fn weights_in_effect(catalog: &Catalog, saved: &Saved) -> Option<Weights> {
    let w = &saved.settings.weights;
    (!w.is_equal(&catalog.personas)).then(|| w.clone())
}

/// Home as the first view can show it: the static home page, online, the catalog the
/// build checked (its stamp in the page) and whole, the reader's records clean.
async fn open() -> Option<Home> {
    let window = web_sys::window()?;
    let doc = window.document()?;
    let root = doc.get_element_by_id("app")?;
    root.query_selector(".page--home").ok()??;
    if !window.navigator().on_line() {
        return None;
    }
    let base = normalize_base(&web_sys::Url::new(&doc.base_uri().ok()??).ok()?.pathname());
    let location = window.location();
    if Route::parse(strip_base(&base, &location.pathname().ok()?)?) != Route::Home {
        return None;
    }
    let stamp = doc
        .query_selector(META_SELECTOR)
        .ok()??
        .get_attribute("content")?;
    let loaded = load_stamped(&fetch_text("catalog.json").await?, &stamp)?;
    if loaded.catalog.split.is_some() {
        return None;
    }
    let saved = Saved::read()?;
    let catalog = loaded.catalog;
    let weights = weights_in_effect(&catalog, &saved);
    let index = SearchIndex::weighted(&catalog, weights.as_ref());
    let mut query = BrowseQuery::from_query(&location.search().ok()?);
    // Typed into the static page before this module ran.
    if let Some(input) = find::<HtmlInputElement>(&root, "#search") {
        if input.value() != input.default_value() {
            query.q = input.value();
        }
    }
    // What the static page shows, so the first drawing touches only what differs: a line
    // repainted whole could be a new largest paint.
    let href = |route: &str| with_base(&base, route);
    let drawn = match weights {
        None => home::static_lines(&catalog, &index, &href),
        Some(_) => home::static_lines(&catalog, &SearchIndex::new(&catalog), &href),
    };
    Some(Home {
        doc,
        root,
        base,
        catalog,
        index: RefCell::new((index, weights)),
        query: RefCell::new(query),
        limit: Cell::new(PAGE),
        found: RefCell::new(None),
        drawn: RefCell::new(drawn),
        saved: RefCell::new(saved),
        pending: Rc::default(),
        handing: Cell::new(false),
    })
}

/// The first element under `el` matching `css`, as a `T`.
fn find<T: JsCast>(el: &Element, css: &str) -> Option<T> {
    el.query_selector(css).ok()??.dyn_into().ok()
}

/// Shows or hides (`hidden`) the first element under `el` matching `css`.
fn show(el: &Element, css: &str, shown: bool) {
    if let Some(e) = find::<Element>(el, css) {
        let _ = e.toggle_attribute_with_force("hidden", !shown);
    }
}

/// Sets the text of the first element under `el` matching `css`, when it differs.
fn set_text(el: &Element, css: &str, text: &str) {
    if let Some(e) = find::<Element>(el, css) {
        if e.text_content().as_deref() != Some(text) {
            e.set_text_content(Some(text));
        }
    }
}

impl Home {
    fn href(&self, route: &str) -> String {
        with_base(&self.base, route)
    }

    /// Everything the static page does not show as the reader would see it, then marks
    /// the page live.
    fn draw(&self) {
        self.show_query();
        self.draw_theme();
        self.draw_weights();
        self.draw_bookmarks();
        self.draw_results();
        // A query typed into the static page before this module ran (only then: writing
        // the address rewrites parameters that are not the query's, such as a campaign's).
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        if BrowseQuery::from_query(&search) != *self.query.borrow() {
            self.write_query(false);
        }
        let _ = self.root.remove_attribute("data-prerendered");
        let _ = self.root.set_attribute("data-live", "");
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            let _ = p.mark(home::LIVE_MARK);
        }
    }

    /// The browse form shows the query.
    fn show_query(&self) {
        let q = self.query.borrow();
        if let Some(input) = find::<HtmlInputElement>(&self.root, "#search") {
            if input.value() != q.q {
                input.set_value(&q.q);
            }
        }
        let selects = [
            ("#f-category", q.category.clone().unwrap_or_default()),
            ("#f-entry", q.entry.map_or("", Entry::as_str).to_string()),
            (
                "#f-verdict",
                q.verdict.map_or("", Verdict::as_str).to_string(),
            ),
            ("#f-sort", q.sort.as_str().to_string()),
        ];
        for (css, value) in selects {
            if let Some(s) = find::<HtmlSelectElement>(&self.root, css) {
                s.set_value(&value);
            }
        }
    }

    /// The results of the query: count, empty state, lines and "Show more".
    fn draw_results(&self) {
        let r = &self.root;
        let q = self.query.borrow();
        let prev = self.found.borrow_mut().take();
        let index = &self.index.borrow().0;
        let found = browse_from(&self.catalog, index, &q, self.limit.get(), prev.as_ref());
        let total = self.catalog.tools.len();
        let Some(count) = find::<Element>(r, "p.count") else {
            return;
        };
        count.set_text_content(Some(&result_count(found.total(), total, q.is_filtered())));
        // The empty state and "Show more" are in the page, hidden when they say nothing
        // (`pages/home.rs`).
        let typed = q.q.trim();
        show(r, "div.empty", found.shown.is_empty());
        // The sentence that quotes the words typed, after "No tools match.".
        show(r, "div.empty p > span", !typed.is_empty());
        set_text(r, ".empty__words", typed);
        let left = found.total() - found.shown.len();
        show(r, "button.more", left > 0);
        set_text(r, ".more__left", &left.to_string());
        if let Some(ul) = find::<Element>(r, "ul.rows") {
            let saved = self.saved.borrow();
            let weighted = weights_in_effect(&self.catalog, &saved).is_some();
            let next = home::lines(
                &self.catalog,
                index,
                &found,
                weighted,
                &|p| self.href(p),
                &|s| Some(saved.is_bookmarked(s)),
            );
            rows::draw(&ul, &mut self.drawn.borrow_mut(), next);
        }
        *self.found.borrow_mut() = Some(found);
    }

    /// The weights panel and its notice, and the index the results are ranked by.
    fn draw_weights(&self) {
        let r = &self.root;
        let w = weights_in_effect(&self.catalog, &self.saved.borrow());
        let equal = Weights::default();
        for p in &self.catalog.personas {
            let css = format!("#weight-{}", p.id);
            if let Some(s) = find::<HtmlSelectElement>(r, &css) {
                s.set_value(&w.as_ref().unwrap_or(&equal).of(&p.id).to_string());
                // The static page's wait for the reader's weights.
                s.set_disabled(false);
            }
        }
        if let Some(b) = find::<HtmlElement>(r, "details.weights > button") {
            b.toggle_attribute_with_force("disabled", w.is_none()).ok();
        }
        show(r, ".notice--weights", w.is_some());
        if let Some(w) = &w {
            set_text(
                r,
                ".notice--weights .notice__what",
                &w.summary(&self.catalog.personas),
            );
        }
        // Built again only for other weights: another tab's bookmark does not rank anew.
        if self.index.borrow().1 != w {
            let index = SearchIndex::weighted(&self.catalog, w.as_ref());
            *self.index.borrow_mut() = (index, w);
        }
    }

    /// The header's count and the side panel (the lines' toggles: [`Home::draw_results`]).
    fn draw_bookmarks(&self) {
        let r = &self.root;
        let newest = sorted_newest_first(&self.saved.borrow().bookmarks);
        if let Some(count) = find::<Element>(r, ".site-header__nav .count") {
            let n = newest.len().to_string();
            count.set_class_name("count");
            let _ = count.remove_attribute("aria-hidden");
            let _ = count.set_attribute("aria-label", &format!("{n} bookmarked"));
            count.set_text_content(Some(&n));
        }
        if let Some(h2) = find::<Element>(r, "#bookmarks-title") {
            while let Some(next) = h2.next_element_sibling() {
                next.remove();
            }
            let body = home::bookmarks_body(&self.catalog, &newest, &|p| self.href(p));
            let _ = h2.insert_adjacent_html("afterend", &body);
        }
    }

    /// Whether the page is dark: the reader's theme, or the system's.
    fn dark(&self) -> bool {
        match self.saved.borrow().settings.theme {
            Theme::Dark => true,
            Theme::Light => false,
            Theme::System => web_sys::window()
                .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
                .is_some_and(|m| m.matches()),
        }
    }

    fn draw_theme(&self) {
        let dark = self.dark();
        if let Some(html) = self.doc.document_element() {
            let _ = html.set_attribute("data-theme", if dark { "dark" } else { "light" });
        }
        if let Some(b) = find::<Element>(&self.root, ".theme-toggle") {
            let _ = b.remove_attribute("disabled");
            let _ = b.set_attribute("aria-pressed", if dark { "true" } else { "false" });
            if let Some(icon) = b.first_element_child() {
                icon.set_text_content(Some(if dark { "☾" } else { "☀" }));
            }
        }
    }

    /// Writes the query to the address bar, as the app's router does (`Nav::set_query`):
    /// with `push`, as a new history entry; without (a keystroke), when the browser is
    /// next idle, since `replaceState` costs a keystroke's worth of time.
    fn write_query(&self, push: bool) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let q = self.query.borrow().to_query();
        let path = window.location().pathname().unwrap_or_default();
        let url = if q.is_empty() { path } else { path + "?" + &q };
        let shown = self.pending.borrow().clone().unwrap_or_else(|| {
            let l = window.location();
            l.pathname().unwrap_or_default() + &l.search().unwrap_or_default()
        });
        if url == shown {
            return;
        }
        if push {
            self.flush();
            if let Ok(h) = window.history() {
                let _ = h.push_state_with_url(&JsValue::NULL, "", Some(&url));
            }
            return;
        }
        let waiting = self.pending.replace(Some(url)).is_some();
        if self.handing.get() {
            self.flush();
        } else if !waiting {
            let pending = self.pending.clone();
            let write = Closure::once_into_js(move || flush(&pending));
            // At the latest after a second: a page kept busy still gets its address.
            let opts = web_sys::IdleRequestOptions::new();
            opts.set_timeout(1000);
            if window
                .request_idle_callback_with_options(write.unchecked_ref(), &opts)
                .is_err()
            {
                // No requestIdleCallback (older Safari): the next task will do.
                let _ = window.set_timeout_with_callback(write.unchecked_ref());
            }
        }
    }

    /// Writes a pending query-string edit to the address bar.
    fn flush(&self) {
        flush(&self.pending);
    }

    /// Hands the page over to the app with the address bar up to date; home stays
    /// live until the app replaces it.
    fn hand_over(&self) {
        self.handing.set(true);
        self.flush();
        hand_over_now();
    }

    /// Leaves home for the page of the current address, which is the app's.
    fn load_page(&self) {
        self.handing.set(true);
        if let Some(main) = find::<Element>(&self.root, "main") {
            load_page(main);
        }
    }

    /// Follows the address bar's query (a link to home, back or forward).
    fn follow_location(&self) {
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        *self.query.borrow_mut() = BrowseQuery::from_query(&search);
        self.limit.set(PAGE);
        self.show_query();
        self.draw_results();
    }

    /// Re-reads the reader's records (another tab wrote them); the app's if not clean.
    fn reload_saved(&self) {
        let Some(saved) = Saved::reread() else {
            return self.hand_over();
        };
        *self.saved.borrow_mut() = saved;
        self.draw_theme();
        self.draw_weights();
        self.draw_bookmarks();
        self.draw_results();
    }

    fn set_weights(&self, op: impl FnOnce(&mut Weights)) {
        let done = self
            .saved
            .borrow_mut()
            .update_settings(|s| op(&mut s.weights));
        match done {
            Some(()) => {
                self.draw_weights();
                self.draw_results();
            }
            None => self.hand_over(),
        }
    }

    fn on_input(&self, ev: &Event) {
        let Some(input) = target::<HtmlInputElement>(ev).filter(|i| i.id() == "search") else {
            return;
        };
        self.query.borrow_mut().q = input.value();
        self.limit.set(PAGE);
        self.draw_results();
        self.write_query(false);
    }

    fn on_change(&self, ev: &Event) {
        let Some(select) = target::<HtmlSelectElement>(ev) else {
            return;
        };
        let (id, v) = (select.id(), select.value());
        if let Some(persona) = id.strip_prefix("weight-") {
            let w = v.parse().unwrap_or(1);
            return self.set_weights(|all| all.set(persona, w));
        }
        {
            let mut q = self.query.borrow_mut();
            match id.as_str() {
                "f-category" => q.category = (!v.is_empty()).then_some(v),
                "f-entry" => q.entry = Entry::parse(&v),
                "f-verdict" => q.verdict = Verdict::parse(&v),
                "f-sort" => q.sort = Sort::parse(&v).unwrap_or_default(),
                _ => return,
            }
        }
        self.draw_results();
        self.write_query(true);
    }

    fn on_click(&self, ev: &web_sys::MouseEvent) {
        let Some(el) = target::<Element>(ev) else {
            return;
        };
        let closest = |css: &str| el.closest(css).ok().flatten();
        if let Some(to) = take_click(ev, &self.base) {
            return self.follow_link(&to);
        }
        let Some(button) = closest("button") else {
            return;
        };
        if let Some(slug) = button
            .closest("ul.rows")
            .ok()
            .flatten()
            .and(button.get_attribute("data-slug"))
        {
            let done = self.saved.borrow_mut().toggle_bookmark(&slug);
            return match done {
                Some(()) => {
                    self.draw_bookmarks();
                    self.draw_results();
                }
                None => self.hand_over(),
            };
        }
        if closest(".load-error").is_some() {
            return self.load_page();
        }
        let class = button.class_name();
        if button
            .matches("details.weights > button, .notice--weights button")
            .unwrap_or(false)
        {
            self.set_weights(|w| *w = Weights::default());
        } else if button.matches("button.more").unwrap_or(false) {
            self.limit.set(self.limit.get() + PAGE);
            self.draw_results();
        } else if class == "theme-toggle" {
            let theme = if self.dark() {
                Theme::Light
            } else {
                Theme::Dark
            };
            match self.saved.borrow_mut().update_settings(|s| s.theme = theme) {
                Some(()) => {}
                None => return self.hand_over(),
            }
            self.draw_theme();
        }
    }

    /// A link to one of the app's addresses (`links::take_click`): home follows it in
    /// place, another page is the app's.
    fn follow_link(&self, to: &str) {
        self.flush();
        let href = with_base(&self.base, to);
        let pushed = web_sys::window()
            .and_then(|w| w.history().ok())
            .is_some_and(|h| {
                h.push_state_with_url(&JsValue::NULL, "", Some(&href))
                    .is_ok()
            });
        if !pushed {
            // Sandboxed or file:// pages refuse pushState: a real load.
            if let Some(w) = web_sys::window() {
                let _ = w.location().set_href(&href);
            }
            return;
        }
        let path = to.split('?').next().unwrap_or(to);
        if Route::parse(path) == Route::Home {
            self.follow_location();
        } else {
            self.load_page();
        }
    }

    /// Shows or hides the keyboard shortcuts' help (a popover) as its footer button does,
    /// and moves focus into it when shown (`components/shortcuts.rs`' `toggle_help`).
    fn toggle_help(&self) {
        if let Some(button) = find::<HtmlElement>(&self.root, ".shortcuts-hint button") {
            button.click();
        }
        let Some(help) = find::<HtmlElement>(&self.root, ".shortcuts") else {
            return;
        };
        if help.matches(":popover-open").unwrap_or(false) {
            if let Some(close) = find::<HtmlElement>(&help, "button") {
                let _ = close.focus();
            }
        }
    }

    /// The shortcuts home has (`components/shortcuts.rs`): `/` and `?` (Escape is the
    /// help's own, a popover's).
    fn on_key(&self, e: &web_sys::KeyboardEvent) {
        if e.ctrl_key() || e.meta_key() || e.alt_key() || e.default_prevented() {
            return;
        }
        let typing = target::<Element>(e).is_some_and(|el| {
            el.closest("input, textarea, select, [contenteditable]")
                .ok()
                .flatten()
                .is_some()
        });
        if typing {
            return;
        }
        match e.key().as_str() {
            "/" => {
                e.prevent_default();
                if let Some(s) = find::<HtmlElement>(&self.root, "#search") {
                    let _ = s.focus();
                }
            }
            "?" => self.toggle_help(),
            _ => {}
        }
    }
}

fn flush(pending: &RefCell<Option<String>>) {
    if let Some(url) = pending.take() {
        if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    }
}

fn target<T: JsCast>(ev: &Event) -> Option<T> {
    ev.target()?.dyn_into().ok()
}

/// Calls `f` on each `name` event at `at` while home is on the page: once the app has
/// replaced it, the app's own listeners answer.
fn on<E: JsCast + 'static>(
    at: &web_sys::EventTarget,
    name: &str,
    home: &Rc<Home>,
    f: impl Fn(&Home, &E) + 'static,
) {
    let home = home.clone();
    let cb = Closure::<dyn Fn(Event)>::new(move |ev: Event| {
        if home.root.is_connected() {
            if let Ok(ev) = ev.dyn_into::<E>() {
                f(&home, &ev);
            }
        }
    });
    let _ = at.add_event_listener_with_callback(name, cb.as_ref().unchecked_ref());
    cb.forget();
}

fn listen(home: &Rc<Home>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let root: &web_sys::EventTarget = home.root.as_ref();
    on::<Event>(root, "input", home, Home::on_input);
    on::<Event>(root, "change", home, Home::on_change);
    on::<web_sys::MouseEvent>(root, "click", home, Home::on_click);
    on::<Event>(root, "submit", home, |_, ev| ev.prevent_default());
    on::<web_sys::KeyboardEvent>(&window, "keydown", home, Home::on_key);
    on::<Event>(&window, "popstate", home, |home, _| {
        // The entry the edit was for is no longer the current one.
        home.pending.take();
        let path = web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_default();
        match strip_base(&home.base, &path).map(Route::parse) {
            Some(Route::Home) => home.follow_location(),
            _ => home.load_page(),
        }
    });
    on::<web_sys::StorageEvent>(&window, "storage", home, |home, e| {
        // `None`: another tab cleared the storage.
        if matches!(
            e.key().as_deref(),
            None | Some(BOOKMARKS_KEY | SETTINGS_KEY)
        ) {
            home.reload_saved();
        }
    });
    // Leaving the page writes a pending edit now.
    on::<Event>(&window, "pagehide", home, |home, _| home.flush());
    // The app says the page is offline, and shows what it has kept.
    on::<Event>(&window, "offline", home, |home, _| home.hand_over());
}
