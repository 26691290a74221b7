//! Keyboard shortcuts for power readers, and the help that lists them (`?`, or the
//! footer's "Keyboard shortcuts" button).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::router::use_nav;
use crate::domain::home::SHORTCUTS;

/// Whether a key press belongs to what the reader is typing in, or to a browser shortcut.
fn not_ours(e: &web_sys::KeyboardEvent) -> bool {
    if e.ctrl_key() || e.meta_key() || e.alt_key() || e.default_prevented() {
        return true;
    }
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            el.closest("input, textarea, select, [contenteditable]")
                .ok()
                .flatten()
                .is_some()
        })
}

/// The first element matching `css`.
fn find(css: &str) -> Option<web_sys::HtmlElement> {
    document()
        .query_selector(css)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into().ok())
}

/// Focuses the first element matching `css`; `false` when there is none.
fn focus(css: &str) -> bool {
    find(css).is_some_and(|el| el.focus().is_ok())
}

/// Clicks the first element matching `css`, as the reader would.
fn click(css: &str) {
    if let Some(el) = find(css) {
        el.click();
    }
}

/// The document-wide key handler and the help dialog it opens.
// An island (`app::islands`): marked in a prerendered page, drawn again there in place;
// in the browser, a component.
#[cfg_attr(not(target_arch = "wasm32"), island)]
#[cfg_attr(target_arch = "wasm32", component)]
pub fn Shortcuts() -> impl IntoView {
    let nav = use_nav();
    let open = RwSignal::new(false);
    let handle = window_event_listener(leptos::ev::keydown, move |e| {
        if not_ours(&e) {
            return;
        }
        match e.key().as_str() {
            "/" => {
                e.prevent_default();
                if !focus("#search") {
                    // Search lives on home: go there, then focus it once drawn (a page
                    // loaded whole, from the islands of a tool page, focuses it itself).
                    nav.navigate("/#search");
                    set_timeout(
                        || {
                            focus("#search");
                        },
                        std::time::Duration::from_millis(50),
                    );
                }
            }
            // Only where one tool is on screen: a comparison has several.
            "b" => click("main .page--tool .card .bookmark-button"),
            // Focusing the picker is all: the reader then picks with the arrow keys (a
            // select) or types a name (the search picker of a large catalog).
            "c" if focus("#pick-add") => e.prevent_default(),
            "?" => open.update(|o| *o = !*o),
            "Escape" => open.set(false),
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
    let rows = SHORTCUTS
        .iter()
        .map(|(k, what)| view! { <tr><th scope="row"><kbd>{*k}</kbd></th><td>{*what}</td></tr> })
        .collect_view();
    let close = NodeRef::<leptos::html::Button>::new();
    // Focus moves into the help when it opens (and the page behind stays as it was).
    Effect::new(move |_| {
        if open.get() {
            if let Some(b) = close.get() {
                let _ = b.focus();
            }
        }
    });
    view! {
        <div class="shortcuts" role="dialog" aria-modal="false" aria-labelledby="shortcuts-title" hidden=move || !open.get()>
            <h2 id="shortcuts-title">"Keyboard shortcuts"</h2>
            <table>
                <tbody>{rows}</tbody>
            </table>
            <p class="muted">"Shortcuts are off while you type in a field."</p>
            <button type="button" class="button" node_ref=close on:click=move |_| open.set(false)>"Close"</button>
        </div>
        <p class="shortcuts-hint">
            <button type="button" class="link-button" on:click=move |_| open.update(|o| *o = !*o)>
                "Keyboard shortcuts"
            </button>
            " (press "<kbd>"?"</kbd>")"
        </p>
    }
}
