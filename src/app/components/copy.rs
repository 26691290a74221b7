//! A text to copy (a link, an embed snippet): shown in a read-only field, so it can always
//! be selected by hand, with a button that puts it on the clipboard where the browser
//! allows it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Puts `text` on the clipboard; `false` where the Clipboard API is missing (an insecure
/// origin) or refuses.
async fn write_clipboard(text: &str) -> bool {
    let navigator = window().navigator();
    // `navigator.clipboard` is undefined outside secure contexts: calling through it would throw.
    let has = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .map(|c| !c.is_undefined())
        .unwrap_or(false);
    if !has {
        return false;
    }
    let promise = navigator.clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Selects the whole text of a field (an input or a text area); anything else is left alone.
fn select(el: web_sys::EventTarget) {
    match el.dyn_into::<web_sys::HtmlInputElement>() {
        Ok(input) => input.select(),
        Err(el) => {
            if let Ok(area) = el.dyn_into::<web_sys::HtmlTextAreaElement>() {
                area.select();
            }
        }
    }
}

/// A read-only field holding `text`, a copy button and a status line.
// An island (`app::islands`): marked in a prerendered page, drawn again there in place;
// in the browser, a component.
#[cfg_attr(not(target_arch = "wasm32"), island)]
#[cfg_attr(target_arch = "wasm32", component)]
pub fn CopyField(
    /// What to copy.
    text: String,
    /// The field's accessible label ("Link to this comparison").
    #[prop(into)]
    label: String,
    /// The button's text ("Copy link").
    #[prop(into)]
    button: String,
    /// Multi-line text (an embed snippet) gets a text area.
    multiline: bool,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let copy = {
        let text = text.clone();
        move |ev: leptos::ev::MouseEvent| {
            // Select the text first: if the clipboard refuses, Ctrl+C still works.
            let field = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|b| b.parent_element())
                .and_then(|div| div.query_selector(".copy__text").ok().flatten());
            if let Some(field) = field {
                select(field.into());
            }
            let text = text.clone();
            leptos::task::spawn_local(async move {
                status.set(if write_clipboard(&text).await {
                    "Copied.".to_string()
                } else {
                    "Selected: press Ctrl+C (⌘C) to copy.".to_string()
                });
            });
        }
    };
    let input = if multiline {
        view! { <textarea class="copy__text" readonly rows="3" aria-label=label>{text}</textarea> }
            .into_any()
    } else {
        view! { <input class="copy__text" type="text" readonly aria-label=label value=text/> }
            .into_any()
    };
    // Focusing the field selects it whole, as a reader about to copy expects.
    let select_all = |ev: leptos::ev::FocusEvent| {
        if let Some(t) = ev.target() {
            select(t);
        }
    };
    view! {
        <div class="copy" on:focusin=select_all>
            {input}
            <button type="button" class="button copy__button" on:click=copy>{button}</button>
            <span class="copy__status muted" role="status">{move || status.get()}</span>
        </div>
    }
}
