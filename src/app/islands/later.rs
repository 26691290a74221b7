//! The islands a module draws on need: code a reader with nothing saved does not run,
//! where the build drew the island as it stays for that reader. They come in a chunk of
//! the module (`later`, cut by `catalog site` like the app's chunks), fetched the first
//! time one is needed; each island's need is read
//! reactively from the page's state once the records are, for the page's life, and an
//! island is needed too as soon as the reader reaches into it (focuses, presses or opens
//! something in it).
//!
//! What the reader did before the chunk came is not lost: a `<details>` opened stays
//! open, the focused control keeps the focus, and the buttons pressed and the fields
//! changed are pressed and changed again once the island is drawn.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::props::{props, Draw};
use super::Page;
use crate::app::components::shell::Notices;
#[cfg(any(
    feature = "islands-compare",
    feature = "islands-reviewer",
    feature = "islands-home"
))]
use crate::domain::panel::weights::Weights;
#[cfg(feature = "islands-home")]
use {
    super::catalog::catalog,
    crate::app::pages::home::{Browse, Browsed},
    crate::domain::explore::browse::BrowseQuery,
};
#[cfg(feature = "islands-compare")]
use {
    super::props::Decision,
    crate::app::components::weights_panel::WeightsPanel,
    crate::app::pages::compare::{DecisionTable, WhichWouldYouShip},
};
#[cfg(any(feature = "islands-compare", feature = "islands-home"))]
use {super::props::Names, crate::app::components::bookmarks_panel::BookmarksPanel};
#[cfg(any(feature = "islands-compare", feature = "islands-reviewer"))]
use {super::props::Panel, crate::app::components::weights_panel::WeightsNotice};
// A tool page's islands, which home's module has none of.
#[cfg(not(feature = "islands-home"))]
use {
    super::props::{Copy, Picker},
    crate::app::components::controls::PickerSelect,
    crate::app::components::copy::CopyField,
};
#[cfg(feature = "islands-reviewer")]
use {
    super::props::{Reviews, Trust},
    crate::app::pages::reviewer::{ReviewerList, TrustButton},
};

/// Whether the page needs an island drawn, from its shared state (read reactively).
pub type Need = fn(&Page) -> bool;

/// The need of each island this module draws on need; `None` for those it draws at once.
/// Each name here has its arm in [`later_island`] too: the needs are read in the main
/// part, the drawing is the chunk's.
pub fn need(component: &str) -> Option<Need> {
    Some(match component {
        // A notice is there only once a record was recovered, storage refuses writes or a
        // new version waits.
        "Notices" => |page| {
            page.pwa.update_ready.get()
                || !page.store.persistent.get()
                || page.store.notices.with(|n| !n.is_empty())
        },
        #[cfg(any(feature = "islands-compare", feature = "islands-reviewer"))]
        "WeightsNotice" => weighted,
        // Home's list, once it shows more than the build drew: the reader's search in
        // the address, their weights' figures, or their bookmarks' toggles.
        #[cfg(feature = "islands-home")]
        "Browse" => |page| {
            weighted(page)
                || page.store.bookmarks.with(|b| !b.is_empty())
                || BrowseQuery::from_query(&page.nav.query()) != BrowseQuery::default()
        },
        // Only once the reader reaches into them.
        #[cfg(not(feature = "islands-home"))]
        "CopyField" | "PickerSelect" => |_| false,
        // The reader's bookmarks, listed; none is the build's empty state.
        #[cfg(any(feature = "islands-compare", feature = "islands-home"))]
        "BookmarksPanel" => |page| page.store.bookmarks.with(|b| !b.is_empty()),
        // A pick saved (on this comparison or another).
        #[cfg(feature = "islands-compare")]
        "WhichWouldYouShip" => |page| page.store.votes.with(|v| !v.picks.is_empty()),
        #[cfg(feature = "islands-compare")]
        "WeightsPanel" => weighted,
        // Its row by the reader's weights, and its community lines with their vote.
        #[cfg(feature = "islands-compare")]
        "DecisionTable" => |page| weighted(page) || page.store.votes.with(|v| !v.votes.is_empty()),
        // Only when pressed.
        #[cfg(feature = "islands-reviewer")]
        "TrustButton" => |_| false,
        // A category in the address (opened so, or back and forward after one was chosen).
        #[cfg(feature = "islands-reviewer")]
        "ReviewerList" => |page| page.nav.query().contains("category="),
        _ => return None,
    })
}

/// Whether the reader has weights of their own, which the weights notice, the panel and
/// the decision table's row show.
#[cfg(any(
    feature = "islands-compare",
    feature = "islands-reviewer",
    feature = "islands-home"
))]
fn weighted(page: &Page) -> bool {
    page.store.weights() != Weights::default()
}

/// What draws an island of this module's chunk, once what it shows is in: its props, or
/// for home's, the catalog.
type Pending = Pin<Box<dyn Future<Output = Result<Draw, Unready>>>>;

/// Why an island of the chunk is not drawn.
#[derive(Clone)]
pub enum Unready {
    /// Its code or its catalog did not download (offline before the worker kept them):
    /// the island stays as the build drew it, until the reader reaches into it again,
    /// which fetches again.
    Unfetched,
    /// Props it cannot read, or a catalog other than the page's: the page and what it
    /// reads come from different builds, and the app draws the page.
    Foreign(String),
}

/// What draws an island of this module's chunk, from the props the build wrote.
fn later_island(el: &web_sys::HtmlElement) -> Pending {
    let name = el.dataset().get("component").unwrap_or_default();
    match super::component(&name) {
        // Home's list searches the catalog, which the chunk fetches.
        #[cfg(feature = "islands-home")]
        "Browse" => Box::pin(async {
            let catalog = catalog().await?;
            Ok(Box::new(move || {
                provide_context(Browsed(catalog));
                view! { <Browse/> }.into_any()
            }) as Draw)
        }),
        // Home's bookmarks panel names its tools from the catalog, which a page of a
        // catalog too large to carry every name (`names_for_islands`) does not hold.
        #[cfg(feature = "islands-home")]
        "BookmarksPanel" => {
            let names = props::<Names>(el).map(|n| n.names);
            Box::pin(async move {
                let names = match names.map_err(Unready::Foreign)? {
                    Some(names) => names,
                    None => catalog()
                        .await?
                        .tools
                        .iter()
                        .map(|t| (t.slug.clone(), t.name.clone()))
                        .collect(),
                };
                let names = Some(names);
                Ok(Box::new(move || view! { <BookmarksPanel names/> }.into_any()) as Draw)
            })
        }
        _ => Box::pin(std::future::ready(
            drawn_from_props(el).map_err(Unready::Foreign),
        )),
    }
}

/// What draws an island of this module's chunk from its props alone.
fn drawn_from_props(el: &web_sys::HtmlElement) -> Result<Draw, String> {
    let name = el.dataset().get("component").unwrap_or_default();
    Ok(match super::component(&name) {
        "Notices" => Box::new(move || view! { <Notices/> }.into_any()),
        #[cfg(not(feature = "islands-home"))]
        "CopyField" => {
            let Copy {
                text,
                label,
                button,
                multiline,
            } = props(el)?;
            Box::new(move || view! { <CopyField text label button multiline/> }.into_any())
        }
        #[cfg(not(feature = "islands-home"))]
        "PickerSelect" => {
            let Picker {
                id,
                label,
                current,
                position,
                options,
            } = props(el)?;
            Box::new(move || view! { <PickerSelect id label current position options/> }.into_any())
        }
        #[cfg(any(feature = "islands-compare", feature = "islands-reviewer"))]
        "WeightsNotice" => {
            let Panel { personas } = props(el)?;
            Box::new(move || view! { <WeightsNotice personas/> }.into_any())
        }
        #[cfg(feature = "islands-compare")]
        "WeightsPanel" => {
            let Panel { personas } = props(el)?;
            Box::new(move || view! { <WeightsPanel personas/> }.into_any())
        }
        #[cfg(feature = "islands-compare")]
        "WhichWouldYouShip" => {
            let names = props::<Names>(el)?.names.ok_or("no names")?;
            Box::new(move || view! { <WhichWouldYouShip names/> }.into_any())
        }
        #[cfg(feature = "islands-compare")]
        "BookmarksPanel" => {
            let Names { names } = props(el)?;
            // Without names it would wait for a catalog that never comes.
            names.as_ref().ok_or("no names")?;
            Box::new(move || view! { <BookmarksPanel names/> }.into_any())
        }
        #[cfg(feature = "islands-compare")]
        "DecisionTable" => {
            let Decision { tools, personas } = props(el)?;
            Box::new(move || view! { <DecisionTable tools personas/> }.into_any())
        }
        #[cfg(feature = "islands-reviewer")]
        "TrustButton" => {
            let Trust { personas, persona } = props(el)?;
            Box::new(move || view! { <TrustButton personas persona/> }.into_any())
        }
        #[cfg(feature = "islands-reviewer")]
        "ReviewerList" => {
            let Reviews {
                rows,
                categories,
                split,
            } = props(el)?;
            Box::new(move || view! { <ReviewerList rows categories split/> }.into_any())
        }
        other => return Err(format!("no island {other} in this module's chunk")),
    })
}

/// The chunk: fetched the first time an island of it is needed, never on a page that
/// needs none.
#[wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)]
fn later(el: web_sys::HtmlElement) -> Result<Pending, SplitLoaderError> {
    Ok(later_island(&el))
}

/// Draws each island from the chunk once its need holds or the reader reaches into it.
/// Those needed at once (the reader's records or the address call for them) are drawn
/// before `live` runs, which says the page is live: a page marked live shows the
/// reader's state.
pub fn draw_all(later: Vec<(web_sys::HtmlElement, Need)>, live: fn()) {
    let page = super::page();
    let at_once: Vec<bool> = later
        .iter()
        .map(|(_, need)| untrack(|| need(&page)))
        .collect();
    let waiting = Rc::new(Cell::new(at_once.iter().filter(|n| **n).count()));
    if waiting.get() == 0 {
        live();
    }
    let one_drawn: Ready = Rc::new(move || {
        let left = waiting.get().saturating_sub(1);
        if waiting.replace(left) == 1 {
            live();
        }
    });
    let early = early_acts();
    // The effects last the page's life: an owner of their own, never dropped.
    let owner = Owner::new();
    owner.with(|| {
        for ((el, need), now) in later.into_iter().zip(at_once) {
            let done = done_early(&el, &early);
            draw_when(el, need, done, now.then(|| one_drawn.clone()));
        }
    });
    std::mem::forget(owner);
}

/// Called once an island needed at once is drawn (or could not be).
type Ready = Rc<dyn Fn()>;

/// What the page loader saw the reader press and change before the islands were drawn
/// (src/loader.js keeps the events in `shipOrSkipEarly`); the list ends here, and the
/// islands see the rest.
fn early_acts() -> Vec<web_sys::Event> {
    let key = wasm_bindgen::JsValue::from_str("shipOrSkipEarly");
    let list = js_sys::Reflect::get(&window(), &key).unwrap_or_default();
    let _ = js_sys::Reflect::set(&window(), &key, &wasm_bindgen::JsValue::UNDEFINED);
    list.dyn_into::<js_sys::Array>()
        .map(|a| a.iter().filter_map(|e| e.dyn_into().ok()).collect())
        .unwrap_or_default()
}

/// Of `early`, what the reader did to the island `el`. Only what they did counts: a
/// field the browser restored on its own (Firefox does on a reload) fires no event.
fn done_early(el: &web_sys::HtmlElement, early: &[web_sys::Event]) -> Vec<Act> {
    let mut acts = Vec::new();
    for act in early.iter().filter_map(|e| act(el, e)) {
        Act::add(&mut acts, act);
    }
    acts
}

/// The controls of an island, by their place in it: how an act is found again in the
/// island once drawn.
const CONTROLS: &str = "a[href], button, select, input, textarea, summary";

/// What the reader did to an island before its code came.
enum Act {
    /// A button pressed (with the mouse, a tap or the keyboard), by its place.
    Press(u32),
    /// A field changed to a value, by its place.
    Change(u32, String),
    /// Text typed into a field, by its place: its value once typed.
    Input(u32, String),
}

impl Act {
    /// Adds `act` to `acts`; text typed into a field replaces what was typed there before
    /// (done again, the last value is all that counts).
    fn add(acts: &mut Vec<Act>, act: Act) {
        if let Act::Input(at, _) = act {
            acts.retain(|a| !matches!(a, Act::Input(b, _) if *b == at));
        }
        acts.push(act);
    }
}

/// What an event in the island `el` did, to be done again: a button pressed, a field
/// changed (to its value now).
fn act(el: &web_sys::HtmlElement, e: &web_sys::Event) -> Option<Act> {
    let target = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    if !el.contains(Some(&target)) {
        return None;
    }
    let at = place(el, &target)?;
    let value = || {
        js_sys::Reflect::get(&target, &"value".into())
            .ok()?
            .as_string()
    };
    match e.type_().as_str() {
        "click" if target.closest("button").ok().flatten().is_some() => Some(Act::Press(at)),
        "change" => Some(Act::Change(at, value()?)),
        "input" => Some(Act::Input(at, value()?)),
        _ => None,
    }
}

/// The place among `el`'s controls of the control `node` is in.
fn place(el: &web_sys::HtmlElement, node: &web_sys::Element) -> Option<u32> {
    let control = node.closest(CONTROLS).ok()??;
    let all = el.query_selector_all(CONTROLS).ok()?;
    (0..all.length()).find(|i| all.item(*i).is_some_and(|n| control.is_same_node(Some(&n))))
}

/// The control at `place` among `el`'s.
fn control(el: &web_sys::HtmlElement, place: u32) -> Option<web_sys::HtmlElement> {
    el.query_selector_all(CONTROLS)
        .ok()?
        .item(place)?
        .dyn_into()
        .ok()
}

/// An island waiting for its chunk.
struct Waiting {
    el: web_sys::HtmlElement,
    /// What the reader did to it meanwhile; `None` once it is drawn and its own handlers
    /// take over.
    acts: RefCell<Option<Vec<Act>>>,
    /// While the chunk is fetched, and once the island is drawn: no second fetch.
    busy: Cell<bool>,
    /// A pointer pressed in the island and not yet released: the drawing waits for the
    /// release, so that the press ends on the control it began on and its click is seen
    /// (then done again), not lost on a control drawn away under the pointer.
    pressing: Cell<bool>,
    /// The drawing held back by a press.
    held: RefCell<Option<Box<dyn FnOnce()>>>,
}

impl Waiting {
    /// Notes what the reader does to the island before it is drawn; false once it is.
    fn seen(&self, e: &web_sys::Event) -> bool {
        let mut acts = self.acts.borrow_mut();
        let Some(acts) = acts.as_mut() else {
            return false;
        };
        if e.type_() == "pointerdown" {
            self.pressing.set(true);
        }
        if let Some(act) = act(&self.el, e) {
            Act::add(acts, act);
        }
        true
    }

    /// The press is over: a drawing held back runs once its click has been dispatched.
    fn released(&self) {
        if self.pressing.replace(false) {
            if let Some(draw) = self.held.borrow_mut().take() {
                set_timeout(draw, std::time::Duration::ZERO);
            }
        }
    }

    /// Draws the island now, or once the press in it is over.
    fn draw(self: &Rc<Self>, draw: Draw, ready: Option<Ready>) {
        let me = self.clone();
        let now = move || {
            let done = me.acts.borrow_mut().take().unwrap_or_default();
            keeping_place(&me.el, draw, done);
            if let Some(ready) = ready {
                ready();
            }
        };
        if self.pressing.get() {
            *self.held.borrow_mut() = Some(Box::new(now));
        } else {
            now();
        }
    }
}

/// Draws `el` from the chunk once `need` holds or the reader reaches into it (or did,
/// `early`), then does again what the reader did to it meanwhile.
fn draw_when(el: web_sys::HtmlElement, need: Need, early: Vec<Act>, ready: Option<Ready>) {
    let reached = RwSignal::new(!early.is_empty());
    let waiting = Rc::new(Waiting {
        el,
        acts: RefCell::new(Some(early)),
        busy: Cell::new(false),
        pressing: Cell::new(false),
        held: RefCell::new(None),
    });
    let w = waiting.clone();
    let on = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        if w.seen(&e) {
            reached.set(true);
        }
    });
    // Captured: `toggle` (a `<details>` opened) does not bubble.
    for event in [
        "toggle",
        "focusin",
        "pointerdown",
        "click",
        "change",
        "input",
    ] {
        let _ = waiting.el.add_event_listener_with_callback_and_bool(
            event,
            on.as_ref().unchecked_ref(),
            true,
        );
    }
    on.forget();
    // A press may end anywhere on the page.
    let w = waiting.clone();
    let up = Closure::<dyn Fn()>::new(move || w.released());
    for event in ["pointerup", "pointercancel"] {
        let _ = window().add_event_listener_with_callback_and_bool(
            event,
            up.as_ref().unchecked_ref(),
            true,
        );
    }
    up.forget();
    Effect::new(move || {
        if !(reached.get() || need(&super::page())) || waiting.busy.replace(true) {
            return;
        }
        let (waiting, ready) = (waiting.clone(), ready.clone());
        leptos::task::spawn_local(async move {
            let drawn = match later(waiting.el.clone()).await {
                Ok(pending) => pending.await,
                Err(_) => Err(Unready::Unfetched),
            };
            match drawn {
                Ok(draw) => return waiting.draw(draw, ready),
                // The app draws the page, and says when it is live.
                Err(Unready::Foreign(e)) => {
                    web_sys::console::error_1(&e.into());
                    let app = js_sys::Reflect::get(&window(), &"shipOrSkipApp".into());
                    if let Ok(start) = app.and_then(|f| f.dyn_into::<js_sys::Function>()) {
                        let _ = start.call0(&window());
                    }
                    return;
                }
                Err(Unready::Unfetched) => {
                    waiting.busy.set(false);
                    web_sys::console::error_1(
                        &"an island's code or data could not be fetched".into(),
                    )
                }
            }
            if let Some(ready) = ready {
                ready();
            }
        });
    });
}

/// Draws `el` in place, keeping what the reader did to it meanwhile: the `<details>`
/// they opened stay open, the control they focused keeps the focus, and `acts` are
/// done again on the island drawn.
fn keeping_place(el: &web_sys::HtmlElement, draw: Draw, acts: Vec<Act>) {
    let details = |el: &web_sys::HtmlElement| -> Vec<web_sys::Element> {
        let all = el.query_selector_all("details").ok();
        (0..all.as_ref().map_or(0, |a| a.length()))
            .filter_map(|i| all.as_ref()?.item(i)?.dyn_into().ok())
            .collect()
    };
    let open: Vec<bool> = details(el)
        .iter()
        .map(|d| d.has_attribute("open"))
        .collect();
    let focused = document().active_element().and_then(|a| place(el, &a));
    super::mount::draw_in(el, draw);
    for (d, open) in details(el).iter().zip(open) {
        if open {
            let _ = d.set_attribute("open", "");
        }
    }
    if let Some(c) = focused.and_then(|at| control(el, at)) {
        let _ = c.focus();
    }
    for act in acts {
        match act {
            Act::Press(at) => {
                if let Some(c) = control(el, at) {
                    c.click();
                }
            }
            Act::Change(at, value) => set_value(el, at, value, "change"),
            Act::Input(at, value) => {
                set_value(el, at, value, "input");
                // The caret where typing left it: after the text.
                if let Some(f) =
                    control(el, at).and_then(|c| c.dyn_into::<web_sys::HtmlInputElement>().ok())
                {
                    let end = f.value().encode_utf16().count() as u32;
                    let _ = f.set_selection_range(end, end);
                }
            }
        }
    }
}

/// Sets the field at `place` among `el`'s controls to `value`, as the reader did, and
/// tells its listeners with the event `kind`.
fn set_value(el: &web_sys::HtmlElement, place: u32, value: String, kind: &str) {
    if let Some(c) = control(el, place) {
        let _ = js_sys::Reflect::set(&c, &"value".into(), &value.into());
        if let Ok(e) = web_sys::Event::new(kind) {
            let _ = c.dispatch_event(&e);
        }
    }
}
