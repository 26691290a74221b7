//! Handing the page over to the app: the page's loader (Trunk.toml) defines
//! `shipOrSkipApp()`, which fetches the app's module and starts it, and answers whether
//! it could. The app mounts beside the first view and removes it once it has drawn the
//! page of the current address.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// What the app shows while a page's code loads (`catalog_gate::Skeleton`).
const SKELETON: &str = "<div class=\"skeleton\" aria-busy=\"true\" aria-live=\"polite\"><span class=\"visually-hidden\">Loading this page…</span><div class=\"skeleton__line skeleton__line--title\"></div><div class=\"skeleton__line\"></div><div class=\"skeleton__cards\"><div class=\"skeleton__card\"></div><div class=\"skeleton__card\"></div></div></div>";

/// What the app says when a page's code cannot be fetched (`lazy::unavailable`).
const UNAVAILABLE: &str = "<section class=\"load-error\" role=\"alert\"><h1>This page could not be loaded</h1><p class=\"load-error__what\">Its code did not download: you appear to be offline, and this device has not kept a copy yet.</p><p>Connect to the internet and try again. If the site was updated since you opened it, reload the page.</p><button type=\"button\" class=\"button\">Try again</button></section>";

/// Starts the app (once: the loader answers later calls with the same start); `false`
/// when its code could not be fetched. The first view stays live until the app
/// replaces it.
pub async fn hand_over() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let start = js_sys::Reflect::get(&window, &JsValue::from_str("shipOrSkipApp"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(started) = start
        .and_then(|f| f.call0(&JsValue::NULL).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(started).await.is_ok()
}

/// Hands over without waiting: the page stays as it is until the app replaces it.
pub fn hand_over_now() {
    wasm_bindgen_futures::spawn_local(async {
        hand_over().await;
    });
}

/// Hands over for another page, whose address is already in the history: home gives way
/// to a skeleton, as the app's own pages do while their code loads, and to a message with
/// a retry (`.load-error button`) if the app's code cannot be fetched.
pub fn load_page(main: Element) {
    main.set_inner_html(SKELETON);
    wasm_bindgen_futures::spawn_local(async move {
        if !hand_over().await {
            main.set_inner_html(UNAVAILABLE);
        }
    });
}
