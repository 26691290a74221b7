//! The islands of a prerendered page (docs/architecture.md, "Islands"): the page is the
//! HTML the build rendered (`app::render`), and only its interactive parts run in the
//! browser. The build marks each in the HTML, an `#[island]` natively: a
//! `<leptos-island>` naming its component, with its props as JSON. In the browser they
//! come in a module of their own (`src/bin/islands.rs`), without the app's router,
//! catalog or pages, which draws each marked component again in place, from its props,
//! in the state the build drew it in: the same HTML, now live.
//!
//! Every island of a page shares one store, one address and one connection state, made
//! here once. They start as the build rendered them (a reader whose records are unknown,
//! online, no update waiting); [`live`] then reads the reader's records and starts the
//! worker, and the islands follow.

use std::cell::OnceCell;

use crate::app::pwa::Pwa;
use crate::app::router::Nav;
use crate::app::store::Store;

/// The islands modules, one per kind of page (`data-islands` names it), each with the
/// islands of its own beside a tool page's, which every kind draws: a page downloads
/// only its own kind's code. The module of a kind other than "tool" is built with the
/// Cargo feature `islands-<kind>`.
pub const MODULES: [(&str, &[&str]); 3] = [
    ("tool", &[]),
    ("compare", &COMPARE),
    ("reviewer", &REVIEWER),
];

/// A tool page's islands, which every module draws (the build names each
/// `Component_<hash of its source>`).
const TOOL: [&str; 8] = [
    "Header",
    "Notices",
    "ShortcutKeys",
    "BookmarkButton",
    "VoteButtons",
    "CommunityLine",
    "CopyField",
    "PickerSelect",
];

/// A comparison's own islands.
const COMPARE: [&str; 5] = [
    "WeightsPanel",
    "WeightsNotice",
    "DecisionTable",
    "WhichWouldYouShip",
    "BookmarksPanel",
];

/// A reviewer page's own islands.
const REVIEWER: [&str; 3] = ["TrustButton", "WeightsNotice", "ReviewerList"];

/// Whether the islands module of `kind` draws the component `name`.
pub fn draws(kind: &str, name: &str) -> bool {
    MODULES
        .iter()
        .any(|(k, own)| *k == kind && (TOOL.contains(&name) || own.contains(&name)))
}

/// The component an island's name (`data-component`) names.
pub fn component(island: &str) -> &str {
    island.split('_').next().unwrap_or_default()
}

#[derive(Clone, Copy)]
pub(crate) struct Page {
    store: Store,
    nav: Nav,
    pwa: Pwa,
}

thread_local! {
    static PAGE: OnceCell<Page> = const { OnceCell::new() };
}

fn page() -> Page {
    PAGE.with(|p| {
        *p.get_or_init(|| Page {
            store: Store::unread(),
            nav: Nav::of_document(),
            pwa: Pwa::unstarted(),
        })
    })
}

/// The page's store, for islands (`use_store`).
pub fn store() -> Store {
    page().store
}

/// The page's address, for islands (`use_nav`).
pub fn nav() -> Nav {
    page().nav
}

/// The page's connection and update state, for islands (`use_pwa`).
pub fn pwa() -> Pwa {
    page().pwa
}

#[cfg(feature = "islands")]
mod mount {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    use crate::app::components::controls::{BookmarkButton, PickerSelect, VoteButtons};
    use crate::app::components::copy::CopyField;
    use crate::app::components::shell::Header;
    #[cfg(not(feature = "islands-compare"))]
    use crate::app::components::shell::Notices;
    use crate::app::components::shortcuts::ShortcutKeys;
    use crate::app::components::tool_card::CommunityLine;
    use crate::domain::catalog::model::Community;
    use crate::domain::catalog::typing::{schema, At, FromJson, Unreadable};
    use crate::domain::panel::verdict::Verdict;

    // The props of each island, as the build wrote them (the component's prop names),
    // typed by hand like the reader's records: serde's derive would add its own code.
    schema! {
        struct Toggle {
            slug: String,
            name: String,
        }
    }

    schema! {
        struct Line {
            slug: String,
            community: Community,
            panel: Verdict,
        }
    }

    schema! {
        struct Copy {
            text: String,
            label: String,
            button: String,
            multiline: bool,
        }
    }

    schema! {
        struct Picker {
            id: String,
            label: String,
            current: Vec<String>,
            position: Option<usize>,
            options: Vec<(String, String)>,
        }
    }

    /// An island's props, from its `data-props`. Props the build wrote and this module
    /// cannot read mean the two come from different builds: the page then goes to the
    /// app, so why is not spelled out (`Unreadable`: no message code in the module).
    fn props<T: FromJson>(el: &web_sys::HtmlElement) -> Result<T, String> {
        let json = el.dataset().get("props").ok_or("no props")?;
        let tree = crate::app::json::parse(&json)?;
        T::from_json::<Unreadable>(tree, At::Root).map_err(|_| {
            let name = el.dataset().get("component").unwrap_or_default();
            format!("{name}: props this module cannot read")
        })
    }

    /// A view of its own component, from its props.
    type Draw = Box<dyn FnOnce() -> AnyView + Send>;

    /// How an island is drawn.
    enum Island {
        /// At once, from this module's code.
        Now(Draw),
        /// From the module's chunk ([`later`]) once the page needs it: the reader's
        /// records or the page's state call for it ([`Need`]), or the reader reaches into
        /// it (opens, focuses or presses something in it). Until then the build's HTML is
        /// what it would draw, so a reader who needs it never sees it change.
        #[cfg(feature = "islands-compare")]
        Later(later::Need),
    }

    /// The islands of a comparison and a reviewer page, each arm in its kind's module
    /// only (the Cargo features `islands-compare` and `islands-reviewer`).
    #[cfg(any(feature = "islands-compare", feature = "islands-reviewer"))]
    mod pages {
        use leptos::prelude::*;

        #[cfg(feature = "islands-compare")]
        use super::Draw;
        use super::{props, Island};
        #[cfg(feature = "islands-compare")]
        use crate::app::components::shell::Notices;
        use crate::app::components::weights_panel::WeightsNotice;
        #[cfg(feature = "islands-reviewer")]
        use crate::app::pages::reviewer::{ReviewRow, ReviewerList, TrustButton};
        use crate::domain::catalog::model::Persona;
        use crate::domain::catalog::typing::schema;
        #[cfg(feature = "islands-compare")]
        use crate::domain::panel::weights::Weights;
        #[cfg(feature = "islands-compare")]
        use {
            crate::app::components::bookmarks_panel::BookmarksPanel,
            crate::app::components::weights_panel::WeightsPanel,
            crate::app::pages::compare::{DecisionTable, WhichWouldYouShip},
            crate::domain::catalog::model::Tool,
        };

        schema! {
            struct Panel {
                personas: Vec<Persona>,
            }
        }

        #[cfg(feature = "islands-compare")]
        schema! {
            struct Decision {
                tools: Vec<Tool>,
                personas: Vec<Persona>,
            }
        }

        #[cfg(feature = "islands-compare")]
        schema! {
            /// `WhichWouldYouShip`'s and `BookmarksPanel`'s: tools by slug and name.
            struct Names {
                names: Option<Vec<(String, String)>>,
            }
        }

        #[cfg(feature = "islands-reviewer")]
        schema! {
            struct Trust {
                personas: Vec<Persona>,
                persona: String,
            }
        }

        #[cfg(feature = "islands-reviewer")]
        schema! {
            struct Reviews {
                rows: Vec<ReviewRow>,
                categories: Vec<String>,
                split: bool,
            }
        }

        /// Whether the reader has weights of their own, which the weights notice and the
        /// decision table's row show.
        #[cfg(feature = "islands-compare")]
        fn weighted(page: &crate::app::islands::Page) -> bool {
            page.store.weights() != Weights::default()
        }

        /// How one of these islands is drawn (one arm per name of `COMPARE` and
        /// `REVIEWER`; those drawn later in [`later_island`] too).
        pub fn island(name: &str, el: &web_sys::HtmlElement) -> Result<Island, String> {
            Ok(Island::Now(match name {
                #[cfg(feature = "islands-reviewer")]
                "WeightsNotice" => {
                    let Panel { personas } = props(el)?;
                    Box::new(move || view! { <WeightsNotice personas/> }.into_any())
                }
                // A comparison's notice and panel come with the reader's weights, or when
                // the reader opens the panel.
                #[cfg(feature = "islands-compare")]
                "WeightsNotice" | "WeightsPanel" => return Ok(Island::Later(weighted)),
                // Its row by the reader's weights, and its community lines with their vote.
                #[cfg(feature = "islands-compare")]
                "DecisionTable" => {
                    return Ok(Island::Later(|page| {
                        weighted(page) || page.store.votes.with(|v| !v.votes.is_empty())
                    }))
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
                _ => return Err(format!("no island {name} in this module")),
            }))
        }

        /// What draws one of a comparison's islands from its module's chunk.
        #[cfg(feature = "islands-compare")]
        pub fn later_island(name: &str, el: &web_sys::HtmlElement) -> Result<Draw, String> {
            Ok(match name {
                "Notices" => Box::new(move || view! { <Notices/> }.into_any()),
                "WeightsNotice" => {
                    let Panel { personas } = props(el)?;
                    Box::new(move || view! { <WeightsNotice personas/> }.into_any())
                }
                "WeightsPanel" => {
                    let Panel { personas } = props(el)?;
                    Box::new(move || view! { <WeightsPanel personas/> }.into_any())
                }
                "DecisionTable" => {
                    let Decision { tools, personas } = props(el)?;
                    Box::new(move || view! { <DecisionTable tools personas/> }.into_any())
                }
                _ => return Err(format!("no island {name} in this module's chunk")),
            })
        }
    }

    /// What draws the component of one `<leptos-island>`, from the props the build wrote.
    fn island(el: &web_sys::HtmlElement) -> Result<Island, String> {
        let name = el.dataset().get("component").unwrap_or_default();
        // One arm per name of `TOOL`; a comparison's and a reviewer page's in `pages`.
        Ok(Island::Now(match super::component(&name) {
            "Header" => Box::new(move || view! { <Header/> }.into_any()),
            // A module with a chunk draws the notices from it, once there is one: a
            // record was recovered, storage refuses writes or a new version waits.
            #[cfg(feature = "islands-compare")]
            "Notices" => {
                return Ok(Island::Later(|page| {
                    page.pwa.update_ready.get()
                        || !page.store.persistent.get()
                        || page.store.notices.with(|n| !n.is_empty())
                }))
            }
            #[cfg(not(feature = "islands-compare"))]
            "Notices" => Box::new(move || view! { <Notices/> }.into_any()),
            "ShortcutKeys" => Box::new(move || view! { <ShortcutKeys/> }.into_any()),
            "BookmarkButton" => {
                let Toggle { slug, name } = props(el)?;
                Box::new(move || view! { <BookmarkButton slug name/> }.into_any())
            }
            "VoteButtons" => {
                let Toggle { slug, name } = props(el)?;
                Box::new(move || view! { <VoteButtons slug name/> }.into_any())
            }
            "CommunityLine" => {
                let Line {
                    slug,
                    community,
                    panel,
                } = props(el)?;
                Box::new(move || view! { <CommunityLine slug community panel/> }.into_any())
            }
            "CopyField" => {
                let Copy {
                    text,
                    label,
                    button,
                    multiline,
                } = props(el)?;
                Box::new(move || view! { <CopyField text label button multiline/> }.into_any())
            }
            "PickerSelect" => {
                let Picker {
                    id,
                    label,
                    current,
                    position,
                    options,
                } = props(el)?;
                Box::new(move || {
                    view! { <PickerSelect id label current position options/> }.into_any()
                })
            }
            #[cfg(any(feature = "islands-compare", feature = "islands-reviewer"))]
            other => return pages::island(other, el),
            #[cfg(not(any(feature = "islands-compare", feature = "islands-reviewer")))]
            _ => return Err(format!("no island {name} in this module")),
        }))
    }

    /// The islands a comparison or a reviewer page draws only when needed.
    #[cfg(feature = "islands-compare")]
    mod later {
        use leptos::prelude::*;
        use leptos::wasm_split::{wasm_split, SplitLoaderError};
        use wasm_bindgen::JsCast;

        use super::{pages, Draw};

        /// Whether the page needs an [`super::Island::Later`] island drawn, from its shared
        /// state (read reactively).
        pub type Need = fn(&crate::app::islands::Page) -> bool;

        /// What draws an island of this module's chunk.
        fn later_island(el: &web_sys::HtmlElement) -> Result<Draw, String> {
            let name = el.dataset().get("component").unwrap_or_default();
            pages::later_island(crate::app::islands::component(&name), el)
        }

        /// The chunk of the islands this module draws only when needed ([`Island::Later`]):
        /// fetched the first time one is, never on a page that needs none.
        #[wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn later(el: web_sys::HtmlElement) -> Result<Result<Draw, String>, SplitLoaderError> {
            Ok(later_island(&el))
        }

        /// Runs `draw` over `el` keeping what the reader did to it meanwhile: the
        /// `<details>` they opened (the weights panel) stay open, and the control they focused
        /// keeps the focus.
        fn keeping_place(el: &web_sys::HtmlElement, draw: impl FnOnce()) {
            let open = |el: &web_sys::HtmlElement| -> Vec<web_sys::Element> {
                let all = el.query_selector_all("details").ok();
                (0..all.as_ref().map_or(0, |a| a.length()))
                    .filter_map(|i| all.as_ref()?.item(i)?.dyn_into().ok())
                    .collect()
            };
            let was_open: Vec<bool> = open(el).iter().map(|d| d.has_attribute("open")).collect();
            let focused = document()
                .active_element()
                .filter(|a| el.contains(Some(a)))
                .map(|a| a.id())
                .filter(|id| !id.is_empty());
            draw();
            for (d, was) in open(el).iter().zip(was_open) {
                if was {
                    let _ = d.set_attribute("open", "");
                }
            }
            if let Some(f) = focused.and_then(|id| document().get_element_by_id(&id)) {
                let _ = f.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }

        /// Draws each island from the chunk once its need holds or the reader reaches into
        /// it, for the page's life.
        pub fn draw_all(later: Vec<(web_sys::HtmlElement, Need)>) {
            // The effects outlive this call: an owner of their own, never dropped.
            let owner = Owner::new();
            owner.with(|| later.into_iter().for_each(|(el, need)| draw_when(el, need)));
            std::mem::forget(owner);
        }

        /// Draws `el` from the chunk once `need` holds or the reader reaches into it.
        fn draw_when(el: web_sys::HtmlElement, need: Need) {
            use wasm_bindgen::closure::Closure;
            let reached = RwSignal::new(false);
            let reach = Closure::<dyn Fn()>::new(move || reached.set(true));
            // Captured: `toggle` (a `<details>` opened) does not bubble.
            for event in ["toggle", "focusin", "pointerdown"] {
                let _ = el.add_event_listener_with_callback_and_bool(
                    event,
                    reach.as_ref().unchecked_ref(),
                    true,
                );
            }
            reach.forget();
            Effect::new(move |drawn: Option<bool>| {
                if drawn == Some(true) || !(reached.get() || need(&crate::app::islands::page())) {
                    return drawn.unwrap_or_default();
                }
                let el = el.clone();
                leptos::task::spawn_local(async move {
                    match later(el.clone()).await {
                        Ok(Ok(draw)) => keeping_place(&el, || {
                            el.set_inner_html("");
                            leptos::mount::mount_to(el.clone(), draw).forget();
                        }),
                        // Props it cannot read: the page and module come from different
                        // builds, and the app draws the page.
                        Ok(Err(e)) => {
                            web_sys::console::error_1(&e.into());
                            let _ = js_sys::Reflect::get(&window(), &"shipOrSkipApp".into())
                                .ok()
                                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                                .map(|f| f.call0(&window()));
                        }
                        // The chunk did not download (offline before the worker kept it): the
                        // island stays as the build drew it.
                        Err(_) => web_sys::console::error_1(
                            &"an island's code could not be fetched".into(),
                        ),
                    }
                });
                true
            });
        }
    }

    /// The islands drawn when needed, with their needs.
    #[cfg(feature = "islands-compare")]
    type Later = Vec<(web_sys::HtmlElement, later::Need)>;
    /// A tool page's module draws every island at once.
    #[cfg(not(feature = "islands-compare"))]
    type Later = Vec<std::convert::Infallible>;

    /// Every island of the page, drawn live; an error names the first that could not be
    /// (and none is drawn then: the loader hands the page to the app).
    pub fn islands() -> Result<(), String> {
        let found = document()
            .query_selector_all("leptos-island")
            .map_err(|_| "no islands".to_string())?;
        let mut now = Vec::new();
        #[allow(unused_mut)]
        let mut later = Later::default();
        for i in 0..found.length() {
            if let Some(el) = found.item(i).and_then(|n| n.dyn_into().ok()) {
                match island(&el)? {
                    Island::Now(draw) => now.push((el, draw)),
                    #[cfg(feature = "islands-compare")]
                    Island::Later(need) => later.push((el, need)),
                }
            }
        }
        super::page();
        draw_each(now.into_iter(), later);
        Ok(())
    }

    /// Draws the islands one task each, then makes the page live in a task of its own:
    /// short tasks block the page less than one long one (Lighthouse's Total Blocking
    /// Time counts what a task takes past 50 ms). Each island's HTML is the build's, so
    /// nothing moves or repaints between them. (A panic in one of these tasks is a wasm
    /// trap, which the loader answers by handing the page to the app.)
    fn draw_each(mut rest: std::vec::IntoIter<(web_sys::HtmlElement, Draw)>, later: Later) {
        let next: Box<dyn FnOnce()> = match rest.next() {
            Some((el, draw)) => {
                el.set_inner_html("");
                leptos::mount::mount_to(el, draw).forget();
                Box::new(move || draw_each(rest, later))
            }
            // The needs are read once the records are.
            None => Box::new(move || {
                live();
                #[cfg(feature = "islands-compare")]
                later::draw_all(later);
                #[cfg(not(feature = "islands-compare"))]
                drop(later);
            }),
        };
        set_timeout(next, std::time::Duration::ZERO);
    }

    /// Once every island is drawn: the reader's records, the connection, the worker;
    /// then `#app[data-live]` says the page is live, as the app's does.
    fn live() {
        let super::Page { store, pwa, .. } = super::page();
        store.read_records();
        pwa.start();
        if let Some(app) = document().get_element_by_id("app") {
            let _ = app.set_attribute(crate::app::LIVE_MARK, "");
        }
        crate::app::time_live();
    }
}

#[cfg(feature = "islands")]
pub use mount::islands;
