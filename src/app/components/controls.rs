//! Reader controls: bookmark toggle, ship/skip vote, and the "compare with…" picker
//! (a select in a small catalog, a search in a large one).

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use send_wrapper::SendWrapper;

use crate::app::data::use_catalog;
use crate::app::router::use_nav;
use crate::app::store::use_store;
use crate::domain::catalog::model::{Call, Catalog};
use crate::domain::explore::browse::{pick_matches, PICK_FROM_LIST_MAX, PICK_SUGGESTED};
use crate::domain::explore::routes::compare_path;

/// Fetches the search picker's chunk and draws it (`lazy::search_picker`).
pub type LoadPicker = fn(
    Arc<Catalog>,
    Vec<String>,
    String,
    String,
    Callback<String>,
) -> Pin<Box<dyn Future<Output = Result<AnyView, SplitLoaderError>>>>;

/// `lazy::load_search_picker`, handed to the pages as context by `App`: the pages' code is
/// linked into every build of the library through its chunk's exports, and a split
/// point it called directly would then be an import the wasm unit tests' runner cannot
/// resolve. Only code that mounts the app links it this way.
#[derive(Clone, Copy)]
pub struct PickerCode(pub LoadPicker);

/// A toggle that bookmarks a tool; its state is announced with `aria-pressed`.
// An island (`app::islands`): marked in a prerendered page, drawn again there in place;
// in the browser, a component.
#[cfg_attr(not(target_arch = "wasm32"), island)]
#[cfg_attr(target_arch = "wasm32", component)]
pub fn BookmarkButton(
    /// Tool slug.
    slug: String,
    /// Tool name, for the accessible label.
    name: String,
) -> impl IntoView {
    let store = use_store();
    let s = slug.clone();
    let on = Memo::new(move |_| store.is_bookmarked(&s));
    view! {
        <button
            type="button"
            class="toggle bookmark-button"
            data-slug=slug.clone()
            disabled=move || !store.known.get()
            aria-pressed=move || on.get().to_string()
            on:click=move |_| store.toggle_bookmark(&slug)
        >
            // The accessible name is the visible text plus the tool's name (hidden), so
            // speech input can say what it sees ("Bookmark") and a list of buttons is told
            // apart (WCAG 2.5.3, axe's label-content-name-mismatch). The star is CSS
            // (`::before`, with empty alt text): one element and one effect less per row.
            {move || bookmark_label(on.get())}
            <span class="visually-hidden">" " {name}</span>
        </button>
    }
}

pub use crate::domain::explore::listing::bookmark_label;

/// "Your vote": ship or skip, changeable and withdrawable.
// An island (`app::islands`): marked in a prerendered page, drawn again there in place;
// in the browser, a component.
#[cfg_attr(not(target_arch = "wasm32"), island)]
#[cfg_attr(target_arch = "wasm32", component)]
pub fn VoteButtons(
    /// Tool slug.
    slug: String,
    /// Tool name, for the accessible labels.
    name: String,
) -> impl IntoView {
    let store = use_store();
    let s = slug.clone();
    let mine = Memo::new(move |_| store.vote(&s));
    let button = move |call: Call| {
        let slug = slug.clone();
        view! {
            <button
                type="button"
                class=format!("toggle vote-button vote-button--{}", call.as_str())
                disabled=move || !store.known.get()
                aria-pressed=move || (mine.get() == Some(call)).to_string()
                on:click=move |_| {
                    let next = if mine.get_untracked() == Some(call) { None } else { Some(call) };
                    store.set_vote(&slug, next)
                }
            >
                {call.label()}
            </button>
        }
    };
    view! {
        <div class="vote" role="group" aria-label=format!("Your vote on {name}")>
            <span class="vote__label">"Your vote:"</span>
            {button(Call::Ship)}
            {button(Call::Skip)}
            <span class="vote__state" aria-live="polite">
                {move || match mine.get() {
                    Some(c) => format!("You voted {} (press again to withdraw)", c.as_str()),
                    None => "Not voted".to_string(),
                }}
            </span>
        </div>
    }
}

/// Swaps one tool of a comparison (or, with one tool, starts one): a select of every
/// tool in a small catalog, a search ([`SearchPicker`], in a chunk of its own:
/// `lazy::search_picker`, through the app's [`PickerCode`]) in a large one.
#[component]
pub fn ComparePicker(
    catalog: Arc<Catalog>,
    /// The tools on the page now, in order.
    current: Vec<String>,
    /// Which position the picker replaces; `None` appends a tool.
    position: Option<usize>,
    /// Visible label.
    label: String,
) -> impl IntoView {
    let id = match position {
        Some(p) => format!("pick-{p}"),
        None => "pick-add".to_string(),
    };
    if catalog.tools.len() > PICK_FROM_LIST_MAX {
        let nav = use_nav();
        let on_page = current.clone();
        let go = Callback::new(move |pick: String| {
            nav.navigate(&compare_path(&picked(&current, position, pick)))
        });
        // Single-threaded wasm: the wrapper only satisfies `Suspend`'s `Send` bound.
        let PickerCode(load) = expect_context::<PickerCode>();
        let load = SendWrapper::new(load(catalog, on_page, id, label, go));
        return Suspend::new(async move {
            load.await.unwrap_or_else(|_| {
                view! {
                    <p class="picker muted" role="status">
                        "The tool search did not download: you appear to be offline. Reload the page to try again."
                    </p>
                }
                .into_any()
            })
        })
        .into_any();
    }
    let options = catalog
        .tools
        .iter()
        .filter(|t| !current.contains(&t.slug))
        .map(|t| (t.slug.clone(), t.name.clone()))
        .collect();
    view! { <PickerSelect id label current position options/> }.into_any()
}

/// The tools of a comparison once `pick` takes `position` (or, with `None`, joins them).
fn picked(current: &[String], position: Option<usize>, pick: String) -> Vec<String> {
    let mut slugs = current.to_vec();
    match position {
        Some(i) if i < slugs.len() => slugs[i] = pick,
        _ => slugs.push(pick),
    }
    slugs
}

/// [`ComparePicker`] in a small catalog: a select of the tools not on the page.
// An island (`app::islands`): marked in a prerendered page, drawn again there in place;
// in the browser, a component.
#[cfg_attr(not(target_arch = "wasm32"), island)]
#[cfg_attr(target_arch = "wasm32", component)]
pub fn PickerSelect(
    /// The select's id.
    id: String,
    /// Visible label.
    label: String,
    /// The tools on the page now, in order.
    current: Vec<String>,
    /// Which position the pick replaces; `None` appends a tool.
    position: Option<usize>,
    /// The tools to pick from: slug and name.
    options: Vec<(String, String)>,
) -> impl IntoView {
    let nav = use_nav();
    let options = options
        .into_iter()
        .map(|(slug, name)| view! { <option value=slug>{name}</option> })
        .collect_view();
    let on_change = move |ev: leptos::ev::Event| {
        let pick = event_target_value(&ev);
        if !pick.is_empty() {
            nav.navigate(&compare_path(&picked(&current, position, pick)));
        }
    };
    view! {
        <div class="picker">
            <label for=id.clone()>{label}</label>
            // Not restored by the browser on a reload: the page would show a pick it
            // never acted on.
            <select id=id autocomplete="off" on:change=on_change>
                <option value="" selected=true>"Choose a tool…"</option>
                {options}
            </select>
        </div>
    }
}

/// "Compare with…" in a large catalog: a combobox (ARIA 1.2, list popup) that suggests
/// the site search's best matches as the reader types ([`pick_matches`]), so the page
/// never holds one element per tool. Arrow keys move through the suggestions, Enter
/// picks, Escape closes the list (and, closed, clears the text).
#[component]
pub fn SearchPicker(
    catalog: Arc<Catalog>,
    /// The tools on the page, never suggested.
    exclude: Vec<String>,
    /// The input's id (`pick-add` is the one the `c` shortcut focuses).
    id: String,
    /// Visible label.
    label: String,
    /// Called with the picked tool's slug.
    go: Callback<String>,
) -> impl IntoView {
    let ctx = use_catalog();
    let text = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let cat = catalog.clone();
    let shown = Memo::new(move |_| {
        text.with(|q| {
            if q.trim().is_empty() {
                // Not even the index is built before the reader types.
                return Vec::new();
            }
            pick_matches(&cat, &ctx.search_index(&cat), q, &exclude, PICK_SUGGESTED)
        })
    });
    let cat = catalog.clone();
    let slug_at = move |i: usize| shown.with(|s| s.get(i).map(|&at| cat.tools[at].slug.clone()));
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let n = shown.with(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" | "ArrowUp" if n > 0 => {
                ev.prevent_default();
                let down = ev.key() == "ArrowDown";
                open.set(true);
                active.update(|a| {
                    *a = Some(match (*a, down) {
                        (None, true) => 0,
                        (None, false) => n - 1,
                        (Some(i), true) => (i + 1) % n,
                        (Some(i), false) => (i + n - 1) % n,
                    })
                });
            }
            // The active suggestion, or the first: only while the list is shown.
            "Enter" if open.get_untracked() => {
                if let Some(slug) = slug_at(active.get_untracked().unwrap_or(0)) {
                    ev.prevent_default();
                    go.run(slug);
                }
            }
            "Escape" if open.get_untracked() && n > 0 => {
                open.set(false);
                active.set(None);
            }
            "Escape" => text.set(String::new()),
            _ => {}
        }
    };
    let expanded = move || open.get() && shown.with(|s| !s.is_empty());
    let list_id = format!("{id}-list");
    let list_label = label.clone();
    let option_id = format!("{id}-opt-");
    let described = option_id.clone();
    let options = move || {
        shown
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, at)| {
                let tool = &catalog.tools[at];
                let slug = tool.slug.clone();
                view! {
                    <li id=format!("{option_id}{i}") role="option" class="picker__option"
                        aria-selected=move || (active.get() == Some(i)).to_string()
                        // Not `click`: the input would lose focus (and close the list) first.
                        on:mousedown=move |ev| { ev.prevent_default(); go.run(slug.clone()) }>
                        {tool.name.clone()}<span class="muted">" · "{tool.vendor.clone()}</span>
                    </li>
                }
            })
            .collect_view()
    };
    let status = move || {
        if text.with(|t| t.trim().is_empty()) {
            return String::new();
        }
        match shown.with(Vec::len) {
            0 => "No tool matches.".to_string(),
            1 => "1 tool suggested.".to_string(),
            n => format!("{n} tools suggested."),
        }
    };
    let status_hidden = move || text.with(|t| t.trim().is_empty()) || shown.with(|s| !s.is_empty());
    view! {
        <div class="picker picker--search">
            <label for=id.clone()>{label}</label>
            <input id=id type="text" role="combobox" autocomplete="off" spellcheck="false"
                placeholder="Type a tool's name…"
                aria-autocomplete="list" aria-controls=list_id.clone()
                aria-expanded=move || expanded().to_string()
                aria-activedescendant=move || active.get().map(|i| format!("{described}{i}"))
                prop:value=move || text.get()
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    active.set(None);
                    open.set(true);
                }
                on:keydown=on_key
                on:focus=move |_| open.set(true)
                on:blur=move |_| { open.set(false); active.set(None) }
            />
            <ul id=list_id role="listbox" aria-label=list_label class="picker__list" hidden=move || !expanded()>
                {options}
            </ul>
            // Visible only when a name matches nothing; read out either way.
            <p role="status" class="picker__status muted"
                class:visually-hidden=status_hidden>
                {status}
            </p>
        </div>
    }
}
