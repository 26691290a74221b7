//! Reader controls: bookmark toggle, ship/skip vote, and the "compare with…" picker.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::router::use_nav;
use crate::app::store::use_store;
use crate::domain::model::{Call, Catalog};
use crate::domain::routes::compare_path;

/// A toggle that bookmarks a tool; its state is announced with `aria-pressed`.
#[component]
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

pub use crate::domain::listing::bookmark_label;

/// "Your vote": ship or skip, changeable and withdrawable.
#[component]
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

/// A select that swaps one tool of a comparison (or, with one tool, starts one).
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
    let nav = use_nav();
    let options = catalog
        .tools
        .iter()
        .filter(|t| !current.contains(&t.slug))
        .map(|t| view! { <option value=t.slug.clone()>{t.name.clone()}</option> })
        .collect_view();
    let id = match position {
        Some(p) => format!("pick-{p}"),
        None => "pick-add".to_string(),
    };
    let on_change = move |ev: leptos::ev::Event| {
        let pick = event_target_value(&ev);
        if pick.is_empty() {
            return;
        }
        let mut slugs = current.clone();
        match position {
            Some(i) if i < slugs.len() => slugs[i] = pick,
            _ => slugs.push(pick),
        }
        nav.navigate(&compare_path(&slugs));
    };
    view! {
        <div class="picker">
            <label for=id.clone()>{label}</label>
            <select id=id on:change=on_change>
                <option value="" selected=true>"Choose a tool…"</option>
                {options}
            </select>
        </div>
    }
}
