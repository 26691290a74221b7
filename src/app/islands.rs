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
struct Page {
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
    use crate::app::components::shell::{Header, Notices};
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

    /// The islands of a comparison and a reviewer page, each arm in its kind's module
    /// only (the Cargo features `islands-compare` and `islands-reviewer`).
    #[cfg(any(feature = "islands-compare", feature = "islands-reviewer"))]
    mod pages {
        use leptos::prelude::*;

        use super::{props, Draw};
        use crate::app::components::weights_panel::WeightsNotice;
        #[cfg(feature = "islands-reviewer")]
        use crate::app::pages::reviewer::{ReviewRow, ReviewerList, TrustButton};
        use crate::domain::catalog::model::Persona;
        use crate::domain::catalog::typing::schema;
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

        /// What draws one of these islands (one arm per name of `COMPARE` and `REVIEWER`).
        pub fn island(name: &str, el: &web_sys::HtmlElement) -> Result<Draw, String> {
            Ok(match name {
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
                "DecisionTable" => {
                    let Decision { tools, personas } = props(el)?;
                    Box::new(move || view! { <DecisionTable tools personas/> }.into_any())
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
            })
        }
    }

    /// What draws the component of one `<leptos-island>`, from the props the build wrote.
    fn island(el: &web_sys::HtmlElement) -> Result<Draw, String> {
        let name = el.dataset().get("component").unwrap_or_default();
        // One arm per name of `TOOL`; a comparison's and a reviewer page's in `pages`.
        Ok(match super::component(&name) {
            "Header" => Box::new(move || view! { <Header/> }.into_any()),
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
            other => pages::island(other, el)?,
            #[cfg(not(any(feature = "islands-compare", feature = "islands-reviewer")))]
            _ => return Err(format!("no island {name} in this module")),
        })
    }

    /// Every island of the page, drawn live; an error names the first that could not be
    /// (and none is drawn then: the loader hands the page to the app).
    pub fn islands() -> Result<(), String> {
        let found = document()
            .query_selector_all("leptos-island")
            .map_err(|_| "no islands".to_string())?;
        let mut all = Vec::new();
        for i in 0..found.length() {
            if let Some(el) = found.item(i).and_then(|n| n.dyn_into().ok()) {
                let draw = island(&el)?;
                all.push((el, draw));
            }
        }
        super::page();
        draw_each(all.into_iter());
        Ok(())
    }

    /// Draws the islands one task each, then makes the page live in a task of its own:
    /// short tasks block the page less than one long one (Lighthouse's Total Blocking
    /// Time counts what a task takes past 50 ms). Each island's HTML is the build's, so
    /// nothing moves or repaints between them. (A panic in one of these tasks is a wasm
    /// trap, which the loader answers by handing the page to the app.)
    fn draw_each(mut rest: std::vec::IntoIter<(web_sys::HtmlElement, Draw)>) {
        let next: Box<dyn FnOnce()> = match rest.next() {
            Some((el, draw)) => {
                el.set_inner_html("");
                leptos::mount::mount_to(el, draw).forget();
                Box::new(move || draw_each(rest))
            }
            None => Box::new(live),
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
