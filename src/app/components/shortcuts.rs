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

/// The help that lists the shortcuts: a popover, which the browser itself opens from the
/// footer's button and closes on its Close button, on Escape or on a click elsewhere; the
/// keys are [`ShortcutKeys`]'. Static markup, so a page's islands carry none of it.
#[component]
pub fn Shortcuts() -> impl IntoView {
    let rows = SHORTCUTS
        .iter()
        .map(|(k, what)| view! { <tr><th scope="row"><kbd>{*k}</kbd></th><td>{*what}</td></tr> })
        .collect_view();
    view! {
        <div id=HELP class="shortcuts" popover role="dialog" aria-labelledby="shortcuts-title">
            <h2 id="shortcuts-title">"Keyboard shortcuts"</h2>
            <table>
                <tbody>{rows}</tbody>
            </table>
            <p class="muted">"Shortcuts are off while you type in a field."</p>
            <button type="button" class="button" popovertarget=HELP popovertargetaction="hide">"Close"</button>
        </div>
        <p class="shortcuts-hint">
            <button type="button" class="link-button" popovertarget=HELP>
                "Keyboard shortcuts"
            </button>
            " (press "<kbd>"?"</kbd>")"
        </p>
        <ShortcutKeys/>
    }
}

/// The help's id, which its buttons name.
const HELP: &str = "shortcuts";

/// Shows or hides the help as its footer button does, and moves focus into it when shown.
pub fn toggle_help() {
    click(".shortcuts-hint button");
    let open = find(".shortcuts").is_some_and(|h| h.matches(":popover-open").unwrap_or(false));
    if open {
        focus(".shortcuts .button");
    }
}

/// The document-wide key handler: `/`, `b`, `c` and `?` (Escape is the popover's own).
// An island (`app::islands`): marked in a prerendered page, drawn again there in place;
// in the browser, a component.
#[cfg_attr(not(target_arch = "wasm32"), island)]
#[cfg_attr(target_arch = "wasm32", component)]
pub fn ShortcutKeys() -> impl IntoView {
    let nav = use_nav();
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
            "?" => toggle_help(),
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
}
